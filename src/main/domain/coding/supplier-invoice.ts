/**
 * Registering a supplier invoice against a released PO, pure: the invoice's lines are matched with
 * the PO's rows (quantities in thousandths, amounts in minor units) and, when every line matches,
 * out comes the accounting entry (accounting-entry.ts). The service loads the facts, asks this and
 * commits the invoice, the rows' invoiced totals and the entry in one transaction.
 *
 * The invoice as a whole, in this order, the first failing rule refusing it:
 * | situation                                                     | verdict                         |
 * |---------------------------------------------------------------|---------------------------------|
 * | the PO is not released (and no change order is open on a released revision) | `invoice-po-not-released` |
 * | the invoice is from another vendor than the PO's              | `invoice-vendor-mismatch`       |
 * | no invoice number                                             | `invoice-number-required`       |
 * | the vendor's invoice with that number is already registered   | `invoice-duplicate`             |
 * | the date is not a date                                        | `invoice-date-invalid`          |
 * | the vendor has no payables account                            | `vendor-payables-account-missing` |
 * | no lines                                                      | `invoice-no-lines`              |
 *
 * Then every line, all problems reported at once so the operator fixes the invoice in one go:
 * | line                                                          | verdict                         |
 * |---------------------------------------------------------------|---------------------------------|
 * | a row that is not on the PO, or a row twice                   | `invoice-row-unknown`, `invoice-row-repeated` |
 * | a quantity of 0, or a negative amount                         | `invoice-quantity-not-positive`, `invoice-amount-negative` |
 * | already invoiced + this quantity > ordered                    | `invoice-quantity-over`, naming ordered, already invoiced, this invoice |
 * | already invoiced + this amount > the row's ordered amount     | `invoice-amount-over`, the same |
 * | the amount above the ordered price for the quantity, on a line that leaves the row partly open | `invoice-price-above-order` |
 * | a row without a purchase account, an account outside the chart, a Mandatory sub-object missing | `invoice-row-*`: the entry could not be booked |
 * and last the invoice's stated total must be the sum of its lines (`invoice-total-mismatch`) and more
 * than nothing (`invoice-total-zero`).
 *
 * Exactly at the limit is allowed: a row invoiced to the last thousandth and minor unit is fully
 * invoiced. A line that completes the row's quantity may charge whatever amount is left (so rounding
 * of earlier partial invoices never strands a minor unit); a partial line may not charge more than
 * its quantity at the ordered unit cost, rounded half up as the PO's line totals are (money.ts).
 * A lower price is allowed: a discount needs no refusal.
 *
 * Why a PO in a change order may still be invoiced: the vendor delivers on the revision released to
 * them, so the caller passes that revision's rows; its invoiced rows cannot be recoded meanwhile
 * (row-coding-checks.ts keeps invoiced rows read-only).
 */
import { formatMoney, formatQuantity } from '../../../shared/locale-format';
import type { LocaleCode } from '../../../shared/locales';
import { lineTotalMinor } from '../../../shared/money';
import { isIsoDate } from '../budget-orders';
import { type PoStatus, STATUS_TEXT } from '../po-lifecycle';
import { type AccountingEntry, buildAccountingEntry, type Distribution } from './accounting-entry';
import { type ChartOfAccounts, findAccount, requirementOf } from './chart-of-accounts';
import { dimensionLabel, type DimensionSet, SUB_OBJECTS } from './dimensions';

export interface InvoicePoRow {
  rowNumber: number;
  description: string;
  orderedQuantityMilli: number;
  unitCostMinor: number;
  /** The row's line total as ordered. */
  orderedAmountMinor: number;
  /** What earlier registered invoices charged for the row. */
  invoicedQuantityMilli: number;
  invoicedAmountMinor: number;
  /** The row's coding per distribution; a single one of weight 1 when the row is not split. */
  distributions: readonly Distribution[];
}

export interface InvoicePo {
  number: string;
  status: PoStatus;
  /** Set once the PO has been released; a change order keeps it while the PO is a draft again. */
  lastReleasedRevision: number | null;
  vendorCode: string;
  /** The rows of the revision released to the vendor. */
  rows: readonly InvoicePoRow[];
}

export interface InvoiceVendor {
  code: string;
  name: string;
  payablesAccount: string | null;
}

export interface InvoiceLine {
  rowNumber: number;
  quantityMilli: number;
  amountMinor: number;
}

export interface SupplierInvoice {
  number: string;
  vendorCode: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The total printed on the invoice. */
  totalMinor: number;
  lines: readonly InvoiceLine[];
}

export interface InvoiceFacts {
  po: InvoicePo;
  vendor: InvoiceVendor;
  invoice: SupplierInvoice;
  /** The numbers of this vendor's invoices already registered. */
  registeredNumbers: readonly string[];
  chart: ChartOfAccounts;
  set: DimensionSet;
  locale: LocaleCode;
}

export interface RowMatch {
  rowNumber: number;
  quantityMilli: number;
  amountMinor: number;
  orderedQuantityMilli: number;
  orderedAmountMinor: number;
  invoicedBeforeQuantityMilli: number;
  invoicedBeforeAmountMinor: number;
  /** What is left to invoice on the row once this invoice is registered. */
  openQuantityMilli: number;
  openAmountMinor: number;
  fullyInvoiced: boolean;
}

export interface InvoiceProblem {
  /** null for a problem of the invoice as a whole. */
  rowNumber: number | null;
  rule: string;
  reason: string;
}

export type InvoiceDecision =
  | { allowed: true; rule: 'invoice-matched'; reason: string; matches: RowMatch[]; entry: AccountingEntry }
  | { allowed: false; rule: string; reason: string; problems: InvoiceProblem[] };

const INVOICEABLE: readonly PoStatus[] = ['draft', 'submitted', 'approved'];

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number; got ${value}.`);
}

function invoiceProblem(facts: InvoiceFacts): InvoiceProblem | null {
  const { po, invoice, vendor } = facts;
  const refuse = (rule: string, reason: string): InvoiceProblem => ({ rowNumber: null, rule, reason });
  const changeOrderOpen = po.lastReleasedRevision !== null && INVOICEABLE.includes(po.status);
  if (po.status !== 'released' && !changeOrderOpen) {
    return refuse('invoice-po-not-released', `${po.number} is ${STATUS_TEXT[po.status]}; supplier invoices are registered only against a released PO.`);
  }
  if (invoice.vendorCode.trim().toLowerCase() !== po.vendorCode.toLowerCase()) {
    return refuse('invoice-vendor-mismatch', `The invoice is from vendor ${invoice.vendorCode}, but ${po.number} is ordered from ${po.vendorCode}.`);
  }
  const number = invoice.number.trim();
  if (number === '') return refuse('invoice-number-required', "Enter the vendor's invoice number.");
  if (facts.registeredNumbers.some((registered) => registered.trim().toLowerCase() === number.toLowerCase())) {
    return refuse('invoice-duplicate', `Invoice ${number} from ${vendor.name} is already registered; an invoice is registered once.`);
  }
  if (!isIsoDate(invoice.date)) return refuse('invoice-date-invalid', `The invoice date, ${invoice.date || '(blank)'}, is not a date.`);
  if (vendor.payablesAccount === null || vendor.payablesAccount.trim() === '') {
    return refuse('vendor-payables-account-missing', `Vendor ${vendor.code} (${vendor.name}) has no payables account, so the invoice cannot be credited; set one on the vendor.`);
  }
  if (invoice.lines.length === 0) return refuse('invoice-no-lines', `Invoice ${number} has no lines; match at least one row of ${po.number}.`);
  return null;
}

function codingProblems(facts: InvoiceFacts, row: InvoicePoRow): InvoiceProblem[] {
  const problems: InvoiceProblem[] = [];
  const n = row.rowNumber;
  if (row.distributions.length === 0) throw new RangeError(`Row ${n} of ${facts.po.number} came without its coding.`);
  const split = row.distributions.length > 1;
  row.distributions.forEach((distribution, index) => {
    const where = split ? `Row ${n}'s distribution ${index + 1}` : `Row ${n}`;
    const code = distribution.coding.purchaseAccount;
    if (code === null) {
      problems.push({ rowNumber: n, rule: 'invoice-row-no-account', reason: `${where} has no purchase account, so it cannot be debited; code it first.` });
      return;
    }
    const account = findAccount(facts.chart, code);
    if (!account) {
      problems.push({ rowNumber: n, rule: 'invoice-row-account-unknown', reason: `${where}'s purchase account ${code} is not in the chart of accounts.` });
      return;
    }
    const held = { 'cost-center': distribution.coding.costCenter, 'cost-unit': distribution.coding.costUnit, project: distribution.coding.project };
    for (const dimension of SUB_OBJECTS) {
      if (requirementOf(account, dimension) === 'mandatory' && held[dimension] === null) {
        problems.push({
          rowNumber: n,
          rule: 'invoice-row-mandatory-missing',
          reason: `${where} has no ${dimensionLabel(dimension, facts.set)}, which account ${account.code} (${account.name}) requires.`,
        });
      }
    }
  });
  return problems;
}

interface LineJudgement {
  problems: InvoiceProblem[];
  match: RowMatch | null;
}

function judgeLine(facts: InvoiceFacts, line: InvoiceLine, row: InvoicePoRow): LineJudgement {
  const { locale } = facts;
  const n = row.rowNumber;
  const qty = (milli: number) => formatQuantity(milli, locale);
  const money = (minor: number) => formatMoney(minor, locale);
  const problems: InvoiceProblem[] = [];
  const add = (rule: string, reason: string) => problems.push({ rowNumber: n, rule, reason });
  if (line.quantityMilli <= 0) add('invoice-quantity-not-positive', `Row ${n}'s invoiced quantity must be more than 0; it is ${qty(line.quantityMilli)}.`);
  if (line.amountMinor < 0) add('invoice-amount-negative', `Row ${n}'s invoiced amount cannot be negative; it is ${money(line.amountMinor)}.`);
  if (problems.length > 0) return { problems, match: null };

  const openQuantity = row.orderedQuantityMilli - row.invoicedQuantityMilli;
  const openAmount = row.orderedAmountMinor - row.invoicedAmountMinor;
  const quantityOver = line.quantityMilli > openQuantity;
  if (quantityOver) {
    add(
      'invoice-quantity-over',
      `Row ${n} would be over-invoiced: ordered ${qty(row.orderedQuantityMilli)}, already invoiced ${qty(row.invoicedQuantityMilli)}, this invoice ${qty(line.quantityMilli)}; ` +
        `at most ${qty(Math.max(0, openQuantity))} is left to invoice.`,
    );
  }
  if (line.amountMinor > openAmount) {
    add(
      'invoice-amount-over',
      `Row ${n}'s amount would be over-invoiced: ordered ${money(row.orderedAmountMinor)}, already invoiced ${money(row.invoicedAmountMinor)}, this invoice ${money(line.amountMinor)}; ` +
        `at most ${money(Math.max(0, openAmount))} is left to invoice.`,
    );
  } else if (!quantityOver && line.quantityMilli < openQuantity) {
    const atOrderPrice = lineTotalMinor(line.quantityMilli, row.unitCostMinor);
    if (line.amountMinor > atOrderPrice) {
      add(
        'invoice-price-above-order',
        `Row ${n} is invoiced ${money(line.amountMinor)} for ${qty(line.quantityMilli)}, above the ordered price: ${qty(line.quantityMilli)} at ${money(row.unitCostMinor)} is ${money(atOrderPrice)}.`,
      );
    }
  }
  if (line.amountMinor > 0) problems.push(...codingProblems(facts, row));
  if (problems.length > 0) return { problems, match: null };
  const openQuantityMilli = openQuantity - line.quantityMilli;
  const openAmountMinor = openAmount - line.amountMinor;
  return {
    problems,
    match: {
      rowNumber: n,
      quantityMilli: line.quantityMilli,
      amountMinor: line.amountMinor,
      orderedQuantityMilli: row.orderedQuantityMilli,
      orderedAmountMinor: row.orderedAmountMinor,
      invoicedBeforeQuantityMilli: row.invoicedQuantityMilli,
      invoicedBeforeAmountMinor: row.invoicedAmountMinor,
      openQuantityMilli,
      openAmountMinor,
      fullyInvoiced: openQuantityMilli === 0,
    },
  };
}

function refusal(problems: InvoiceProblem[]): InvoiceDecision {
  const [first] = problems as [InvoiceProblem, ...InvoiceProblem[]];
  const reason = problems.length === 1 ? first.reason : `The invoice cannot be registered: ${problems.length} problems. ${problems.map((problem) => problem.reason).join(' ')}`;
  return { allowed: false, rule: first.rule, reason, problems };
}

/** Match the invoice with the PO and, when everything matches, the entry it books. */
export function decideSupplierInvoice(facts: InvoiceFacts): InvoiceDecision {
  const { po, invoice, vendor, locale } = facts;
  for (const line of invoice.lines) {
    assertWhole(line.quantityMilli, `Row ${line.rowNumber}'s invoiced quantity`);
    assertWhole(line.amountMinor, `Row ${line.rowNumber}'s invoiced amount`);
  }
  assertWhole(invoice.totalMinor, "The invoice's total");
  const header = invoiceProblem(facts);
  if (header) return refusal([header]);

  const problems: InvoiceProblem[] = [];
  const matches: RowMatch[] = [];
  const seen = new Set<number>();
  const rowList = po.rows.map((row) => row.rowNumber).join(', ');
  for (const line of invoice.lines) {
    const row = po.rows.find((candidate) => candidate.rowNumber === line.rowNumber);
    if (!row) {
      problems.push({ rowNumber: line.rowNumber, rule: 'invoice-row-unknown', reason: `Row ${line.rowNumber} is not on ${po.number}; its rows are ${rowList}.` });
      continue;
    }
    if (seen.has(line.rowNumber)) {
      problems.push({ rowNumber: line.rowNumber, rule: 'invoice-row-repeated', reason: `Row ${line.rowNumber} is on the invoice twice; put its quantity and amount on one line.` });
      continue;
    }
    seen.add(line.rowNumber);
    const judged = judgeLine(facts, line, row);
    problems.push(...judged.problems);
    if (judged.match) matches.push(judged.match);
  }
  const linesTotal = invoice.lines.reduce((sum, line) => sum + line.amountMinor, 0);
  if (linesTotal !== invoice.totalMinor) {
    const apart = Math.abs(linesTotal - invoice.totalMinor);
    problems.push({
      rowNumber: null,
      rule: 'invoice-total-mismatch',
      reason: `The invoice's total, ${formatMoney(invoice.totalMinor, locale)}, is not the sum of its lines, ${formatMoney(linesTotal, locale)}: they are ${formatMoney(apart, locale)} apart.`,
    });
  } else if (linesTotal === 0) {
    problems.push({ rowNumber: null, rule: 'invoice-total-zero', reason: `Invoice ${invoice.number.trim()} totals ${formatMoney(0, locale)}; there is nothing to book.` });
  }
  if (problems.length > 0) return refusal(problems);

  const number = invoice.number.trim();
  const entry = buildAccountingEntry({
    invoiceNumber: number,
    vendorCode: po.vendorCode,
    vendorName: vendor.name,
    payablesAccount: (vendor.payablesAccount as string).trim(),
    poNumber: po.number,
    date: invoice.date,
    rows: invoice.lines.map((line) => {
      const row = po.rows.find((candidate) => candidate.rowNumber === line.rowNumber) as InvoicePoRow;
      return { rowNumber: row.rowNumber, description: row.description, amountMinor: line.amountMinor, distributions: row.distributions };
    }),
  });
  const closed = matches.filter((match) => match.fullyInvoiced).length;
  const rowsText = matches.length === 1 ? '1 row' : `${matches.length} rows`;
  const closedText = closed === 0 ? '' : closed === matches.length ? ', every one now fully invoiced' : `, ${closed} of them now fully invoiced`;
  return {
    allowed: true,
    rule: 'invoice-matched',
    reason: `Invoice ${number} from ${vendor.name} matches ${rowsText} of ${po.number}${closedText}: ${formatMoney(entry.creditMinor, locale)} is credited to ${entry.lines[entry.lines.length - 1]?.accountCode} and debited on ${entry.lines.length - 1} ${entry.lines.length - 1 === 1 ? 'line' : 'lines'}.`,
    matches,
    entry,
  };
}
