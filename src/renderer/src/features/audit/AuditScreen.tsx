/** Placeholder replaced by the audit view. */
export function AuditScreen() {
  return <main className="screen" />;
}
