import { describe, expect, it } from 'vitest';
import type { DimensionSet } from '../../src/main/domain/coding/dimensions';
import { type DimensionUsage, NO_USAGE, typeDeletion, usageWords, valueDeletion } from '../../src/main/domain/coding/dimension-deletion';

const SET: DimensionSet = {
  types: [
    { code: 'cost-unit', name: 'Cost unit', origin: 'global', active: true, defaultValueCode: 'CU-F' },
    { code: 'project', name: 'Project', origin: 'global', active: true, defaultValueCode: null },
    { code: 'region', name: 'Region', origin: 'organisation', active: true, defaultValueCode: null },
    { code: 'shift', name: 'Shift', origin: 'organisation', active: false, defaultValueCode: null },
  ],
  values: [
    { typeCode: 'cost-unit', code: 'CU-F', name: 'Fleet', origin: 'global', active: true },
    { typeCode: 'cost-unit', code: 'CU-N', name: 'North', origin: 'global', active: false },
    { typeCode: 'region', code: 'R-1', name: 'One', origin: 'organisation', active: true },
    { typeCode: 'region', code: 'R-2', name: 'Two', origin: 'organisation', active: true },
    { typeCode: 'region', code: 'R-3', name: 'Three', origin: 'organisation', active: true },
    { typeCode: 'region', code: 'R-4', name: 'Four', origin: 'organisation', active: true },
  ],
};
const used = (over: Partial<DimensionUsage>): DimensionUsage => ({ ...NO_USAGE, ...over });

describe('where a value is used, in words', () => {
  it.each<[DimensionUsage, string]>([
    [NO_USAGE, ''],
    [used({ purchaseOrders: 1 }), '1 PO'],
    [used({ purchaseOrders: 1204, accountingEntries: 1 }), '1,204 POs and 1 accounting entry'],
    [used({ vendors: ['BOLT'] }), "vendor BOLT's coding"],
    [used({ vendors: ['ACME', 'BOLT', 'ACME'] }), 'the coding of vendors ACME and BOLT'],
    [used({ vendors: ['A', 'B', 'C', 'D'] }), 'the coding of 4 vendors, among them A, B and C'],
    [used({ matrixCells: ['TYRES × every supplier group'] }), 'the matrix cell TYRES × every supplier group'],
    [used({ purchaseOrders: 2, vendors: ['BOLT'], matrixCells: ['PPE × LOCAL', 'PPE × every supplier group'] }), "2 POs, vendor BOLT's coding and the matrix cells PPE × LOCAL and PPE × every supplier group"],
  ])('%j', (usage, words) => {
    expect(usageWords(usage)).toBe(words);
  });
});

describe('deleting a value', () => {
  type Row = [name: string, typeCode: string, code: string, usage: DimensionUsage, allowed: boolean, reason: string];
  it.each<Row>([
    ['unused', 'cost-unit', 'CU-N', NO_USAGE, true, 'Cost unit CU-N (North) is not used anywhere; it may be deleted from organisation MAIN.'],
    ['unused, any case', 'COST-UNIT', 'cu-n', NO_USAGE, true, 'Cost unit CU-N (North) is not used anywhere; it may be deleted from organisation MAIN.'],
    [
      'unused, the default',
      'cost-unit',
      'CU-F',
      NO_USAGE,
      true,
      'Cost unit CU-F (Fleet) is not used anywhere; it may be deleted from organisation MAIN. It is the default cost unit: rows get none from the organisation level after it.',
    ],
    ['not in the set', 'project', 'P-1', NO_USAGE, false, 'There is no project P-1 in organisation MAIN.'],
    ['on POs: history', 'cost-unit', 'CU-F', used({ purchaseOrders: 3, vendors: ['BOLT'] }), false, "Cost unit CU-F (Fleet) is used by 3 POs and vendor BOLT's coding: make it inactive instead; POs and entries keep naming it."],
    ['on entries only: history', 'cost-unit', 'CU-F', used({ accountingEntries: 2 }), false, 'Cost unit CU-F (Fleet) is used by 2 accounting entries: make it inactive instead; POs and entries keep naming it.'],
    ['in one matrix cell', 'cost-unit', 'CU-F', used({ matrixCells: ['TYRES × every supplier group'] }), false, 'Cost unit CU-F (Fleet) is used by the matrix cell TYRES × every supplier group: take it off there first, or make it inactive.'],
    ['by a vendor and a cell', 'cost-unit', 'CU-F', used({ vendors: ['BOLT'], matrixCells: ['TYRES × LOCAL'] }), false, "Cost unit CU-F (Fleet) is used by vendor BOLT's coding and the matrix cell TYRES × LOCAL: take it off them first, or make it inactive."],
    ['an organisation dimension names itself', 'region', 'R-1', used({ vendors: ['ACME'] }), false, "Region R-1 (One) is used by vendor ACME's coding: take it off there first, or make it inactive."],
  ])('%s', (_name, typeCode, code, usage, allowed, reason) => {
    expect(valueDeletion(SET, typeCode, code, usage, 'organisation MAIN')).toMatchObject({ allowed, reason });
  });
});

describe('deleting a type', () => {
  type Row = [name: string, code: string, usage: DimensionUsage, rule: string, reason: string];
  it.each<Row>([
    ['a core type', 'project', NO_USAGE, 'coding-core-type', 'Project is a core dimension; every row is coded by it, so it cannot be deleted.'],
    ['with values', 'region', NO_USAGE, 'coding-type-has-values', 'Dimension type region (Region) has 4 values in the global set (among them R-1, R-2 and R-3): delete them first, or make the type inactive.'],
    ['unknown', 'zone', NO_USAGE, 'coding-unknown', 'There is no dimension type zone in the global set.'],
    ['no values, still on POs', 'shift', used({ purchaseOrders: 1 }), 'coding-in-use', 'Dimension type shift (Shift) is used by 1 PO: make it inactive instead; POs and entries keep naming it.'],
    ['no values, unused', 'SHIFT', NO_USAGE, 'coding-not-in-use', 'Dimension type shift (Shift) has no values and is not used; it may be deleted from the global set.'],
  ])('%s', (_name, code, usage, rule, reason) => {
    expect(typeDeletion(SET, code, usage, 'the global set')).toMatchObject({ rule, reason });
  });
});
