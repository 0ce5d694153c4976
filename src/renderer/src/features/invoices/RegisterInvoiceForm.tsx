import { type FormEvent, useEffect } from 'react';
import { useUnsavedForm } from '../../stores/unsaved-forms';
import type { InvoiceDraftRow } from '../../../../shared/invoice-schemas';
import { cancelOnEscape } from '../../components/record-form';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useInvoiceStore } from '../../stores/invoice-store';
import { INVOICE_FIELDS, linesTotal, shownTotal } from './invoice-draft';

const PO_FIELD = 'invoice-po-number';
const FIELD_ID = { number: 'invoice-number', date: 'invoice-date', totalMinor: 'invoice-total' } as const;
export const rowQuantityId = (rowNumber: number) => `invoice-row-${rowNumber}-quantity`;
export const rowAmountId = (rowNumber: number) => `invoice-row-${rowNumber}-amount`;
const rowIncludeId = (rowNumber: number) => `invoice-row-${rowNumber}-include`;

function Problem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

const codingText = (row: InvoiceDraftRow) =>
  row.coding.map((coding) => [coding.purchaseAccount ?? 'no account', coding.costCenter ?? '—', coding.costUnit ?? '—', coding.project ?? '—'].join(' · ')).join('; ');

/**
 * Registering a supplier invoice: the PO by number first (Enter finds it), then its rows prefilled
 * with what is left to invoice, each editable, main's refusals beside the row they name. Enter
 * registers, Escape cancels.
 */
export function RegisterInvoiceForm({ onDone, onCancel }: { onDone(id: number): void; onCancel(): void }) {
  const { formatMoney, formatQuantity } = useLocaleFormat();
  const register = useInvoiceStore((s) => s.register);
  // Once a PO's rows are on the form, leaving would lose what was typed against them.
  useUnsavedForm('invoice-register', register !== null && register.form !== null && !register.saving, 'Leaving now discards the supplier invoice you were registering; nothing was registered.');
  const store = useInvoiceStore.getState();
  const hasForm = Boolean(register?.form);

  useEffect(() => {
    document.getElementById(hasForm ? FIELD_ID.number : PO_FIELD)?.focus();
  }, [hasForm]);

  if (!register) return null;
  const { draft, form, errors } = register;
  const onKeyDown = cancelOnEscape(onCancel);

  const findPo = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await store.findPo())) document.getElementById(PO_FIELD)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await store.submit();
    if (id !== null) {
      onDone(id);
      return;
    }
    const now = useInvoiceStore.getState().register;
    if (!now?.form) return;
    const field = INVOICE_FIELDS.find((name) => now.errors.fields[name]);
    const row = now.form.rows.find((candidate) => now.errors.rows[candidate.rowNumber]);
    const rowErrors = row ? now.errors.rows[row.rowNumber] : undefined;
    const target = field ? FIELD_ID[field as keyof typeof FIELD_ID] : row ? (rowErrors?.amount && !rowErrors.quantity ? rowAmountId(row.rowNumber) : rowQuantityId(row.rowNumber)) : null;
    if (target) document.getElementById(target)?.focus();
  };

  const sum = form ? linesTotal(form) : null;

  return (
    <section className="settings-card invoice-register" aria-labelledby="invoice-register-title">
      <h2 id="invoice-register-title">{draft ? `Register an invoice for ${draft.po.number}` : 'Register a supplier invoice'}</h2>
      <form className="invoice-po-form" noValidate onSubmit={(event) => void findPo(event)} onKeyDown={onKeyDown}>
        <div className="field">
          <label htmlFor={PO_FIELD}>Released PO</label>
          <input
            id={PO_FIELD}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={register.poNumber}
            aria-invalid={register.poError ? 'true' : undefined}
            aria-describedby={register.poError ? `${PO_FIELD}-error` : `${PO_FIELD}-hint`}
            onChange={(event) => store.editPoNumber(event.target.value)}
          />
          <p className="hint" id={`${PO_FIELD}-hint`}>
            Its number as the PO list shows it; Enter reads its rows.
          </p>
          <Problem id={`${PO_FIELD}-error`} message={register.poError ?? undefined} />
        </div>
        <div className="invoice-po-actions">
          <button type="submit" className="secondary" aria-disabled={register.finding || undefined}>
            {draft ? 'Read another PO' : 'Read its rows'}
          </button>
          {!form && (
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>

      {draft && form && (
        <form className="settings-form invoice-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown}>
          <p className="screen-meta">
            {draft.po.vendorCode} — {draft.po.vendorName}, revision {draft.po.revision}; credited to payables account {draft.po.payablesAccount ?? '(none set)'}.
          </p>
          <div className="invoice-form-row">
            <div className="field">
              <label htmlFor={FIELD_ID.number}>Vendor’s invoice number</label>
              <input
                id={FIELD_ID.number}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={form.number}
                aria-invalid={errors.fields.number ? 'true' : undefined}
                aria-describedby={errors.fields.number ? `${FIELD_ID.number}-error` : undefined}
                onChange={(event) => store.editForm({ number: event.target.value })}
              />
              <Problem id={`${FIELD_ID.number}-error`} message={errors.fields.number} />
            </div>
            <div className="field">
              <label htmlFor={FIELD_ID.date}>Invoice date</label>
              <input
                id={FIELD_ID.date}
                type="date"
                value={form.date}
                aria-invalid={errors.fields.date ? 'true' : undefined}
                aria-describedby={errors.fields.date ? `${FIELD_ID.date}-error` : undefined}
                onChange={(event) => store.editForm({ date: event.target.value })}
              />
              <Problem id={`${FIELD_ID.date}-error`} message={errors.fields.date} />
            </div>
            <div className="field">
              <label htmlFor={FIELD_ID.totalMinor}>Invoice total</label>
              <input
                id={FIELD_ID.totalMinor}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                className="num"
                value={shownTotal(form)}
                aria-invalid={errors.fields.totalMinor ? 'true' : undefined}
                aria-describedby={[`${FIELD_ID.totalMinor}-hint`, errors.fields.totalMinor ? `${FIELD_ID.totalMinor}-error` : ''].filter(Boolean).join(' ')}
                onChange={(event) => store.editForm({ total: event.target.value })}
              />
              <p className="hint" id={`${FIELD_ID.totalMinor}-hint`}>
                {form.total === null ? 'As printed on the invoice; it follows the lines until you type it.' : `As printed on the invoice; the lines add up to ${sum === null ? '—' : formatMoney(sum)}.`}
              </p>
              <Problem id={`${FIELD_ID.totalMinor}-error`} message={errors.fields.totalMinor} />
            </div>
          </div>

          <div className="table-card invoice-rows-card">
            <table className="po-table invoice-rows" aria-label={`Rows of ${draft.po.number} to invoice`}>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Row</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Ordered
                  </th>
                  <th scope="col" className="num">
                    Invoiced before
                  </th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Coding</th>
                </tr>
              </thead>
              <tbody>
                {draft.rows.map((row) => {
                  const typed = form.rows.find((candidate) => candidate.rowNumber === row.rowNumber);
                  if (!typed) return null;
                  const rowErrors = errors.rows[row.rowNumber] ?? {};
                  const quantityError = `${rowQuantityId(row.rowNumber)}-error`;
                  const amountError = `${rowAmountId(row.rowNumber)}-error`;
                  const rowError = `invoice-row-${row.rowNumber}-error`;
                  return (
                    <tr key={row.rowNumber} className={rowErrors.quantity || rowErrors.amount || rowErrors.row ? 'has-problem' : undefined}>
                      <td>
                        <input
                          id={rowIncludeId(row.rowNumber)}
                          type="checkbox"
                          checked={typed.include}
                          aria-label={`Invoice row ${row.rowNumber}`}
                          onChange={(event) => store.editRow(row.rowNumber, { include: event.target.checked })}
                        />
                      </td>
                      <td className="num">{row.rowNumber}</td>
                      <td>
                        {row.description}
                        <Problem id={rowError} message={rowErrors.row} />
                      </td>
                      <td className="num">
                        {formatQuantity(row.orderedQuantityMilli)}
                        <span className="invoice-sub">{formatMoney(row.orderedAmountMinor)}</span>
                      </td>
                      <td className="num">
                        {formatQuantity(row.invoicedQuantityMilli)}
                        <span className="invoice-sub">{formatMoney(row.invoicedAmountMinor)}</span>
                      </td>
                      <td className="num invoice-cell">
                        <input
                          id={rowQuantityId(row.rowNumber)}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          className="num"
                          value={typed.quantity}
                          disabled={!typed.include}
                          aria-label={`Row ${row.rowNumber} quantity invoiced`}
                          aria-invalid={rowErrors.quantity ? 'true' : undefined}
                          aria-describedby={rowErrors.quantity ? quantityError : undefined}
                          onChange={(event) => store.editRow(row.rowNumber, { quantity: event.target.value })}
                        />
                        <Problem id={quantityError} message={rowErrors.quantity} />
                      </td>
                      <td className="num invoice-cell">
                        <input
                          id={rowAmountId(row.rowNumber)}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          className="num"
                          value={typed.amount}
                          disabled={!typed.include}
                          aria-label={`Row ${row.rowNumber} amount invoiced`}
                          aria-invalid={rowErrors.amount ? 'true' : undefined}
                          aria-describedby={rowErrors.amount ? amountError : undefined}
                          onChange={(event) => store.editRow(row.rowNumber, { amount: event.target.value })}
                        />
                        <Problem id={amountError} message={rowErrors.amount} />
                      </td>
                      <td className="invoice-coding">{codingText(row)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Problem id="invoice-lines-error" message={errors.fields.lines ?? errors.fields.poId ?? errors.fields.vendorCode} />
          <p className="hint">Prefilled with what is left to invoice on each row; change any row to what the vendor charged, or untick it.</p>
          <div className="settings-actions">
            <button type="submit" className="primary" aria-disabled={register.saving || undefined}>
              Register invoice
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
            {register.message && (
              <p role="alert" className="settings-outcome is-refused">
                {register.message}
              </p>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
