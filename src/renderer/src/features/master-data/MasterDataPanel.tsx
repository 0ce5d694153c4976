/** Placeholder while this section is built. */
export function MasterDataPanel() {
  return <p className="hint">Master data: being built.</p>;
}
