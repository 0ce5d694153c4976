import type { EntryReadinessView } from '../../shared/operator-admin-schemas';
import { type EntryReadiness, poEntryReadiness } from '../domain/admin/scheme-lists';
import type { Db } from '../store/connect';
import { loadSchemeFacts } from '../store/repositories/operator-admin-facts-repo';
import { refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { getSettings } from './settings-service';

/**
 * Once cost centers are in use they must be used: an operator without a scheme, or whose scheme
 * allows no active cost center, cannot enter POs, and is told so in their own words before they
 * start (EntryReadinessNotice on the entry screen) and when a save is refused (refuseUnreadyEntry).
 */
export async function readinessOf(db: Db, caller: Caller): Promise<EntryReadiness> {
  const enabled = (await getSettings(db)).codingMode === 'cost-centers';
  const schemeId = caller.operator.schemeId;
  const scheme = enabled && schemeId !== null ? (await loadSchemeFacts(db, [schemeId])).get(schemeId) ?? null : null;
  return poEntryReadiness({ costCentersEnabled: enabled, operatorName: caller.operator.displayName, scheme, audience: 'self' });
}

export async function entryReadiness(desk: Desk, caller: Caller): Promise<EntryReadinessView> {
  const readiness = await readinessOf(desk.db, caller);
  return { allowed: readiness.allowed, rule: readiness.rule, codes: [...readiness.codes], reason: readiness.reason };
}

/**
 * For the PO save, before anything is written: refuses a new PO when the operator cannot enter POs
 * at all, naming the missing scheme, on the header's cost-center field.
 */
export async function refuseUnreadyEntry(db: Db, caller: Caller): Promise<void> {
  const readiness = await readinessOf(db, caller);
  if (!readiness.allowed) throw refused(`Nothing was saved. ${readiness.reason}`, 'costCenterCode').withAudit({ rule: readiness.rule });
}
