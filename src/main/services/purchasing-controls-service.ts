import type { ParsedInputOf } from '../../shared/contracts';
import type { PurchasingControlsView } from '../../shared/purchasing-controls-schemas';
import { listCodes } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import {
  deleteBillingEntityRow,
  deleteUserGroupRow,
  entityPoCounts,
  findBillingEntityByCode,
  findBillingEntityById,
  findUserGroupByName,
  insertBillingEntity,
  insertUserGroup,
  linkedCostCenters,
  listBillingEntities,
  listUserGroups,
  updateBillingEntity,
  updateUserGroup,
} from '../store/repositories/billing-entity-repo';
import { inRetriedTransaction } from '../store/transaction';
import { forbidden, notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';

/**
 * The admin screens for billing entities and user groups: supervisors and admins read them, only
 * admins change them. Each change is checked against the store (codes and names unique, every cost
 * center, operator and entity it names known), written in one transaction, and audited with the
 * record in words before and after.
 */

const roleWords = (caller: Caller) => (caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator');

function requireAdmin(caller: Caller, what: string): void {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can ${what}; you are signed in as ${roleWords(caller)}.`);
}

async function readView(db: Db, caller: Caller): Promise<PurchasingControlsView> {
  const [entities, groups, costCenters, operators, counts] = await Promise.all([
    listBillingEntities(db),
    listUserGroups(db),
    db.selectFrom('cost_centers').select(['code', 'description', 'active']).orderBy('code').execute(),
    db.selectFrom('operators').select(['id', 'display_name as displayName', 'sign_in_name as signInName', 'role']).where('active', '=', 1).orderBy('display_name').execute(),
    entityPoCounts(db),
  ]);
  const links = await linkedCostCenters(db, entities.map((entity) => entity.id));
  return {
    billingEntities: entities.map((entity) => ({
      id: entity.id,
      code: entity.code,
      name: entity.name,
      customerPoNumber: entity.customerPoNumber,
      active: entity.active,
      costCenterCodes: (links.get(entity.id) ?? []).map((costCenter) => costCenter.code),
      groups: groups.filter((group) => group.billingEntityCodes.includes(entity.code)).map((group) => group.name),
      poCount: counts.get(entity.id) ?? 0,
    })),
    userGroups: groups,
    costCenters: costCenters.map((costCenter) => ({ code: costCenter.code, description: costCenter.description, active: costCenter.active === 1 })),
    operators,
    canEdit: caller.operator.role === 'admin',
  };
}

export async function listPurchasingControls(desk: Desk, caller: Caller): Promise<PurchasingControlsView> {
  if (caller.operator.role === 'operator') throw forbidden('Only supervisors and admins can read billing entities and user groups; you are signed in as an operator.');
  return readView(desk.db, caller);
}

const entityText = (entity: { code: string; name: string; customerPoNumber: string | null; active: boolean }, costCenterCodes: readonly string[]) =>
  `${entity.code} (${entity.name})${entity.customerPoNumber ? `, customer PO ${entity.customerPoNumber}` : ''}, cost centers ${listCodes(costCenterCodes)}${entity.active ? '' : ', inactive'}`;

/** The ids of the named cost centers, refusing any the installation does not know. */
async function costCenterIds(db: Db, codes: readonly string[]): Promise<number[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const found = await db.selectFrom('cost_centers').select(['id', 'code']).where('code', 'in', unique).execute();
  const missing = unique.filter((code) => !found.some((row) => row.code === code));
  if (missing.length > 0) throw refused(`There is no cost center ${listCodes(missing)}; link the entity to cost centers from the list.`, 'costCenterCodes');
  return unique.map((code) => (found.find((row) => row.code === code) as { id: number }).id);
}

export async function saveBillingEntity(desk: Desk, caller: Caller, input: ParsedInputOf<'saveBillingEntity'>): Promise<PurchasingControlsView> {
  requireAdmin(caller, 'change billing entities');
  const at = desk.now();
  await inRetriedTransaction(desk.db, async (trx) => {
    const before = input.id === undefined ? undefined : await findBillingEntityById(trx, input.id);
    if (input.id !== undefined && !before) throw notFound(`There is no billing entity with id ${input.id}; reopen the billing entities.`);
    const clash = await findBillingEntityByCode(trx, input.code);
    if (clash && clash.id !== input.id) throw refused(`Billing entity ${input.code} already exists; give this one another code.`, 'code');
    const ids = await costCenterIds(trx, input.costCenterCodes);
    const values = { code: input.code, name: input.name, customerPoNumber: input.customerPoNumber, active: input.active, costCenterIds: ids };
    const after = entityText(input, [...new Set(input.costCenterCodes)]);
    if (before) {
      const beforeCodes = ((await linkedCostCenters(trx, [before.id])).get(before.id) ?? []).map((costCenter) => costCenter.code);
      await updateBillingEntity(trx, before.id, values, at);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'billing-entity-changed', rule: 'billing-entity', before: entityText(before, beforeCodes), after, detail: `Billing entity ${input.code} changed by ${caller.operator.displayName}; POs already saved keep the customer PO number they carry.` }, at);
    } else {
      await insertBillingEntity(trx, values, at);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'billing-entity-created', rule: 'billing-entity', after, detail: `Billing entity ${input.code} added by ${caller.operator.displayName}.` }, at);
    }
  });
  return readView(desk.db, caller);
}

/** Only an entity no PO carries is deleted; one in use is deactivated instead, so its POs still name it. */
export async function deleteBillingEntity(desk: Desk, caller: Caller, id: number): Promise<PurchasingControlsView> {
  requireAdmin(caller, 'delete billing entities');
  const at = desk.now();
  await inRetriedTransaction(desk.db, async (trx) => {
    const before = await findBillingEntityById(trx, id);
    if (!before) throw notFound(`There is no billing entity with id ${id}; reopen the billing entities.`);
    const used = (await entityPoCounts(trx)).get(id) ?? 0;
    if (used > 0) throw refused(`Billing entity ${before.code} is on ${used} PO${used === 1 ? '' : 's'}, so it cannot be deleted; make it inactive instead.`);
    const codes = ((await linkedCostCenters(trx, [id])).get(id) ?? []).map((costCenter) => costCenter.code);
    await deleteBillingEntityRow(trx, id);
    await appendAudit(trx, { operatorId: caller.operator.id, action: 'billing-entity-deleted', rule: 'billing-entity', before: entityText(before, codes), detail: `Billing entity ${before.code} deleted by ${caller.operator.displayName}.` }, at);
  });
  return readView(desk.db, caller);
}

const groupText = (group: { name: string; members: readonly string[]; entities: readonly string[] }) =>
  `${group.name}: members ${group.members.length === 0 ? 'none' : group.members.join(', ')}; sees ${listCodes(group.entities)}`;

export async function saveUserGroup(desk: Desk, caller: Caller, input: ParsedInputOf<'saveUserGroup'>): Promise<PurchasingControlsView> {
  requireAdmin(caller, 'change user groups');
  const at = desk.now();
  await inRetriedTransaction(desk.db, async (trx) => {
    const groups = await listUserGroups(trx);
    const before = input.id === undefined ? undefined : groups.find((group) => group.id === input.id);
    if (input.id !== undefined && !before) throw notFound(`There is no user group with id ${input.id}; reopen the user groups.`);
    const clash = await findUserGroupByName(trx, input.name);
    if (clash && clash.id !== input.id) throw refused(`A user group named ${input.name} already exists; choose another name.`, 'name');
    const memberIds = [...new Set(input.memberIds)];
    const members = memberIds.length === 0 ? [] : await trx.selectFrom('operators').select(['id', 'display_name as displayName']).where('id', 'in', memberIds).execute();
    const unknown = memberIds.filter((memberId) => !members.some((member) => member.id === memberId));
    if (unknown.length > 0) throw refused(`No operator has the id ${unknown.join(', ')}; choose members from the list.`, 'memberIds');
    const entityCodes = [...new Set(input.billingEntityCodes)];
    const entities = (await listBillingEntities(trx)).filter((entity) => entityCodes.includes(entity.code));
    const missing = entityCodes.filter((code) => !entities.some((entity) => entity.code === code));
    if (missing.length > 0) throw refused(`There is no billing entity ${listCodes(missing)}; choose from the list.`, 'billingEntityCodes');
    const values = { name: input.name, description: input.description, memberIds, billingEntityIds: entities.map((entity) => entity.id) };
    const after = groupText({ name: input.name, members: members.map((member) => member.displayName).sort(), entities: entityCodes.sort() });
    if (before) {
      await updateUserGroup(trx, before.id, values, at);
      const was = groupText({ name: before.name, members: before.members.map((member) => member.displayName), entities: before.billingEntityCodes });
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'user-group-changed', rule: 'user-group', before: was, after, detail: `User group ${input.name} changed by ${caller.operator.displayName}.` }, at);
    } else {
      await insertUserGroup(trx, values, at);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'user-group-created', rule: 'user-group', after, detail: `User group ${input.name} added by ${caller.operator.displayName}.` }, at);
    }
  });
  return readView(desk.db, caller);
}

export async function deleteUserGroup(desk: Desk, caller: Caller, id: number): Promise<PurchasingControlsView> {
  requireAdmin(caller, 'delete user groups');
  const at = desk.now();
  await inRetriedTransaction(desk.db, async (trx) => {
    const before = (await listUserGroups(trx)).find((group) => group.id === id);
    if (!before) throw notFound(`There is no user group with id ${id}; reopen the user groups.`);
    await deleteUserGroupRow(trx, id);
    const was = groupText({ name: before.name, members: before.members.map((member) => member.displayName), entities: before.billingEntityCodes });
    await appendAudit(trx, { operatorId: caller.operator.id, action: 'user-group-deleted', rule: 'user-group', before: was, detail: `User group ${before.name} deleted by ${caller.operator.displayName}; its members no longer see its billing entities.` }, at);
  });
  return readView(desk.db, caller);
}
