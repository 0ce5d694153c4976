import { describe, expect, it } from 'vitest';
import {
  type BillingEntity,
  checkBillingEntity,
  type CostCenterChoiceFacts,
  costCenterChoices,
  customerPoNumberFor,
  customerPoNumberOnEntityChange,
  type EntityCostCenters,
  type EntityVisibility,
  type GroupEntities,
  type RemovalWhy,
  schemeListName,
  visibleEntities,
  visibleEntityCodes,
} from '../../src/main/domain/billing-entities';
import { type CostCenter, type EffectiveList, NO_SCHEME_LABEL } from '../../src/main/domain/cost-center-rules';

const cc = (code: string, active = true): CostCenter => ({ code, description: `CC ${code}`, active });
const entity = (code: string, customerPoNumber: string | null = null, active?: boolean): BillingEntity => ({
  code,
  name: `${code} Ltd`,
  customerPoNumber,
  ...(active === undefined ? {} : { active }),
});
const NORTHCO = entity('NORTHCO', 'CUST-4711');
const SOUTHCO = entity('SOUTHCO');
const FLEETCO = entity('FLEETCO', '  ');

const GROUPS: GroupEntities = {
  BUYERS: ['NORTHCO', 'SOUTHCO'],
  FLEET: ['FLEETCO'],
  EMPTY: [],
  BOTH: ['SOUTHCO', 'FLEETCO'],
};
const LINKS: EntityCostCenters = {
  NORTHCO: [cc('210'), cc('220'), cc('410'), cc('500', false)],
  SOUTHCO: [cc('310'), cc('320')],
  FLEETCO: [cc('410'), cc('HQ')],
};
const NORTH: EffectiveList = { codes: ['210', '220', '110'], label: 'your scheme NORTH', overrideApplied: false };
const HARBOUR: EffectiveList = { codes: ['310'], label: 'the override for warehouse HARBOUR', overrideApplied: true };
const NO_SCHEME: EffectiveList = { codes: [], label: NO_SCHEME_LABEL, overrideApplied: false };
const sees = (...operatorGroups: string[]): EntityVisibility => ({ operatorGroups, groupEntities: GROUPS });

const facts = (over: Partial<CostCenterChoiceFacts> = {}): CostCenterChoiceFacts => ({
  billingEntity: NORTHCO,
  ...sees('BUYERS'),
  entityCostCenters: LINKS,
  schemeList: null,
  costCenterRequired: false,
  ...over,
});

describe('which billing entities the operator sees', () => {
  it.each<[string, string[], string[]]>([
    ['one group', ['BUYERS'], ['NORTHCO', 'SOUTHCO']],
    ['two groups, duplicates once, group by group', ['BUYERS', 'BOTH'], ['NORTHCO', 'SOUTHCO', 'FLEETCO']],
    ['a group that sees nothing', ['EMPTY'], []],
    ['no group at all', [], []],
    ['a group the map does not know', ['GHOST'], []],
    ['an unknown group next to a known one', ['GHOST', 'FLEET'], ['FLEETCO']],
  ])('%s', (_name, groups, codes) => {
    expect(visibleEntityCodes(sees(...groups))).toEqual(codes);
  });

  it('the picker keeps the catalogue order and leaves out inactive entities', () => {
    const catalogue = [FLEETCO, entity('OLDCO', null, false), SOUTHCO, NORTHCO];
    const groups = { ...GROUPS, ALL: ['NORTHCO', 'SOUTHCO', 'FLEETCO', 'OLDCO'] };
    expect(visibleEntities(catalogue, { operatorGroups: ['ALL'], groupEntities: groups }).map((e) => e.code)).toEqual(['FLEETCO', 'SOUTHCO', 'NORTHCO']);
  });
});

describe('checkBillingEntity', () => {
  const OLDCO = entity('OLDCO', null, false);
  const groups = { ...GROUPS, OLD: ['OLDCO'] };
  type Row = [name: string, code: string, found: BillingEntity | undefined, operatorGroups: string[], stored: string | null, status: string, rule: string, reason: string];
  it.each<Row>([
    ['blank', '', undefined, ['BUYERS'], null, 'blank', 'billing-entity-blank', 'Choose a billing entity.'],
    ['only spaces', '   ', undefined, ['BUYERS'], null, 'blank', 'billing-entity-blank', 'Choose a billing entity.'],
    ['unknown', 'NOPE', undefined, ['BUYERS'], null, 'refused', 'billing-entity-unknown', 'Billing entity NOPE does not exist.'],
    ['visible to the one group', 'NORTHCO', NORTHCO, ['BUYERS'], null, 'ok', 'billing-entity-visible', 'Billing entity NORTHCO, NORTHCO Ltd.'],
    ['visible through the second group', 'FLEETCO', FLEETCO, ['BUYERS', 'FLEET'], null, 'ok', 'billing-entity-visible', 'Billing entity FLEETCO, FLEETCO Ltd.'],
    [
      'not visible to any of the groups',
      'FLEETCO',
      FLEETCO,
      ['BUYERS', 'EMPTY'],
      null,
      'refused',
      'billing-entity-not-visible',
      'You may not bill to FLEETCO (FLEETCO Ltd): none of your groups (BUYERS, EMPTY) sees it.',
    ],
    ['an operator in no group', 'NORTHCO', NORTHCO, [], null, 'refused', 'billing-entity-not-visible', 'You may not bill to NORTHCO (NORTHCO Ltd): you belong to no user group.'],
    ['inactive', 'OLDCO', OLDCO, ['OLD'], null, 'refused', 'billing-entity-inactive', 'Billing entity OLDCO (OLDCO Ltd) is inactive; choose another.'],
    ['inactive but the PO was saved with it', 'OLDCO', OLDCO, ['OLD'], 'OLDCO', 'ok', 'billing-entity-visible', 'Billing entity OLDCO, OLDCO Ltd.'],
    ['inactive, stored, and no longer visible', 'OLDCO', OLDCO, ['BUYERS'], 'OLDCO', 'refused', 'billing-entity-not-visible', 'You may not bill to OLDCO (OLDCO Ltd): none of your groups (BUYERS) sees it.'],
    ['inactive, another entity stored', 'OLDCO', OLDCO, ['OLD'], 'NORTHCO', 'refused', 'billing-entity-inactive', 'Billing entity OLDCO (OLDCO Ltd) is inactive; choose another.'],
  ])('%s', (_name, code, found, operatorGroups, stored, status, rule, reason) => {
    const verdict = checkBillingEntity(code, found, { operatorGroups, groupEntities: groups }, stored);
    expect(verdict).toMatchObject({ status, rule, reason, allowed: status === 'ok' });
  });
});

describe('the cost-center list once a billing entity is chosen', () => {
  type Removed = [code: string, why: RemovalWhy];
  type Row = [name: string, over: Partial<CostCenterChoiceFacts>, options: string[], noneOffered: boolean, removed: Removed[]];
  it.each<Row>([
    // The entity's list alone.
    ["the entity's active links, plus None", {}, ['210', '220', '410'], true, [['500', 'inactive']]],
    ['another entity of the same group', { billingEntity: SOUTHCO }, ['310', '320'], true, []],
    ['required without a scheme list: the entity list, no None', { costCenterRequired: true }, ['210', '220', '410'], false, [['500', 'inactive']]],
    ['an entity with no links', { billingEntity: entity('BARE'), groupEntities: { X: ['BARE'] }, operatorGroups: ['X'] }, [], true, []],
    ['an entity with no links, required', { billingEntity: entity('BARE'), groupEntities: { X: ['BARE'] }, operatorGroups: ['X'], costCenterRequired: true }, [], false, []],
    ['a duplicated link is offered once', { entityCostCenters: { NORTHCO: [cc('210'), cc('210'), cc('220')] } }, ['210', '220'], true, []],
    ['the entity order is kept', { entityCostCenters: { NORTHCO: [cc('410'), cc('210')] } }, ['410', '210'], true, []],
    // The entity and the scheme: the intersection, each removal named.
    ['required with the scheme: the intersection', { schemeList: NORTH, costCenterRequired: true }, ['210', '220'], false, [['410', 'outside-scheme'], ['500', 'inactive'], ['110', 'not-linked-to-entity']]],
    ['the scheme applies even when not required; None stays', { schemeList: NORTH }, ['210', '220'], true, [['410', 'outside-scheme'], ['500', 'inactive'], ['110', 'not-linked-to-entity']]],
    ['an override list instead of the scheme', { billingEntity: SOUTHCO, schemeList: HARBOUR, costCenterRequired: true }, ['310'], false, [['320', 'outside-scheme']]],
    ['no overlap at all, required', { billingEntity: FLEETCO, ...sees('FLEET'), schemeList: NORTH, costCenterRequired: true }, [], false, [['410', 'outside-scheme'], ['HQ', 'outside-scheme'], ['210', 'not-linked-to-entity'], ['220', 'not-linked-to-entity'], ['110', 'not-linked-to-entity']]],
    ['no overlap, not required: only None', { billingEntity: FLEETCO, ...sees('FLEET'), schemeList: NORTH }, [], true, [['410', 'outside-scheme'], ['HQ', 'outside-scheme'], ['210', 'not-linked-to-entity'], ['220', 'not-linked-to-entity'], ['110', 'not-linked-to-entity']]],
    ['an empty scheme list removes every link', { schemeList: NO_SCHEME, costCenterRequired: true }, [], false, [['210', 'outside-scheme'], ['220', 'outside-scheme'], ['410', 'outside-scheme'], ['500', 'inactive']]],
    ['a scheme code linked but inactive is reported as inactive, once', { schemeList: { ...NORTH, codes: ['210', '500'] } }, ['210'], true, [['220', 'outside-scheme'], ['410', 'outside-scheme'], ['500', 'inactive']]],
    // The groups: an entity no group sees offers nothing.
    ['an entity none of the groups sees', { billingEntity: FLEETCO }, [], false, [['410', 'entity-not-visible'], ['HQ', 'entity-not-visible']]],
    ['an entity none of the groups sees, with a scheme', { billingEntity: FLEETCO, schemeList: NORTH, costCenterRequired: true }, [], false, [['410', 'entity-not-visible'], ['HQ', 'entity-not-visible']]],
    ['an operator in no group', { operatorGroups: [] }, [], false, [['210', 'entity-not-visible'], ['220', 'entity-not-visible'], ['410', 'entity-not-visible'], ['500', 'entity-not-visible']]],
    ['visible through a second group', { billingEntity: FLEETCO, ...sees('BUYERS', 'BOTH') }, ['410', 'HQ'], true, []],
    // The vendor on the header narrows it further.
    ['a vendor that uses some of them', { vendor: { code: 'BOLT', costCenterCodes: ['210', '310'] } }, ['210'], true, [['220', 'not-used-by-vendor'], ['410', 'not-used-by-vendor'], ['500', 'inactive']]],
    ['scheme first, then vendor', { schemeList: NORTH, costCenterRequired: true, vendor: { code: 'BOLT', costCenterCodes: ['220', '410'] } }, ['220'], false, [['210', 'not-used-by-vendor'], ['410', 'outside-scheme'], ['500', 'inactive'], ['110', 'not-linked-to-entity']]],
    ['a vendor that uses them all', { vendor: { code: 'GENERAL', costCenterCodes: ['210', '220', '410', '500'] } }, ['210', '220', '410'], true, [['500', 'inactive']]],
    ['no vendor yet', { vendor: null }, ['210', '220', '410'], true, [['500', 'inactive']]],
  ])('%s', (_name, over, options, noneOffered, removed) => {
    const choices = costCenterChoices(facts(over));
    expect(choices.options.map((option) => option.code)).toEqual(options);
    expect(choices.noneOffered).toBe(noneOffered);
    expect(choices.removed.map((entry) => [entry.code, entry.why])).toEqual(removed);
  });

  it('offers each code with its description', () => {
    expect(costCenterChoices(facts({ billingEntity: SOUTHCO })).options).toEqual([
      { code: '310', description: 'CC 310' },
      { code: '320', description: 'CC 320' },
    ]);
  });

  it.each<[RemovalWhy, string]>([
    ['outside-scheme', 'scheme'],
    ['not-linked-to-entity', 'billing-entity'],
    ['inactive', 'billing-entity'],
    ['not-used-by-vendor', 'vendor'],
  ])('a code removed as %s names the %s list', (why, list) => {
    const choices = costCenterChoices(facts({ schemeList: NORTH, vendor: { code: 'BOLT', costCenterCodes: ['220'] } }));
    expect(choices.removed.find((entry) => entry.why === why)?.list).toBe(list);
  });

  it('an entity not seen names the billing-entity list', () => {
    expect(costCenterChoices(facts({ billingEntity: FLEETCO })).removed.every((entry) => entry.list === 'billing-entity')).toBe(true);
  });

  describe('what the screen says', () => {
    it.each<[string, Partial<CostCenterChoiceFacts>, string]>([
      ['the entity alone', {}, 'Cost centers linked to billing entity NORTHCO: 210, 220, 410, or None. Inactive, so not offered: 500.'],
      [
        'required, the intersection, each list named with what it removed',
        { schemeList: NORTH, costCenterRequired: true },
        'A cost center is required: choose one of the cost centers on both the list of billing entity NORTHCO and the list of your scheme NORTH: 210, 220. ' +
          'The list of your scheme NORTH removed 410. The list of billing entity NORTHCO removed 110. Inactive, so not offered: 500.',
      ],
      [
        'not required, the intersection and None',
        { billingEntity: SOUTHCO, schemeList: HARBOUR },
        'Cost centers on both the list of billing entity SOUTHCO and the list of the override for warehouse HARBOUR: 310, or None. The list of the override for warehouse HARBOUR removed 320.',
      ],
      [
        'required and nothing left',
        { billingEntity: FLEETCO, ...sees('FLEET'), schemeList: NORTH, costCenterRequired: true },
        'A cost center is required, but none can be chosen: no active cost center is on both the list of billing entity FLEETCO and the list of your scheme NORTH. ' +
          'The list of your scheme NORTH removed 410, HQ. The list of billing entity FLEETCO removed 210, 220, 110.',
      ],
      [
        'not required and nothing left',
        { billingEntity: entity('BARE'), groupEntities: { X: ['BARE'] }, operatorGroups: ['X'] },
        'No active cost center is linked to billing entity BARE; only None can be chosen.',
      ],
      [
        'no cost-center scheme',
        { schemeList: NO_SCHEME, costCenterRequired: true },
        'A cost center is required, but none can be chosen: no active cost center is on both the list of billing entity NORTHCO and the scheme list (you have no cost-center scheme). ' +
          'The scheme list (you have no cost-center scheme) removed 210, 220, 410. Inactive, so not offered: 500.',
      ],
      ['an entity no group sees', { billingEntity: FLEETCO }, 'No cost center can be chosen: you may not bill to FLEETCO (FLEETCO Ltd), because none of your groups (BUYERS) sees it.'],
      [
        'the vendor narrows it',
        { billingEntity: SOUTHCO, vendor: { code: 'HARBOUR', costCenterCodes: ['320'] } },
        'Cost centers linked to billing entity SOUTHCO and used by vendor HARBOUR: 320, or None. Vendor HARBOUR does not use 310.',
      ],
    ])('%s', (_name, over, reason) => {
      expect(costCenterChoices(facts(over)).reason).toBe(reason);
    });

    it.each<[string, Partial<CostCenterChoiceFacts>, string, string]>([
      ['outside the scheme', { schemeList: NORTH }, '410', 'Cost center 410 is linked to billing entity NORTHCO but not on the list of your scheme NORTH, which holds 210, 220, 110.'],
      ['not linked to the entity', { schemeList: NORTH }, '110', 'Cost center 110 is on the list of your scheme NORTH but not linked to billing entity NORTHCO, which is linked to 210, 220, 410.'],
      ['inactive', {}, '500', 'Cost center 500 is linked to billing entity NORTHCO but is inactive.'],
      ['entity not visible', { billingEntity: FLEETCO }, 'HQ', 'Cost center HQ is linked to billing entity FLEETCO, which you may not bill to: none of your groups (BUYERS) sees it.'],
      ['not used by the vendor', { vendor: { code: 'ACME', costCenterCodes: ['210'] } }, '220', 'Cost center 220 is linked to billing entity NORTHCO but vendor ACME uses 210.'],
    ])('each removal says why: %s', (_name, over, code, sentence) => {
      expect(costCenterChoices(facts(over)).removed.find((entry) => entry.code === code)?.sentence).toBe(sentence);
    });
  });

  it.each<[string, EffectiveList, string]>([
    ['a scheme', NORTH, 'the list of your scheme NORTH'],
    ['an override', HARBOUR, 'the list of the override for warehouse HARBOUR'],
    ['no scheme', NO_SCHEME, 'the scheme list (you have no cost-center scheme)'],
  ])('schemeListName: %s', (_name, list, name) => {
    expect(schemeListName(list)).toBe(name);
  });
});

describe("the customer's PO number", () => {
  it.each<[string, BillingEntity | null | undefined, string | null]>([
    ['an entity with one', NORTHCO, 'CUST-4711'],
    ['trimmed', entity('X', '  PO 99  '), 'PO 99'],
    ['blank is none', FLEETCO, null],
    ['null is none', SOUTHCO, null],
    ['no entity', null, null],
    ['unknown entity', undefined, null],
  ])('%s', (_name, from, number) => {
    expect(customerPoNumberFor(from)).toBe(number);
  });

  type Row = [name: string, previous: BillingEntity | null, next: BillingEntity, current: string | null, number: string | null, changed: boolean, reason: string];
  it.each<Row>([
    ['first choice, the entity has one', null, NORTHCO, null, 'CUST-4711', true, 'Customer PO number CUST-4711 from billing entity NORTHCO.'],
    ['first choice, the entity has none', null, SOUTHCO, null, null, false, 'Billing entity SOUTHCO carries no customer PO number.'],
    ['the same number already there', SOUTHCO, NORTHCO, 'CUST-4711', 'CUST-4711', false, 'Customer PO number CUST-4711 from billing entity NORTHCO.'],
    ["the entity's number replaces a typed one", null, NORTHCO, 'MINE-1', 'CUST-4711', true, 'Customer PO number CUST-4711 from billing entity NORTHCO; it replaces MINE-1.'],
    ["one entity's number replaces another's", entity('OTHER', 'OTH-1'), NORTHCO, 'OTH-1', 'CUST-4711', true, 'Customer PO number CUST-4711 from billing entity NORTHCO; it replaces OTH-1.'],
    ['to an entity without one: the old entity\'s number goes', NORTHCO, SOUTHCO, 'CUST-4711', null, true, 'Customer PO number CUST-4711 came from billing entity NORTHCO and is removed: SOUTHCO carries none.'],
    ['to an entity without one: a typed number stays', NORTHCO, SOUTHCO, 'MINE-1', 'MINE-1', false, 'Billing entity SOUTHCO carries no customer PO number; MINE-1, typed on the PO, stays.'],
    ['to an entity with a blank one: treated as none', NORTHCO, FLEETCO, 'CUST-4711', null, true, 'Customer PO number CUST-4711 came from billing entity NORTHCO and is removed: FLEETCO carries none.'],
    ['a blank current number counts as none', null, SOUTHCO, '   ', null, false, 'Billing entity SOUTHCO carries no customer PO number.'],
  ])('%s', (_name, previous, next, current, number, changed, reason) => {
    expect(customerPoNumberOnEntityChange(previous, next, current)).toEqual({ customerPoNumber: number, changed, reason });
  });
});
