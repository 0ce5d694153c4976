/** Placeholder while this section is built. */
export function OperatorsPanel() {
  return <p className="hint">Operators: being built.</p>;
}
