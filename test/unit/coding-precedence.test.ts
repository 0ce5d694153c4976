import { describe, expect, it } from 'vitest';
import {
  addDimensionType,
  addDimensionValue,
  checkDimensionValue,
  codeProblems,
  codingDimensions,
  CORE_DIMENSIONS,
  dimensionLabel,
  type DimensionSet,
  type DimensionType,
  type DimensionValue,
  globalSetProblems,
  newOrganisationSet,
  organisationDefaults,
  setDefaultValue,
} from '../../src/main/domain/coding/dimensions';
import { type CodingLayers, type CodingLevel, resolveCoding, resolveValue, sourceText } from '../../src/main/domain/coding/precedence';

const type = (code: string, name: string, over: Partial<DimensionType> = {}): DimensionType => ({ code, name, origin: 'global', active: true, defaultValueCode: null, ...over });
const value = (typeCode: string, code: string, over: Partial<DimensionValue> = {}): DimensionValue => ({ typeCode, code, name: `${typeCode} ${code}`, origin: 'global', active: true, ...over });

// The admin's global set: the four core types, an extra "region" type, an inactive "legacy" type.
const GLOBAL: DimensionSet = {
  types: [
    type('purchase-account', 'Purchase account', { defaultValueCode: '4000' }),
    type('cost-center', 'Cost centre'),
    type('cost-unit', 'Cost unit', { defaultValueCode: 'CU-OLD' }),
    type('project', 'Project', { defaultValueCode: 'P-GEN' }),
    type('region', 'Region', { defaultValueCode: 'NORTH' }),
    type('legacy', 'Legacy code', { active: false }),
  ],
  values: [
    value('purchase-account', '4000'),
    value('cost-center', '210'),
    value('cost-center', '220'),
    value('cost-center', '500', { active: false }),
    value('cost-unit', 'CU1'),
    value('cost-unit', 'CU-OLD', { active: false }),
    value('project', 'P-GEN'),
    value('region', 'NORTH'),
    value('legacy', 'X1'),
  ],
};

describe('precedence: the most specific level with a value wins', () => {
  type Row = [name: string, layers: CodingLayers, value: string | null, level: CodingLevel | null, setAside: { level: CodingLevel; value: string }[]];
  it.each<Row>([
    ['no level has a value', {}, null, null, []],
    ['only the organisation', { organisation: { 'cost-center': '100' } }, '100', 'organisation', []],
    ['only the vendor', { vendor: { 'cost-center': '210' } }, '210', 'vendor', []],
    ['only the PO header', { 'po-header': { 'cost-center': '220' } }, '220', 'po-header', []],
    ['only the PO row', { 'po-row': { 'cost-center': '310' } }, '310', 'po-row', []],
    ['only the distribution', { distribution: { 'cost-center': '410' } }, '410', 'distribution', []],
    ['the vendor beats the organisation', { organisation: { 'cost-center': '100' }, vendor: { 'cost-center': '210' } }, '210', 'vendor', [{ level: 'organisation', value: '100' }]],
    ['the header beats the vendor', { vendor: { 'cost-center': '210' }, 'po-header': { 'cost-center': '220' } }, '220', 'po-header', [{ level: 'vendor', value: '210' }]],
    ['the row beats the header', { 'po-header': { 'cost-center': '220' }, 'po-row': { 'cost-center': '310' } }, '310', 'po-row', [{ level: 'po-header', value: '220' }]],
    ['the distribution beats the row', { 'po-row': { 'cost-center': '310' }, distribution: { 'cost-center': '410' } }, '410', 'distribution', [{ level: 'po-row', value: '310' }]],
    [
      'every level: the distribution, the others set aside most specific first',
      { organisation: { 'cost-center': '100' }, vendor: { 'cost-center': '210' }, 'po-header': { 'cost-center': '220' }, 'po-row': { 'cost-center': '310' }, distribution: { 'cost-center': '410' } },
      '410',
      'distribution',
      [
        { level: 'po-row', value: '310' },
        { level: 'po-header', value: '220' },
        { level: 'vendor', value: '210' },
        { level: 'organisation', value: '100' },
      ],
    ],
    ['a gap in between: organisation and row', { organisation: { 'cost-center': '100' }, 'po-row': { 'cost-center': '310' } }, '310', 'po-row', [{ level: 'organisation', value: '100' }]],
    ['the same value at two levels: the more specific one, nothing set aside', { vendor: { 'cost-center': '210' }, 'po-row': { 'cost-center': '210' } }, '210', 'po-row', []],
    ['null on the row does not hide the header', { 'po-header': { 'cost-center': '220' }, 'po-row': { 'cost-center': null } }, '220', 'po-header', []],
    ['a blank on the row does not hide the header', { 'po-header': { 'cost-center': '220' }, 'po-row': { 'cost-center': '' } }, '220', 'po-header', []],
    ['only spaces on the distribution do not hide the row', { 'po-row': { 'cost-center': '310' }, distribution: { 'cost-center': '   ' } }, '310', 'po-row', []],
    ['another dimension on the row does not count', { vendor: { 'cost-center': '210' }, 'po-row': { project: 'P1' } }, '210', 'vendor', []],
    ['codes are kept as the level holds them', { 'po-row': { 'cost-center': 'ab-1' } }, 'ab-1', 'po-row', []],
  ])('%s', (_name, layers, expected, level, setAside) => {
    expect(resolveValue(layers, 'cost-center')).toEqual({ dimension: 'cost-center', value: expected, level, setAside });
  });

  it('resolves every dimension asked for, each on its own', () => {
    const layers: CodingLayers = {
      organisation: { 'purchase-account': '4000', project: 'P-GEN' },
      vendor: { 'cost-center': '210' },
      'po-header': { project: 'P-HDR' },
      'po-row': { 'purchase-account': '4010' },
    };
    const resolved = resolveCoding(layers, [...CORE_DIMENSIONS, 'region']);
    expect(Object.keys(resolved)).toEqual(['purchase-account', 'cost-center', 'cost-unit', 'project', 'region']);
    expect(Object.fromEntries(Object.values(resolved).map((r) => [r.dimension, [r.value, r.level]]))).toEqual({
      'purchase-account': ['4010', 'po-row'],
      'cost-center': ['210', 'vendor'],
      'cost-unit': [null, null],
      project: ['P-HDR', 'po-header'],
      region: [null, null],
    });
  });

  it.each<[string, CodingLayers, string]>([
    ['from one level', { 'po-header': { 'cost-center': '220' } }, 'Cost center 220, from the PO header.'],
    ['with what it set aside', { vendor: { 'cost-center': '210' }, 'po-row': { 'cost-center': '310' } }, "Cost center 310, from the PO row (the vendor's 210 set aside)."],
    [
      'with two set aside',
      { organisation: { 'cost-center': '100' }, vendor: { 'cost-center': '210' }, distribution: { 'cost-center': '410' } },
      "Cost center 410, from the distribution (the vendor's 210, the organisation's 100 set aside).",
    ],
    ['none at all', {}, 'Cost center: none at any level.'],
  ])('says where it came from: %s', (_name, layers, text) => {
    expect(sourceText(resolveValue(layers, 'cost-center'), 'cost center')).toBe(text);
  });
});

describe('a new organisation from the global set', () => {
  it('auto-generate copies the active types and values with their default values', () => {
    const { set, reason } = newOrganisationSet(GLOBAL, true);
    expect(set.types.map((t) => [t.code, t.name, t.origin, t.defaultValueCode])).toEqual([
      ['purchase-account', 'Purchase account', 'global', '4000'],
      ['cost-center', 'Cost centre', 'global', null],
      // CU-OLD is inactive, so it is not copied and cannot be the default.
      ['cost-unit', 'Cost unit', 'global', null],
      ['project', 'Project', 'global', 'P-GEN'],
      ['region', 'Region', 'global', 'NORTH'],
    ]);
    expect(set.values.map((v) => `${v.typeCode}:${v.code}`)).toEqual(['purchase-account:4000', 'cost-center:210', 'cost-center:220', 'cost-unit:CU1', 'project:P-GEN', 'region:NORTH']);
    expect(reason).toBe('The organisation starts with the global set: 5 dimension types, 6 values and 3 default values.');
  });

  it('without auto-generate: the core types only, no values, no defaults', () => {
    const { set, reason } = newOrganisationSet(GLOBAL, false);
    expect(set.types.map((t) => [t.code, t.name, t.defaultValueCode])).toEqual([
      ['purchase-account', 'Purchase account', null],
      ['cost-center', 'Cost centre', null],
      ['cost-unit', 'Cost unit', null],
      ['project', 'Project', null],
    ]);
    expect(set.values).toEqual([]);
    expect(reason).toBe('The organisation starts with the core dimensions and no values: auto-generate is off.');
  });

  it('a core type missing from the global set is created with its standard name', () => {
    const global: DimensionSet = { types: GLOBAL.types.filter((t) => t.code !== 'cost-unit'), values: GLOBAL.values.filter((v) => v.typeCode !== 'cost-unit') };
    expect(newOrganisationSet(global, true).set.types.find((t) => t.code === 'cost-unit')).toEqual(type('cost-unit', 'Cost unit'));
    expect(globalSetProblems(global)).toEqual(['The global set has no cost unit dimension.']);
  });

  it('values of a type written in another case land under the type', () => {
    const global: DimensionSet = { types: [type('region', 'Region')], values: [value('REGION', 'SOUTH', { name: 'South' })] };
    expect(newOrganisationSet(global, true).set.values).toEqual([value('region', 'SOUTH', { name: 'South' })]);
  });

  it('the organisation default values come from the copied types', () => {
    expect(organisationDefaults(newOrganisationSet(GLOBAL, true).set)).toEqual({ 'purchase-account': '4000', project: 'P-GEN', region: 'NORTH' });
    expect(organisationDefaults(newOrganisationSet(GLOBAL, false).set)).toEqual({});
  });

  it('an inactive type gives no organisation default', () => {
    expect(organisationDefaults({ types: [type('region', 'Region', { active: false, defaultValueCode: 'NORTH' })], values: [] })).toEqual({});
  });

  it.each<[string, DimensionSet, string[]]>([
    ['the global set as it is', GLOBAL, ['The default cost unit CU-OLD is not an active value of it.']],
    ['a core type inactive', { ...GLOBAL, types: GLOBAL.types.map((t) => (t.code === 'project' ? { ...t, active: false } : t)) }, ['The global project dimension is inactive; every row is coded by it.', 'The default cost unit CU-OLD is not an active value of it.']],
    ['a default that does not exist', { types: CORE_DIMENSIONS.map((c) => type(c, c, { defaultValueCode: c === 'project' ? 'NOPE' : null })), values: [] }, ['The default project NOPE is not an active value of it.']],
    ['a sound set', { types: CORE_DIMENSIONS.map((c) => type(c, c)), values: [] }, []],
  ])('global set problems: %s', (_name, set, problems) => {
    expect(globalSetProblems(set)).toEqual(problems);
  });
});

describe('an organisation adds its own types and values', () => {
  const ORG = newOrganisationSet(GLOBAL, true).set;
  const own = (code: string, name: string, over: Partial<DimensionType> = {}) => type(code, name, { origin: 'organisation', ...over });

  type TypeRow = [name: string, candidate: DimensionType, problems: string[]];
  it.each<TypeRow>([
    ['a new type of its own', own('machine', 'Machine'), []],
    ['a code already in the set', own('region', 'Area'), ['There is already a dimension type region (Region).']],
    ['a code in another case', own('REGION', 'Area'), ['There is already a dimension type region (Region).']],
    ['a blank code', own('', 'Area'), ['Enter the dimension type code.']],
    ['a blank name', own('area', '  '), ['Enter a name for the dimension type area.']],
    ['a default before its values exist', own('area', 'Area', { defaultValueCode: 'A1' }), ['Add the values of area before choosing its default value.']],
    ['a character not allowed', own('area#1', 'Area'), ["The dimension type code area#1 may hold only letters, digits, '-', '_', '/' and '.'; it has '#'."]],
  ])('type: %s', (_name, candidate, problems) => {
    const change = addDimensionType(ORG, candidate);
    if (problems.length === 0) {
      expect(change).toEqual({ ok: true, set: { ...ORG, types: [...ORG.types, candidate] } });
    } else {
      expect(change).toEqual({ ok: false, problems });
    }
  });

  it('a core type cannot be added inactive', () => {
    expect(addDimensionType({ types: [], values: [] }, type('project', 'Project', { active: false }))).toEqual({
      ok: false,
      problems: ['Project is a core dimension; every row is coded by it, so it stays active.'],
    });
  });

  type ValueRow = [name: string, candidate: DimensionValue, problems: string[]];
  it.each<ValueRow>([
    ['its own cost center', value('cost-center', '230', { origin: 'organisation' }), []],
    ['a value for its own type', value('region', 'SOUTH', { origin: 'organisation' }), []],
    ['a value already there', value('cost-center', '210'), ['There is already a cost center 210 (cost-center 210).']],
    ['a value in another case', value('project', 'p-gen'), ['There is already a project P-GEN (project P-GEN).']],
    ['a type that does not exist', value('colour', 'RED'), ['There is no dimension type colour to add the value RED to.']],
    ['a blank code', value('cost-unit', ''), ['Enter the cost unit code.']],
    ['spaces around the code', value('cost-unit', ' CU2 '), ['The cost unit code " CU2 " has spaces around it; remove them.']],
    ['a space inside', value('cost-unit', 'CU 2'), ["The cost unit code CU 2 may hold only letters, digits, '-', '_', '/' and '.'; it has a space."]],
    ['a blank name', value('cost-unit', 'CU2', { name: '' }), ['Enter a name for the cost unit CU2.']],
    ['a value of an organisation type named by it', value('region', 'N', { name: '' }), ['Enter a name for the Region N.']],
  ])('value: %s', (_name, candidate, problems) => {
    const change = addDimensionValue(ORG, candidate);
    expect(change.ok ? [] : change.problems).toEqual(problems);
  });

  it('a value given with the type in another case is stored under the type as spelled', () => {
    const change = addDimensionValue(ORG, value('COST-CENTER', '230', { name: 'Harbour' }));
    expect(change.ok && change.set.values.at(-1)).toEqual(value('cost-center', '230', { name: 'Harbour' }));
  });

  type DefaultRow = [name: string, typeCode: string, valueCode: string | null, result: string | null | string[]];
  it.each<DefaultRow>([
    ['an active value', 'cost-center', '220', '220'],
    ['in another case, stored as the value is spelled', 'project', 'p-gen', 'P-GEN'],
    ['cleared', 'project', null, null],
    ['a value that does not exist', 'cost-center', '999', ['There is no cost center 999 to make the default.']],
    ['a type that does not exist', 'colour', 'RED', ['There is no dimension type colour.']],
  ])('default value: %s', (_name, typeCode, valueCode, result) => {
    const change = setDefaultValue(ORG, typeCode, valueCode);
    if (Array.isArray(result)) expect(change).toEqual({ ok: false, problems: result });
    else expect(change.ok && change.set.types.find((t) => t.code === typeCode)?.defaultValueCode).toBe(result);
  });

  it('an inactive value cannot be the default', () => {
    const withInactive: DimensionSet = { ...ORG, values: [...ORG.values, value('cost-center', '500', { active: false })] };
    expect(setDefaultValue(withInactive, 'cost-center', '500')).toEqual({ ok: false, problems: ['The cost center 500 is inactive; an inactive value cannot be the default.'] });
  });

  type CheckRow = [name: string, typeCode: string, valueCode: string, rule: string, reason: string];
  const WITH_INACTIVE: DimensionSet = { ...ORG, values: [...ORG.values, value('cost-center', '500', { active: false, name: 'Closed site' })] };
  it.each<CheckRow>([
    ['an active value', 'cost-center', '210', 'coding-value-known', 'Cost center 210: cost-center 210.'],
    ['in another case', 'region', 'north', 'coding-value-known', 'Region NORTH: region NORTH.'],
    ['unknown', 'cost-center', '999', 'coding-value-unknown', 'There is no cost center 999.'],
    ['inactive', 'cost-center', '500', 'coding-value-inactive', 'The cost center 500 (Closed site) is inactive; choose an active one.'],
    ['a type the organisation does not code by', 'legacy', 'X1', 'coding-type-unknown', 'The organisation does not code by legacy.'],
  ])('checkDimensionValue: %s', (_name, typeCode, valueCode, rule, reason) => {
    const verdict = checkDimensionValue(WITH_INACTIVE, typeCode, valueCode);
    expect({ rule: verdict.rule, reason: verdict.reason }).toEqual({ rule, reason });
  });

  it('codes rows by the core dimensions first, then its own active ones', () => {
    const change = addDimensionType(ORG, own('machine', 'Machine'));
    const set = change.ok ? change.set : ORG;
    expect(codingDimensions({ ...set, types: [...set.types, own('old', 'Old', { active: false })] })).toEqual(['purchase-account', 'cost-center', 'cost-unit', 'project', 'region', 'machine']);
    expect(dimensionLabel('machine', set)).toBe('Machine');
    expect(dimensionLabel('cost-unit', set)).toBe('cost unit');
    expect(dimensionLabel('unheard-of', set)).toBe('unheard-of');
  });

  it.each<[string, string, string[]]>([
    ['a plain code', 'CU-12/A.b_3', []],
    ['letters of any alphabet', 'ÅRE-Ж', []],
    ['exactly 20 characters', 'A'.repeat(20), []],
    ['21 characters', 'A'.repeat(21), [`The cost unit code ${'A'.repeat(21)} has 21 characters; at most 20 are allowed.`]],
    ['several bad characters, each named once', 'A#B#C!', ["The cost unit code A#B#C! may hold only letters, digits, '-', '_', '/' and '.'; it has '#', '!'."]],
  ])('code shape: %s', (_name, code, problems) => {
    expect(codeProblems(code, 'cost unit')).toEqual(problems);
  });
});
