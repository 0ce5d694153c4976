/** Placeholder while this section is built. */
export function CodingAdminPanel() {
  return <p className="hint">Row coding: being built.</p>;
}
