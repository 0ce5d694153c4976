/**
 * The accounting entry a registered supplier invoice creates, pure and in integer minor units:
 * a debit per invoiced row on its purchase account with its cost center, cost unit and project (one
 * per distribution when the row is split), and the credit of the invoice total on the vendor's
 * payables account.
 *
 * Why it always balances: every row's amount is split by split.ts, whose parts add up to the
 * amount exactly, and the credit is the sum of the rows' amounts; so debits = Σ rows = credit, to
 * the minor unit. buildAccountingEntry still adds both sides up and throws if they differ, so a
 * future change that breaks this cannot book a lopsided entry.
 *
 * A debit part of 0.00 (a row invoiced at nothing, or a share too small to get a minor unit) is left
 * out: an entry line of nothing books nothing and accounting systems refuse it.
 */
import { COST_CENTER, COST_UNIT, PROJECT, PURCHASE_ACCOUNT } from './dimensions';
import type { ResolvedValue } from './precedence';
import { splitByWeights } from './split';

/** The coding an entry line carries. */
export interface EntryCoding {
  purchaseAccount: string | null;
  costCenter: string | null;
  costUnit: string | null;
  project: string | null;
  /** The organisation's own dimensions: type code → value. */
  other: Readonly<Record<string, string>>;
}

/** A row's resolved coding (precedence.ts or row-coding.ts) as an entry line carries it. */
export function entryCodingOf(resolved: Readonly<Record<string, Pick<ResolvedValue, 'dimension' | 'value'>>>): EntryCoding {
  const other: Record<string, string> = {};
  for (const { dimension, value } of Object.values(resolved)) {
    if (value !== null && ![PURCHASE_ACCOUNT, COST_CENTER, COST_UNIT, PROJECT].includes(dimension)) other[dimension] = value;
  }
  return {
    purchaseAccount: resolved[PURCHASE_ACCOUNT]?.value ?? null,
    costCenter: resolved[COST_CENTER]?.value ?? null,
    costUnit: resolved[COST_UNIT]?.value ?? null,
    project: resolved[PROJECT]?.value ?? null,
    other,
  };
}

export interface Distribution {
  /** The share of the row, as a whole-number weight (percent, thousandths of the quantity…). */
  weight: number;
  coding: EntryCoding;
}

export interface EntryLine {
  lineNumber: number;
  side: 'debit' | 'credit';
  accountCode: string;
  /** Always positive; the side says which. */
  amountMinor: number;
  costCenter: string | null;
  costUnit: string | null;
  project: string | null;
  other: Readonly<Record<string, string>>;
  /** The PO row a debit is for; null on the credit. */
  poRowNumber: number | null;
  text: string;
}

export interface AccountingEntry {
  invoiceNumber: string;
  vendorCode: string;
  poNumber: string;
  /** The invoice date, YYYY-MM-DD. */
  date: string;
  lines: readonly EntryLine[];
  debitMinor: number;
  creditMinor: number;
}

export interface DebitSource {
  rowNumber: number;
  description: string;
  /** What this invoice charges for the row. */
  amountMinor: number;
  /** At least one; every one must have a purchase account (the invoice check refuses rows without). */
  distributions: readonly Distribution[];
}

export interface EntryFacts {
  invoiceNumber: string;
  vendorCode: string;
  vendorName: string;
  payablesAccount: string;
  poNumber: string;
  date: string;
  rows: readonly DebitSource[];
}

export interface EntryBalance {
  debitMinor: number;
  creditMinor: number;
  differenceMinor: number;
  balanced: boolean;
}

function safeSum(values: readonly number[], what: string): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError(`${what} is too large to book exactly.`);
  return total;
}

/** Adds up the entry's lines, side by side. */
export function entryBalance(entry: Pick<AccountingEntry, 'lines'>): EntryBalance {
  const debitMinor = safeSum(entry.lines.filter((line) => line.side === 'debit').map((line) => line.amountMinor), 'The debit total');
  const creditMinor = safeSum(entry.lines.filter((line) => line.side === 'credit').map((line) => line.amountMinor), 'The credit total');
  return { debitMinor, creditMinor, differenceMinor: debitMinor - creditMinor, balanced: debitMinor === creditMinor };
}

/** The entry, by the rules at the top; throws on input a caller should never pass (it is not an operator's mistake). */
export function buildAccountingEntry(facts: EntryFacts): AccountingEntry {
  const lines: EntryLine[] = [];
  for (const row of facts.rows) {
    if (!Number.isSafeInteger(row.amountMinor) || row.amountMinor < 0) throw new RangeError(`Row ${row.rowNumber}'s amount must be a whole number of minor units of zero or more; got ${row.amountMinor}.`);
    if (row.distributions.length === 0) throw new RangeError(`Row ${row.rowNumber} has no distribution to debit.`);
    const parts = splitByWeights(row.amountMinor, row.distributions.map((distribution) => distribution.weight));
    row.distributions.forEach((distribution, index) => {
      const amountMinor = parts[index] as number;
      if (amountMinor === 0) return;
      const { coding } = distribution;
      if (coding.purchaseAccount === null) throw new RangeError(`Row ${row.rowNumber} has no purchase account to debit.`);
      lines.push({
        lineNumber: lines.length + 1,
        side: 'debit',
        accountCode: coding.purchaseAccount,
        amountMinor,
        costCenter: coding.costCenter,
        costUnit: coding.costUnit,
        project: coding.project,
        other: coding.other,
        poRowNumber: row.rowNumber,
        text: `${facts.poNumber} row ${row.rowNumber}: ${row.description}`,
      });
    });
  }
  const creditMinor = safeSum(facts.rows.map((row) => row.amountMinor), `Invoice ${facts.invoiceNumber}'s total`);
  if (creditMinor === 0) throw new RangeError(`Invoice ${facts.invoiceNumber} totals nothing; there is no entry to book.`);
  lines.push({
    lineNumber: lines.length + 1,
    side: 'credit',
    accountCode: facts.payablesAccount,
    amountMinor: creditMinor,
    costCenter: null,
    costUnit: null,
    project: null,
    other: {},
    poRowNumber: null,
    text: `Invoice ${facts.invoiceNumber} from ${facts.vendorName}`,
  });
  const balance = entryBalance({ lines });
  if (!balance.balanced) throw new Error(`The entry for invoice ${facts.invoiceNumber} does not balance: debits ${balance.debitMinor}, credit ${balance.creditMinor} minor units.`);
  return { invoiceNumber: facts.invoiceNumber, vendorCode: facts.vendorCode, poNumber: facts.poNumber, date: facts.date, lines, debitMinor: balance.debitMinor, creditMinor: balance.creditMinor };
}
