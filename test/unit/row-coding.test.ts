import { describe, expect, it } from 'vitest';
import { asksFor, type ChartAccount, chartAccountProblems, type ChartOfAccounts, requirementOf, subObjectRequirements } from '../../src/main/domain/coding/chart-of-accounts';
import type { DimensionSet, DimensionValue } from '../../src/main/domain/coding/dimensions';
import type { PurchaseAccountMatrix, SupplierFacts } from '../../src/main/domain/coding/purchase-account-matrix';
import {
  DEFAULT_ROW_CODING_SETTINGS,
  defaultRowCoding,
  type NewRowFacts,
  recodeRow,
  resolveRowCoding,
  type RowAbove,
  type RowCodingSettings,
  type RowCodingValues,
  type RowResolvedValue,
  type RowSubject,
  type UpperLevels,
} from '../../src/main/domain/coding/row-coding';
import { type ChangeFacts, checkCodingChange, checkRowCodingOnSave, codingFieldAccess, type FieldAccessFacts, type SaveCodingFacts } from '../../src/main/domain/coding/row-coding-checks';

const account = (code: string, name: string, requirements: ChartAccount['requirements'], active = true): ChartAccount => ({ code, name, active, requirements });
// Raw material takes no project; fasteners no cost center or cost unit but a Mandatory project.
const CHART: ChartOfAccounts = {
  accounts: [
    account('4010', 'Raw material', { 'cost-center': 'mandatory', 'cost-unit': 'yes', project: 'no' }),
    account('4011', 'Raw material EU', { 'cost-center': 'mandatory', 'cost-unit': 'mandatory', project: 'yes' }),
    account('4015', 'Steel sundries', {}),
    account('4020', 'Fasteners', { 'cost-center': 'no', 'cost-unit': 'no', project: 'mandatory' }),
    account('4900', 'Other purchases', { 'cost-center': 'yes', 'cost-unit': 'no', project: 'yes' }),
    account('4910', 'Other purchases EU', { 'cost-center': 'mandatory', 'cost-unit': 'yes', project: 'yes', region: 'yes' }),
    account('4999', 'Closed account', {}, false),
  ],
};

const MATRIX: PurchaseAccountMatrix = {
  cells: [
    { productGroup: 'STEEL', supplierGroup: 'NORDIC', accounts: { domestic: '4010', eu: '4011' }, costCenter: '210', costUnit: null, project: null },
    { productGroup: 'STEEL', supplierGroup: null, accounts: { domestic: '4015' }, costCenter: null, costUnit: 'CU1', project: null },
    { productGroup: 'BOLTS', supplierGroup: null, accounts: { domestic: '4020', eu: '4020' }, costCenter: null, costUnit: null, project: 'P-BOLT' },
    { productGroup: 'SETUP', supplierGroup: null, accounts: { domestic: '4900' }, costCenter: null, costUnit: null, project: null },
    { productGroup: 'PAINT', supplierGroup: null, accounts: {}, costCenter: '220', costUnit: null, project: null },
  ],
};
const STANDARD = { domestic: '4900', eu: '4910' };
const DIMENSIONS = ['purchase-account', 'cost-center', 'cost-unit', 'project', 'region'];

const v = (typeCode: string, code: string, active = true): DimensionValue => ({ typeCode, code, name: `${typeCode} ${code}`, origin: 'global', active });
const SET: DimensionSet = {
  types: [...DIMENSIONS.map((code) => ({ code, name: code === 'region' ? 'Region' : code, origin: 'global' as const, active: true, defaultValueCode: null }))],
  values: [v('cost-center', '210'), v('cost-center', '220'), v('cost-center', '310'), v('cost-center', '500', false), v('cost-unit', 'CU1'), v('cost-unit', 'CU2'), v('project', 'P1'), v('project', 'P2'), v('project', 'P-BOLT'), v('project', 'P-OLD', false), v('region', 'N')],
};

const NORDIC_DOMESTIC: SupplierFacts = { supplierGroup: 'NORDIC', supplierType: 'domestic' };
const NORDIC_EU: SupplierFacts = { supplierGroup: 'NORDIC', supplierType: 'eu' };
const BALTIC_DOMESTIC: SupplierFacts = { supplierGroup: 'BALTIC', supplierType: 'domestic' };
const BALTIC_IMPORT: SupplierFacts = { supplierGroup: 'BALTIC', supplierType: 'import' };

// Row 1, above the new row: coded by hand (entered) on every dimension but its account.
const ABOVE: RowAbove = {
  rowNumber: 1,
  values: {
    'purchase-account': { value: '4015', via: 'matrix' },
    'cost-center': { value: '310', via: 'entered' },
    'cost-unit': { value: 'CU2', via: 'entered' },
    project: { value: 'P1', via: 'entered' },
    region: { value: 'N', via: 'entered' },
  },
};

const part = (productGroup: string | null, partNumber = 'PART-1'): RowSubject => ({ kind: 'part', partNumber, productGroup });
const ON: RowCodingSettings = { ...DEFAULT_ROW_CODING_SETTINGS, codingFromRowAbove: true };
const OFF: RowCodingSettings = DEFAULT_ROW_CODING_SETTINGS;

const facts = (over: Partial<NewRowFacts> = {}): NewRowFacts => ({
  rowNumber: 2,
  subject: part('STEEL'),
  settings: OFF,
  supplier: NORDIC_DOMESTIC,
  matrix: MATRIX,
  standardAccounts: STANDARD,
  chart: CHART,
  rowAbove: ABOVE,
  upper: {},
  dimensions: DIMENSIONS,
  set: SET,
  ...over,
});

/** The row level as "value (via)" per dimension, for tables that read at a glance. */
const compact = (values: RowCodingValues): Record<string, string> =>
  Object.fromEntries(Object.entries(values).flatMap(([dimension, entry]) => (entry ? [[dimension, `${entry.value} (${entry.via})`]] : [])));
const resolvedCompact = (resolved: Record<string, RowResolvedValue>): Record<string, string | null> =>
  Object.fromEntries(Object.values(resolved).map((r) => [r.dimension, r.value === null ? null : `${r.value} @${r.level}`]));

describe('a part row: the matrix first, the row above for the rest', () => {
  type Row = [name: string, over: Partial<NewRowFacts>, values: Record<string, string>];
  it.each<Row>([
    [
      'row above on: the matrix wins where it has a value, the row above fills the rest, the account takes no project',
      { settings: ON },
      { 'purchase-account': '4010 (matrix)', 'cost-center': '210 (matrix)', 'cost-unit': 'CU2 (row-above)', region: 'N (row-above)' },
    ],
    ['row above off: the matrix, and only what the account asks for from the row above', {}, { 'purchase-account': '4010 (matrix)', 'cost-center': '210 (matrix)', 'cost-unit': 'CU2 (row-above)' }],
    [
      'row above on, the every-group cell: its cost unit wins, the rest from the row above',
      { settings: ON, supplier: BALTIC_DOMESTIC },
      { 'purchase-account': '4015 (matrix)', 'cost-unit': 'CU1 (matrix)', 'cost-center': '310 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    ['row above off, an account that asks for nothing: the matrix alone', { supplier: BALTIC_DOMESTIC }, { 'purchase-account': '4015 (matrix)', 'cost-unit': 'CU1 (matrix)' }],
    [
      'EU supplier, row above off: the EU account asks for cost unit and project, so both come from the row above',
      { supplier: NORDIC_EU },
      { 'purchase-account': '4011 (matrix)', 'cost-center': '210 (matrix)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)' },
    ],
    [
      'fasteners, row above on: no cost center or cost unit on the account, the matrix project wins',
      { settings: ON, subject: part('BOLTS') },
      { 'purchase-account': '4020 (matrix)', project: 'P-BOLT (matrix)', region: 'N (row-above)' },
    ],
    ['the first row, row above on: the matrix alone', { settings: ON, rowAbove: null }, { 'purchase-account': '4010 (matrix)', 'cost-center': '210 (matrix)' }],
    ['the first row, row above off', { rowAbove: null }, { 'purchase-account': '4010 (matrix)', 'cost-center': '210 (matrix)' }],
    [
      'a cell without an account for import, row above on: the account from the row above',
      { settings: ON, supplier: BALTIC_IMPORT },
      { 'cost-unit': 'CU1 (matrix)', 'purchase-account': '4015 (row-above)', 'cost-center': '310 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    ['a cell without an account for import, row above off: no account', { supplier: BALTIC_IMPORT }, { 'cost-unit': 'CU1 (matrix)' }],
    [
      'a cell with only a cost center, row above on: the cost center from the matrix, the account from the row above',
      { settings: ON, subject: part('PAINT') },
      { 'cost-center': '220 (matrix)', 'purchase-account': '4015 (row-above)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    ['a product group the matrix lacks, row above off: nothing', { subject: part('GLUE') }, {}],
    [
      'a product group the matrix lacks, row above on: the row above, all of it',
      { settings: ON, subject: part('GLUE') },
      { 'purchase-account': '4015 (row-above)', 'cost-center': '310 (row-above)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    ['no product group, row above off: nothing', { subject: part(null) }, {}],
    [
      'no product group, row above on: the row above',
      { settings: ON, subject: part(null) },
      { 'purchase-account': '4015 (row-above)', 'cost-center': '310 (row-above)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    [
      'the row above has gaps: only what it has is copied',
      { settings: ON, supplier: BALTIC_DOMESTIC, rowAbove: { rowNumber: 4, values: { project: { value: 'P2', via: 'matrix' } } } },
      { 'purchase-account': '4015 (matrix)', 'cost-unit': 'CU1 (matrix)', project: 'P2 (row-above)' },
    ],
    [
      'only the row above’s own row values, never its vendor or header values (they are not in its row level)',
      { settings: ON, rowAbove: { rowNumber: 1, values: {} }, upper: { poHeader: { project: 'P2' } } },
      { 'purchase-account': '4010 (matrix)', 'cost-center': '210 (matrix)' },
    ],
  ])('%s', (_name, over, values) => {
    expect(compact(defaultRowCoding(facts(over)).values)).toEqual(values);
  });

  it('says how each value came about', () => {
    expect(defaultRowCoding(facts({ settings: ON })).notes).toEqual([
      'The matrix cell product group STEEL × supplier group NORDIC, for domestic suppliers, gives purchase account 4010, cost center 210.',
      'Cost unit CU2 from row 1 above.',
      'Project P1 from row 1 above.',
      'Region N from row 1 above.',
      'Account 4010 (Raw material) takes no project. Project P1 is not put on the row.',
    ]);
    expect(defaultRowCoding(facts({ supplier: NORDIC_EU })).notes).toEqual([
      'The matrix cell product group STEEL × supplier group NORDIC, for EU suppliers, gives purchase account 4011, cost center 210.',
      'Cost unit CU2 from row 1 above: account 4011 asks for one and the matrix gives none.',
      'Project P1 from row 1 above: account 4011 asks for one and the matrix gives none.',
    ]);
  });
});

describe('the levels above the row still apply', () => {
  type Row = [name: string, over: Partial<NewRowFacts>, resolved: Record<string, string | null>];
  const HEADER: UpperLevels = { organisation: { region: 'N' }, vendor: { 'cost-center': '220' }, poHeader: { project: 'P2', 'cost-unit': 'CU1' } };
  it.each<Row>([
    [
      'a row-level matrix value beats the vendor; the header fills what the row leaves blank, except what the account takes none of',
      { upper: HEADER, rowAbove: null },
      { 'purchase-account': '4010 @po-row', 'cost-center': '210 @po-row', 'cost-unit': 'CU1 @po-header', project: null, region: 'N @organisation' },
    ],
    [
      'the chart rule takes the row above’s value over the header’s',
      { upper: HEADER, supplier: NORDIC_EU },
      { 'purchase-account': '4011 @po-row', 'cost-center': '210 @po-row', 'cost-unit': 'CU2 @po-row', project: 'P1 @po-row', region: 'N @organisation' },
    ],
    [
      'fasteners drop the vendor’s cost center and the header’s cost unit',
      { upper: HEADER, subject: part('BOLTS'), rowAbove: null },
      { 'purchase-account': '4020 @po-row', 'cost-center': null, 'cost-unit': null, project: 'P-BOLT @po-row', region: 'N @organisation' },
    ],
    [
      'no matrix cell: the account may come from the header, and its rule asks the row above',
      { upper: { poHeader: { 'purchase-account': '4011' } }, subject: part('GLUE') },
      { 'purchase-account': '4011 @po-header', 'cost-center': '310 @po-row', 'cost-unit': 'CU2 @po-row', project: 'P1 @po-row', region: null },
    ],
  ])('%s', (_name, over, resolved) => {
    expect(resolvedCompact(defaultRowCoding(facts(over)).resolved)).toEqual(resolved);
  });
});

describe('rows without a part number', () => {
  const additional: RowSubject = { kind: 'additional' };
  const by = (additionalRowCoding: RowCodingSettings['additionalRowCoding'], fromAbove = false): RowCodingSettings => ({ ...OFF, additionalRowCoding, codingFromRowAbove: fromAbove });
  type Row = [name: string, over: Partial<NewRowFacts>, values: Record<string, string>];
  it.each<Row>([
    [
      'the standard account, row above on: the standard account wins, the rest from the row above, no cost unit on 4900',
      { settings: by('standard-account', true) },
      { 'purchase-account': '4900 (standard-account)', 'cost-center': '310 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    [
      'the standard account, row above off: what 4900 asks for from the row above',
      { settings: by('standard-account') },
      { 'purchase-account': '4900 (standard-account)', 'cost-center': '310 (row-above)', project: 'P1 (row-above)' },
    ],
    [
      'the EU standard account asks for region too',
      { settings: by('standard-account'), supplier: NORDIC_EU },
      { 'purchase-account': '4910 (standard-account)', 'cost-center': '310 (row-above)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    ['no standard account for import, row above off: nothing', { settings: by('standard-account'), supplier: BALTIC_IMPORT }, {}],
    [
      'no standard account for import, row above on: the row above',
      { settings: by('standard-account', true), supplier: BALTIC_IMPORT },
      { 'purchase-account': '4015 (row-above)', 'cost-center': '310 (row-above)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    ['the standard account on the first row', { settings: by('standard-account', true), rowAbove: null }, { 'purchase-account': '4900 (standard-account)' }],
    [
      'the row above, with row above off: all of it',
      { settings: by('row-above') },
      { 'purchase-account': '4015 (row-above)', 'cost-center': '310 (row-above)', 'cost-unit': 'CU2 (row-above)', project: 'P1 (row-above)', region: 'N (row-above)' },
    ],
    [
      'the row above, with an account that takes no cost unit: it is not copied',
      { settings: by('row-above'), rowAbove: { rowNumber: 3, values: { 'purchase-account': { value: '4900', via: 'entered' }, 'cost-unit': { value: 'CU2', via: 'entered' } } } },
      { 'purchase-account': '4900 (row-above)' },
    ],
    ['the row above on the first row: nothing', { settings: by('row-above', true), rowAbove: null }, {}],
    ['none, row above on: nothing at all', { settings: by('none', true) }, {}],
    ['none, row above off', { settings: by('none') }, {}],
  ])('%s', (_name, over, values) => {
    expect(compact(defaultRowCoding(facts({ subject: additional, ...over })).values)).toEqual(values);
  });

  it('"none" leaves the levels above the row in charge', () => {
    const result = defaultRowCoding(facts({ subject: additional, settings: by('none', true), upper: { vendor: { 'purchase-account': '4900', 'cost-unit': 'CU1' } } }));
    expect(resolvedCompact(result.resolved)).toEqual({ 'purchase-account': '4900 @vendor', 'cost-center': null, 'cost-unit': null, project: null, region: null });
    expect(result.notes).toEqual(['A row without a part number is not coded by default here.']);
  });

  it('never opens the coding box by itself', () => {
    expect(defaultRowCoding(facts({ subject: additional, settings: { ...by('none'), mandatoryCoding: true } })).openCodingBox).toBe(false);
  });
});

describe('setup-price rows', () => {
  const PART_ROW = {
    rowNumber: 5,
    values: { 'purchase-account': { value: '4011', via: 'matrix' }, 'cost-center': { value: '210', via: 'matrix' }, project: { value: 'P2', via: 'entered' } },
  } as const;
  const setup = (productGroup: string | null, partRow: typeof PART_ROW | null, partGroup: string | null = 'STEEL'): RowSubject => ({
    kind: 'setup-price',
    productGroup,
    part: { partNumber: 'PART-1', productGroup: partGroup, row: partRow },
  });
  const byPart: RowCodingSettings = { ...OFF, setupPriceCoding: 'part' };
  type Row = [name: string, over: Partial<NewRowFacts>, values: Record<string, string>];
  it.each<Row>([
    ["the part's coding: its row's values, all of them", { subject: setup('SETUP', PART_ROW), settings: byPart }, { 'purchase-account': '4011 (setup-part)', 'cost-center': '210 (setup-part)', project: 'P2 (setup-part)', 'cost-unit': 'CU2 (row-above)' }],
    [
      "the part's coding with row above on: the part's values win over the row above",
      { subject: setup('SETUP', PART_ROW), settings: { ...byPart, codingFromRowAbove: true } },
      { 'purchase-account': '4011 (setup-part)', 'cost-center': '210 (setup-part)', project: 'P2 (setup-part)', 'cost-unit': 'CU2 (row-above)', region: 'N (row-above)' },
    ],
    ["the part's coding, its row not on the PO: the matrix with the part's product group", { subject: setup('SETUP', null), settings: byPart, rowAbove: null }, { 'purchase-account': '4010 (matrix)', 'cost-center': '210 (matrix)' }],
    ["the product group's coding: the setup price's own group", { subject: setup('SETUP', PART_ROW), rowAbove: null }, { 'purchase-account': '4900 (matrix)' }],
    [
      "the product group's coding, 4900 asks the row above for cost center and project",
      { subject: setup('SETUP', PART_ROW) },
      { 'purchase-account': '4900 (matrix)', 'cost-center': '310 (row-above)', project: 'P1 (row-above)' },
    ],
    ["the product group's coding without a product group: nothing", { subject: setup(null, PART_ROW), rowAbove: null }, {}],
  ])('%s', (_name, over, values) => {
    expect(compact(defaultRowCoding(facts(over)).values)).toEqual(values);
  });

  it("says it takes the part's coding", () => {
    expect(defaultRowCoding(facts({ subject: setup('SETUP', PART_ROW), settings: byPart, rowAbove: null })).notes).toEqual(['The setup price takes the coding of part PART-1 on row 5.']);
  });
});

describe('the coding box opens by itself on a part without a product group, under mandatory coding', () => {
  const MANDATORY: RowCodingSettings = { ...OFF, mandatoryCoding: true };
  type Row = [name: string, over: Partial<NewRowFacts>, open: boolean];
  it.each<Row>([
    ['a part without a product group, mandatory coding', { subject: part(null), settings: MANDATORY }, true],
    ['a part with a blank product group, mandatory coding', { subject: part('  '), settings: MANDATORY }, true],
    ['a part without a product group, coding not mandatory', { subject: part(null) }, false],
    ['a part without a product group, mandatory, even when the row above codes it', { subject: part(null), settings: { ...MANDATORY, codingFromRowAbove: true } }, true],
    ['a part with a product group the matrix lacks', { subject: part('GLUE'), settings: MANDATORY }, false],
    ['a part with a product group', { settings: MANDATORY }, false],
    ['a setup price by product group, without one', { subject: { kind: 'setup-price', productGroup: null, part: { partNumber: 'P', productGroup: 'STEEL', row: null } }, settings: MANDATORY }, true],
    ["a setup price by its part, the part without a product group and not on the PO", { subject: { kind: 'setup-price', productGroup: 'SETUP', part: { partNumber: 'P', productGroup: null, row: null } }, settings: { ...MANDATORY, setupPriceCoding: 'part' } }, true],
    ["a setup price by its part, the part's row on the PO", { subject: { kind: 'setup-price', productGroup: null, part: { partNumber: 'P', productGroup: null, row: { rowNumber: 1, values: {} } } }, settings: { ...MANDATORY, setupPriceCoding: 'part' } }, false],
  ])('%s', (_name, over, open) => {
    const result = defaultRowCoding(facts(over));
    expect(result.openCodingBox).toBe(open);
    expect(result.notes.includes('The coding box opens: the row has no product group to code it by, and every row must be coded.')).toBe(open);
  });
});

describe('resolving a row: precedence, then the account', () => {
  const row = (values: Record<string, string>, via: 'matrix' | 'entered' = 'entered'): RowCodingValues => Object.fromEntries(Object.entries(values).map(([d, value]) => [d, { value, via }]));
  it('says where each value came from, how, and what it set aside', () => {
    const resolved = resolveRowCoding({
      upper: { vendor: { 'cost-center': '220' }, poHeader: { project: 'P2' } },
      row: { 'purchase-account': { value: '4011', via: 'matrix' }, 'cost-center': { value: '210', via: 'matrix' }, 'cost-unit': { value: 'CU2', via: 'row-above' } },
      chart: CHART,
      dimensions: DIMENSIONS,
      set: SET,
    });
    expect(Object.values(resolved).map((r) => r.reason)).toEqual([
      'Purchase account 4011, from the PO row, by the purchase-account matrix.',
      "Cost center 210, from the PO row, by the purchase-account matrix (the vendor's 220 set aside).",
      'Cost unit CU2, from the PO row, taken from the row above.',
      'Project P2, from the PO header.',
      'No Region at any level.',
    ]);
    expect(resolved['cost-center']).toMatchObject({ level: 'po-row', via: 'matrix', setAside: [{ level: 'vendor', value: '220' }], dropped: null });
    expect(resolved.project).toMatchObject({ level: 'po-header', via: null });
  });

  it('a distribution beats its row', () => {
    const resolved = resolveRowCoding({ upper: {}, row: row({ 'purchase-account': '4011', 'cost-center': '210' }), distribution: { 'cost-center': '310' }, chart: CHART, dimensions: DIMENSIONS });
    expect(resolved['cost-center']).toMatchObject({ value: '310', level: 'distribution', via: null, setAside: [{ level: 'po-row', value: '210' }] });
  });

  it('a distribution’s own account decides what the distribution takes', () => {
    const resolved = resolveRowCoding({ upper: {}, row: row({ 'purchase-account': '4011', 'cost-center': '210', project: 'P1' }), distribution: { 'purchase-account': '4020' }, chart: CHART, dimensions: DIMENSIONS });
    expect(resolvedCompact(resolved)).toEqual({ 'purchase-account': '4020 @distribution', 'cost-center': null, 'cost-unit': null, project: 'P1 @po-row', region: null });
  });

  type DropRow = [name: string, upper: UpperLevels, values: Record<string, string>, dimension: string, dropped: { level: string; value: string } | null, reason: string];
  it.each<DropRow>([
    ['a header value the account takes none of', { poHeader: { 'cost-center': '310' } }, { 'purchase-account': '4020' }, 'cost-center', { level: 'po-header', value: '310' }, 'Account 4020 (Fasteners) takes no cost center. Cost center 310 from the PO header is dropped.'],
    ['a row value the account takes none of', {}, { 'purchase-account': '4010', project: 'P1' }, 'project', { level: 'po-row', value: 'P1' }, 'Account 4010 (Raw material) takes no project. Project P1 from the PO row is dropped.'],
    ['nothing to drop', {}, { 'purchase-account': '4010' }, 'project', null, 'Account 4010 (Raw material) takes no project.'],
    ['an account from the organisation decides too', { organisation: { 'purchase-account': '4020' }, vendor: { 'cost-unit': 'CU1' } }, {}, 'cost-unit', { level: 'vendor', value: 'CU1' }, 'Account 4020 (Fasteners) takes no cost unit. Cost unit CU1 from the vendor is dropped.'],
  ])('drops %s', (_name, upper, values, dimension, dropped, reason) => {
    const resolved = resolveRowCoding({ upper, row: row(values), chart: CHART, dimensions: DIMENSIONS, set: SET })[dimension];
    expect(resolved).toMatchObject({ value: null, level: null, dropped, reason });
  });

  it.each<[string, Record<string, string>]>([
    ['an account not in the chart restricts nothing', { 'purchase-account': '9999', 'cost-center': '210', 'cost-unit': 'CU1', project: 'P1' }],
    ['no account restricts nothing', { 'cost-center': '210', 'cost-unit': 'CU1', project: 'P1' }],
    ['an account without requirements restricts nothing', { 'purchase-account': '4015', 'cost-center': '210', 'cost-unit': 'CU1', project: 'P1' }],
  ])('%s', (_name, values) => {
    const resolved = resolveRowCoding({ upper: {}, row: row(values), chart: CHART, dimensions: DIMENSIONS });
    expect(Object.values(resolved).filter((r) => r.value !== null).map((r) => r.dimension)).toEqual(Object.keys(values));
  });
});

describe('a row coded again keeps what was entered', () => {
  it('the part changes: defaults follow the new part, entered values stay and win', () => {
    const current: RowCodingValues = { 'purchase-account': { value: '4015', via: 'matrix' }, 'cost-center': { value: '310', via: 'entered' }, 'cost-unit': { value: 'CU1', via: 'matrix' } };
    const result = recodeRow(current, facts({ rowAbove: null, supplier: NORDIC_EU }));
    expect(compact(result.values)).toEqual({ 'purchase-account': '4011 (matrix)', 'cost-center': '310 (entered)' });
  });

  it('an entered value the new account takes none of is dropped, with the reason', () => {
    const current: RowCodingValues = { 'cost-center': { value: '310', via: 'entered' }, project: { value: 'P2', via: 'entered' } };
    const result = recodeRow(current, facts({ rowAbove: null, subject: part('BOLTS') }));
    expect(compact(result.values)).toEqual({ 'purchase-account': '4020 (matrix)', project: 'P2 (entered)' });
    expect(result.notes).toContain('Account 4020 (Fasteners) takes no cost center. Cost center 310 is not put on the row.');
  });
});

describe('the chart of accounts', () => {
  const FASTENERS = CHART.accounts[3] as ChartAccount;
  it.each<[string, string, 'no' | 'yes' | 'mandatory', boolean]>([
    ['No', 'cost-center', 'no', false],
    ['No', 'cost-unit', 'no', false],
    ['Mandatory', 'project', 'mandatory', true],
    ['not given: Yes, but it does not ask for the row above', 'region', 'yes', false],
  ])('fasteners %s (%s)', (_name, dimension, requirement, asks) => {
    expect(requirementOf(FASTENERS, dimension)).toBe(requirement);
    expect(asksFor(FASTENERS, dimension)).toBe(asks);
  });

  it('an unknown account asks nothing and restricts nothing', () => {
    expect(requirementOf(undefined, 'project')).toBe('yes');
    expect(asksFor(undefined, 'project')).toBe(false);
  });

  it('shows the three sub-objects for the admin grid', () => {
    expect(subObjectRequirements(FASTENERS)).toEqual({ 'cost-center': 'no', 'cost-unit': 'no', project: 'mandatory' });
    expect(subObjectRequirements(CHART.accounts[2] as ChartAccount)).toEqual({ 'cost-center': 'yes', 'cost-unit': 'yes', project: 'yes' });
  });

  it.each<[string, ChartAccount, string[]]>([
    ['a new account', account('4100', 'Freight', { project: 'yes' }), []],
    ['a code already in the chart, in another case', account('4010', 'Again', {}), ['There is already an account 4010 (Raw material).']],
    ['blank code and name', account(' ', '', {}), ['Enter the account code.', 'Enter a name for account  .']],
    ['a requirement that is not one', account('4100', 'Freight', { project: 'maybe' as never }), ['The project requirement of account 4100 must be No, Yes or Mandatory; it is maybe.']],
  ])('admin: %s', (_name, candidate, problems) => {
    expect(chartAccountProblems(candidate, CHART)).toEqual(problems);
  });
});

// ---- What may change, and the save check ----

const resolvedOf = (values: Record<string, string>, upper: UpperLevels = {}) =>
  resolveRowCoding({ upper, row: Object.fromEntries(Object.entries(values).map(([d, value]) => [d, { value, via: 'matrix' as const }])), chart: CHART, dimensions: DIMENSIONS, set: SET });

const ALICE = { displayName: 'Alice Moreau', mayOverrideCoding: false };
const PAT = { displayName: 'Pat Nguyen', mayOverrideCoding: true };
const NORTH = { codes: ['210', '220', '110'], label: 'your scheme NORTH', overrideApplied: false };

describe('who may change a coding field, and where', () => {
  // Row 2: account 4011 from the matrix, cost center 220 from the header, no cost unit.
  const ROW = resolvedOf({ 'purchase-account': '4011' }, { poHeader: { 'cost-center': '220' } });
  const access = (over: Partial<FieldAccessFacts> = {}): FieldAccessFacts => ({
    place: 'grid',
    settings: { codingOnlyInExtraRowInfo: false },
    user: PAT,
    rowNumber: 2,
    invoicedQuantityMilli: 0,
    invoicedAmountMinor: 0,
    dimension: 'cost-center',
    current: ROW['cost-center'] as RowResolvedValue,
    account: CHART.accounts[1],
    set: SET,
    ...over,
  });
  const BOX_ONLY = { codingOnlyInExtraRowInfo: true };
  type Row = [name: string, over: Partial<FieldAccessFacts>, editable: boolean, rule: string, reason: string];
  it.each<Row>([
    ['a user with the right overrides a value in the grid', {}, true, 'coding-override', 'Cost center 220 comes from the PO header; you may override it on row 2.'],
    [
      'a user without the right sees it read-only',
      { user: ALICE },
      false,
      'coding-override-right',
      'Cost center 220 comes from the PO header; changing it needs the right to override coding, which Alice Moreau does not have.',
    ],
    ['a blank field: anyone may fill it', { user: ALICE, dimension: 'cost-unit', current: ROW['cost-unit'] as RowResolvedValue }, true, 'coding-fill-blank', 'Row 2 has no cost unit; enter one.'],
    ['an invoiced row: read-only even with the right', { invoicedQuantityMilli: 1 }, false, 'coding-row-invoiced', 'Row 2 has been invoiced; its coding is booked in the accounting entry and can no longer change.'],
    ['an invoiced amount alone makes it invoiced', { invoicedAmountMinor: 1, dimension: 'cost-unit', current: ROW['cost-unit'] as RowResolvedValue }, false, 'coding-row-invoiced', 'Row 2 has been invoiced; its coding is booked in the accounting entry and can no longer change.'],
    [
      'coding only in extra row info: the grid is read-only',
      { settings: BOX_ONLY },
      false,
      'coding-box-only',
      'Coding is edited in the coding box (Alt+C), not in the grid: the setting "coding only in extra row info" is on.',
    ],
    ['coding only in extra row info: a blank grid cell is read-only too', { settings: BOX_ONLY, user: ALICE, dimension: 'cost-unit', current: ROW['cost-unit'] as RowResolvedValue }, false, 'coding-box-only', 'Coding is edited in the coding box (Alt+C), not in the grid: the setting "coding only in extra row info" is on.'],
    ['coding only in extra row info: the coding box edits', { settings: BOX_ONLY, place: 'coding-box' }, true, 'coding-override', 'Cost center 220 comes from the PO header; you may override it on row 2.'],
    ['the coding box without the right', { place: 'coding-box', user: ALICE }, false, 'coding-override-right', 'Cost center 220 comes from the PO header; changing it needs the right to override coding, which Alice Moreau does not have.'],
    ['invoiced beats the setting', { settings: BOX_ONLY, invoicedQuantityMilli: 500 }, false, 'coding-row-invoiced', 'Row 2 has been invoiced; its coding is booked in the accounting entry and can no longer change.'],
    ['a sub-object the account takes none of', { account: CHART.accounts[3], dimension: 'cost-unit', current: ROW['cost-unit'] as RowResolvedValue }, false, 'coding-not-on-account', 'Account 4020 (Fasteners) takes no cost unit.'],
    ['the purchase account itself is never "not on the account"', { dimension: 'purchase-account', current: ROW['purchase-account'] as RowResolvedValue, account: CHART.accounts[3] }, true, 'coding-override', 'Purchase account 4011 comes from the PO row; you may override it on row 2.'],
  ])('%s', (_name, over, editable, rule, reason) => {
    expect(codingFieldAccess(access(over))).toEqual({ editable, rule, reason });
  });

  const change = (over: Partial<ChangeFacts>): ChangeFacts => ({ ...access(), newValue: null, level: 'po-row', chart: CHART, allowedCostCenters: NORTH, resolved: ROW, ...over });
  const ROW_CC = resolvedOf({ 'purchase-account': '4011', 'cost-center': '210', project: 'P1' }, { poHeader: { 'cost-center': '220' } });
  const ROW_ONLY_CC = resolvedOf({ 'purchase-account': '4011', 'cost-center': '210' });
  type ChangeRow = [name: string, over: Partial<ChangeFacts>, allowed: boolean, rule: string, reason: string];
  it.each<ChangeRow>([
    ['override the header’s cost center on the row', { newValue: '210' }, true, 'coding-changed', 'Cost center changes from 220 to 210 on row 2.'],
    ['the same value: nothing changes', { newValue: '220' }, true, 'coding-unchanged', 'Cost center stays 220 on row 2.'],
    ['spaces around the value are ignored', { newValue: ' 210 ' }, true, 'coding-changed', 'Cost center changes from 220 to 210 on row 2.'],
    ['an unknown cost center', { newValue: '999' }, false, 'coding-value-unknown', 'There is no cost center 999.'],
    ['an inactive cost center', { newValue: '500' }, false, 'coding-value-inactive', 'The cost center 500 (cost-center 500) is inactive; choose an active one.'],
    ['a cost center the Spectrum rules do not allow', { newValue: '310' }, false, 'coding-cost-center-not-allowed', 'Cost center 310 is not allowed: your scheme NORTH allows 210, 220, 110.'],
    ['no Spectrum list to check', { newValue: '310', allowedCostCenters: null }, true, 'coding-changed', 'Cost center changes from 220 to 310 on row 2.'],
    ['without the right', { newValue: '210', user: ALICE }, false, 'coding-override-right', 'Cost center 220 comes from the PO header; changing it needs the right to override coding, which Alice Moreau does not have.'],
    ['filling a blank without the right', { user: ALICE, dimension: 'cost-unit', current: ROW['cost-unit'] as RowResolvedValue, newValue: 'CU1' }, true, 'coding-changed', 'Cost unit changes to CU1 on row 2.'],
    ['an invoiced row', { newValue: '210', invoicedAmountMinor: 100 }, false, 'coding-row-invoiced', 'Row 2 has been invoiced; its coding is booked in the accounting entry and can no longer change.'],
    ['in the grid under coding only in extra row info', { newValue: '210', settings: { codingOnlyInExtraRowInfo: true } }, false, 'coding-box-only', 'Coding is edited in the coding box (Alt+C), not in the grid: the setting "coding only in extra row info" is on.'],
    [
      'blank cannot take away the header’s value',
      { newValue: '' },
      false,
      'coding-blank-hides-nothing',
      'Cost center 220 comes from the PO header; leaving it blank on row 2 cannot take it away. Change it on the PO header, or enter another cost center.',
    ],
    ["clearing the row's own value falls back to the header's", { current: ROW_CC['cost-center'] as RowResolvedValue, resolved: ROW_CC, newValue: null }, true, 'coding-cleared', "Cost center 210 is removed from row 2; it falls back to the PO header's 220."],
    ["clearing the row's own value with nothing below", { current: ROW_ONLY_CC['cost-center'] as RowResolvedValue, resolved: ROW_ONLY_CC, newValue: null }, true, 'coding-cleared', 'Cost center 210 is removed from row 2; it then has none.'],
    ['clearing a blank: nothing changes', { dimension: 'cost-unit', current: ROW['cost-unit'] as RowResolvedValue, newValue: null }, true, 'coding-unchanged', 'Row 2 has no cost unit; nothing changes.'],
    [
      'clearing the row’s value from a distribution',
      { current: ROW_CC['cost-center'] as RowResolvedValue, resolved: ROW_CC, newValue: null, level: 'distribution' },
      false,
      'coding-blank-hides-nothing',
      'Cost center 210 comes from the PO row; leaving it blank on the distribution on row 2 cannot take it away. Change it on the PO row, or enter another cost center.',
    ],
    ['a value on a distribution', { newValue: '210', level: 'distribution' }, true, 'coding-changed', 'Cost center changes from 220 to 210 on the distribution on row 2.'],
    ['an account not in the chart', { dimension: 'purchase-account', current: ROW['purchase-account'] as RowResolvedValue, newValue: '9999' }, false, 'coding-account-unknown', 'There is no account 9999 in the chart of accounts.'],
    ['an inactive account', { dimension: 'purchase-account', current: ROW['purchase-account'] as RowResolvedValue, newValue: '4999' }, false, 'coding-account-inactive', 'Account 4999 (Closed account) is inactive; choose an active one.'],
    [
      'an account that takes none of what the row has: it says what is dropped',
      { dimension: 'purchase-account', current: ROW_CC['purchase-account'] as RowResolvedValue, resolved: ROW_CC, newValue: '4020' },
      true,
      'coding-changed',
      'Purchase account changes from 4011 to 4020 on row 2. Account 4020 (Fasteners) takes no cost center. Cost center 210 is dropped.',
    ],
    ['an account that keeps everything', { dimension: 'purchase-account', current: ROW_CC['purchase-account'] as RowResolvedValue, resolved: ROW_CC, newValue: '4015' }, true, 'coding-changed', 'Purchase account changes from 4011 to 4015 on row 2.'],
    ['a value of the organisation’s own dimension', { dimension: 'region', current: ROW.region as RowResolvedValue, newValue: 'N' }, true, 'coding-changed', 'Region changes to N on row 2.'],
    ['an unknown value of the organisation’s own dimension', { dimension: 'region', current: ROW.region as RowResolvedValue, newValue: 'S' }, false, 'coding-value-unknown', 'There is no Region S.'],
  ])('%s', (_name, over, allowed, rule, reason) => {
    const verdict = checkCodingChange(change(over));
    expect({ allowed: verdict.allowed, rule: verdict.rule, reason: verdict.reason }).toEqual({ allowed, rule, reason });
  });

  it('a change stores the value on the level as entered', () => {
    const verdict = checkCodingChange(change({ newValue: '210' }));
    expect(verdict.allowed && verdict.store).toEqual({ value: '210', via: 'entered' });
    const cleared = checkCodingChange(change({ current: ROW_CC['cost-center'] as RowResolvedValue, resolved: ROW_CC, newValue: null }));
    expect(cleared.allowed && cleared.store).toBeNull();
  });
});

describe('mandatory coding on order rows: the save check', () => {
  const save = (rows: SaveCodingFacts['rows'], over: Partial<SaveCodingFacts> = {}): SaveCodingFacts => ({
    settings: { mandatoryCoding: true },
    rows,
    chart: CHART,
    set: SET,
    allowedCostCenters: NORTH,
    ...over,
  });
  const row = (rowNumber: number, values: Record<string, string>, upper: UpperLevels = {}) => ({ rowNumber, resolved: resolvedOf(values, upper) });
  const raw = (rowNumber: number, values: Record<string, string | null>) => ({
    rowNumber,
    resolved: Object.fromEntries(
      Object.entries(values).map(([dimension, value]) => [dimension, { dimension, value, level: value === null ? null : 'po-row', setAside: [], via: null, dropped: null, reason: '' } as RowResolvedValue]),
    ),
  });

  type Row = [name: string, facts: SaveCodingFacts, allowed: boolean, rule: string, problems: [number, string, string][]];
  it.each<Row>([
    ['every row coded', save([row(1, { 'purchase-account': '4010', 'cost-center': '210' }), row(2, { 'purchase-account': '4020', project: 'P-BOLT' })]), true, 'coding-complete', []],
    ['a Yes sub-object may stay blank', save([row(1, { 'purchase-account': '4011', 'cost-center': '210', 'cost-unit': 'CU1' })]), true, 'coding-complete', []],
    ['a row without a purchase account', save([row(1, { 'cost-center': '210' })]), false, 'coding-purchase-account-required', [[1, 'purchase-account', 'Row 1 has no purchase account; every row must have one.']]],
    ['a Mandatory project missing', save([row(3, { 'purchase-account': '4020' })]), false, 'coding-sub-object-mandatory', [[3, 'project', 'Row 3 has no project: account 4020 (Fasteners) requires one.']]],
    ['a Mandatory cost center from the header counts', save([row(1, { 'purchase-account': '4010' }, { poHeader: { 'cost-center': '220' } })]), true, 'coding-complete', []],
    [
      'two Mandatory sub-objects missing on one row',
      save([row(2, { 'purchase-account': '4011' })]),
      false,
      'coding-sub-object-mandatory',
      [
        [2, 'cost-center', 'Row 2 has no cost center: account 4011 (Raw material EU) requires one.'],
        [2, 'cost-unit', 'Row 2 has no cost unit: account 4011 (Raw material EU) requires one.'],
      ],
    ],
    ['coding not mandatory: a row without an account saves', save([row(1, {})], { settings: { mandatoryCoding: false } }), true, 'coding-valid', []],
    ['coding not mandatory: a Mandatory sub-object may be missing', save([row(1, { 'purchase-account': '4020' })], { settings: { mandatoryCoding: false } }), true, 'coding-valid', []],
    ['an account not in the chart, even when not mandatory', save([row(1, { 'purchase-account': '9999' })], { settings: { mandatoryCoding: false } }), false, 'coding-account-unknown', [[1, 'purchase-account', "Row 1's purchase account 9999 is not in the chart of accounts."]]],
    ['an inactive account', save([row(4, { 'purchase-account': '4999' })]), false, 'coding-account-inactive', [[4, 'purchase-account', "Row 4's purchase account 4999 (Closed account) is inactive."]]],
    ['an unknown cost unit', save([row(1, { 'purchase-account': '4010', 'cost-center': '210', 'cost-unit': 'CU9' })]), false, 'coding-value-unknown', [[1, 'cost-unit', "Row 1's cost unit CU9 does not exist."]]],
    ['an inactive project', save([row(1, { 'purchase-account': '4020', project: 'P-OLD' })]), false, 'coding-value-inactive', [[1, 'project', "Row 1's project P-OLD (project P-OLD) is inactive."]]],
    [
      'a dimension the organisation no longer codes by',
      save([raw(1, { 'purchase-account': '4015', legacy: 'X1' })]),
      false,
      'coding-type-unknown',
      [[1, 'legacy', "Row 1's legacy X1 is not in use: the organisation does not code by legacy."]],
    ],
    ['a cost center outside the Spectrum list', save([row(1, { 'purchase-account': '4010', 'cost-center': '310' })]), false, 'coding-cost-center-not-allowed', [[1, 'cost-center', "Row 1's cost center 310 is not allowed: your scheme NORTH allows 210, 220, 110."]]],
    ['no Spectrum list to check', save([row(1, { 'purchase-account': '4010', 'cost-center': '310' })], { allowedCostCenters: null }), true, 'coding-complete', []],
    ['a value the account takes none of, passed in unresolved', save([raw(1, { 'purchase-account': '4020', 'cost-center': '210', project: 'P1' })]), false, 'coding-not-on-account', [[1, 'cost-center', 'Row 1 has cost center 210, but account 4020 (Fasteners) takes none.']]],
    [
      'an unknown account: no Mandatory check without an account to ask',
      save([raw(1, { 'purchase-account': '9999', 'cost-center': null, project: null })]),
      false,
      'coding-account-unknown',
      [[1, 'purchase-account', "Row 1's purchase account 9999 is not in the chart of accounts."]],
    ],
    [
      'problems on several rows, in row order whatever order the rows come in',
      save([row(3, { 'purchase-account': '4020' }), row(1, {}), row(2, { 'purchase-account': '4010', 'cost-center': '210' })]),
      false,
      'coding-purchase-account-required',
      [
        [1, 'purchase-account', 'Row 1 has no purchase account; every row must have one.'],
        [3, 'project', 'Row 3 has no project: account 4020 (Fasteners) requires one.'],
      ],
    ],
  ])('%s', (_name, saveFacts, allowed, rule, problems) => {
    const verdict = checkRowCodingOnSave(saveFacts);
    expect({ allowed: verdict.allowed, rule: verdict.rule }).toEqual({ allowed, rule });
    expect(verdict.problems.map((p) => [p.rowNumber, p.dimension, p.reason])).toEqual(problems);
  });

  it.each<[string, SaveCodingFacts, string]>([
    ['one problem: its sentence', save([row(3, { 'purchase-account': '4020' })]), 'The PO cannot be saved: Row 3 has no project: account 4020 (Fasteners) requires one.'],
    [
      'several: counted, the rows named, each sentence',
      save([row(1, {}), row(3, { 'purchase-account': '4011' })]),
      'The PO cannot be saved: 3 coding problems on rows 1, 3. Row 1 has no purchase account; every row must have one. Row 3 has no cost center: account 4011 (Raw material EU) requires one. Row 3 has no cost unit: account 4011 (Raw material EU) requires one.',
    ],
    ['all coded', save([row(1, { 'purchase-account': '4015' })]), 'Every row has a purchase account and every sub-object its account requires.'],
    ['not mandatory', save([row(1, {})], { settings: { mandatoryCoding: false } }), 'Every coded value can be booked; coding on order rows is not mandatory.'],
  ])('says it in words: %s', (_name, saveFacts, reason) => {
    expect(checkRowCodingOnSave(saveFacts).reason).toBe(reason);
  });
});
