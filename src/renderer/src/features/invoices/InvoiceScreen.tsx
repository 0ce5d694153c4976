import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useInvoiceStore } from '../../stores/invoice-store';
import { ExportEntriesForm } from './ExportEntriesForm';
import { InvoiceDetailView } from './InvoiceDetailView';
import { RegisterInvoiceForm } from './RegisterInvoiceForm';
import '../settings/settings.css';
import './invoices.css';

const REGISTER_BUTTON = 'invoice-register-start';
const EXPORT_BUTTON = 'invoice-export-start';
export const invoiceButtonId = (id: number) => `invoice-show-${id}`;
const afterRender = (work: () => void) => setTimeout(work, 0);

/**
 * Supplier invoices: the registered ones with their entries; supervisors and admins register a new
 * one against a released PO and export the entries; everyone reads them and prints the report.
 */
export function InvoiceScreen({ onOpenPo }: { onOpenPo(id: number): void }) {
  const { formatMoney, formatDate } = useLocaleFormat();
  const invoices = useInvoiceStore((s) => s.invoices);
  const canRegister = useInvoiceStore((s) => s.canRegister);
  const status = useInvoiceStore((s) => s.status);
  const loadError = useInvoiceStore((s) => s.loadError);
  const filter = useInvoiceStore((s) => s.filter);
  const selectedId = useInvoiceStore((s) => s.selectedId);
  const detail = useInvoiceStore((s) => s.detail);
  const detailError = useInvoiceStore((s) => s.detailError);
  const notice = useInvoiceStore((s) => s.notice);
  const registering = useInvoiceStore((s) => s.register !== null);
  const store = useInvoiceStore.getState();
  const [exporting, setExporting] = useState(false);
  const [reportBusy, setReportBusy] = useState(false);

  useEffect(() => {
    void useInvoiceStore.getState().load();
    return api.onChanged((notice) => {
      if (notice.entities.includes('invoices')) void useInvoiceStore.getState().load();
    });
  }, []);

  useEffect(() => {
    document.getElementById('invoices-title')?.focus();
  }, []);

  const filterSubmit = (event: FormEvent) => {
    event.preventDefault();
    void store.load();
  };

  const report = async () => {
    if (!detail || reportBusy) return;
    setReportBusy(true);
    const result = await api.invoiceReport({ id: detail.invoice.id });
    setReportBusy(false);
    if (!result.ok) {
      store.setNotice({ kind: 'refused', message: `The invoice report could not be made: ${result.error.message}` });
      return;
    }
    downloadBase64(result.value.fileName, result.value.contentBase64, 'application/pdf');
    store.setNotice({ kind: 'done', message: `Invoice report ${result.value.fileName} downloaded.` });
  };

  const closeRegister = () => {
    store.cancelRegister();
    afterRender(() => document.getElementById(REGISTER_BUTTON)?.focus());
  };

  return (
    <main className="screen invoice-screen" aria-labelledby="invoices-title">
      <header className="screen-header">
        <div>
          <h1 id="invoices-title" tabIndex={-1}>
            Supplier invoices
          </h1>
          <p className="screen-meta">Invoices registered against released POs, each with the accounting entry it booked: a debit per row, the credit on the vendor’s payables account.</p>
        </div>
        {canRegister && (
          <div className="invoice-header-actions">
            <button id={REGISTER_BUTTON} type="button" className="primary" onClick={() => store.startRegister()}>
              Register invoice…
            </button>
            <button id={EXPORT_BUTTON} type="button" className="secondary" aria-expanded={exporting} onClick={() => setExporting(true)}>
              Export entries…
            </button>
          </div>
        )}
      </header>

      <div className="invoice-layout">
        {registering && <RegisterInvoiceForm onDone={(id) => afterRender(() => (document.getElementById('invoice-detail-title') ?? document.getElementById(invoiceButtonId(id)))?.focus())} onCancel={closeRegister} />}
        {exporting && (
          <ExportEntriesForm
            onClose={() => {
              setExporting(false);
              afterRender(() => document.getElementById(EXPORT_BUTTON)?.focus());
            }}
          />
        )}
        <p role="status" className={`settings-outcome${notice?.kind === 'refused' ? ' is-refused' : ''}`}>
          {notice?.message}
        </p>
        {selectedId !== null && detail?.invoice.id === selectedId && <InvoiceDetailView detail={detail} reportBusy={reportBusy} onReport={() => void report()} onOpenPo={onOpenPo} />}
        {detailError && (
          <p role="alert" className="alert">
            The invoice could not be read: {detailError}
          </p>
        )}

        <section className="settings-card" aria-labelledby="invoice-list-title">
          <h2 id="invoice-list-title">Registered invoices</h2>
          <form className="invoice-filter" role="search" aria-label="Find invoices" onSubmit={filterSubmit}>
            <div className="field">
              <label htmlFor="invoice-filter-number">Invoice number</label>
              <input id="invoice-filter-number" type="search" autoComplete="off" value={filter.number} onChange={(event) => store.setFilter({ number: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor="invoice-filter-vendor">Vendor code</label>
              <input id="invoice-filter-vendor" type="search" autoComplete="off" value={filter.vendorCode} onChange={(event) => store.setFilter({ vendorCode: event.target.value })} />
            </div>
            <button type="submit" className="secondary">
              Find
            </button>
          </form>
          {!invoices ? (
            status === 'error' ? (
              <p role="alert" className="alert">
                The invoices could not be read: {loadError}
              </p>
            ) : (
              <p className="muted" aria-busy="true">
                Reading the invoices…
              </p>
            )
          ) : invoices.length === 0 ? (
            <p className="empty-state">No supplier invoices{filter.number || filter.vendorCode ? ' match' : ' yet'}.</p>
          ) : (
            <div className="table-card">
              <table className="po-table invoice-table" aria-label="Supplier invoices">
                <thead>
                  <tr>
                    <th scope="col">Invoice</th>
                    <th scope="col">Date</th>
                    <th scope="col">Vendor</th>
                    <th scope="col">PO</th>
                    <th scope="col" className="num">
                      Total
                    </th>
                    <th scope="col">Entry</th>
                    <th scope="col">Registered by</th>
                  </tr>
                </thead>
                <tbody>
                  {invoices.map((invoice) => (
                    <tr key={invoice.id} className={invoice.id === selectedId ? 'is-selected' : undefined} aria-current={invoice.id === selectedId ? 'true' : undefined}>
                      <td>
                        <button
                          id={invoiceButtonId(invoice.id)}
                          type="button"
                          className="link-button"
                          aria-label={`Show invoice ${invoice.number} from ${invoice.vendorCode}`}
                          aria-pressed={invoice.id === selectedId}
                          onClick={() => void store.select(invoice.id)}
                        >
                          {invoice.number}
                        </button>
                      </td>
                      <td>{formatDate(invoice.date)}</td>
                      <td>
                        <span className="code">{invoice.vendorCode}</span> <span className="muted-name">{invoice.vendorName}</span>
                      </td>
                      <td className="code">{invoice.poNumber}</td>
                      <td className="num">{formatMoney(invoice.totalMinor)}</td>
                      <td>
                        <span className="code">{invoice.entryNumber}</span> {invoice.entryExportedAt ? <span className="badge">exported</span> : null}
                      </td>
                      <td>{invoice.registeredByName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </main>
  );
}
