import type { AuditEntry, ParsedInputOf } from '../../shared/contracts';
import { searchAudit } from '../store/repositories/audit-repo';
import { forbidden } from './app-failure';
import type { Caller, Desk } from './desk';

/** Rule 8: supervisors (and admins) read the audit log; operators do not. */
export async function listAuditEntries(desk: Desk, caller: Caller, filter: ParsedInputOf<'listAudit'>): Promise<AuditEntry[]> {
  if (caller.operator.role === 'operator') throw forbidden('Only supervisors can read the audit log.');
  return searchAudit(desk.db, {
    ...filter,
    poNumber: filter.poNumber || undefined,
    signInName: filter.signInName || undefined,
    action: filter.action || undefined,
    rule: filter.rule || undefined,
  });
}
