import type { InvoiceDetail } from '../../../../shared/invoice-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';

interface InvoiceDetailViewProps {
  detail: InvoiceDetail;
  reportBusy: boolean;
  onReport(): void;
  onOpenPo(id: number): void;
}

/** One registered invoice: its rows with their cost centers, and its accounting entry with both totals and whether they balance. */
export function InvoiceDetailView({ detail, reportBusy, onReport, onOpenPo }: InvoiceDetailViewProps) {
  const { formatMoney, formatQuantity, formatDate, formatDateTime } = useLocaleFormat();
  const { invoice, entry } = detail;
  return (
    <section className="settings-card invoice-detail" aria-labelledby="invoice-detail-title">
      <div className="invoice-detail-head">
        <h2 id="invoice-detail-title" tabIndex={-1}>
          Invoice {invoice.number} from {invoice.vendorCode}
        </h2>
        <div className="invoice-detail-actions">
          <button type="button" className="secondary" aria-disabled={reportBusy || undefined} onClick={onReport}>
            Invoice report (PDF)
          </button>
          <button type="button" className="secondary" onClick={() => onOpenPo(invoice.poId)}>
            Open {invoice.poNumber}
          </button>
        </div>
      </div>
      <dl className="invoice-facts">
        <div>
          <dt>Vendor</dt>
          <dd>
            {invoice.vendorCode} — {invoice.vendorName}
          </dd>
        </div>
        <div>
          <dt>Invoice date</dt>
          <dd>{formatDate(invoice.date)}</dd>
        </div>
        <div>
          <dt>PO</dt>
          <dd>
            {invoice.poNumber} revision {invoice.poRevision}
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatMoney(invoice.totalMinor)}</dd>
        </div>
        <div>
          <dt>Registered</dt>
          <dd>
            {formatDateTime(invoice.registeredAt)} by {invoice.registeredByName}
          </dd>
        </div>
      </dl>

      <h3 className="invoice-section">Invoiced rows</h3>
      <div className="table-card">
        <table className="po-table invoice-lines" aria-label={`Rows of invoice ${invoice.number}`}>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Cost center</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((line) => (
              <tr key={line.rowNumber}>
                <td className="num">{line.rowNumber}</td>
                <td>{line.description}</td>
                <td className="num">{formatQuantity(line.quantityMilli)}</td>
                <td className="num">{formatMoney(line.amountMinor)}</td>
                <td className="code">{line.costCenters.length === 0 ? '—' : [...new Set(line.costCenters)].join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="invoice-section">
        Accounting entry {entry.number}{' '}
        <span className={`badge ${entry.balanced ? 'invoice-balanced' : 'invoice-unbalanced'}`}>{entry.balanced ? 'Balanced' : 'Not balanced'}</span>{' '}
        <span className="muted invoice-exported">{entry.exportedAt ? `exported ${formatDateTime(entry.exportedAt)}` : 'not exported yet'}</span>
      </h3>
      <div className="table-card">
        <table className="po-table invoice-entry" aria-label={`Accounting entry ${entry.number}`}>
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Account</th>
              <th scope="col">Cost center</th>
              <th scope="col">Cost unit</th>
              <th scope="col">Project</th>
              <th scope="col">Text</th>
              <th scope="col" className="num">
                Debit
              </th>
              <th scope="col" className="num">
                Credit
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.lines.map((line) => (
              <tr key={line.lineNumber}>
                <td className="num">{line.lineNumber}</td>
                <td className="code">{line.accountCode}</td>
                <td className="code">{line.costCenter ?? '—'}</td>
                <td className="code">{line.costUnit ?? '—'}</td>
                <td className="code">{line.project ?? '—'}</td>
                <td>{line.text}</td>
                <td className="num">{line.side === 'debit' ? formatMoney(line.amountMinor) : ''}</td>
                <td className="num">{line.side === 'credit' ? formatMoney(line.amountMinor) : ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6} className="num">
                Totals
              </th>
              <td className="num invoice-total" aria-label={`Debits ${formatMoney(entry.debitMinor)}`}>
                {formatMoney(entry.debitMinor)}
              </td>
              <td className="num invoice-total" aria-label={`Credit ${formatMoney(entry.creditMinor)}`}>
                {formatMoney(entry.creditMinor)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">
        {entry.balanced
          ? `Debits ${formatMoney(entry.debitMinor)} equal the credit ${formatMoney(entry.creditMinor)} to the minor unit.`
          : `Debits ${formatMoney(entry.debitMinor)} and credit ${formatMoney(entry.creditMinor)} are ${formatMoney(Math.abs(entry.differenceMinor))} apart.`}
      </p>
    </section>
  );
}
