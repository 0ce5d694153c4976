import { describe, expect, it } from 'vitest';
import type { CostCenter } from '../../src/main/domain/cost-center-rules';
import type { CostCenterRef } from '../../src/main/domain/admin/field-rules';
import { checkCostGroup } from '../../src/main/domain/admin/master-data-rules';
import {
  addToList,
  type CatalogueCostCenter,
  type ListPick,
  moveInList,
  type OverrideDraft,
  type OverrideKeyFacts,
  overrideCaseName,
  poEntryReadiness,
  removeFromList,
  schemeCodes,
  validateOverride,
} from '../../src/main/domain/admin/scheme-lists';

const cc = (code: string, costGroup: string | null = null, active = true): CatalogueCostCenter => ({ code, description: `CC ${code}`, active, costGroup });
// The demo catalogue in code order, with cost groups added.
const catalogue: CatalogueCostCenter[] = [
  cc('110', 'ADMIN'),
  cc('120', 'ADMIN'),
  cc('210', 'MAINT'),
  cc('220', 'MAINT'),
  cc('310', 'PROJ'),
  cc('320', 'PROJ'),
  cc('410'),
  cc('500', 'MAINT', false),
  cc('HQ', 'ADMIN'),
];

describe('addToList: all, by cost group, one by one', () => {
  type Row = [name: string, current: string[], pick: ListPick, codes: string[], added: string[], skipped: [string, string][], reason: string];
  it.each<Row>([
    [
      'all into an empty list: every active one, catalogue order',
      [],
      { by: 'all' },
      ['110', '120', '210', '220', '310', '320', '410', 'HQ'],
      ['110', '120', '210', '220', '310', '320', '410', 'HQ'],
      [['500', 'inactive']],
      'Added to scheme NORTH: 110, 120, 210, 220, 310, 320, 410, HQ; inactive, so not added: 500.',
    ],
    [
      'all into a list: its order kept, the rest appended',
      ['220', '210'],
      { by: 'all' },
      ['220', '210', '110', '120', '310', '320', '410', 'HQ'],
      ['110', '120', '310', '320', '410', 'HQ'],
      [
        ['210', 'already-listed'],
        ['220', 'already-listed'],
        ['500', 'inactive'],
      ],
      'Added to scheme NORTH: 110, 120, 310, 320, 410, HQ; already listed: 210, 220; inactive, so not added: 500.',
    ],
    [
      'one cost group',
      ['410'],
      { by: 'cost-group', groups: ['PROJ'] },
      ['410', '310', '320'],
      ['310', '320'],
      [],
      'Added to scheme NORTH: 310, 320.',
    ],
    [
      'groups in the order picked, any capitals',
      [],
      { by: 'cost-group', groups: ['proj', 'Admin'] },
      ['310', '320', '110', '120', 'HQ'],
      ['310', '320', '110', '120', 'HQ'],
      [],
      'Added to scheme NORTH: 310, 320, 110, 120, HQ.',
    ],
    [
      'a group with an inactive member',
      ['210'],
      { by: 'cost-group', groups: ['MAINT'] },
      ['210', '220'],
      ['220'],
      [
        ['210', 'already-listed'],
        ['500', 'inactive'],
      ],
      'Added to scheme NORTH: 220; already listed: 210; inactive, so not added: 500.',
    ],
    ['a group with no cost center', [], { by: 'cost-group', groups: ['FLEET'] }, [], [], [['FLEET', 'empty-group']], 'Nothing added to scheme NORTH; no cost center in cost group FLEET.'],
    [
      'one by one, in the order picked',
      ['110'],
      { by: 'one-by-one', codes: ['hq', '210', '220'] },
      ['110', 'HQ', '210', '220'],
      ['HQ', '210', '220'],
      [],
      'Added to scheme NORTH: HQ, 210, 220.',
    ],
    [
      'one by one: unknown, inactive and listed said, picked twice added once',
      ['210'],
      { by: 'one-by-one', codes: ['999', '500', '210', '310', '310'] },
      ['210', '310'],
      ['310'],
      [
        ['999', 'unknown'],
        ['500', 'inactive'],
        ['210', 'already-listed'],
      ],
      'Added to scheme NORTH: 310; already listed: 210; inactive, so not added: 500; no such cost center: 999.',
    ],
    ['nothing picked', ['210'], { by: 'one-by-one', codes: [] }, ['210'], [], [], 'Nothing added to scheme NORTH.'],
  ])('%s', (_name, current, pick, codes, added, skipped, reason) => {
    const edit = addToList(current, pick, catalogue, 'scheme NORTH');
    expect(edit.codes).toEqual(codes);
    expect(edit.added).toEqual(added);
    expect(edit.skipped.map((s) => [s.code, s.why])).toEqual(skipped);
    expect(edit.reason).toBe(reason);
  });

  it('keeps an inactive code already on the list (it counts again once active)', () => {
    expect(addToList(['500'], { by: 'all' }, catalogue, 'scheme NORTH').codes[0]).toBe('500');
  });

  it('does not change the list it was given', () => {
    const current = ['210'];
    addToList(current, { by: 'all' }, catalogue, 'scheme NORTH');
    expect(current).toEqual(['210']);
  });
});

describe('removing and ordering', () => {
  it.each([
    ['one', ['210', '220', '110'], ['220'], ['210', '110']],
    ['several, any capitals', ['210', 'HQ', '110'], ['hq', '110'], ['210']],
    ['not listed: nothing', ['210'], ['999'], ['210']],
  ])('remove %s', (_name, current, codes, left) => expect(removeFromList(current, codes)).toEqual(left));

  it.each([
    ['to the front', '110', 0, ['110', '210', '220']],
    ['to the end', '210', 2, ['220', '110', '210']],
    ['past the end clamps', '210', 99, ['220', '110', '210']],
    ['before the start clamps', '110', -3, ['110', '210', '220']],
    ['one down', '210', 1, ['220', '210', '110']],
    ['unknown code: unchanged', '999', 0, ['210', '220', '110']],
  ])('move %s', (_name, code, to, list) => expect(moveInList(['210', '220', '110'], code, to)).toEqual(list));
});

describe('overrides: warehouse, site address and WIP G/L account, each with its own list', () => {
  const keys: OverrideKeyFacts = {
    warehouses: new Set(['MAIN', 'HARBOUR', 'QUARANTINE']),
    siteAddresses: new Set(['12 Harbour Rd', '4 North Way']),
    glAccounts: new Map([
      ['5000', { wip: false }],
      ['1400', { wip: true }],
    ]),
  };
  const known = new Map<string, CostCenterRef>(catalogue.map((c) => [c.code, { active: c.active }]));
  const others = [{ kind: 'warehouse' as const, key: 'HARBOUR' }];

  it.each<[string, OverrideDraft, { kind: string; key: string; costCenterCodes: string[] }]>([
    ['warehouse, code in capitals', { kind: 'warehouse', key: 'main', costCenterCodes: ['310', '320'] }, { kind: 'warehouse', key: 'MAIN', costCenterCodes: ['310', '320'] }],
    ['site, exact address, doubled space mended', { kind: 'site', key: '12  Harbour Rd', costCenterCodes: ['310'] }, { kind: 'site', key: '12 Harbour Rd', costCenterCodes: ['310'] }],
    ['WIP G/L account', { kind: 'gl-wip', key: '1400', costCenterCodes: ['220'] }, { kind: 'gl-wip', key: '1400', costCenterCodes: ['220'] }],
    ['same key, other kind', { kind: 'site', key: '4 North Way', costCenterCodes: ['210'] }, { kind: 'site', key: '4 North Way', costCenterCodes: ['210'] }],
  ])('%s', (_name, draft, expected) => {
    const verdict = validateOverride('NORTH', draft, others, keys, known);
    expect(verdict.allowed && verdict.record).toEqual(expected);
  });

  it.each<[string, OverrideDraft, string, string]>([
    ['unknown warehouse', { kind: 'warehouse', key: 'PORT', costCenterCodes: [] }, 'override-warehouse-unknown', 'Warehouse PORT does not exist.'],
    ['warehouse that has an override already', { kind: 'warehouse', key: 'harbour', costCenterCodes: ['310'] }, 'override-repeated', 'Scheme NORTH already has an override for warehouse HARBOUR; change that one instead.'],
    ['unknown G/L account', { kind: 'gl-wip', key: '9999', costCenterCodes: [] }, 'override-gl-unknown', 'G/L account 9999 does not exist.'],
    [
      'G/L account that is not WIP',
      { kind: 'gl-wip', key: '5000', costCenterCodes: ['210'] },
      'override-gl-not-wip',
      'G/L account 5000 is not a work-in-progress account, so an override for it would never apply. Flag it WIP first, or choose a WIP account.',
    ],
    ['unknown site', { kind: 'site', key: '1 Nowhere Lane', costCenterCodes: [] }, 'override-site-unknown', 'Site 1 Nowhere Lane is not a known site address: no job or work order is at that site.'],
    [
      'site differing only in capitals',
      { kind: 'site', key: '12 harbour rd', costCenterCodes: [] },
      'override-site-unknown',
      'Site 12 harbour rd is not a known site address: did you mean 12 Harbour Rd? A site override matches the address exactly.',
    ],
    ['blank site', { kind: 'site', key: ' ', costCenterCodes: [] }, 'override-site-required', 'Enter the site address the override is for.'],
    ['unknown cost center on the list', { kind: 'warehouse', key: 'MAIN', costCenterCodes: ['999'] }, 'cost-center-unknown', 'Cost center 999 does not exist; the override for warehouse MAIN can only list cost centers that do.'],
  ])('%s is refused', (_name, draft, rule, reason) => {
    const verdict = validateOverride('NORTH', draft, others, keys, known);
    expect(verdict.allowed).toBe(false);
    expect(verdict.rule).toBe(rule);
    expect(verdict.reason).toBe(reason);
  });

  it.each<[OverrideDraft['kind'], string, string]>([
    ['warehouse', 'QUARANTINE', 'The override lists no cost center: it closes warehouse QUARANTINE to operators on scheme NORTH.'],
    ['site', '4 North Way', 'The override lists no cost center: operators on scheme NORTH cannot change POs at site 4 North Way.'],
    ['gl-wip', '1400', 'The override lists no cost center: operators on scheme NORTH cannot change lines on WIP G/L account 1400.'],
  ])('an empty %s override is allowed and says what it closes', (kind, key, note) => {
    const verdict = validateOverride('NORTH', { kind, key, costCenterCodes: [] }, [], keys, known);
    expect(verdict.allowed && verdict.notes).toEqual([note]);
  });

  it('names the case', () => {
    expect(overrideCaseName('gl-wip', '1400')).toBe('WIP G/L account 1400');
    expect(validateOverride('NORTH', { kind: 'warehouse', key: 'MAIN', costCenterCodes: ['310', '320'] }, [], keys, known).reason).toBe(
      "On scheme NORTH, warehouse MAIN allows 310, 320 instead of the scheme's list.",
    );
  });
});

describe('cost groups', () => {
  it('are codes', () => {
    expect(checkCostGroup(' maint ')).toEqual({ ok: true, value: 'MAINT', note: 'Cost group maint is stored as MAINT: codes are kept in capitals, as look-ups read them.' });
    expect(checkCostGroup('a b').ok).toBe(false);
  });
});

describe('once cost centers are in use they must be used', () => {
  const list = (...codes: (string | [string, false])[]): CostCenter[] =>
    codes.map((c) => (typeof c === 'string' ? { code: c, description: '', active: true } : { code: c[0], description: '', active: false }));
  type Row = [name: string, enabled: boolean, scheme: { code: string; costCenters: CostCenter[] } | null, audience: 'self' | 'admin', allowed: boolean, rule: string, reason: string];
  it.each<Row>([
    [
      'no scheme, the operator reads it',
      true,
      null,
      'self',
      false,
      'no-scheme',
      'You cannot enter POs: cost centers are in use, so every PO takes one from your cost-center scheme, and you have none. Ask an admin to assign you a scheme.',
    ],
    [
      'no scheme, the admin reads it',
      true,
      null,
      'admin',
      false,
      'no-scheme',
      'Alice Moreau cannot enter POs: cost centers are in use, so every PO takes one from their cost-center scheme, and Alice Moreau has none. Assign Alice Moreau a scheme.',
    ],
    [
      'a scheme of inactive cost centers only',
      true,
      { code: 'OLD', costCenters: list(['500', false]) },
      'self',
      false,
      'scheme-empty',
      'You cannot enter POs: your scheme OLD allows no active cost center (it lists only 500, which is inactive). Ask an admin to add an active cost center to it.',
    ],
    [
      'an empty scheme, the admin reads it',
      true,
      { code: 'EMPTY', costCenters: [] },
      'admin',
      false,
      'scheme-empty',
      'Alice Moreau cannot enter POs: scheme EMPTY allows no active cost center (it lists none). Add an active cost center to scheme EMPTY, or assign another scheme.',
    ],
    [
      'several inactive',
      true,
      { code: 'OLD', costCenters: list(['500', false], ['600', false]) },
      'admin',
      false,
      'scheme-empty',
      'Alice Moreau cannot enter POs: scheme OLD allows no active cost center (it lists only 500 and 600, all inactive). Add an active cost center to scheme OLD, or assign another scheme.',
    ],
    ['a scheme with active ones', true, { code: 'NORTH', costCenters: list('210', '220', ['500', false]) }, 'self', true, 'scheme-allows', 'You may enter POs: your scheme NORTH allows 210, 220.'],
    ['a scheme with active ones, the admin reads it', true, { code: 'NORTH', costCenters: list('210') }, 'admin', true, 'scheme-allows', 'Alice Moreau may enter POs: scheme NORTH allows 210.'],
    ['cost centers off: no scheme needed', false, null, 'self', true, 'cost-centers-off', 'Cost centers are turned off: you may enter POs without a cost-center scheme.'],
    ['cost centers off, the admin reads it', false, null, 'admin', true, 'cost-centers-off', 'Cost centers are turned off: Alice Moreau may enter POs without a cost-center scheme.'],
  ])('%s', (_name, costCentersEnabled, scheme, audience, allowed, rule, reason) => {
    const verdict = poEntryReadiness({ costCentersEnabled, operatorName: 'Alice Moreau', scheme, audience });
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.rule).toBe(rule);
    expect(verdict.reason).toBe(reason);
  });

  it('hands back the active codes', () => {
    expect(poEntryReadiness({ costCentersEnabled: true, operatorName: 'A', scheme: { code: 'N', costCenters: list('210', ['500', false], '220') }, audience: 'self' }).codes).toEqual(['210', '220']);
    expect(schemeCodes(null)).toEqual([]);
    expect(schemeCodes({ costCenters: list('210', '210', ['500', false]) })).toEqual(['210']);
  });
});
