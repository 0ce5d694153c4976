import type { CodingSetup } from '../../shared/coding-schemas';
import type { ParsedInputOf } from '../../shared/contracts';
import { addDimensionType, addDimensionValue, codeProblems, type DimensionSet, findType, findValue, isCoreDimension, newOrganisationSet, setDefaultValue } from '../domain/coding/dimensions';
import { checkDimensionValue } from '../domain/coding/dimensions';
import { findAccount } from '../domain/coding/chart-of-accounts';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import { findOrganisation, GLOBAL_SCOPE, listGroups, readChart, readMatrix, readSupplierTypeAccounts, setOf, storedSet } from '../store/repositories/coding-repo';
import { inRetriedTransaction } from '../store/transaction';
import { forbidden, refused } from './app-failure';
import { readRowCodingSettings } from './coding-context';
import { writeRowCodingSettingsJson } from '../store/repositories/coding-repo';
import { readCodingSetup } from './coding-setup-service';
import type { Caller, Desk } from './desk';

/**
 * The coding admin writes: admins only (supervisors and operators read codingSetup), each checked
 * by the pure rules, written in one transaction and audited with the record before and after.
 * A refusal names the field it belongs to and changes nothing.
 */

function requireAdmin(caller: Caller, what: string): void {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can ${what}; you are signed in as ${caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator'}.`);
}

type Trx = Db;
const audit = (trx: Trx, caller: Caller, at: string, action: string, rule: string, before: string | null, after: string | null, detail: string) =>
  appendAudit(trx, { operatorId: caller.operator.id, action, rule, before, after, detail: `${detail} By ${caller.operator.displayName}.` }, at);

async function write(desk: Desk, caller: Caller, what: string, organisationCode: string | null, work: (trx: Trx, at: string) => Promise<void>): Promise<CodingSetup> {
  requireAdmin(caller, what);
  const at = desk.now();
  await inRetriedTransaction(desk.db, (trx) => work(trx, at));
  return readCodingSetup(desk.db, caller, organisationCode);
}

async function scopeOf(db: Db, organisationCode: string | null): Promise<{ scopeId: number; name: string }> {
  if (organisationCode === null) return { scopeId: GLOBAL_SCOPE, name: 'the global set' };
  const organisation = await findOrganisation(db, organisationCode);
  if (!organisation) throw refused(`There is no organisation ${organisationCode}.`, 'organisationCode');
  return { scopeId: organisation.id, name: `organisation ${organisation.code}` };
}

const firstProblem = (problems: string[], field: string) => {
  if (problems.length > 0) throw refused(problems.join(' '), field);
};

export async function saveOrganisation(desk: Desk, caller: Caller, input: ParsedInputOf<'saveOrganisation'>): Promise<CodingSetup> {
  return write(desk, caller, 'change organisations', input.code, async (trx, at) => {
    firstProblem(codeProblems(input.code, 'organisation'), 'code');
    const existing = await findOrganisation(trx, input.code);
    if (existing) {
      if (existing.isDefault && !input.active) throw refused(`Organisation ${existing.code} is the default organisation; it stays active.`, 'active');
      await trx.updateTable('coding_organisations').set({ name: input.name, active: input.active ? 1 : 0 }).where('id', '=', existing.id).execute();
      await audit(trx, caller, at, 'coding-organisation-changed', 'coding-organisation', `${existing.code} (${existing.name})${existing.active ? '' : ', inactive'}`, `${existing.code} (${input.name})${input.active ? '' : ', inactive'}`, `Organisation ${existing.code} changed.`);
      return;
    }
    const created = newOrganisationSet(await storedSet(trx, GLOBAL_SCOPE), input.autoGenerate);
    const { id } = await trx.insertInto('coding_organisations').values({ code: input.code, name: input.name, active: input.active ? 1 : 0, is_default: 0 }).returning('id').executeTakeFirstOrThrow();
    await writeSet(trx, id, created.set);
    await audit(trx, caller, at, 'coding-organisation-created', 'coding-organisation', null, `${input.code} (${input.name})`, `Organisation ${input.code} added. ${created.reason}`);
  });
}

async function writeSet(trx: Trx, scopeId: number, set: DimensionSet): Promise<void> {
  if (set.types.length > 0) {
    await trx
      .insertInto('coding_dimension_types')
      .values(set.types.map((type, position) => ({ scope_id: scopeId, code: type.code, name: type.name, origin: type.origin, active: type.active ? 1 : 0, default_value_code: type.defaultValueCode, position })))
      .execute();
  }
  const values = set.values.filter((value) => value.typeCode !== 'purchase-account' && value.typeCode !== 'cost-center');
  if (values.length > 0) {
    await trx.insertInto('coding_dimension_values').values(values.map((value) => ({ scope_id: scopeId, type_code: value.typeCode, code: value.code, name: value.name, origin: value.origin, active: value.active ? 1 : 0 }))).execute();
  }
}

export async function saveDimensionType(desk: Desk, caller: Caller, input: ParsedInputOf<'saveDimensionType'>): Promise<CodingSetup> {
  return write(desk, caller, 'change dimension types', input.organisationCode, async (trx, at) => {
    const { scopeId, name } = await scopeOf(trx, input.organisationCode);
    const set = await storedSet(trx, scopeId);
    const existing = findType(set, input.code);
    if (existing) {
      if (isCoreDimension(existing.code) && !input.active) throw refused(`${existing.name} is a core dimension; every row is coded by it, so it stays active.`, 'active');
      await trx.updateTable('coding_dimension_types').set({ name: input.name, active: input.active ? 1 : 0 }).where('scope_id', '=', scopeId).where('code', '=', existing.code).execute();
      await audit(trx, caller, at, 'dimension-type-changed', 'dimension-type', `${existing.code} (${existing.name})${existing.active ? '' : ', inactive'}`, `${existing.code} (${input.name})${input.active ? '' : ', inactive'}`, `Dimension type ${existing.code} of ${name} changed.`);
      return;
    }
    const origin = scopeId === GLOBAL_SCOPE ? 'global' : 'organisation';
    const change = addDimensionType(set, { code: input.code, name: input.name, origin, active: input.active, defaultValueCode: null });
    if (!change.ok) throw refused(change.problems.join(' '), 'code');
    await trx.insertInto('coding_dimension_types').values({ scope_id: scopeId, code: input.code, name: input.name, origin, active: input.active ? 1 : 0, default_value_code: null, position: set.types.length }).execute();
    await audit(trx, caller, at, 'dimension-type-created', 'dimension-type', null, `${input.code} (${input.name})`, `Dimension type ${input.code} added to ${name}.`);
  });
}

async function dimensionInUse(trx: Trx, typeCode: string, valueCode?: string): Promise<number> {
  const count = async (table: 'po_line_coding' | 'po_header_coding' | 'coding_vendor_values') => {
    let query = trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('dimension_code', '=', typeCode);
    if (valueCode !== undefined) query = query.where('value_code', '=', valueCode);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return (await count('po_line_coding')) + (await count('po_header_coding')) + (await count('coding_vendor_values'));
}

export async function deleteDimensionType(desk: Desk, caller: Caller, input: ParsedInputOf<'deleteDimensionType'>): Promise<CodingSetup> {
  return write(desk, caller, 'delete dimension types', input.organisationCode, async (trx, at) => {
    const { scopeId, name } = await scopeOf(trx, input.organisationCode);
    const type = findType(await storedSet(trx, scopeId), input.code);
    if (!type) throw refused(`There is no dimension type ${input.code} in ${name}.`, 'code');
    if (isCoreDimension(type.code)) throw refused(`${type.name} is a core dimension; it cannot be deleted.`, 'code');
    const used = await dimensionInUse(trx, type.code);
    if (used > 0) throw refused(`Dimension type ${type.code} is used ${used} times on POs and vendors; make it inactive instead.`, 'code');
    await trx.deleteFrom('coding_dimension_values').where('scope_id', '=', scopeId).where('type_code', '=', type.code).execute();
    await trx.deleteFrom('coding_dimension_types').where('scope_id', '=', scopeId).where('code', '=', type.code).execute();
    await audit(trx, caller, at, 'dimension-type-deleted', 'dimension-type', `${type.code} (${type.name})`, null, `Dimension type ${type.code} deleted from ${name}.`);
  });
}

export async function saveDimensionValue(desk: Desk, caller: Caller, input: ParsedInputOf<'saveDimensionValue'>): Promise<CodingSetup> {
  return write(desk, caller, 'change dimension values', input.organisationCode, async (trx, at) => {
    const { scopeId, name } = await scopeOf(trx, input.organisationCode);
    if (input.typeCode === 'purchase-account' || input.typeCode === 'cost-center') {
      throw refused(`The ${input.typeCode === 'purchase-account' ? 'purchase accounts are the chart of accounts' : 'cost centers are the installation’s cost centers'}; keep them under master data.`, 'typeCode');
    }
    const set = await storedSet(trx, scopeId);
    const type = findType(set, input.typeCode);
    if (!type) throw refused(`There is no dimension type ${input.typeCode} in ${name}.`, 'typeCode');
    const existing = findValue(set, type.code, input.code);
    const text = (value: { code: string; name: string; active: boolean }) => `${type.code} ${value.code} (${value.name})${value.active ? '' : ', inactive'}`;
    if (existing) {
      await trx.updateTable('coding_dimension_values').set({ name: input.name, active: input.active ? 1 : 0 }).where('scope_id', '=', scopeId).where('type_code', '=', type.code).where('code', '=', existing.code).execute();
      await audit(trx, caller, at, 'dimension-value-changed', 'dimension-value', text(existing), text({ ...existing, name: input.name, active: input.active }), `Value ${existing.code} of ${type.code} in ${name} changed.`);
    } else {
      const origin = scopeId === GLOBAL_SCOPE ? 'global' : 'organisation';
      const change = addDimensionValue(set, { typeCode: type.code, code: input.code, name: input.name, origin, active: input.active });
      if (!change.ok) throw refused(change.problems.join(' '), 'code');
      await trx.insertInto('coding_dimension_values').values({ scope_id: scopeId, type_code: type.code, code: input.code, name: input.name, origin, active: input.active ? 1 : 0 }).execute();
      await audit(trx, caller, at, 'dimension-value-created', 'dimension-value', null, text({ code: input.code, name: input.name, active: input.active }), `Value ${input.code} added to ${type.code} in ${name}.`);
    }
    const code = existing?.code ?? input.code;
    const isDefault = type.defaultValueCode !== null && type.defaultValueCode.toLowerCase() === code.toLowerCase();
    if (input.isDefault !== isDefault || (isDefault && !input.active)) {
      const wanted = input.isDefault && input.active ? code : null;
      const after = setDefaultValue(await storedSet(trx, scopeId), type.code, wanted);
      if (!after.ok) throw refused(after.problems.join(' '), 'isDefault');
      await trx.updateTable('coding_dimension_types').set({ default_value_code: wanted }).where('scope_id', '=', scopeId).where('code', '=', type.code).execute();
      await audit(trx, caller, at, 'dimension-default-changed', 'dimension-default', type.defaultValueCode, wanted, `Default ${type.code} of ${name} set to ${wanted ?? 'none'}.`);
    }
  });
}

export async function deleteDimensionValue(desk: Desk, caller: Caller, input: ParsedInputOf<'deleteDimensionValue'>): Promise<CodingSetup> {
  return write(desk, caller, 'delete dimension values', input.organisationCode, async (trx, at) => {
    const { scopeId, name } = await scopeOf(trx, input.organisationCode);
    const set = await storedSet(trx, scopeId);
    const value = findValue(set, input.typeCode, input.code);
    if (!value) throw refused(`There is no ${input.typeCode} ${input.code} in ${name}.`, 'code');
    const used = await dimensionInUse(trx, value.typeCode, value.code);
    if (used > 0) throw refused(`${value.typeCode} ${value.code} is used ${used} times on POs and vendors; make it inactive instead.`, 'code');
    await trx.deleteFrom('coding_dimension_values').where('scope_id', '=', scopeId).where('type_code', '=', value.typeCode).where('code', '=', value.code).execute();
    await trx.updateTable('coding_dimension_types').set({ default_value_code: null }).where('scope_id', '=', scopeId).where('code', '=', value.typeCode).where('default_value_code', '=', value.code).execute();
    await audit(trx, caller, at, 'dimension-value-deleted', 'dimension-value', `${value.typeCode} ${value.code} (${value.name})`, null, `Value ${value.code} deleted from ${name}.`);
  });
}

async function saveGroup(desk: Desk, caller: Caller, table: 'coding_product_groups' | 'coding_supplier_groups', input: ParsedInputOf<'saveProductGroup'>): Promise<CodingSetup> {
  const what = table === 'coding_product_groups' ? 'product group' : 'supplier group';
  return write(desk, caller, `change ${what}s`, null, async (trx, at) => {
    firstProblem(codeProblems(input.code, what), 'code');
    const existing = (await listGroups(trx, table)).find((group) => group.code.toLowerCase() === input.code.toLowerCase());
    const text = (group: { code: string; name: string; active: boolean }) => `${group.code} (${group.name})${group.active ? '' : ', inactive'}`;
    if (existing) {
      await trx.updateTable(table).set({ name: input.name, active: input.active ? 1 : 0 }).where('id', '=', existing.id).execute();
      await audit(trx, caller, at, `${table === 'coding_product_groups' ? 'product' : 'supplier'}-group-changed`, what.replace(' ', '-'), text(existing), text({ ...existing, name: input.name, active: input.active }), `${what} ${existing.code} changed.`);
    } else {
      await trx.insertInto(table).values({ code: input.code, name: input.name, active: input.active ? 1 : 0 }).execute();
      await audit(trx, caller, at, `${table === 'coding_product_groups' ? 'product' : 'supplier'}-group-created`, what.replace(' ', '-'), null, text(input), `${what} ${input.code} added.`);
    }
  });
}

export const saveProductGroup = (desk: Desk, caller: Caller, input: ParsedInputOf<'saveProductGroup'>) => saveGroup(desk, caller, 'coding_product_groups', input);
export const saveSupplierGroup = (desk: Desk, caller: Caller, input: ParsedInputOf<'saveSupplierGroup'>) => saveGroup(desk, caller, 'coding_supplier_groups', input);

async function glAccountId(trx: Trx, code: string | null, field: string): Promise<number | null> {
  if (code === null) return null;
  const row = await trx.selectFrom('gl_accounts').select('id').where('code', '=', code.toUpperCase()).executeTakeFirst();
  if (!row) throw refused(`There is no account ${code} in the chart of accounts.`, field);
  return row.id;
}

async function groupId(trx: Trx, table: 'coding_product_groups' | 'coding_supplier_groups', code: string | null, field: string): Promise<number | null> {
  if (code === null) return null;
  const group = (await listGroups(trx, table)).find((row) => row.code.toLowerCase() === code.toLowerCase());
  if (!group) throw refused(`There is no ${table === 'coding_product_groups' ? 'product' : 'supplier'} group ${code}.`, field);
  return group.id;
}

export async function saveVendorCoding(desk: Desk, caller: Caller, input: ParsedInputOf<'saveVendorCoding'>): Promise<CodingSetup> {
  return write(desk, caller, 'change vendor coding', null, async (trx, at) => {
    const vendor = await trx.selectFrom('vendors').select(['id', 'code']).where('code', '=', input.vendorCode.toUpperCase()).executeTakeFirst();
    if (!vendor) throw refused(`There is no vendor ${input.vendorCode}.`, 'vendorCode');
    const supplierGroupId = await groupId(trx, 'coding_supplier_groups', input.supplierGroupCode, 'supplierGroupCode');
    const payablesId = await glAccountId(trx, input.payablesAccountCode, 'payablesAccountCode');
    const organisation = await findOrganisation(trx, null);
    const set = await setOf(trx, organisation?.id ?? GLOBAL_SCOPE);
    const values: Record<string, string> = {};
    for (const [dimension, value] of Object.entries(input.values)) {
      if (value === null) continue;
      if (dimension === 'purchase-account') {
        const account = findAccount(await readChart(trx), value);
        if (!account) throw refused(`There is no account ${value} in the chart of accounts.`, `values.${dimension}`);
        values[dimension] = account.code;
        continue;
      }
      const verdict = checkDimensionValue(set, dimension, value);
      if (!verdict.allowed) throw refused(verdict.reason, `values.${dimension}`);
      values[dimension] = verdict.value.code;
    }
    const before = await trx.selectFrom('coding_vendors').selectAll().where('vendor_id', '=', vendor.id).executeTakeFirst();
    const beforeValues = await trx.selectFrom('coding_vendor_values').selectAll().where('vendor_id', '=', vendor.id).execute();
    await trx.deleteFrom('coding_vendors').where('vendor_id', '=', vendor.id).execute();
    await trx.deleteFrom('coding_vendor_values').where('vendor_id', '=', vendor.id).execute();
    await trx.insertInto('coding_vendors').values({ vendor_id: vendor.id, supplier_group_id: supplierGroupId, supplier_type: input.supplierType, payables_account_id: payablesId }).execute();
    const rows = Object.entries(values).map(([dimension_code, value_code]) => ({ vendor_id: vendor.id, dimension_code, value_code }));
    if (rows.length > 0) await trx.insertInto('coding_vendor_values').values(rows).execute();
    const text = (group: string | null, type: string, payables: string | null, vals: Record<string, string>) =>
      `group ${group ?? 'none'}, ${type}, payables ${payables ?? 'standard'}, values ${Object.entries(vals).map(([d, v]) => `${d} ${v}`).join(', ') || 'none'}`;
    await audit(
      trx,
      caller,
      at,
      'vendor-coding-changed',
      'vendor-coding',
      before ? text(String(before.supplier_group_id ?? 'none'), before.supplier_type, String(before.payables_account_id ?? 'standard'), Object.fromEntries(beforeValues.map((row) => [row.dimension_code, row.value_code]))) : null,
      text(input.supplierGroupCode, input.supplierType, input.payablesAccountCode, values),
      `Coding of vendor ${vendor.code} changed.`,
    );
  });
}

export async function saveItemCoding(desk: Desk, caller: Caller, input: ParsedInputOf<'saveItemCoding'>): Promise<CodingSetup> {
  return write(desk, caller, 'change item coding', null, async (trx, at) => {
    const item = await trx.selectFrom('items').select(['id', 'code']).where('code', '=', input.itemCode.toUpperCase()).executeTakeFirst();
    if (!item) throw refused(`There is no item ${input.itemCode}.`, 'itemCode');
    const productGroupId = await groupId(trx, 'coding_product_groups', input.productGroupCode, 'productGroupCode');
    let partId: number | null = null;
    if (input.setupPriceForItemCode !== null) {
      const part = await trx.selectFrom('items').select('id').where('code', '=', input.setupPriceForItemCode.toUpperCase()).executeTakeFirst();
      if (!part) throw refused(`There is no item ${input.setupPriceForItemCode}.`, 'setupPriceForItemCode');
      if (part.id === item.id) throw refused(`Item ${item.code} cannot be the setup price of itself.`, 'setupPriceForItemCode');
      partId = part.id;
    }
    const before = await trx.selectFrom('coding_items').selectAll().where('item_id', '=', item.id).executeTakeFirst();
    await trx.deleteFrom('coding_items').where('item_id', '=', item.id).execute();
    await trx.insertInto('coding_items').values({ item_id: item.id, product_group_id: productGroupId, setup_part_item_id: partId }).execute();
    await audit(trx, caller, at, 'item-coding-changed', 'item-coding', before ? `product group id ${before.product_group_id ?? 'none'}` : null, `product group ${input.productGroupCode ?? 'none'}${input.setupPriceForItemCode ? `, setup price of ${input.setupPriceForItemCode}` : ''}`, `Coding of item ${item.code} changed.`);
  });
}

export async function saveMatrixCell(desk: Desk, caller: Caller, input: ParsedInputOf<'saveMatrixCell'>): Promise<CodingSetup> {
  return write(desk, caller, 'change the purchase-account matrix', null, async (trx, at) => {
    const productGroupId = (await groupId(trx, 'coding_product_groups', input.productGroupCode, 'productGroupCode')) as number;
    const supplierGroupId = (await groupId(trx, 'coding_supplier_groups', input.supplierGroupCode, 'supplierGroupCode')) ?? 0;
    const chart = await readChart(trx);
    for (const type of ['domestic', 'eu', 'import'] as const) {
      const code = input.accounts[type];
      if (code === null) continue;
      const account = findAccount(chart, code);
      if (!account) throw refused(`There is no account ${code} in the chart of accounts.`, `accounts.${type}`);
      if (!account.active) throw refused(`Account ${account.code} (${account.name}) is inactive.`, `accounts.${type}`);
    }
    const organisation = await findOrganisation(trx, null);
    const set = await setOf(trx, organisation?.id ?? GLOBAL_SCOPE);
    for (const [dimension, value, field] of [['cost-center', input.costCenterCode, 'costCenterCode'], ['cost-unit', input.costUnitCode, 'costUnitCode'], ['project', input.projectCode, 'projectCode']] as const) {
      if (value === null) continue;
      const verdict = checkDimensionValue(set, dimension, value);
      if (!verdict.allowed) throw refused(verdict.reason, field);
    }
    const values = Object.values(input.accounts).some((code) => code !== null) || input.costCenterCode || input.costUnitCode || input.projectCode;
    if (!values) throw refused('The cell gives nothing; fill it in or delete it.', 'accounts.domestic');
    const key = (query: ReturnType<typeof trx.deleteFrom<'coding_matrix_cells'>>) => query.where('product_group_id', '=', productGroupId).where('supplier_group_id', '=', supplierGroupId);
    const before = (await readMatrix(trx)).find((cell) => cell.productGroupId === productGroupId && cell.supplierGroupId === supplierGroupId);
    await key(trx.deleteFrom('coding_matrix_cells')).execute();
    await trx
      .insertInto('coding_matrix_cells')
      .values({ product_group_id: productGroupId, supplier_group_id: supplierGroupId, domestic_account: input.accounts.domestic, eu_account: input.accounts.eu, import_account: input.accounts.import, cost_center: input.costCenterCode, cost_unit: input.costUnitCode, project: input.projectCode })
      .execute();
    const cellText = (cell: { accounts: Partial<Record<string, string | null>>; costCenter: string | null; costUnit: string | null; project: string | null }) =>
      `domestic ${cell.accounts.domestic ?? '-'}, EU ${cell.accounts.eu ?? '-'}, import ${cell.accounts.import ?? '-'}, cost center ${cell.costCenter ?? '-'}, cost unit ${cell.costUnit ?? '-'}, project ${cell.project ?? '-'}`;
    await audit(trx, caller, at, 'matrix-cell-saved', 'purchase-account-matrix', before ? cellText(before) : null, cellText({ accounts: input.accounts, costCenter: input.costCenterCode, costUnit: input.costUnitCode, project: input.projectCode }), `Matrix cell ${input.productGroupCode} × ${input.supplierGroupCode ?? 'every supplier group'} saved.`);
  });
}

export async function deleteMatrixCell(desk: Desk, caller: Caller, input: ParsedInputOf<'deleteMatrixCell'>): Promise<CodingSetup> {
  return write(desk, caller, 'change the purchase-account matrix', null, async (trx, at) => {
    const productGroupId = (await groupId(trx, 'coding_product_groups', input.productGroupCode, 'productGroupCode')) as number;
    const supplierGroupId = (await groupId(trx, 'coding_supplier_groups', input.supplierGroupCode, 'supplierGroupCode')) ?? 0;
    const result = await trx.deleteFrom('coding_matrix_cells').where('product_group_id', '=', productGroupId).where('supplier_group_id', '=', supplierGroupId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw refused(`There is no matrix cell ${input.productGroupCode} × ${input.supplierGroupCode ?? 'every supplier group'}.`, 'productGroupCode');
    await audit(trx, caller, at, 'matrix-cell-deleted', 'purchase-account-matrix', `${input.productGroupCode} × ${input.supplierGroupCode ?? 'every supplier group'}`, null, 'Matrix cell deleted.');
  });
}

export async function saveChartAccount(desk: Desk, caller: Caller, input: ParsedInputOf<'saveChartAccount'>): Promise<CodingSetup> {
  return write(desk, caller, 'change the chart of accounts', null, async (trx, at) => {
    const id = (await glAccountId(trx, input.code, 'code')) as number;
    const before = await trx.selectFrom('coding_chart_accounts').selectAll().where('gl_account_id', '=', id).executeTakeFirst();
    const r = input.requirements;
    await trx.deleteFrom('coding_chart_accounts').where('gl_account_id', '=', id).execute();
    await trx.insertInto('coding_chart_accounts').values({ gl_account_id: id, active: input.active ? 1 : 0, cost_center: r['cost-center'], cost_unit: r['cost-unit'], project: r.project }).execute();
    const text = (row: { active: boolean; cc: string; cu: string; p: string }) => `cost center ${row.cc}, cost unit ${row.cu}, project ${row.p}${row.active ? '' : ', inactive'}`;
    await audit(trx, caller, at, 'chart-account-changed', 'chart-of-accounts', before ? text({ active: before.active === 1, cc: before.cost_center, cu: before.cost_unit, p: before.project }) : null, text({ active: input.active, cc: r['cost-center'], cu: r['cost-unit'], p: r.project }), `Account ${input.code} in the chart of accounts changed.`);
  });
}

export async function saveStandardAccounts(desk: Desk, caller: Caller, input: ParsedInputOf<'saveStandardAccounts'>): Promise<CodingSetup> {
  return write(desk, caller, 'change standard accounts', null, async (trx, at) => {
    const before = await readSupplierTypeAccounts(trx);
    for (const type of ['domestic', 'eu', 'import'] as const) {
      const standard = await glAccountId(trx, input.standardAccounts[type], `standardAccounts.${type}`);
      const payables = await glAccountId(trx, input.payablesAccounts[type], `payablesAccounts.${type}`);
      await trx.deleteFrom('coding_supplier_type_accounts').where('supplier_type', '=', type).execute();
      await trx.insertInto('coding_supplier_type_accounts').values({ supplier_type: type, standard_account_id: standard, payables_account_id: payables }).execute();
    }
    const text = (standard: Partial<Record<string, string | null>>, payables: Partial<Record<string, string | null>>) =>
      (['domestic', 'eu', 'import'] as const).map((type) => `${type}: standard ${standard[type] ?? '-'}, payables ${payables[type] ?? '-'}`).join('; ');
    await audit(trx, caller, at, 'standard-accounts-changed', 'standard-accounts', text(before.standard, before.payables), text(input.standardAccounts, input.payablesAccounts), 'Standard and payables accounts changed.');
  });
}

export async function saveRowCodingSettings(desk: Desk, caller: Caller, input: ParsedInputOf<'saveRowCodingSettings'>): Promise<CodingSetup> {
  return write(desk, caller, 'change row-coding settings', null, async (trx, at) => {
    const before = await readRowCodingSettings(trx);
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter((entry) => entry[1] !== undefined)) };
    await writeRowCodingSettingsJson(trx, after);
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      if (before[key] === after[key]) continue;
      await audit(trx, caller, at, 'row-coding-setting-changed', key, String(before[key]), String(after[key]), `Row-coding setting ${key} changed; stored POs keep their coding.`);
    }
  });
}
