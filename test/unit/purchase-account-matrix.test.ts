import { describe, expect, it } from 'vitest';
import type { ChartOfAccounts } from '../../src/main/domain/coding/chart-of-accounts';
import type { DimensionSet } from '../../src/main/domain/coding/dimensions';
import {
  cellName,
  findCell,
  lookupMatrix,
  type MatrixCell,
  matrixChangeProblems,
  matrixProblems,
  type MatrixValues,
  type PurchaseAccountMatrix,
  standardAccountFor,
  type SupplierType,
  withCell,
} from '../../src/main/domain/coding/purchase-account-matrix';

const cell = (productGroup: string, supplierGroup: string | null, accounts: MatrixCell['accounts'], over: Partial<MatrixCell> = {}): MatrixCell => ({
  productGroup,
  supplierGroup,
  accounts,
  costCenter: null,
  costUnit: null,
  project: null,
  ...over,
});

const STEEL_NORDIC = cell('STEEL', 'NORDIC', { domestic: '4010', eu: '4011', import: '4012' }, { costCenter: '210' });
const STEEL_ANY = cell('STEEL', null, { domestic: '4015', eu: '4016' }, { costUnit: 'CU1' });
const BOLTS_ANY = cell('BOLTS', null, { domestic: '4020', eu: '4020', import: '4022' }, { project: 'P-BOLT' });
const PAINT_ASIA = cell('PAINT', 'ASIA', { import: '4030' });
const TOOLS_NORDIC = cell('TOOLS', 'NORDIC', {}, { costCenter: '220' });
const MATRIX: PurchaseAccountMatrix = { cells: [STEEL_ANY, STEEL_NORDIC, BOLTS_ANY, PAINT_ASIA, TOOLS_NORDIC] };

describe('the matrix gives the purchase account for the supplier type', () => {
  type Row = [name: string, productGroup: string | null, supplierGroup: string | null, type: SupplierType, values: MatrixValues];
  it.each<Row>([
    ['steel from a Nordic domestic supplier', 'STEEL', 'NORDIC', 'domestic', { 'purchase-account': '4010', 'cost-center': '210' }],
    ['steel from a Nordic EU supplier', 'STEEL', 'NORDIC', 'eu', { 'purchase-account': '4011', 'cost-center': '210' }],
    ['steel from a Nordic import supplier', 'STEEL', 'NORDIC', 'import', { 'purchase-account': '4012', 'cost-center': '210' }],
    ['steel from another supplier group, domestic: the every-group cell', 'STEEL', 'BALTIC', 'domestic', { 'purchase-account': '4015', 'cost-unit': 'CU1' }],
    ['steel from another supplier group, EU', 'STEEL', 'BALTIC', 'eu', { 'purchase-account': '4016', 'cost-unit': 'CU1' }],
    ['steel from another supplier group, import: no account for import, the cost unit still', 'STEEL', 'BALTIC', 'import', { 'cost-unit': 'CU1' }],
    ['steel from a vendor in no supplier group', 'STEEL', null, 'domestic', { 'purchase-account': '4015', 'cost-unit': 'CU1' }],
    ['steel from a vendor whose supplier group is blank', 'STEEL', '  ', 'eu', { 'purchase-account': '4016', 'cost-unit': 'CU1' }],
    ['the specific cell is used whole: no cost unit from the every-group cell', 'STEEL', 'NORDIC', 'domestic', { 'purchase-account': '4010', 'cost-center': '210' }],
    ['bolts, domestic, with the default project', 'BOLTS', 'NORDIC', 'domestic', { 'purchase-account': '4020', project: 'P-BOLT' }],
    ['bolts, EU: the same account as domestic', 'BOLTS', 'ASIA', 'eu', { 'purchase-account': '4020', project: 'P-BOLT' }],
    ['bolts, import', 'BOLTS', 'ASIA', 'import', { 'purchase-account': '4022', project: 'P-BOLT' }],
    ['paint imported from Asia', 'PAINT', 'ASIA', 'import', { 'purchase-account': '4030' }],
    ['paint from an Asian supplier that is domestic: the cell has no account for it', 'PAINT', 'ASIA', 'domestic', {}],
    ['paint from a Nordic supplier: no cell, no every-group cell', 'PAINT', 'NORDIC', 'import', {}],
    ['tools from a Nordic supplier: a cell with a cost center only', 'TOOLS', 'NORDIC', 'eu', { 'cost-center': '220' }],
    ['a product group the matrix does not have', 'GLUE', 'NORDIC', 'domestic', {}],
    ['a part without a product group', null, 'NORDIC', 'domestic', {}],
    ['a blank product group', '', 'NORDIC', 'domestic', {}],
    ['groups compare without case', 'steel', 'nordic', 'import', { 'purchase-account': '4012', 'cost-center': '210' }],
  ])('%s', (_name, productGroup, supplierGroup, supplierType, values) => {
    expect(lookupMatrix(MATRIX, productGroup, { supplierGroup, supplierType }).values).toEqual(values);
  });

  type CellRow = [name: string, productGroup: string | null, supplierGroup: string | null, found: MatrixCell | null];
  it.each<CellRow>([
    ['the specific cell before the every-group cell, in whatever order they are kept', 'STEEL', 'NORDIC', STEEL_NORDIC],
    ['the every-group cell for another group', 'STEEL', 'BALTIC', STEEL_ANY],
    ['no every-group cell to fall back on', 'PAINT', 'NORDIC', null],
    ['no product group', null, 'NORDIC', null],
  ])('cell: %s', (_name, productGroup, supplierGroup, found) => {
    expect(findCell(MATRIX, productGroup, supplierGroup)).toBe(found);
  });

  type ReasonRow = [name: string, productGroup: string | null, supplierGroup: string | null, type: SupplierType, reason: string];
  it.each<ReasonRow>([
    ['a full cell', 'STEEL', 'NORDIC', 'eu', 'The matrix cell product group STEEL × supplier group NORDIC, for EU suppliers, gives purchase account 4011, cost center 210.'],
    [
      'a cell without the account for the type',
      'STEEL',
      'BALTIC',
      'import',
      'The matrix cell product group STEEL × every supplier group, for import suppliers, gives cost unit CU1. It has no purchase account for import suppliers.',
    ],
    ['a cell that gives nothing for the type', 'PAINT', 'ASIA', 'domestic', 'The matrix cell product group PAINT × supplier group ASIA, for domestic suppliers, gives nothing. It has no purchase account for domestic suppliers.'],
    ['no cell', 'PAINT', 'NORDIC', 'import', 'The purchase-account matrix has no cell for product group PAINT × supplier group NORDIC.'],
    ['no cell, vendor in no group', 'GLUE', null, 'import', 'The purchase-account matrix has no cell for product group GLUE × every supplier group.'],
    ['no product group', null, 'NORDIC', 'domestic', 'The part has no product group, so the purchase-account matrix gives nothing.'],
  ])('says why: %s', (_name, productGroup, supplierGroup, supplierType, reason) => {
    expect(lookupMatrix(MATRIX, productGroup, { supplierGroup, supplierType }).reason).toBe(reason);
  });

  it('names a cell', () => {
    expect(cellName(STEEL_NORDIC)).toBe('product group STEEL × supplier group NORDIC');
    expect(cellName(STEEL_ANY)).toBe('product group STEEL × every supplier group');
  });
});

describe('the standard account for rows without a part number', () => {
  const STANDARD = { domestic: '4900', eu: '4910' };
  it.each<[SupplierType, string | null, string]>([
    ['domestic', '4900', 'The standard account for domestic suppliers is 4900.'],
    ['eu', '4910', 'The standard account for EU suppliers is 4910.'],
    ['import', null, 'There is no standard account for import suppliers.'],
  ])('%s suppliers', (supplierType, account, reason) => {
    expect(standardAccountFor(STANDARD, supplierType)).toEqual({ account, reason });
  });
});

describe('the matrix as the admin keeps it', () => {
  const CHART: ChartOfAccounts = {
    accounts: ['4010', '4011', '4012', '4015', '4016', '4020', '4022', '4030'].map((code) => ({ code, name: `Purchases ${code}`, active: true, requirements: {} })).concat([
      { code: '4099', name: 'Old purchases', active: false, requirements: {} },
    ]),
  };
  const SET: DimensionSet = {
    types: ['cost-center', 'cost-unit', 'project'].map((code) => ({ code, name: code, origin: 'global' as const, active: true, defaultValueCode: null })),
    values: [
      { typeCode: 'cost-center', code: '210', name: 'Plant', origin: 'global', active: true },
      { typeCode: 'cost-center', code: '220', name: 'Office', origin: 'global', active: true },
      { typeCode: 'cost-unit', code: 'CU1', name: 'Unit 1', origin: 'global', active: true },
      { typeCode: 'project', code: 'P-BOLT', name: 'Bolts', origin: 'global', active: true },
      { typeCode: 'project', code: 'P-OLD', name: 'Old', origin: 'global', active: false },
    ],
  };
  const MASTER = { productGroups: ['STEEL', 'BOLTS', 'PAINT', 'TOOLS'], supplierGroups: ['NORDIC', 'ASIA'], chart: CHART, set: SET };
  type Row = [name: string, cells: MatrixCell[], problems: string[]];
  it.each<Row>([
    ['the matrix above', MATRIX.cells as MatrixCell[], []],
    ['a cell twice', [STEEL_NORDIC, { ...STEEL_NORDIC, costCenter: null }], ['The cell product group STEEL × supplier group NORDIC is in the matrix twice; keep one.']],
    ['two every-group cells for one product group', [STEEL_ANY, STEEL_ANY], ['The cell product group STEEL × every supplier group is in the matrix twice; keep one.']],
    ['an unknown product group', [cell('GLUE', null, { domestic: '4010' })], ['The cell product group GLUE × every supplier group names product group GLUE, which does not exist.']],
    ['an unknown supplier group', [cell('STEEL', 'ARCTIC', { domestic: '4010' })], ['The cell product group STEEL × supplier group ARCTIC names supplier group ARCTIC, which does not exist.']],
    ['an account not in the chart', [cell('STEEL', null, { eu: '9999' })], ['The cell product group STEEL × every supplier group gives EU suppliers account 9999, which is not in the chart of accounts.']],
    ['an inactive account', [cell('STEEL', null, { import: '4099' })], ['The cell product group STEEL × every supplier group gives import suppliers account 4099, which is inactive.']],
    ['an unknown default cost center', [cell('STEEL', null, { domestic: '4010' }, { costCenter: '999' })], ['The cell product group STEEL × every supplier group gives cost center 999, but there is no cost center 999.']],
    [
      'an inactive default project',
      [cell('STEEL', null, { domestic: '4010' }, { project: 'P-OLD' })],
      ['The cell product group STEEL × every supplier group gives project P-OLD, but the project P-OLD (Old) is inactive; choose an active one.'],
    ],
    ['a cell that gives nothing', [cell('STEEL', null, { domestic: ' ' })], ['The cell product group STEEL × every supplier group gives nothing; fill it in or remove it.']],
  ])('%s', (_name, cells, problems) => {
    expect(matrixProblems({ cells }, MASTER)).toEqual(problems);
  });
});

describe('a cell saved, with the matrix checked as a whole', () => {
  const CHART: ChartOfAccounts = {
    accounts: [
      { code: '4010', name: 'Purchases', active: true, requirements: {} },
      { code: '4099', name: 'Old purchases', active: false, requirements: {} },
    ],
  };
  const SET: DimensionSet = {
    types: ['cost-center', 'cost-unit', 'project'].map((code) => ({ code, name: code, origin: 'global' as const, active: true, defaultValueCode: null })),
    values: [{ typeCode: 'project', code: 'P-BOLT', name: 'Bolts', origin: 'global', active: true }],
  };
  const MASTER = { productGroups: ['STEEL', 'BOLTS'], supplierGroups: ['NORDIC'], chart: CHART, set: SET };
  const OLD = cell('BOLTS', null, { domestic: '4099' });
  const GOOD = cell('STEEL', null, { domestic: '4010' });
  type Row = [name: string, cells: MatrixCell[], saved: MatrixCell, problems: [field: string, message: string][]];
  it.each<Row>([
    ['a good cell added', [GOOD], cell('STEEL', 'NORDIC', { eu: '4010' }), []],
    ['a good cell replacing one (any case)', [GOOD], cell('steel', null, { domestic: '4010' }, { project: 'P-BOLT' }), []],
    ['another cell already broken does not block it', [OLD, GOOD], cell('STEEL', 'NORDIC', { domestic: '4010' }), []],
    [
      'the broken cell itself, saved unchanged, is refused',
      [OLD, GOOD],
      OLD,
      [['accounts.domestic', 'The cell product group BOLTS × every supplier group gives domestic suppliers account 4099, which is inactive.']],
    ],
    [
      'an unknown project, beside the project',
      [GOOD],
      cell('STEEL', 'NORDIC', { domestic: '4010' }, { project: 'P-NONE' }),
      [['project', 'The cell product group STEEL × supplier group NORDIC gives project P-NONE, but there is no project P-NONE.']],
    ],
    ['an unknown supplier group, beside it', [], cell('STEEL', 'ARCTIC', { domestic: '4010' }), [['supplierGroup', 'The cell product group STEEL × supplier group ARCTIC names supplier group ARCTIC, which does not exist.']]],
    [
      'an unknown account in the chart',
      [],
      cell('STEEL', null, { import: '9999' }, {}),
      [['accounts.import', 'The cell product group STEEL × every supplier group gives import suppliers account 9999, which is not in the chart of accounts.']],
    ],
    ['a cell giving nothing at all', [], cell('STEEL', null, {}), [['accounts.domestic', 'The cell product group STEEL × every supplier group gives nothing; fill it in or remove it.']]],
  ])('%s', (_name, cells, saved, problems) => {
    expect(matrixChangeProblems({ cells }, saved, MASTER).map((problem) => [problem.field, problem.message])).toEqual(problems);
  });

  it('replaces the cell of the same pair, or adds one at the end', () => {
    const replaced = cell('steel', null, { domestic: '4099' });
    expect(withCell({ cells: [GOOD, OLD] }, replaced).cells).toEqual([replaced, OLD]);
    const added = cell('STEEL', 'NORDIC', { domestic: '4010' });
    expect(withCell({ cells: [GOOD] }, added).cells).toEqual([GOOD, added]);
  });
});
