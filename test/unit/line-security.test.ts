import { describe, expect, it } from 'vitest';
import type { CostCenter, OperatorScope } from '../../src/main/domain/cost-center-rules';
import {
  type ChangeModeFacts,
  checkChangeMode,
  checkLineTouch,
  type GlAccountFacts,
  lineCostCenters,
  type OverrideFacts,
  type PoMode,
  poCostCenters,
  ruleOfList,
  schemeList,
} from '../../src/main/domain/line-security';

const cc = (code: string, active = true): CostCenter => ({ code, description: `CC ${code}`, active });
const operator: OperatorScope = {
  displayName: 'Alice',
  schemeName: 'NORTH',
  schemeCostCenters: [cc('210'), cc('220'), cc('110'), cc('500', false)],
  stickyCostCenterCode: null,
};
const override = (key: string, codes: (string | CostCenter)[]): OverrideFacts => ({
  key,
  costCenters: codes.map((c) => (typeof c === 'string' ? cc(c) : c)),
});
const gl = (code: string, wip: boolean): GlAccountFacts => ({ code, description: `G/L ${code}`, wip });

const WAREHOUSE = override('HARBOUR', ['310', '320']);
const SITE = override('12 Harbour Rd', ['320', '410']);
const EMPTY_SITE = override('9 Closed St', []);
const EMPTY_WAREHOUSE = override('QUARANTINE', []);

describe('rule 4: the PO-level list for an action', () => {
  it.each<[string, PoMode, OverrideFacts | null, OverrideFacts | null, string[], string, string | null]>([
    ['new PO, no overrides → scheme', 'new', null, null, ['210', '220', '110'], 'your scheme NORTH', null],
    ['new PO, warehouse override → warehouse', 'new', WAREHOUSE, null, ['310', '320'], 'the override for warehouse HARBOUR', 'warehouse'],
    ['new PO ignores a site override', 'new', null, SITE, ['210', '220', '110'], 'your scheme NORTH', null],
    ['new PO, both → warehouse', 'new', WAREHOUSE, SITE, ['310', '320'], 'the override for warehouse HARBOUR', 'warehouse'],
    ['new PO, empty warehouse override closes it', 'new', EMPTY_WAREHOUSE, null, [], 'the override for warehouse QUARANTINE', 'warehouse'],
    ['change, no overrides → scheme', 'change', null, null, ['210', '220', '110'], 'your scheme NORTH', null],
    ['change, site override → site', 'change', null, SITE, ['320', '410'], 'site 12 Harbour Rd', 'site'],
    ['change, site beats warehouse', 'change', WAREHOUSE, SITE, ['320', '410'], 'site 12 Harbour Rd', 'site'],
    ['change, no site → warehouse it was entered under', 'change', WAREHOUSE, null, ['310', '320'], 'the override for warehouse HARBOUR', 'warehouse'],
    ['change, empty site override closes it', 'change', WAREHOUSE, EMPTY_SITE, [], 'site 9 Closed St', 'site'],
  ])('%s', (_name, mode, warehouseOverride, siteOverride, codes, label, kind) => {
    const list = poCostCenters(mode, { operator, warehouseOverride, siteOverride });
    expect(list.codes).toEqual(codes);
    expect(list.label).toBe(label);
    expect(list.override?.kind ?? null).toBe(kind);
    expect(list.overrideApplied).toBe(kind !== null);
  });

  it('drops inactive cost centers from an override, as from the scheme', () => {
    const list = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: override('S', ['310', cc('500', false), '310']) });
    expect(list.codes).toEqual(['310']);
    expect(schemeList(operator).codes).toEqual(['210', '220', '110']);
  });
});

describe('rule 4: a line answers to the WIP override of its G/L account', () => {
  const poList = poCostCenters('change', { operator, warehouseOverride: WAREHOUSE, siteOverride: SITE });
  const WIP = override('1400', ['220']);
  it.each<[string, GlAccountFacts | undefined, OverrideFacts | null, string[], string]>([
    ['WIP account with an override → the WIP override, over site and warehouse', gl('1400', true), WIP, ['220'], 'WIP G/L account 1400'],
    ['WIP flag off → the PO list even if an override exists for the code', gl('1400', false), WIP, ['320', '410'], 'site 12 Harbour Rd'],
    ['WIP account without an override → the PO list', gl('1410', true), null, ['320', '410'], 'site 12 Harbour Rd'],
    ['no G/L account → the PO list', undefined, WIP, ['320', '410'], 'site 12 Harbour Rd'],
    ['empty WIP override closes the line', gl('1400', true), override('1400', []), [], 'WIP G/L account 1400'],
  ])('%s', (_name, account, wipOverride, codes, label) => {
    const list = lineCostCenters(poList, account, wipOverride);
    expect(list.codes).toEqual(codes);
    expect(list.label).toBe(label);
  });

  it.each([
    ['the scheme', schemeList(operator), 'scheme-cost-centers'],
    ['a site override', poList, 'site-override'],
    ['a warehouse override', poCostCenters('new', { operator, warehouseOverride: WAREHOUSE, siteOverride: null }), 'warehouse-override'],
    ['a WIP override', lineCostCenters(poList, gl('1400', true), WIP), 'gl-wip-override'],
  ])('names the rule of %s', (_name, list, rule) => expect(ruleOfList(list)).toBe(rule));
});

describe('rule 5: opening a PO for change', () => {
  const site = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: override('12 Harbour Rd', ['310', '320']) });
  const closed = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: EMPTY_SITE });
  const base: ChangeModeFacts = { costCentersEnabled: true, poNumber: 'PO-000002', status: 'draft', headerCostCenterCode: '310', list: site };
  it.each<[string, Partial<ChangeModeFacts>, boolean, string]>([
    ['header inside the site override', {}, true, 'You may change PO-000002: site 12 Harbour Rd allows 310, 320.'],
    ['header outside the site override', { headerCostCenterCode: '210' }, false, "You cannot change PO-000002: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210."],
    ['an empty override', { list: closed }, false, 'You cannot change PO-000002: site 9 Closed St allows no active cost center.'],
    ['no header cost center', { headerCostCenterCode: null }, true, 'You may change PO-000002: site 12 Harbour Rd allows 310, 320.'],
    ['closed PO', { status: 'closed' }, false, 'PO-000002 is closed; it can only be viewed.'],
    ['an open PO may change', { status: 'open' }, true, 'You may change PO-000002: site 12 Harbour Rd allows 310, 320.'],
    ['cost centers off', { costCentersEnabled: false, headerCostCenterCode: '210' }, true, 'You may change PO-000002; cost centers are turned off.'],
    ['cost centers off still keep a closed PO closed', { costCentersEnabled: false, status: 'closed' }, false, 'PO-000002 is closed; it can only be viewed.'],
  ])('%s', (_name, change, allowed, reason) => {
    expect(checkChangeMode({ ...base, ...change })).toEqual({ allowed, reason });
  });
});

describe('rules 5 and 6: touching a stored line', () => {
  const wip = lineCostCenters(schemeList(operator), gl('1400', true), override('1400', ['220']));
  it.each<[string, 'change' | 'delete' | 'view', string | null, boolean, boolean, string]>([
    ['inside the list', 'change', '220', true, true, 'Line 4 may be changed: WIP G/L account 1400 allows 220.'],
    ['delete outside', 'delete', '210', true, false, 'Line 4 cannot be deleted: WIP G/L account 1400 allows 220; this line is 210.'],
    ['change outside', 'change', '210', true, false, 'Line 4 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.'],
    ['view outside', 'view', '210', true, false, 'Line 4 is read-only: WIP G/L account 1400 allows 220; this line is 210.'],
    ['no cost center yet', 'delete', null, true, true, 'Line 4 may be changed: WIP G/L account 1400 allows 220.'],
    ['cost centers off', 'delete', '210', false, true, 'Line 4 may be changed: WIP G/L account 1400 allows 220.'],
  ])('%s', (_name, touch, costCenterCode, enabled, allowed, reason) => {
    expect(checkLineTouch(touch, { lineNumber: 4, costCenterCode }, wip, enabled)).toEqual({ allowed, reason });
  });
});
