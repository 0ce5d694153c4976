import type { CodingSetup } from '../../shared/coding-schemas';
import type { ParsedInputOf } from '../../shared/contracts';
import { checkDimensionValue, type DimensionSet, findValue } from '../domain/coding/dimensions';
import { findAccount } from '../domain/coding/chart-of-accounts';
import { type MatrixCell, type MatrixField, matrixChangeProblems, SUPPLIER_TYPE_TEXT, SUPPLIER_TYPES } from '../domain/coding/purchase-account-matrix';
import { listGroups, listItemCoding, listVendorCoding, readChart, readMatrix, setOf } from '../store/repositories/coding-repo';
import { refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { audit, glAccountId, groupId, scopeOf, type Trx, write } from './coding-admin-writes';

/** The coding admin writes of vendors, items and the purchase-account matrix. */

async function valueSetOf(trx: Trx, organisationCode: string | null): Promise<{ set: DimensionSet; name: string }> {
  const { scopeId, name } = await scopeOf(trx, organisationCode);
  return { set: await setOf(trx, scopeId), name };
}

const valuesText = (values: Readonly<Record<string, string>>) =>
  Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dimension, value]) => `${dimension} ${value}`)
    .join(', ') || 'none';

/** How a vendor's coding reads in the audit log, before and after alike: codes and words, never ids. */
const vendorText = (coding: { supplierGroup: string | null; supplierType: keyof typeof SUPPLIER_TYPE_TEXT; payablesAccount: string | null; values: Readonly<Record<string, string>> }) =>
  `supplier group ${coding.supplierGroup ?? 'none'}, ${SUPPLIER_TYPE_TEXT[coding.supplierType]}, payables ${coding.payablesAccount ?? 'the standard account'}, values ${valuesText(coding.values)}`;

/**
 * The vendor level of the precedence. The vendor level has no purchase account: the matrix gives it
 * by the vendor's supplier type, and rows without a part number take the standard account, so a
 * vendor-level account would only ever be set aside (and read like the payables account beside it).
 * A dimension the input leaves out keeps its stored value (another organisation's dimension, say);
 * null or blank drops it.
 */
export async function saveVendorCoding(desk: Desk, caller: Caller, input: ParsedInputOf<'saveVendorCoding'>): Promise<CodingSetup> {
  return write(desk, caller, 'change vendor coding', input.organisationCode, async (trx, at) => {
    const vendor = await trx.selectFrom('vendors').select(['id', 'code']).where('code', '=', input.vendorCode.toUpperCase()).executeTakeFirst();
    if (!vendor) throw refused(`There is no vendor ${input.vendorCode}.`, 'vendorCode');
    const supplierGroupId = await groupId(trx, 'coding_supplier_groups', input.supplierGroupCode, 'supplierGroupCode');
    const payablesId = await glAccountId(trx, input.payablesAccountCode, 'payablesAccountCode');
    const { set } = await valueSetOf(trx, input.organisationCode);
    const [stored] = await listVendorCoding(trx, [vendor.id]);
    const values: Record<string, string> = { ...(stored?.values ?? {}) };
    for (const [dimension, value] of Object.entries(input.values)) {
      if (dimension === 'purchase-account') {
        if (value === null) {
          delete values[dimension];
          continue;
        }
        throw refused('The vendor level has no purchase account: the matrix gives it by the vendor’s supplier type, and rows without a part number take the standard account.', `values.${dimension}`);
      }
      const known = Object.keys(values).find((code) => code.toLowerCase() === dimension.toLowerCase());
      if (known !== undefined) delete values[known];
      if (value === null) continue;
      const verdict = checkDimensionValue(set, dimension, value);
      if (!verdict.allowed) throw refused(verdict.reason, `values.${dimension}`);
      values[verdict.value.typeCode] = verdict.value.code;
    }
    const hadCoding = (await trx.selectFrom('coding_vendors').select('vendor_id').where('vendor_id', '=', vendor.id).executeTakeFirst()) !== undefined || Object.keys(stored?.values ?? {}).length > 0;
    await trx.deleteFrom('coding_vendors').where('vendor_id', '=', vendor.id).execute();
    await trx.deleteFrom('coding_vendor_values').where('vendor_id', '=', vendor.id).execute();
    await trx.insertInto('coding_vendors').values({ vendor_id: vendor.id, supplier_group_id: supplierGroupId, supplier_type: input.supplierType, payables_account_id: payablesId }).execute();
    const rows = Object.entries(values).map(([dimension_code, value_code]) => ({ vendor_id: vendor.id, dimension_code, value_code }));
    if (rows.length > 0) await trx.insertInto('coding_vendor_values').values(rows).execute();
    const [after] = await listVendorCoding(trx, [vendor.id]);
    await audit(trx, caller, at, 'vendor-coding-changed', 'vendor-coding', hadCoding && stored ? vendorText(stored) : null, after ? vendorText(after) : null, `Coding of vendor ${vendor.code} changed.`);
  });
}

/** How an item's coding reads in the audit log, before and after alike. */
const itemText = (coding: { productGroup: string | null; setupPartCode: string | null }) => `product group ${coding.productGroup ?? 'none'}, ${coding.setupPartCode ? `setup price of ${coding.setupPartCode}` : 'not a setup price'}`;

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
    const hadCoding = (await trx.selectFrom('coding_items').select('item_id').where('item_id', '=', item.id).executeTakeFirst()) !== undefined;
    const [before] = await listItemCoding(trx, [item.code]);
    await trx.deleteFrom('coding_items').where('item_id', '=', item.id).execute();
    await trx.insertInto('coding_items').values({ item_id: item.id, product_group_id: productGroupId, setup_part_item_id: partId }).execute();
    const [after] = await listItemCoding(trx, [item.code]);
    await audit(trx, caller, at, 'item-coding-changed', 'item-coding', hadCoding && before ? itemText(before) : null, after ? itemText(after) : null, `Coding of item ${item.code} changed.`);
  });
}

const MATRIX_FIELD: Readonly<Record<MatrixField, string>> = {
  productGroup: 'productGroupCode',
  supplierGroup: 'supplierGroupCode',
  'accounts.domestic': 'accounts.domestic',
  'accounts.eu': 'accounts.eu',
  'accounts.import': 'accounts.import',
  costCenter: 'costCenterCode',
  costUnit: 'costUnitCode',
  project: 'projectCode',
};

/** How a matrix cell reads in the audit log, before and after alike. */
const cellText = (cell: Pick<MatrixCell, 'accounts' | 'costCenter' | 'costUnit' | 'project'>) =>
  `${SUPPLIER_TYPES.map((type) => `${SUPPLIER_TYPE_TEXT[type]} ${cell.accounts[type] ?? '-'}`).join(', ')}, cost center ${cell.costCenter ?? '-'}, cost unit ${cell.costUnit ?? '-'}, project ${cell.project ?? '-'}`;

const cellKeyText = (productGroup: string, supplierGroup: string | null) => `${productGroup} × ${supplierGroup ?? 'every supplier group'}`;

/**
 * Adds or replaces one cell, with the matrix checked as a whole after the change
 * (purchase-account-matrix.ts matrixChangeProblems) and its default values checked against the set
 * of the organisation being edited, or the global set when none is named.
 */
export async function saveMatrixCell(desk: Desk, caller: Caller, input: ParsedInputOf<'saveMatrixCell'>): Promise<CodingSetup> {
  return write(desk, caller, 'change the purchase-account matrix', input.organisationCode, async (trx, at) => {
    const productGroupId = (await groupId(trx, 'coding_product_groups', input.productGroupCode, 'productGroupCode')) as number;
    const supplierGroupId = (await groupId(trx, 'coding_supplier_groups', input.supplierGroupCode, 'supplierGroupCode')) ?? 0;
    const [matrix, chart, productGroups, supplierGroups, { set }] = await Promise.all([readMatrix(trx), readChart(trx), listGroups(trx, 'coding_product_groups'), listGroups(trx, 'coding_supplier_groups'), valueSetOf(trx, input.organisationCode)]);
    const productGroup = productGroups.find((group) => group.id === productGroupId)?.code ?? input.productGroupCode;
    const supplierGroup = supplierGroupId === 0 ? null : (supplierGroups.find((group) => group.id === supplierGroupId)?.code ?? input.supplierGroupCode);
    // Accounts are stored as the chart spells them, so a row's look-up never depends on case.
    const accountCode = (code: string | null) => (code === null ? null : (findAccount(chart, code)?.code ?? code));
    const accounts: Partial<Record<(typeof SUPPLIER_TYPES)[number], string>> = {};
    for (const type of SUPPLIER_TYPES) {
      const code = accountCode(input.accounts[type]);
      if (code !== null) accounts[type] = code;
    }
    const valueCode = (dimension: string, code: string | null) => (code === null ? null : (findValue(set, dimension, code)?.code ?? code));
    const cell: MatrixCell = { productGroup, supplierGroup, accounts, costCenter: valueCode('cost-center', input.costCenterCode), costUnit: valueCode('cost-unit', input.costUnitCode), project: valueCode('project', input.projectCode) };
    const problems = matrixChangeProblems({ cells: matrix }, cell, { productGroups: productGroups.map((group) => group.code), supplierGroups: supplierGroups.map((group) => group.code), chart, set });
    const [first] = problems;
    if (first) throw refused(problems.map((problem) => problem.message).join(' '), MATRIX_FIELD[first.field]);
    const before = matrix.find((other) => other.productGroupId === productGroupId && other.supplierGroupId === supplierGroupId);
    await trx.deleteFrom('coding_matrix_cells').where('product_group_id', '=', productGroupId).where('supplier_group_id', '=', supplierGroupId).execute();
    await trx
      .insertInto('coding_matrix_cells')
      .values({ product_group_id: productGroupId, supplier_group_id: supplierGroupId, domestic_account: accounts.domestic ?? null, eu_account: accounts.eu ?? null, import_account: accounts.import ?? null, cost_center: cell.costCenter, cost_unit: cell.costUnit, project: cell.project })
      .execute();
    await audit(trx, caller, at, 'matrix-cell-saved', 'purchase-account-matrix', before ? cellText(before) : null, cellText(cell), `Matrix cell ${cellKeyText(productGroup, supplierGroup)} saved.`);
  });
}

export async function deleteMatrixCell(desk: Desk, caller: Caller, input: ParsedInputOf<'deleteMatrixCell'>): Promise<CodingSetup> {
  return write(desk, caller, 'change the purchase-account matrix', null, async (trx, at) => {
    const productGroupId = (await groupId(trx, 'coding_product_groups', input.productGroupCode, 'productGroupCode')) as number;
    const supplierGroupId = (await groupId(trx, 'coding_supplier_groups', input.supplierGroupCode, 'supplierGroupCode')) ?? 0;
    const before = (await readMatrix(trx)).find((cell) => cell.productGroupId === productGroupId && cell.supplierGroupId === supplierGroupId);
    if (!before) throw refused(`There is no matrix cell ${cellKeyText(input.productGroupCode, input.supplierGroupCode)}.`, 'productGroupCode');
    await trx.deleteFrom('coding_matrix_cells').where('product_group_id', '=', productGroupId).where('supplier_group_id', '=', supplierGroupId).execute();
    const key = cellKeyText(before.productGroup, before.supplierGroup);
    await audit(trx, caller, at, 'matrix-cell-deleted', 'purchase-account-matrix', `${key}: ${cellText(before)}`, null, `Matrix cell ${key} deleted; rows of product group ${before.productGroup} now take ${before.supplierGroup === null ? 'nothing from the matrix unless their supplier group has a cell' : `the every-supplier-group cell, if there is one`}.`);
  });
}

