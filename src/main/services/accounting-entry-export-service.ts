import Papa from 'papaparse';
import type { ParsedInputOf } from '../../shared/contracts';
import type { EntriesExport } from '../../shared/invoice-schemas';
import type { AccountingEntry } from '../domain/coding/accounting-entry';
import { entryExportRows, type NumberedEntry } from '../domain/coding/entry-export';
import { appendAudit } from '../store/repositories/audit-repo';
import { entriesForExport, findEntryLines, markEntriesExported } from '../store/repositories/invoice-repo';
import { inRetriedTransaction } from '../store/transaction';
import { forbidden, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { canRegisterInvoices } from './invoice-read-service';

/**
 * The accounting entries as a CSV for the accounting system's import: the rows come from
 * entry-export.ts (plain decimals, ISO dates, a fixed column order), papaparse writes the file
 * (quoting every field that needs it, CRLF line ends as RFC 4180 has them).
 *
 * Two ways to choose: a date range (the invoice date, both days included), which can be repeated
 * as often as wanted and changes nothing; or "not yet exported", which marks what it took as
 * exported in the same transaction, so the next such export never hands an entry over twice.
 * Supervisors and admins export, as they register the invoices.
 */
export async function exportAccountingEntries(desk: Desk, caller: Caller, input: ParsedInputOf<'exportAccountingEntries'>): Promise<EntriesExport> {
  if (!canRegisterInvoices(caller)) throw forbidden('Only a supervisor or an administrator exports accounting entries; you are signed in as an operator.');
  if (input.kind === 'dates' && input.from > input.to) throw refused(`The export runs from ${input.from} to ${input.to}: the start is after the end.`, 'from');
  const at = desk.now();
  return inRetriedTransaction(desk.db, async (trx) => {
    const headers = await entriesForExport(trx, input);
    const lines = await findEntryLines(
      trx,
      headers.map((header) => header.entryId),
    );
    const numbered: NumberedEntry[] = headers.map((header) => {
      const entry: AccountingEntry = {
        invoiceNumber: header.number,
        vendorCode: header.vendorCode,
        poNumber: header.poNumber,
        date: header.date,
        lines: lines.get(header.entryId) ?? [],
        debitMinor: header.debitMinor,
        creditMinor: header.creditMinor,
      };
      return { entryNumber: header.entryNumber, entry };
    });
    const rows = entryExportRows(numbered);
    const csv = `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
    const what = input.kind === 'dates' ? `invoice dates ${input.from} to ${input.to}` : 'not yet exported';
    if (input.kind === 'not-exported') await markEntriesExported(trx, headers.map((header) => header.entryId), at);
    await appendAudit(
      trx,
      {
        operatorId: caller.operator.id,
        action: 'accounting-entries-exported',
        rule: 'entries-export',
        after: headers.map((header) => header.entryNumber).join(', ') || 'none',
        detail: `${caller.operator.displayName} exported ${headers.length} ${headers.length === 1 ? 'entry' : 'entries'} (${what}).`,
      },
      at,
    );
    const stamp = input.kind === 'dates' ? `${input.from}-to-${input.to}` : `new-${at.slice(0, 10)}`;
    return { fileName: `accounting-entries-${stamp}.csv`, csv, entryCount: headers.length, lineCount: rows.length - 1 };
  });
}
