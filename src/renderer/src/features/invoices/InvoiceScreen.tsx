/** Placeholder while supplier invoices are built. */
export function InvoiceScreen(_props: { onOpenPo(id: number): void }) {
  return (
    <main className="screen" aria-labelledby="invoices-title">
      <h1 id="invoices-title">Supplier invoices</h1>
    </main>
  );
}
