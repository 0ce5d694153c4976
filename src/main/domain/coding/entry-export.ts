/**
 * Accounting entries as rows for the accounting system's CSV import, pure: every row an array of
 * strings in a fixed column order, one row per entry line, with a header row first. Writing the
 * file (quoting, separators, line ends) is the CSV library's job, not this module's.
 *
 * Why the values are not in the operator's format: the file is read by a program, not a person, so
 * amounts are plain decimal text with '.' and no grouping ("1234.50", "-0.05"), and dates stay ISO
 * (YYYY-MM-DD), whatever locale the desk shows. Debit and credit have a column each, the other one
 * left empty, because that is how the entry was booked and the importer needs no sign convention.
 * An empty code is an empty string. The organisation's own dimensions go, sorted by code, into one
 * column as "code=value;code=value", so adding a dimension never moves the columns an importer
 * already maps.
 */
import type { AccountingEntry, EntryLine } from './accounting-entry';

export const ENTRY_EXPORT_COLUMNS = [
  'Entry',
  'Date',
  'Invoice',
  'Vendor',
  'PO',
  'PO row',
  'Line',
  'Account',
  'Cost center',
  'Cost unit',
  'Project',
  'Other dimensions',
  'Debit',
  'Credit',
  'Text',
] as const;

export interface NumberedEntry {
  /** The entry's number in the desk (the store assigns it). */
  entryNumber: string;
  entry: AccountingEntry;
}

/** Minor units as plain decimal text: 123450 → "1234.50", -5 → "-0.05". */
export function plainDecimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`An exported amount must be a whole number of minor units; got ${minor}.`);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function otherDimensions(line: EntryLine): string {
  return Object.keys(line.other)
    .sort()
    .map((code) => `${code}=${line.other[code]}`)
    .join(';');
}

/** One entry line as the columns above have it. */
export function entryLineRow(numbered: NumberedEntry, line: EntryLine): string[] {
  const { entry } = numbered;
  return [
    numbered.entryNumber,
    entry.date,
    entry.invoiceNumber,
    entry.vendorCode,
    entry.poNumber,
    line.poRowNumber === null ? '' : String(line.poRowNumber),
    String(line.lineNumber),
    line.accountCode,
    line.costCenter ?? '',
    line.costUnit ?? '',
    line.project ?? '',
    otherDimensions(line),
    line.side === 'debit' ? plainDecimal(line.amountMinor) : '',
    line.side === 'credit' ? plainDecimal(line.amountMinor) : '',
    line.text,
  ];
}

/** The header row, then every line of every entry in the order given. */
export function entryExportRows(entries: readonly NumberedEntry[]): string[][] {
  return [[...ENTRY_EXPORT_COLUMNS], ...entries.flatMap((numbered) => numbered.entry.lines.map((line) => entryLineRow(numbered, line)))];
}
