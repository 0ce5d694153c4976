/** Placeholder while this section is built. */
export function ImportPanel() {
  return <p className="hint">Import: being built.</p>;
}
