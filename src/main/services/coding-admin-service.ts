import type { CodingSetup } from '../../shared/coding-schemas';
import type { ParsedInputOf } from '../../shared/contracts';
import { addDimensionType, addDimensionValue, codeProblems, type DimensionSet, dimensionLabel, findType, findValue, isCoreDimension, newOrganisationSet, setDefaultValue } from '../domain/coding/dimensions';
import { NO_USAGE, typeDeletion, valueDeletion } from '../domain/coding/dimension-deletion';
import { findOrganisation, GLOBAL_SCOPE, listGroups, readSupplierTypeAccounts, storedSet } from '../store/repositories/coding-repo';
import { dimensionUsage } from '../store/repositories/coding-usage-repo';
import { refused } from './app-failure';
import { readRowCodingSettings } from './coding-context';
import { writeRowCodingSettingsJson } from '../store/repositories/coding-repo';
import type { Caller, Desk } from './desk';
import { audit, firstProblem, glAccountId, scopeOf, type Trx, write } from './coding-admin-writes';

/**
 * The coding admin writes: admins only (supervisors and operators read codingSetup), each checked
 * by the pure rules, written in one transaction and audited with the record before and after.
 * A refusal names the field it belongs to and changes nothing.
 */
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

export async function deleteDimensionType(desk: Desk, caller: Caller, input: ParsedInputOf<'deleteDimensionType'>): Promise<CodingSetup> {
  return write(desk, caller, 'delete dimension types', input.organisationCode, async (trx, at) => {
    const { scopeId, name } = await scopeOf(trx, input.organisationCode);
    const set = await storedSet(trx, scopeId);
    const type = findType(set, input.code);
    const verdict = typeDeletion(set, input.code, type ? await dimensionUsage(trx, scopeId, type.code) : NO_USAGE, name);
    if (!verdict.allowed || !type) throw refused(verdict.reason, 'code');
    await trx.deleteFrom('coding_dimension_types').where('scope_id', '=', scopeId).where('code', '=', type.code).execute();
    await audit(trx, caller, at, 'dimension-type-deleted', 'dimension-type', `${type.code} (${type.name})${type.active ? '' : ', inactive'}`, null, `Dimension type ${type.code} deleted from ${name}.`);
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
    const field = value || findType(set, input.typeCode) ? 'code' : 'typeCode';
    const verdict = valueDeletion(set, input.typeCode, input.code, value ? await dimensionUsage(trx, scopeId, value.typeCode, value.code) : NO_USAGE, name);
    if (!verdict.allowed || !value) throw refused(verdict.reason, field);
    const type = findType(set, value.typeCode);
    const wasDefault = type?.defaultValueCode === value.code;
    await trx.deleteFrom('coding_dimension_values').where('scope_id', '=', scopeId).where('type_code', '=', value.typeCode).where('code', '=', value.code).execute();
    const label = dimensionLabel(value.typeCode, set);
    await audit(trx, caller, at, 'dimension-value-deleted', 'dimension-value', `${value.typeCode} ${value.code} (${value.name})${value.active ? '' : ', inactive'}${wasDefault ? ', default' : ''}`, null, `Value ${value.code} deleted from ${name}.`);
    if (wasDefault) {
      await trx.updateTable('coding_dimension_types').set({ default_value_code: null }).where('scope_id', '=', scopeId).where('code', '=', value.typeCode).execute();
      await audit(trx, caller, at, 'dimension-default-changed', 'dimension-default', value.code, null, `Default ${label} of ${name} cleared: its value ${value.code} was deleted.`);
    }
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
