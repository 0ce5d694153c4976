import type { z } from 'zod';
import type { ListEditView, listPickSchema, SchemeEditorView } from '../../shared/admin-schemas';
import { addToList } from '../domain/admin/scheme-lists';
import { appendAudit } from '../store/repositories/audit-repo';
import { findMasterRow, masterRecords } from '../store/repositories/master-data-repo';
import { costCenterCatalogue, operatorsWithSchemes, overrideKeyFacts, setOperatorScheme } from '../store/repositories/scheme-admin-repo';
import { inRetriedTransaction } from '../store/transaction';
import { notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { requireMasterAdmin, requireMasterReader, storedCode } from './master-data-service';

/**
 * Spectrum's scheme maintenance: the editor's facts (the catalogue to pick from, the keys an
 * override may name, every operator and their scheme), picking cost centers into a list by the
 * domain's rule, and putting operators on a scheme or taking them off it, audited.
 */

export async function schemeEditor(desk: Desk, caller: Caller, code: string | null): Promise<SchemeEditorView> {
  requireMasterReader(caller);
  const db = desk.db;
  let scheme: SchemeEditorView['scheme'] = null;
  if (code !== null) {
    const row = await findMasterRow(db, 'scheme', storedCode(code));
    if (!row) throw notFound(`There is no scheme ${storedCode(code)}; reopen the list.`);
    const [record] = await masterRecords(db, 'scheme', [row]);
    if (record?.kind === 'scheme') scheme = record;
  }
  const [catalogue, keys, operators] = await Promise.all([costCenterCatalogue(db), overrideKeyFacts(db), operatorsWithSchemes(db)]);
  return {
    scheme,
    operators: operators.map(({ id: _id, ...operator }) => operator),
    costCenters: catalogue.map(({ id: _id, ...costCenter }) => costCenter),
    costGroups: [...new Set(catalogue.flatMap((costCenter) => (costCenter.costGroup === null ? [] : [costCenter.costGroup])))].sort(),
    warehouses: keys.warehouses,
    siteAddresses: keys.siteAddresses,
    wipGlAccounts: keys.glAccounts.filter((account) => account.wip).map(({ code: accountCode, description }) => ({ code: accountCode, description })),
    canEdit: caller.operator.role === 'admin',
  };
}

/** The list with the picked cost centers added (all, by cost group, one by one); nothing is written until the scheme is saved. */
export async function pickSchemeCostCenters(desk: Desk, caller: Caller, input: { current: string[]; pick: z.output<typeof listPickSchema>; owner: string }): Promise<ListEditView> {
  requireMasterAdmin(caller, 'change schemes');
  const catalogue = await costCenterCatalogue(desk.db);
  const current = input.current.map(storedCode);
  return addToList(current, input.pick, catalogue, input.owner.trim() === '' ? 'the list' : input.owner.trim());
}

export async function assignSchemeOperator(desk: Desk, caller: Caller, input: { schemeCode: string; signInName: string; assigned: boolean }) {
  requireMasterAdmin(caller, "change operators' schemes");
  const at = desk.now();
  return inRetriedTransaction(desk.db, async (trx) => {
    const code = storedCode(input.schemeCode);
    const scheme = await findMasterRow(trx, 'scheme', code);
    if (!scheme) throw notFound(`There is no scheme ${code}; save the scheme first.`);
    const operator = (await operatorsWithSchemes(trx)).find((candidate) => candidate.signInName === input.signInName.trim().toLowerCase());
    if (!operator) throw refused(`No operator signs in as ${input.signInName.trim()}; choose one from the list.`, 'signInName');
    const was = operator.schemeCode;
    if (input.assigned) {
      if (was === code) return { reason: `${operator.displayName} is on scheme ${code} already; nothing changed.` };
      await setOperatorScheme(trx, operator.id, scheme.id);
    } else {
      if (was !== code) return { reason: `${operator.displayName} is not on scheme ${code}; nothing changed.` };
      await setOperatorScheme(trx, operator.id, null);
    }
    const now = input.assigned ? code : null;
    const detail = input.assigned
      ? `${operator.displayName} (${operator.signInName}) put on scheme ${code}${was === null ? '' : `, leaving scheme ${was}`}, by ${caller.operator.displayName}; their next PO entry follows its lists.`
      : `${operator.displayName} (${operator.signInName}) taken off scheme ${code} by ${caller.operator.displayName}; while cost centers are in use they cannot enter POs until given a scheme.`;
    await appendAudit(
      trx,
      { operatorId: caller.operator.id, action: input.assigned ? 'scheme-operator-assigned' : 'scheme-operator-unassigned', rule: 'scheme-operator', before: `${operator.signInName}: scheme ${was ?? 'none'}`, after: `${operator.signInName}: scheme ${now ?? 'none'}`, detail },
      at,
    );
    return { reason: input.assigned ? `${operator.displayName} is on scheme ${code} now.` : `${operator.displayName} has no scheme now.` };
  });
}
