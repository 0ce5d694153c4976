import type { Db } from '../connect';

export interface AuditEntry {
  operatorId: number | null;
  action: string;
  poId?: number | null;
  lineId?: number | null;
  rule?: string | null;
  before?: string | null;
  after?: string | null;
  detail: string;
}

export async function appendAudit(db: Db, entry: AuditEntry, at: string = new Date().toISOString()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      operator_id: entry.operatorId,
      action: entry.action,
      po_id: entry.poId ?? null,
      line_id: entry.lineId ?? null,
      rule: entry.rule ?? null,
      before_value: entry.before ?? null,
      after_value: entry.after ?? null,
      detail: entry.detail,
    })
    .execute();
}

export async function listAudit(db: Db, filter: { poId?: number; action?: string } = {}) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id');
  if (filter.poId !== undefined) query = query.where('po_id', '=', filter.poId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  return query.execute();
}
