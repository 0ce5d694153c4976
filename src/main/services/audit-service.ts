import { AUDIT_ACTIONS, AUDIT_RULES, vocabularyOf } from '../../shared/audit-vocabulary';
import type { AuditEntry, AuditVocabulary, ParsedInputOf } from '../../shared/contracts';
import { listAuditTerms, searchAudit } from '../store/repositories/audit-repo';
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

/** Every action and rule the log holds, for the audit view's pick-lists. */
export async function listAuditVocabulary(desk: Desk, caller: Caller): Promise<AuditVocabulary> {
  if (caller.operator.role === 'operator') throw forbidden('Only supervisors can read the audit log.');
  const found = await listAuditTerms(desk.db);
  return { actions: vocabularyOf(AUDIT_ACTIONS, found.actions), rules: vocabularyOf(AUDIT_RULES, found.rules) };
}
