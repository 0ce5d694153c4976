import type { Db } from '../connect';
import { insertRows } from './bulk-insert';

export interface AuditEntry {
  operatorId: number | null;
  action: string;
  poId?: number | null;
  lineId?: number | null;
  lineNumber?: number | null;
  rule?: string | null;
  before?: string | null;
  after?: string | null;
  detail: string;
  /** The vendor and warehouse the row is about, where a PO was being entered or saved. */
  vendorCode?: string | null;
  warehouseCode?: string | null;
}

const toRow = (entry: AuditEntry, at: string) => ({
  at,
  operator_id: entry.operatorId,
  action: entry.action,
  po_id: entry.poId ?? null,
  line_id: entry.lineId ?? null,
  line_number: entry.lineNumber ?? null,
  rule: entry.rule ?? null,
  before_value: entry.before ?? null,
  after_value: entry.after ?? null,
  detail: entry.detail,
  vendor_code: entry.vendorCode ?? null,
  warehouse_code: entry.warehouseCode ?? null,
});

/** Rows per multi-row INSERT; at twelve columns each, far under SQLite's 32,766 bound parameters. */
const AUDIT_CHUNK = 500;

export async function appendAudit(db: Db, entry: AuditEntry, at: string = new Date().toISOString()): Promise<void> {
  await db.insertInto('audit_log').values(toRow(entry, at)).execute();
}

const AUDIT_COLUMNS = [
  'at',
  'operator_id',
  'action',
  'po_id',
  'line_id',
  'line_number',
  'rule',
  'before_value',
  'after_value',
  'detail',
  'vendor_code',
  'warehouse_code',
] as const;

export async function appendAuditEntries(db: Db, entries: readonly AuditEntry[], at: string): Promise<void> {
  await insertRows(
    db,
    'audit_log',
    AUDIT_COLUMNS,
    entries.map((entry) => {
      const row = toRow(entry, at);
      return AUDIT_COLUMNS.map((column) => row[column]);
    }),
    { maxRows: AUDIT_CHUNK },
  );
}

export interface AuditQuery {
  poNumber?: string;
  /** One PO's trail, as its review shows it. */
  poId?: number;
  signInName?: string;
  action?: string;
  rule?: string;
  /** Inclusive ISO dates, compared on the timestamp's date part. */
  from?: string;
  to?: string;
  limit: number;
}

/** Newest first, with the operator's name and the PO's number for people to read. */
export async function searchAudit(db: Db, query: AuditQuery) {
  let select = db
    .selectFrom('audit_log as a')
    .leftJoin('operators as o', 'o.id', 'a.operator_id')
    .leftJoin('purchase_orders as po', 'po.id', 'a.po_id')
    .select([
      'a.id',
      'a.at',
      'o.display_name as operator',
      'a.action',
      'po.number as poNumber',
      'a.line_number as lineNumber',
      'a.rule',
      'a.before_value as before',
      'a.after_value as after',
      'a.detail',
      'a.vendor_code as vendorCode',
      'a.warehouse_code as warehouseCode',
    ]);
  if (query.poNumber) select = select.where('po.number', '=', query.poNumber);
  if (query.poId !== undefined) select = select.where('a.po_id', '=', query.poId);
  if (query.signInName) select = select.where('o.sign_in_name', '=', query.signInName);
  if (query.action) select = select.where('a.action', '=', query.action);
  if (query.rule) select = select.where('a.rule', '=', query.rule);
  if (query.from) select = select.where('a.at', '>=', query.from);
  // ISO timestamps sort as text; every instant on the `to` date is below the next day's start.
  if (query.to) select = select.where('a.at', '<', `${query.to}T99`);
  return select.orderBy('a.id', 'desc').limit(query.limit).execute();
}

/** The distinct actions and rules recorded so far. */
export async function listAuditTerms(db: Db): Promise<{ actions: string[]; rules: string[] }> {
  const [actions, rules] = await Promise.all([
    db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
    db.selectFrom('audit_log').select('rule').distinct().where('rule', 'is not', null).orderBy('rule').execute(),
  ]);
  return { actions: actions.map((row) => row.action), rules: rules.map((row) => row.rule as string) };
}
