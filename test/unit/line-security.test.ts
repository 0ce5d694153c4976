import { describe, expect, it } from 'vitest';
import type { CostCenter, OperatorScope } from '../../src/main/domain/cost-center-rules';
import {
  allowsText,
  type ChangeModeFacts,
  checkChangeMode,
  checkLineTouch,
  type GlAccountFacts,
  type LineTouch,
  lineCostCenters,
  type OverrideFacts,
  type OverrideKind,
  overrideList,
  type PoMode,
  poCostCenters,
  ruleOfList,
  type ScopedList,
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
const WIP = override('1400', ['220']);

const SCHEME_CODES = ['210', '220', '110'];
const SCHEME_LABEL = 'your scheme NORTH';
const WAREHOUSE_LABEL = 'the override for warehouse HARBOUR';
const SITE_LABEL = 'site 12 Harbour Rd';

describe('rule 4: the PO-level list for an action', () => {
  type Row = [
    name: string,
    mode: PoMode,
    warehouseOverride: OverrideFacts | null,
    siteOverride: OverrideFacts | null,
    codes: string[],
    label: string,
    kind: OverrideKind | null,
    key: string | null,
  ];
  // Every mode × warehouse override (absent / present / empty) × site override (absent / present / empty).
  it.each<Row>([
    ['new, no warehouse, no site → scheme', 'new', null, null, SCHEME_CODES, SCHEME_LABEL, null, null],
    ['new, no warehouse, site → scheme (a new PO ignores the site)', 'new', null, SITE, SCHEME_CODES, SCHEME_LABEL, null, null],
    ['new, no warehouse, empty site → scheme (an empty site does not close a new PO)', 'new', null, EMPTY_SITE, SCHEME_CODES, SCHEME_LABEL, null, null],
    ['new, warehouse, no site → warehouse', 'new', WAREHOUSE, null, ['310', '320'], WAREHOUSE_LABEL, 'warehouse', 'HARBOUR'],
    ['new, warehouse, site → warehouse', 'new', WAREHOUSE, SITE, ['310', '320'], WAREHOUSE_LABEL, 'warehouse', 'HARBOUR'],
    ['new, warehouse, empty site → warehouse', 'new', WAREHOUSE, EMPTY_SITE, ['310', '320'], WAREHOUSE_LABEL, 'warehouse', 'HARBOUR'],
    ['new, empty warehouse, no site → closed by the warehouse', 'new', EMPTY_WAREHOUSE, null, [], 'the override for warehouse QUARANTINE', 'warehouse', 'QUARANTINE'],
    ['new, empty warehouse, site → still closed by the warehouse', 'new', EMPTY_WAREHOUSE, SITE, [], 'the override for warehouse QUARANTINE', 'warehouse', 'QUARANTINE'],
    ['new, empty warehouse, empty site → closed by the warehouse', 'new', EMPTY_WAREHOUSE, EMPTY_SITE, [], 'the override for warehouse QUARANTINE', 'warehouse', 'QUARANTINE'],
    ['change, no warehouse, no site → scheme', 'change', null, null, SCHEME_CODES, SCHEME_LABEL, null, null],
    ['change, no warehouse, site → site', 'change', null, SITE, ['320', '410'], SITE_LABEL, 'site', '12 Harbour Rd'],
    ['change, no warehouse, empty site → closed by the site', 'change', null, EMPTY_SITE, [], 'site 9 Closed St', 'site', '9 Closed St'],
    ['change, warehouse, no site → the warehouse it was entered under', 'change', WAREHOUSE, null, ['310', '320'], WAREHOUSE_LABEL, 'warehouse', 'HARBOUR'],
    ['change, warehouse, site → site beats warehouse', 'change', WAREHOUSE, SITE, ['320', '410'], SITE_LABEL, 'site', '12 Harbour Rd'],
    ['change, warehouse, empty site → closed by the site', 'change', WAREHOUSE, EMPTY_SITE, [], 'site 9 Closed St', 'site', '9 Closed St'],
    ['change, empty warehouse, no site → closed by the warehouse', 'change', EMPTY_WAREHOUSE, null, [], 'the override for warehouse QUARANTINE', 'warehouse', 'QUARANTINE'],
    ['change, empty warehouse, site → site reopens it', 'change', EMPTY_WAREHOUSE, SITE, ['320', '410'], SITE_LABEL, 'site', '12 Harbour Rd'],
    ['change, empty warehouse, empty site → closed by the site', 'change', EMPTY_WAREHOUSE, EMPTY_SITE, [], 'site 9 Closed St', 'site', '9 Closed St'],
  ])('%s', (_name, mode, warehouseOverride, siteOverride, codes, label, kind, key) => {
    const list = poCostCenters(mode, { operator, warehouseOverride, siteOverride });
    expect(list.codes).toEqual(codes);
    expect(list.label).toBe(label);
    expect(list.override).toEqual(kind === null ? null : { kind, key });
    expect(list.overrideApplied).toBe(kind !== null);
    expect(ruleOfList(list)).toBe(kind === null ? 'scheme-cost-centers' : `${kind}-override`);
  });

  it.each<[string, PoMode, OverrideFacts | null, OverrideFacts | null]>([
    ['site override', 'change', null, override('S', ['310', cc('500', false), '320'])],
    ['warehouse override on a new PO', 'new', override('W', [cc('500', false), '310', '320']), null],
    ['warehouse override used as the change-mode fallback', 'change', override('W', ['310', cc('500', false), '320']), null],
  ])('drops inactive cost centers from a %s', (_name, mode, warehouseOverride, siteOverride) => {
    expect(poCostCenters(mode, { operator, warehouseOverride, siteOverride }).codes).toEqual(['310', '320']);
  });

  it('drops inactive and repeated cost centers from the scheme', () => {
    expect(schemeList(operator).codes).toEqual(SCHEME_CODES);
    expect(schemeList(operator)).toMatchObject({ label: SCHEME_LABEL, overrideApplied: false, override: null });
  });

  it('an override of inactive cost centers only closes the case rather than falling back to the scheme', () => {
    const list = poCostCenters('change', { operator, warehouseOverride: WAREHOUSE, siteOverride: override('S', [cc('500', false)]) });
    expect(list.codes).toEqual([]);
    expect(list.label).toBe('site S');
    expect(ruleOfList(list)).toBe('site-override');
  });
});

describe('override lists and their labels', () => {
  it.each<[OverrideKind, string, string, string]>([
    ['site', '12 Harbour Rd', 'site 12 Harbour Rd', 'site-override'],
    ['warehouse', 'HARBOUR', 'the override for warehouse HARBOUR', 'warehouse-override'],
    ['gl-wip', '1400', 'WIP G/L account 1400', 'gl-wip-override'],
  ])('a %s override keyed %s is labelled "%s"', (kind, key, label, rule) => {
    const list = overrideList(kind, override(key, ['310', cc('500', false), '310', '320']));
    expect(list).toEqual({ codes: ['310', '320'], label, overrideApplied: true, override: { kind, key } });
    expect(ruleOfList(list)).toBe(rule);
  });

  it.each<[string, ScopedList, string]>([
    ['the scheme', schemeList(operator), 'your scheme NORTH allows 210, 220, 110'],
    ['a site override', overrideList('site', override('12 Harbour Rd', ['310', '320'])), 'site 12 Harbour Rd allows 310, 320'],
    ['an empty override', overrideList('warehouse', EMPTY_WAREHOUSE), 'the override for warehouse QUARANTINE allows none'],
  ])('allowsText names %s, then its list', (_name, list, text) => expect(allowsText(list)).toBe(text));
});

describe('rule 4: a line answers to the WIP override of its G/L account', () => {
  const sitePoList = poCostCenters('change', { operator, warehouseOverride: WAREHOUSE, siteOverride: SITE });
  const warehousePoList = poCostCenters('new', { operator, warehouseOverride: WAREHOUSE, siteOverride: null });
  const schemePoList = schemeList(operator);
  type Row = [name: string, poList: ScopedList, account: GlAccountFacts | undefined, wipOverride: OverrideFacts | null, codes: string[], label: string, rule: string];
  it.each<Row>([
    ['WIP account with an override supersedes the site', sitePoList, gl('1400', true), WIP, ['220'], 'WIP G/L account 1400', 'gl-wip-override'],
    ['WIP account with an override supersedes the warehouse', warehousePoList, gl('1400', true), WIP, ['220'], 'WIP G/L account 1400', 'gl-wip-override'],
    ['WIP account with an override supersedes the scheme', schemePoList, gl('1400', true), WIP, ['220'], 'WIP G/L account 1400', 'gl-wip-override'],
    ['WIP flag off → the PO list even if an override exists for the code', sitePoList, gl('1400', false), WIP, ['320', '410'], SITE_LABEL, 'site-override'],
    ['WIP flag off under a warehouse → the warehouse list', warehousePoList, gl('1400', false), WIP, ['310', '320'], WAREHOUSE_LABEL, 'warehouse-override'],
    ['WIP account without an override → the PO list', sitePoList, gl('1410', true), null, ['320', '410'], SITE_LABEL, 'site-override'],
    ['WIP account without an override under the scheme → the scheme', schemePoList, gl('1410', true), null, SCHEME_CODES, SCHEME_LABEL, 'scheme-cost-centers'],
    ['no G/L account → the PO list', sitePoList, undefined, WIP, ['320', '410'], SITE_LABEL, 'site-override'],
    ['empty WIP override closes the line', sitePoList, gl('1400', true), override('1400', []), [], 'WIP G/L account 1400', 'gl-wip-override'],
    ['inactive cost centers in a WIP override are dropped', sitePoList, gl('1400', true), override('1400', [cc('500', false), '220', '110']), ['220', '110'], 'WIP G/L account 1400', 'gl-wip-override'],
  ])('%s', (_name, poList, account, wipOverride, codes, label, rule) => {
    const list = lineCostCenters(poList, account, wipOverride);
    expect(list.codes).toEqual(codes);
    expect(list.label).toBe(label);
    expect(ruleOfList(list)).toBe(rule);
  });

  it.each<[string, GlAccountFacts | undefined, OverrideFacts | null]>([
    ['WIP flag off', gl('1400', false), WIP],
    ['no override', gl('1400', true), null],
    ['no G/L account', undefined, WIP],
  ])('hands back the PO list itself when %s', (_name, account, wipOverride) => {
    expect(lineCostCenters(sitePoList, account, wipOverride)).toBe(sitePoList);
  });

  it.each([
    ['the scheme', schemePoList, 'scheme-cost-centers'],
    ['a site override', sitePoList, 'site-override'],
    ['a warehouse override', warehousePoList, 'warehouse-override'],
    ['a WIP override', lineCostCenters(sitePoList, gl('1400', true), WIP), 'gl-wip-override'],
  ])('names the rule of %s', (_name, list, rule) => expect(ruleOfList(list)).toBe(rule));
});

describe('rule 5: opening a PO for change', () => {
  const site = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: override('12 Harbour Rd', ['310', '320']) });
  const closedSite = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: EMPTY_SITE });
  const warehouse = poCostCenters('change', { operator, warehouseOverride: WAREHOUSE, siteOverride: null });
  const scheme = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: null });
  const base: ChangeModeFacts = { costCentersEnabled: true, poNumber: 'PO-000002', status: 'draft', headerCostCenterCode: '310', list: site };
  it.each<[string, Partial<ChangeModeFacts>, boolean, string]>([
    ['header inside the site override', {}, true, 'You may change PO-000002: site 12 Harbour Rd allows 310, 320.'],
    ['header outside the site override', { headerCostCenterCode: '210' }, false, "You cannot change PO-000002: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210."],
    ['header outside the warehouse override', { headerCostCenterCode: '210', list: warehouse }, false, "You cannot change PO-000002: the override for warehouse HARBOUR allows 310, 320; this PO's cost center is 210."],
    ['header outside the scheme', { headerCostCenterCode: '310', list: scheme }, false, "You cannot change PO-000002: your scheme NORTH allows 210, 220, 110; this PO's cost center is 310."],
    ['header inside the scheme', { headerCostCenterCode: '220', list: scheme }, true, 'You may change PO-000002: your scheme NORTH allows 210, 220, 110.'],
    ['an empty override', { list: closedSite }, false, 'You cannot change PO-000002: site 9 Closed St allows no active cost center.'],
    ['an empty override with no header cost center', { list: closedSite, headerCostCenterCode: null }, false, 'You cannot change PO-000002: site 9 Closed St allows no active cost center.'],
    ['no header cost center', { headerCostCenterCode: null }, true, 'You may change PO-000002: site 12 Harbour Rd allows 310, 320.'],
    ['closed PO', { status: 'closed' }, false, 'PO-000002 is closed; it can only be viewed.'],
    ['closed PO with a header outside the list', { status: 'closed', headerCostCenterCode: '210' }, false, 'PO-000002 is closed; it can only be viewed.'],
    ['a submitted PO is recalled first', { status: 'submitted' }, false, 'PO-000002 is submitted, so it cannot be edited: only drafts are. Recall it to draft to change it.'],
    ['an approved PO is recalled first', { status: 'approved' }, false, 'PO-000002 is approved, so it cannot be edited: only drafts are. Recall it to draft to change it; it then needs approval again.'],
    ['a released PO takes a change order', { status: 'released' }, false, 'PO-000002 is released to the vendor, so it cannot be edited: start a change order to change it.'],
    ['a cancelled PO is only viewed', { status: 'cancelled' }, false, 'PO-000002 is cancelled; it can only be viewed.'],
    ['a released PO is refused before its cost center is judged', { status: 'released', headerCostCenterCode: '210' }, false, 'PO-000002 is released to the vendor, so it cannot be edited: start a change order to change it.'],
    ['cost centers off', { costCentersEnabled: false, headerCostCenterCode: '210' }, true, 'You may change PO-000002; cost centers are turned off.'],
    ['cost centers off ignore an empty list', { costCentersEnabled: false, list: closedSite }, true, 'You may change PO-000002; cost centers are turned off.'],
    ['cost centers off still keep a closed PO closed', { costCentersEnabled: false, status: 'closed' }, false, 'PO-000002 is closed; it can only be viewed.'],
    ['another PO number is named', { poNumber: 'PO-000777', headerCostCenterCode: '210' }, false, "You cannot change PO-000777: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210."],
  ])('%s', (_name, change, allowed, reason) => {
    expect(checkChangeMode({ ...base, ...change })).toEqual({ allowed, reason });
  });
});

describe('rules 5 and 6: touching a stored line', () => {
  const wip = lineCostCenters(schemeList(operator), gl('1400', true), WIP);
  const MAY = 'Line 4 may be changed: WIP G/L account 1400 allows 220.';
  const MAY_DELETE = 'Line 4 may be deleted: WIP G/L account 1400 allows 220.';
  type Row = [name: string, touch: LineTouch, costCenterCode: string | null, enabled: boolean, allowed: boolean, reason: string];
  it.each<Row>([
    ['change inside the list', 'change', '220', true, true, MAY],
    ['delete inside the list', 'delete', '220', true, true, MAY_DELETE],
    ['view inside the list', 'view', '220', true, true, MAY],
    ['change outside', 'change', '210', true, false, 'Line 4 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.'],
    ['delete outside', 'delete', '210', true, false, 'Line 4 cannot be deleted: WIP G/L account 1400 allows 220; this line is 210.'],
    ['view outside', 'view', '210', true, false, 'Line 4 is read-only: WIP G/L account 1400 allows 220; this line is 210.'],
    ['change with no cost center yet', 'change', null, true, true, MAY],
    ['delete with no cost center yet', 'delete', null, true, true, MAY_DELETE],
    ['view with no cost center yet', 'view', null, true, true, MAY],
    ['change outside, cost centers off', 'change', '210', false, true, MAY],
    ['delete outside, cost centers off', 'delete', '210', false, true, MAY_DELETE],
    ['view outside, cost centers off', 'view', '210', false, true, MAY],
  ])('%s', (_name, touch, costCenterCode, enabled, allowed, reason) => {
    expect(checkLineTouch(touch, { lineNumber: 4, costCenterCode }, wip, enabled)).toEqual({ allowed, reason });
  });

  it.each<[string, ScopedList, string]>([
    ['the site override', poCostCenters('change', { operator, warehouseOverride: null, siteOverride: SITE }), 'Line 7 cannot be deleted: site 12 Harbour Rd allows 320, 410; this line is 210.'],
    ['the warehouse override', poCostCenters('new', { operator, warehouseOverride: WAREHOUSE, siteOverride: null }), 'Line 7 cannot be deleted: the override for warehouse HARBOUR allows 310, 320; this line is 210.'],
    ['an empty override', poCostCenters('change', { operator, warehouseOverride: null, siteOverride: EMPTY_SITE }), 'Line 7 cannot be deleted: site 9 Closed St allows none; this line is 210.'],
  ])('a refusal names %s', (_name, list, reason) => {
    expect(checkLineTouch('delete', { lineNumber: 7, costCenterCode: '210' }, list, true)).toEqual({ allowed: false, reason });
  });

  it('lets the scheme list decide when no override applies', () => {
    expect(checkLineTouch('change', { lineNumber: 1, costCenterCode: '410' }, schemeList(operator), true)).toEqual({
      allowed: false,
      reason: 'Line 1 cannot be changed: your scheme NORTH allows 210, 220, 110; this line is 410.',
    });
    expect(checkLineTouch('change', { lineNumber: 1, costCenterCode: '210' }, schemeList(operator), true).allowed).toBe(true);
  });
});
