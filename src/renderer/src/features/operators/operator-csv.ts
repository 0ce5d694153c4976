import Papa from 'papaparse';
import type { OperatorAccount } from '../../../../shared/operator-admin-schemas';
import { downloadCsv } from '../../components/download';

/** The operators list as a CSV file: the columns an import of operators reads, then what the list shows besides. */
export function operatorsCsv(rows: readonly OperatorAccount[]): string {
  return Papa.unparse({
    fields: ['sign_in_name', 'display_name', 'role', 'scheme', 'active', 'must_change_password', 'can_enter_pos'],
    data: rows.map((row) => [row.signInName, row.displayName, row.role, row.schemeCode ?? '', row.active ? 'yes' : 'no', row.mustChangePassword ? 'yes' : 'no', row.entry.allowed ? 'yes' : 'no']),
  });
}

export function downloadOperatorsCsv(rows: readonly OperatorAccount[], today: string): void {
  downloadCsv(`operators-${today}.csv`, `${operatorsCsv(rows)}\r\n`);
}
