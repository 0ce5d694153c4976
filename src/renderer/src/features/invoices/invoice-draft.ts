import type { InvoiceDraft, RegisterSupplierInvoiceInput } from '../../../../shared/invoice-schemas';
import { formatMoney, formatQuantity, parseMoney, parseQuantity } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';

/**
 * The invoice form as typed, pure. Quantities and amounts are kept as text with the locale they were
 * typed in, so a later switch of format never changes what they mean; they are read through
 * locale-format.ts only when the invoice is sent. Rows are prefilled with what is left to invoice.
 *
 * The invoice total is the vendor's printed total, which main checks against the lines: until the
 * operator types one it follows the lines' sum (the form says so); once typed it is never changed.
 */
export interface InvoiceRowDraft {
  rowNumber: number;
  include: boolean;
  quantity: string;
  amount: string;
}

export interface InvoiceFormDraft {
  poId: number;
  vendorCode: string;
  number: string;
  date: string;
  /** null: not typed, follows the lines. */
  total: string | null;
  locale: LocaleCode;
  rows: InvoiceRowDraft[];
}

export type InvoiceField = 'number' | 'date' | 'totalMinor' | 'vendorCode' | 'poId' | 'lines';
export const INVOICE_FIELDS: readonly InvoiceField[] = ['number', 'date', 'totalMinor'];

/** Per row: the problem of its quantity, amount or the row as a whole, as main or the form found it. */
export interface RowErrors {
  quantity?: string;
  amount?: string;
  row?: string;
}

export interface FormErrors {
  fields: Partial<Record<InvoiceField, string>>;
  rows: Record<number, RowErrors>;
}

export const NO_ERRORS: FormErrors = { fields: {}, rows: {} };

/** Today in the operator's own calendar, as an ISO date: a new invoice's date until typed. */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newInvoiceForm(draft: InvoiceDraft, locale: LocaleCode, today: string): InvoiceFormDraft {
  return {
    poId: draft.po.id,
    vendorCode: draft.po.vendorCode,
    number: '',
    date: today,
    total: null,
    locale,
    rows: draft.rows.map((row) => ({
      rowNumber: row.rowNumber,
      include: row.remainingQuantityMilli > 0,
      quantity: row.remainingQuantityMilli > 0 ? formatQuantity(row.remainingQuantityMilli, locale) : '',
      amount: row.remainingQuantityMilli > 0 ? formatMoney(row.remainingAmountMinor, locale) : '',
    })),
  };
}

/** The sum of the included rows' amounts that read as amounts; null when any included amount does not read. */
export function linesTotal(form: InvoiceFormDraft): number | null {
  let sum = 0;
  for (const row of form.rows) {
    if (!row.include) continue;
    const amount = parseMoney(row.amount, form.locale);
    if (!amount.ok) return null;
    sum += amount.value;
  }
  return sum;
}

/** What the total field shows: the typed total, else the lines' sum in the operator's format. */
export function shownTotal(form: InvoiceFormDraft): string {
  if (form.total !== null) return form.total;
  const sum = linesTotal(form);
  return sum === null ? '' : formatMoney(sum, form.locale);
}

export type FormReading = { ok: true; input: RegisterSupplierInvoiceInput; rowNumbers: number[] } | { ok: false; errors: FormErrors };

/** The invoice to send, or every problem the form can see itself (main judges the rest). */
export function readInvoiceForm(form: InvoiceFormDraft): FormReading {
  const errors: FormErrors = { fields: {}, rows: {} };
  const lines: RegisterSupplierInvoiceInput['lines'] = [];
  for (const row of form.rows) {
    if (!row.include) continue;
    const quantity = parseQuantity(row.quantity, form.locale);
    const amount = parseMoney(row.amount, form.locale);
    const rowErrors: RowErrors = {};
    if (!quantity.ok) rowErrors.quantity = `Row ${row.rowNumber}: ${quantity.message}`;
    if (!amount.ok) rowErrors.amount = `Row ${row.rowNumber}: ${amount.message}`;
    if (rowErrors.quantity || rowErrors.amount) errors.rows[row.rowNumber] = rowErrors;
    else if (quantity.ok && amount.ok) lines.push({ rowNumber: row.rowNumber, quantityMilli: quantity.value, amountMinor: amount.value });
  }
  if (!form.rows.some((row) => row.include)) errors.fields.lines = 'Choose at least one row to invoice.';
  if (form.number.trim() === '') errors.fields.number = "Enter the vendor's invoice number.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.fields.date = 'Enter the invoice date.';
  const totalText = shownTotal(form);
  const total = parseMoney(totalText, form.locale, 'Invoice total');
  if (!total.ok) errors.fields.totalMinor = form.total === null && totalText === '' ? 'The invoice total follows the lines; correct their amounts, or type the total.' : total.message;
  if (Object.keys(errors.fields).length > 0 || Object.keys(errors.rows).length > 0 || !total.ok) return { ok: false, errors };
  return {
    ok: true,
    input: { poId: form.poId, vendorCode: form.vendorCode, number: form.number.trim(), date: form.date, totalMinor: total.value, lines },
    rowNumbers: lines.map((line) => line.rowNumber),
  };
}

/** Main's refusal, put beside the field or row it names (`lines.<index>.<field>` counts the rows sent). */
export function errorsOfRefusal(issues: readonly { path: string; message: string }[], rowNumbers: readonly number[], fallback: string): FormErrors {
  const errors: FormErrors = { fields: {}, rows: {} };
  const add = (current: string | undefined, message: string) => (current ? `${current} ${message}` : message);
  for (const issue of issues) {
    const match = /^lines\.(\d+)\.(quantityMilli|amountMinor|rowNumber)$/.exec(issue.path);
    const rowNumber = match ? rowNumbers[Number(match[1])] : undefined;
    if (match && rowNumber !== undefined) {
      const rowErrors = errors.rows[rowNumber] ?? {};
      const key = match[2] === 'quantityMilli' ? 'quantity' : match[2] === 'amountMinor' ? 'amount' : 'row';
      rowErrors[key] = add(rowErrors[key], issue.message);
      errors.rows[rowNumber] = rowErrors;
      continue;
    }
    const field = (['number', 'date', 'totalMinor', 'vendorCode', 'poId'] as const).find((name) => issue.path === name) ?? 'lines';
    errors.fields[field] = add(errors.fields[field], issue.message);
  }
  if (issues.length === 0) errors.fields.lines = fallback;
  return errors;
}
