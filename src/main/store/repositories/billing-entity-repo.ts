import type { BillingEntity, EntityCostCenters, EntityVisibility } from '../../domain/billing-entities';
import type { Db } from '../connect';
import type { CostCenterRecord } from './cost-center-repo';

export interface BillingEntityRecord extends BillingEntity {
  id: number;
  active: boolean;
}

const toEntity = (row: { id: number; code: string; name: string; customer_po_number: string | null; active: number }): BillingEntityRecord => ({
  id: row.id,
  code: row.code,
  name: row.name,
  customerPoNumber: row.customer_po_number,
  active: row.active === 1,
});

export async function findBillingEntityByCode(db: Db, code: string): Promise<BillingEntityRecord | undefined> {
  const row = await db.selectFrom('billing_entities').select(['id', 'code', 'name', 'customer_po_number', 'active']).where('code', '=', code).executeTakeFirst();
  return row && toEntity(row);
}

export async function findBillingEntityById(db: Db, id: number): Promise<BillingEntityRecord | undefined> {
  const row = await db.selectFrom('billing_entities').select(['id', 'code', 'name', 'customer_po_number', 'active']).where('id', '=', id).executeTakeFirst();
  return row && toEntity(row);
}

/** The active billing entities any of the operator's user groups sees, by code: the entry screen's list. */
export async function visibleBillingEntities(db: Db, operatorId: number): Promise<BillingEntityRecord[]> {
  const rows = await db
    .selectFrom('billing_entities as be')
    .select(['be.id', 'be.code', 'be.name', 'be.customer_po_number', 'be.active'])
    .where('be.active', '=', 1)
    .where('be.id', 'in', (eb) =>
      eb
        .selectFrom('user_group_billing_entities as gb')
        .innerJoin('user_group_members as m', 'm.group_id', 'gb.group_id')
        .select('gb.billing_entity_id')
        .where('m.operator_id', '=', operatorId),
    )
    .orderBy('be.code')
    .execute();
  return rows.map(toEntity);
}

/** Every billing entity, by code. */
export async function listBillingEntities(db: Db): Promise<BillingEntityRecord[]> {
  const rows = await db.selectFrom('billing_entities').select(['id', 'code', 'name', 'customer_po_number', 'active']).orderBy('code').execute();
  return rows.map(toEntity);
}

/**
 * Who sees which billing entity, for one operator: the names of their user groups, and for each the
 * codes of the entities it sees, inactive ones too (the rules offer only active ones, but a PO saved
 * with an entity since retired may keep it).
 */
export async function entityVisibility(db: Db, operatorId: number): Promise<EntityVisibility> {
  const rows = await db
    .selectFrom('user_group_members as m')
    .innerJoin('user_groups as g', 'g.id', 'm.group_id')
    .leftJoin('user_group_billing_entities as gb', 'gb.group_id', 'g.id')
    .leftJoin('billing_entities as be', 'be.id', 'gb.billing_entity_id')
    .select(['g.name as groupName', 'be.code as entityCode'])
    .where('m.operator_id', '=', operatorId)
    .orderBy('g.name')
    .orderBy('be.code')
    .execute();
  const operatorGroups: string[] = [];
  const groupEntities: Record<string, string[]> = {};
  for (const row of rows) {
    if (!operatorGroups.includes(row.groupName)) operatorGroups.push(row.groupName);
    const list = (groupEntities[row.groupName] ??= []);
    if (row.entityCode !== null) list.push(row.entityCode);
  }
  return { operatorGroups, groupEntities };
}

/** The cost centers linked to each of the given entities, in each entity's order. */
export async function linkedCostCenters(db: Db, entityIds: readonly number[]): Promise<Map<number, CostCenterRecord[]>> {
  const linked = new Map<number, CostCenterRecord[]>();
  if (entityIds.length === 0) return linked;
  const rows = await db
    .selectFrom('billing_entity_cost_centers as l')
    .innerJoin('cost_centers as cc', 'cc.id', 'l.cost_center_id')
    .select(['l.billing_entity_id as entityId', 'cc.id', 'cc.code', 'cc.description', 'cc.active'])
    .where('l.billing_entity_id', 'in', [...entityIds])
    .orderBy('l.billing_entity_id')
    .orderBy('l.position')
    .execute();
  for (const row of rows) {
    const list = linked.get(row.entityId) ?? [];
    list.push({ id: row.id, code: row.code, description: row.description, active: row.active === 1 });
    linked.set(row.entityId, list);
  }
  return linked;
}

/** The one entity's links as the billing-entity rules take them: entity code → its cost centers. */
export async function entityCostCentersOf(db: Db, entity: BillingEntityRecord | undefined): Promise<EntityCostCenters> {
  if (!entity) return {};
  return { [entity.code]: (await linkedCostCenters(db, [entity.id])).get(entity.id) ?? [] };
}

// --- Admin ---

export interface BillingEntityValues {
  code: string;
  name: string;
  customerPoNumber: string | null;
  active: boolean;
  costCenterIds: readonly number[];
}

async function writeLinks(db: Db, entityId: number, costCenterIds: readonly number[]): Promise<void> {
  await db.deleteFrom('billing_entity_cost_centers').where('billing_entity_id', '=', entityId).execute();
  if (costCenterIds.length === 0) return;
  await db
    .insertInto('billing_entity_cost_centers')
    .values(costCenterIds.map((costCenterId, position) => ({ billing_entity_id: entityId, cost_center_id: costCenterId, position })))
    .execute();
}

export async function insertBillingEntity(db: Db, values: BillingEntityValues, at: string): Promise<number> {
  const { id } = await db
    .insertInto('billing_entities')
    .values({ code: values.code, name: values.name, customer_po_number: values.customerPoNumber, active: values.active ? 1 : 0, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLinks(db, id, values.costCenterIds);
  return id;
}

export async function updateBillingEntity(db: Db, id: number, values: BillingEntityValues, at: string): Promise<void> {
  await db
    .updateTable('billing_entities')
    .set({ code: values.code, name: values.name, customer_po_number: values.customerPoNumber, active: values.active ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
  await writeLinks(db, id, values.costCenterIds);
}

export async function deleteBillingEntityRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('billing_entities').where('id', '=', id).execute();
}

/** POs that carry each entity, by entity id. */
export async function entityPoCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('po_purchasing_controls')
    .select(['billing_entity_id as entityId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('billing_entity_id', 'is not', null)
    .groupBy('billing_entity_id')
    .execute();
  return new Map(rows.map((row) => [row.entityId as number, Number(row.n)]));
}

export interface UserGroupRecord {
  id: number;
  name: string;
  description: string;
  members: { id: number; displayName: string }[];
  billingEntityCodes: string[];
}

export async function listUserGroups(db: Db): Promise<UserGroupRecord[]> {
  const [groups, members, entities] = await Promise.all([
    db.selectFrom('user_groups').select(['id', 'name', 'description']).orderBy('name').execute(),
    db
      .selectFrom('user_group_members as m')
      .innerJoin('operators as o', 'o.id', 'm.operator_id')
      .select(['m.group_id as groupId', 'o.id', 'o.display_name as displayName'])
      .orderBy('o.display_name')
      .execute(),
    db
      .selectFrom('user_group_billing_entities as gb')
      .innerJoin('billing_entities as be', 'be.id', 'gb.billing_entity_id')
      .select(['gb.group_id as groupId', 'be.code'])
      .orderBy('be.code')
      .execute(),
  ]);
  return groups.map((group) => ({
    ...group,
    members: members.filter((m) => m.groupId === group.id).map(({ id, displayName }) => ({ id, displayName })),
    billingEntityCodes: entities.filter((e) => e.groupId === group.id).map((e) => e.code),
  }));
}

export interface UserGroupValues {
  name: string;
  description: string;
  memberIds: readonly number[];
  billingEntityIds: readonly number[];
}

async function writeGroupLinks(db: Db, groupId: number, values: UserGroupValues): Promise<void> {
  await db.deleteFrom('user_group_members').where('group_id', '=', groupId).execute();
  await db.deleteFrom('user_group_billing_entities').where('group_id', '=', groupId).execute();
  if (values.memberIds.length > 0) {
    await db.insertInto('user_group_members').values(values.memberIds.map((operatorId) => ({ group_id: groupId, operator_id: operatorId }))).execute();
  }
  if (values.billingEntityIds.length > 0) {
    await db
      .insertInto('user_group_billing_entities')
      .values(values.billingEntityIds.map((entityId) => ({ group_id: groupId, billing_entity_id: entityId })))
      .execute();
  }
}

export async function insertUserGroup(db: Db, values: UserGroupValues, at: string): Promise<number> {
  const { id } = await db.insertInto('user_groups').values({ name: values.name, description: values.description, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await writeGroupLinks(db, id, values);
  return id;
}

export async function updateUserGroup(db: Db, id: number, values: UserGroupValues, at: string): Promise<void> {
  await db.updateTable('user_groups').set({ name: values.name, description: values.description, updated_at: at }).where('id', '=', id).execute();
  await writeGroupLinks(db, id, values);
}

export async function deleteUserGroupRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('user_groups').where('id', '=', id).execute();
}

export async function findUserGroupByName(db: Db, name: string) {
  return db.selectFrom('user_groups').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

/** Whether the operator's scheme requires a header cost center; an operator without a scheme has none to require it. */
export async function schemeRequiresCostCenter(db: Db, schemeId: number | null): Promise<boolean> {
  if (schemeId === null) return false;
  const row = await db.selectFrom('schemes').select('cost_center_required').where('id', '=', schemeId).executeTakeFirst();
  return (row?.cost_center_required ?? 1) === 1;
}
