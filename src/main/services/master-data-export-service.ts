import Papa from 'papaparse';
import type { MasterDataKind, MasterRecord } from '../../shared/admin-schemas';
import { formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { KIND_IMPORTS } from '../domain/admin/import-columns';
import { masterRecords, masterRowsPage } from '../store/repositories/master-data-repo';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { requireMasterReader } from './master-data-service';

/**
 * A kind's list as CSV: every record matching the filter, in the columns the import reads
 * (domain/admin/import-columns.ts), so an exported file imports again unchanged. Lists are codes
 * joined by '; ', flags yes/no, money in the caller's number format (the import reads the same).
 */

const PAGE = 1_000;

function cell(record: MasterRecord, field: string, locale: LocaleCode): string {
  const value = (record as unknown as Record<string, unknown>)[field];
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join('; ');
  if (field === 'unitCostMinor' && typeof value === 'number') return formatMoney(value, locale);
  return String(value);
}

export function masterCsv(kind: MasterDataKind, records: readonly MasterRecord[], locale: LocaleCode): string {
  const columns = KIND_IMPORTS[kind].columns;
  return Papa.unparse(
    { fields: columns.map((column) => column.name), data: records.map((record) => columns.map((column) => cell(record, column.field, locale))) },
    // No formula escaping: a leading quote would come back in the cell on import, changing what was typed.
    { newline: '\r\n' },
  );
}

export async function exportMasterData(desk: Desk, caller: Caller, input: { kind: MasterDataKind; filter: string }) {
  requireMasterReader(caller);
  const locale = await localeOf(desk.db, caller);
  const records: MasterRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await masterRowsPage(desk.db, input.kind, input.filter, offset, PAGE);
    records.push(...(await masterRecords(desk.db, input.kind, rows)));
    if (rows.length < PAGE) break;
  }
  const csv = masterCsv(input.kind, records, locale);
  return { fileName: `${input.kind}s.csv`, contentBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64'), rows: records.length };
}
