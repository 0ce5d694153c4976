import type { ParsedInputOf } from '../../shared/contracts';
import type { InvoiceDetail } from '../../shared/invoice-schemas';
import type { FieldIssue } from '../../shared/result';
import { formatMoney, formatQuantity } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { decideSupplierInvoice, type InvoiceDecision, type InvoiceProblem } from '../domain/coding/supplier-invoice';
import { appendAudit } from '../store/repositories/audit-repo';
import { findInvoicePo } from '../store/repositories/invoice-po-repo';
import { insertInvoiceWithEntry, lockForInvoicing, registeredInvoiceNumbers } from '../store/repositories/invoice-repo';
import { inRetriedTransaction } from '../store/transaction';
import { AppFailure, forbidden, notFound } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { readPoInvoiceFacts } from './invoice-facts';
import { canRegisterInvoices, readInvoiceDetail } from './invoice-read-service';

/**
 * Registering a supplier invoice against a released PO (or one whose change order is open: the
 * vendor invoices the revision released to them). Supervisors and admins register: booking a
 * payable is accounts payable's work, not the buyer's, so an operator who placed the order does not
 * also approve what is paid for it.
 *
 * In one transaction, with the PO and the vendor's invoice number locked: the facts are read again,
 * the domain matches the invoice (supplier-invoice.ts), and the invoice, its lines, its balanced
 * entry and the audit row are written; a refusal rolls everything back and is audited on its own.
 * A second registration of the vendor's number is refused by the domain, and by the database's
 * unique key should two desks race past it.
 */

const QUANTITY_RULES = new Set(['invoice-quantity-not-positive', 'invoice-quantity-over']);
const AMOUNT_RULES = new Set(['invoice-amount-negative', 'invoice-amount-over', 'invoice-price-above-order']);
const HEADER_FIELDS: Readonly<Record<string, string>> = {
  'invoice-po-not-released': 'poId',
  'invoice-vendor-mismatch': 'vendorCode',
  'invoice-number-required': 'number',
  'invoice-duplicate': 'number',
  'invoice-date-invalid': 'date',
  'vendor-payables-account-missing': 'vendorCode',
  'invoice-no-lines': 'lines',
  'invoice-total-mismatch': 'totalMinor',
  'invoice-total-zero': 'totalMinor',
};

/** The form field a problem belongs beside: a row's quantity or amount, the row itself, or a header field. */
export function problemPath(problem: InvoiceProblem, rowNumbers: readonly number[]): string {
  if (problem.rowNumber === null) return HEADER_FIELDS[problem.rule] ?? 'lines';
  const index = rowNumbers.indexOf(problem.rowNumber);
  if (index < 0) return 'lines';
  const line = `lines.${index}`;
  if (QUANTITY_RULES.has(problem.rule)) return `${line}.quantityMilli`;
  if (AMOUNT_RULES.has(problem.rule)) return `${line}.amountMinor`;
  return `${line}.rowNumber`;
}

function refusalOf(decision: Extract<InvoiceDecision, { allowed: false }>, rowNumbers: readonly number[]): AppFailure {
  const issues: FieldIssue[] = decision.problems.map((problem) => ({ path: problemPath(problem, rowNumbers), message: problem.reason }));
  const failure = new AppFailure('refused', decision.reason, issues[0]?.path).withAudit({ rule: decision.rule, after: decision.problems.map((problem) => problem.rule).join(', ') });
  failure.error.issues = issues;
  return failure;
}

const invoiceText = (input: ParsedInputOf<'registerSupplierInvoice'>, locale: LocaleCode) =>
  `invoice ${input.number.trim()} of ${input.date}, total ${formatMoney(input.totalMinor, locale)}: ` +
  input.lines.map((line) => `row ${line.rowNumber} ${formatQuantity(line.quantityMilli, locale)} for ${formatMoney(line.amountMinor, locale)}`).join('; ');

export async function registerSupplierInvoice(desk: Desk, caller: Caller, input: ParsedInputOf<'registerSupplierInvoice'>): Promise<InvoiceDetail> {
  if (!canRegisterInvoices(caller)) {
    throw forbidden('Only a supervisor or an administrator registers supplier invoices; you are signed in as an operator.');
  }
  const locale = await localeOf(desk.db, caller);
  const at = desk.now();
  const rowNumbers = input.lines.map((line) => line.rowNumber);
  let refusedPo: { id: number; number: string; vendorCode: string } | null = null;
  try {
    const registered = await inRetriedTransaction(desk.db, async (trx) => {
      const record = await findInvoicePo(trx, input.poId);
      if (!record) throw notFound(`Purchase order ${input.poId} does not exist; pick the PO again.`);
      refusedPo = { id: record.id, number: record.number, vendorCode: record.vendorCode };
      await lockForInvoicing(trx, record.id, record.vendorId, input.number);
      const [facts, registeredNumbers] = await Promise.all([readPoInvoiceFacts(trx, record), registeredInvoiceNumbers(trx, record.vendorId)]);
      const decision = decideSupplierInvoice({
        po: facts.po,
        vendor: { code: record.vendorCode, name: record.vendorName, payablesAccount: facts.coding.payablesAccount },
        invoice: { number: input.number, vendorCode: input.vendorCode, date: input.date, totalMinor: input.totalMinor, lines: input.lines },
        registeredNumbers,
        chart: facts.coding.chart,
        set: facts.coding.set,
        locale,
      });
      if (!decision.allowed) throw refusalOf(decision, rowNumbers);
      const before = decision.matches
        .map((match) => `row ${match.rowNumber} invoiced ${formatQuantity(match.invoicedBeforeQuantityMilli, locale)} for ${formatMoney(match.invoicedBeforeAmountMinor, locale)}`)
        .join('; ');
      const stored = await insertInvoiceWithEntry(
        trx,
        {
          vendorId: record.vendorId,
          number: input.number.trim(),
          date: input.date,
          poId: record.id,
          poRevision: facts.revision,
          totalMinor: input.totalMinor,
          registeredBy: caller.operator.id,
          lines: decision.matches.map((match) => ({
            poLineId: facts.lineIdByRow.get(match.rowNumber) as number,
            rowNumber: match.rowNumber,
            quantityMilli: match.quantityMilli,
            amountMinor: match.amountMinor,
          })),
        },
        decision.entry,
        facts.lineIdByRow,
        at,
      );
      await appendAudit(
        trx,
        {
          operatorId: caller.operator.id,
          action: 'supplier-invoice-registered',
          poId: record.id,
          rule: decision.rule,
          before,
          after: `${invoiceText(input, locale)}; entry ${stored.entryNumber}, debits ${formatMoney(decision.entry.debitMinor, locale)} = credit ${formatMoney(decision.entry.creditMinor, locale)}`,
          detail: decision.reason,
          vendorCode: record.vendorCode,
        },
        at,
      );
      return { invoiceId: stored.invoiceId, reason: decision.reason };
    });
    return { ...(await readInvoiceDetail(desk.db, registered.invoiceId)), registeredReason: registered.reason };
  } catch (failure) {
    if (failure instanceof AppFailure && failure.error.code === 'refused' && failure.audit) {
      const po = refusedPo as { id: number; number: string; vendorCode: string } | null;
      await appendAudit(
        desk.db,
        {
          operatorId: caller.operator.id,
          action: 'supplier-invoice-refused',
          poId: po?.id ?? null,
          rule: failure.audit.rule,
          after: invoiceText(input, locale),
          detail: failure.error.message,
          vendorCode: po?.vendorCode ?? null,
        },
        desk.now(),
      );
    }
    throw failure;
  }
}
