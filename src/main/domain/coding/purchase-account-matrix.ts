/**
 * Purchase-account defaulting, pure: parts belong to product groups, vendors to supplier groups and
 * are domestic, EU or import. A product-group × supplier-group matrix gives the purchase account for
 * each supplier type, and may give a default cost center, cost unit and project.
 *
 * Which cell applies to a part's product group P and the vendor's supplier group S:
 * | cells in the matrix                     | cell used                                       |
 * |-----------------------------------------|-------------------------------------------------|
 * | P × S                                   | P × S                                           |
 * | P × every supplier group (S blank), no P × S | P × every supplier group                   |
 * | both                                    | P × S: the specific cell decides, as a whole    |
 * | neither                                 | none: the matrix gives nothing                  |
 * | the vendor is in no supplier group      | P × every supplier group, if there is one       |
 * | the part has no product group           | none (the coding box opens under mandatory coding, row-coding.ts) |
 *
 * In the cell, the purchase account is the one for the vendor's supplier type; a cell without one
 * for that type gives no account (but still its cost center, cost unit and project). Why a cell is
 * used whole, never topped up from the "every supplier group" cell: an admin reading one cell of the
 * grid must see everything a row will get from it.
 *
 * Rows without a part number (additional rows) use the standard account for the supplier type
 * instead, when the setting says so (row-coding.ts).
 */
import type { ChartOfAccounts } from './chart-of-accounts';
import { findAccount } from './chart-of-accounts';
import { checkDimensionValue, COST_CENTER, COST_UNIT, dimensionLabel, type DimensionSet, PROJECT, PURCHASE_ACCOUNT } from './dimensions';

export const SUPPLIER_TYPES = ['domestic', 'eu', 'import'] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];

export const SUPPLIER_TYPE_TEXT: Readonly<Record<SupplierType, string>> = { domestic: 'domestic', eu: 'EU', import: 'import' };

export interface MatrixCell {
  productGroup: string;
  /** null: every supplier group without a cell of its own for this product group. */
  supplierGroup: string | null;
  /** The purchase account per supplier type; a type left out gets none from this cell. */
  accounts: Readonly<Partial<Record<SupplierType, string>>>;
  costCenter: string | null;
  costUnit: string | null;
  project: string | null;
}

export interface PurchaseAccountMatrix {
  cells: readonly MatrixCell[];
}

export interface SupplierFacts {
  supplierGroup: string | null;
  supplierType: SupplierType;
}

/** What the matrix gives, by core dimension; a dimension it gives nothing for is absent. */
export type MatrixValues = Readonly<Partial<Record<typeof PURCHASE_ACCOUNT | typeof COST_CENTER | typeof COST_UNIT | typeof PROJECT, string>>>;

export interface MatrixLookup {
  cell: MatrixCell | null;
  values: MatrixValues;
  reason: string;
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase());
const blank = (value: string | null | undefined): value is null | undefined => value === null || value === undefined || value.trim() === '';

/** "product group STEEL × supplier group NORDIC" / "product group STEEL × every supplier group". */
export function cellName(cell: Pick<MatrixCell, 'productGroup' | 'supplierGroup'>): string {
  return `product group ${cell.productGroup} × ${cell.supplierGroup === null ? 'every supplier group' : `supplier group ${cell.supplierGroup}`}`;
}

/** The cell that applies, by the table at the top. */
export function findCell(matrix: PurchaseAccountMatrix, productGroup: string | null, supplierGroup: string | null): MatrixCell | null {
  if (blank(productGroup)) return null;
  const ofGroup = matrix.cells.filter((cell) => same(cell.productGroup, productGroup));
  if (!blank(supplierGroup)) {
    const specific = ofGroup.find((cell) => cell.supplierGroup !== null && same(cell.supplierGroup, supplierGroup));
    if (specific) return specific;
  }
  return ofGroup.find((cell) => cell.supplierGroup === null) ?? null;
}

/** The values the matrix gives a part of `productGroup` bought from this supplier, and why. */
export function lookupMatrix(matrix: PurchaseAccountMatrix, productGroup: string | null, supplier: SupplierFacts): MatrixLookup {
  if (blank(productGroup)) return { cell: null, values: {}, reason: 'The part has no product group, so the purchase-account matrix gives nothing.' };
  const cell = findCell(matrix, productGroup, supplier.supplierGroup);
  const type = SUPPLIER_TYPE_TEXT[supplier.supplierType];
  if (!cell) {
    const group = blank(supplier.supplierGroup) ? 'every supplier group' : `supplier group ${supplier.supplierGroup}`;
    return { cell: null, values: {}, reason: `The purchase-account matrix has no cell for product group ${productGroup} × ${group}.` };
  }
  const values: Partial<Record<string, string>> = {};
  const account = cell.accounts[supplier.supplierType];
  if (!blank(account)) values[PURCHASE_ACCOUNT] = account;
  if (!blank(cell.costCenter)) values[COST_CENTER] = cell.costCenter;
  if (!blank(cell.costUnit)) values[COST_UNIT] = cell.costUnit;
  if (!blank(cell.project)) values[PROJECT] = cell.project;
  const given = [
    values[PURCHASE_ACCOUNT] === undefined ? null : `purchase account ${values[PURCHASE_ACCOUNT]}`,
    values[COST_CENTER] === undefined ? null : `cost center ${values[COST_CENTER]}`,
    values[COST_UNIT] === undefined ? null : `cost unit ${values[COST_UNIT]}`,
    values[PROJECT] === undefined ? null : `project ${values[PROJECT]}`,
  ].filter((text): text is string => text !== null);
  const noAccount = values[PURCHASE_ACCOUNT] === undefined ? ` It has no purchase account for ${type} suppliers.` : '';
  const gives = given.length === 0 ? 'gives nothing' : `gives ${given.join(', ')}`;
  return { cell, values: values as MatrixValues, reason: `The matrix cell ${cellName(cell)}, for ${type} suppliers, ${gives}.${noAccount}` };
}

export type StandardAccounts = Readonly<Partial<Record<SupplierType, string>>>;

/** The standard account for rows without a part number bought from this supplier type. */
export function standardAccountFor(standard: StandardAccounts, supplierType: SupplierType): { account: string | null; reason: string } {
  const account = standard[supplierType];
  const type = SUPPLIER_TYPE_TEXT[supplierType];
  if (blank(account)) return { account: null, reason: `There is no standard account for ${type} suppliers.` };
  return { account, reason: `The standard account for ${type} suppliers is ${account}.` };
}

export interface MatrixMasterData {
  productGroups: readonly string[];
  supplierGroups: readonly string[];
  chart: ChartOfAccounts;
  /** The organisation's dimension set, to check the default cost center, cost unit and project. */
  set: DimensionSet;
}

/** The part of a cell a problem is about: the admin form shows it beside that field. */
export type MatrixField = 'productGroup' | 'supplierGroup' | `accounts.${SupplierType}` | 'costCenter' | 'costUnit' | 'project';

export interface MatrixProblem {
  cell: MatrixCell;
  field: MatrixField;
  message: string;
}

const DEFAULT_FIELDS = [
  [COST_CENTER, 'costCenter'],
  [COST_UNIT, 'costUnit'],
  [PROJECT, 'project'],
] as const;

/** What the admin screen refuses in the matrix, cell by cell and field by field; empty when every cell is usable. */
export function matrixCellProblems(matrix: PurchaseAccountMatrix, master: MatrixMasterData): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  matrix.cells.forEach((cell, index) => {
    const name = `The cell ${cellName(cell)}`;
    const push = (field: MatrixField, message: string) => problems.push({ cell, field, message });
    const earlier = matrix.cells.slice(0, index).some((other) => same(other.productGroup, cell.productGroup) && same(other.supplierGroup, cell.supplierGroup));
    if (earlier) push('productGroup', `${name} is in the matrix twice; keep one.`);
    if (!master.productGroups.some((group) => same(group, cell.productGroup))) push('productGroup', `${name} names product group ${cell.productGroup}, which does not exist.`);
    if (cell.supplierGroup !== null && !master.supplierGroups.some((group) => same(group, cell.supplierGroup))) {
      push('supplierGroup', `${name} names supplier group ${cell.supplierGroup}, which does not exist.`);
    }
    for (const type of SUPPLIER_TYPES) {
      const code = cell.accounts[type];
      if (blank(code)) continue;
      const account = findAccount(master.chart, code);
      if (!account) push(`accounts.${type}`, `${name} gives ${SUPPLIER_TYPE_TEXT[type]} suppliers account ${code}, which is not in the chart of accounts.`);
      else if (!account.active) push(`accounts.${type}`, `${name} gives ${SUPPLIER_TYPE_TEXT[type]} suppliers account ${account.code}, which is inactive.`);
    }
    const defaults = DEFAULT_FIELDS.map(([dimension, field]) => [dimension, field, field === 'costCenter' ? cell.costCenter : field === 'costUnit' ? cell.costUnit : cell.project] as const);
    for (const [dimension, field, value] of defaults) {
      if (blank(value)) continue;
      const verdict = checkDimensionValue(master.set, dimension, value);
      if (!verdict.allowed) push(field, `${name} gives ${dimensionLabel(dimension, master.set)} ${value}, but ${verdict.reason.charAt(0).toLowerCase()}${verdict.reason.slice(1)}`);
    }
    const givesSomething = SUPPLIER_TYPES.some((type) => !blank(cell.accounts[type])) || defaults.some(([, , value]) => !blank(value));
    if (!givesSomething) push('accounts.domestic', `${name} gives nothing; fill it in or remove it.`);
  });
  return problems;
}

/** What the admin screen refuses in the matrix, cell by cell; empty when every cell is usable. */
export function matrixProblems(matrix: PurchaseAccountMatrix, master: MatrixMasterData): string[] {
  return matrixCellProblems(matrix, master).map((problem) => problem.message);
}

/** The matrix with `cell` in place of the one for the same product group × supplier group, or added at the end. */
export function withCell(matrix: PurchaseAccountMatrix, cell: MatrixCell): PurchaseAccountMatrix {
  const at = matrix.cells.findIndex((other) => same(other.productGroup, cell.productGroup) && same(other.supplierGroup, cell.supplierGroup));
  return { cells: at < 0 ? [...matrix.cells, cell] : matrix.cells.map((other, index) => (index === at ? cell : other)) };
}

/**
 * What saving `cell` is refused for, with the matrix checked as a whole after the change: every
 * problem of the cell itself, and every problem elsewhere that the change brings (a second cell
 * for the same pair). Problems other cells already had do not block it: the admin may be about to
 * fix them one cell at a time, and a save must not depend on a cell the admin did not touch.
 *
 * | the matrix after the change                         | refused?                                  |
 * |-----------------------------------------------------|-------------------------------------------|
 * | the cell gives an account not in the chart / inactive | yes, beside that supplier type's account |
 * | the cell gives a value not in the set checked against, or inactive | yes, beside that default   |
 * | the cell names a product or supplier group that does not exist | yes, beside the group          |
 * | the cell gives nothing                              | yes, beside the domestic account          |
 * | another cell already had a problem                  | no: only the changed cell and new problems |
 */
export function matrixChangeProblems(matrix: PurchaseAccountMatrix, cell: MatrixCell, master: MatrixMasterData): MatrixProblem[] {
  const before = matrixProblems(matrix, master);
  const after = matrixCellProblems(withCell(matrix, cell), master);
  return after.filter((problem) => {
    if (problem.cell === cell) return true;
    const known = before.indexOf(problem.message);
    if (known < 0) return true;
    before.splice(known, 1);
    return false;
  });
}
