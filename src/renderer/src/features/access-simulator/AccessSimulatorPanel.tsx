/** Placeholder while this section is built. */
export function AccessSimulatorPanel() {
  return <p className="hint">What may this operator do?: being built.</p>;
}
