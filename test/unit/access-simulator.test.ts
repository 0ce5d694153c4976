import { describe, expect, it } from 'vitest';
import type { CostCenter, VendorFacts } from '../../src/main/domain/cost-center-rules';
import {
  compareSchemes,
  type SimulatedOperator,
  type SimulatedPo,
  type SimulationFacts,
  simulateAccess,
  simulatePo,
} from '../../src/main/domain/admin/access-simulator';
import { siteOverrideOf } from '../../src/main/domain/admin/po-access-simulation';
import type { SchemeFacts } from '../../src/main/domain/admin/scheme-lists';

// The demo world of the README.
const cc = (code: string, active = true): CostCenter => ({ code, description: `CC ${code}`, active });
const catalogue = ['110', '120', '210', '220', '310', '320', '410', 'HQ'].map((code) => cc(code)).concat(cc('500', false));
const NORTH: SchemeFacts = {
  code: 'NORTH',
  costCenters: [cc('210'), cc('220'), cc('110'), cc('500', false)],
  overrides: [
    { kind: 'warehouse', key: 'HARBOUR', costCenters: [cc('310'), cc('320')] },
    { kind: 'warehouse', key: 'QUARANTINE', costCenters: [] },
    { kind: 'site', key: '12 Harbour Rd', costCenters: [cc('310'), cc('320')] },
    { kind: 'gl-wip', key: '1400', costCenters: [cc('220')] },
  ],
};
const FLEET: SchemeFacts = { code: 'FLEET', costCenters: [cc('410'), cc('HQ')], overrides: [] };
const FIELD: SchemeFacts = { code: 'FIELD', costCenters: [cc('310'), cc('320'), cc('410')], overrides: [] };
const vendors: VendorFacts[] = [
  { code: 'ACME', name: 'Acme Supplies', costCenterCodes: ['210'] },
  { code: 'BOLT', name: 'Bolt Industrial', costCenterCodes: ['210', '220', '310'] },
  { code: 'FLEETCO', name: 'Fleet Parts Co', costCenterCodes: ['410'] },
  { code: 'HARBOUR', name: 'Harbour Marine', costCenterCodes: ['310', '320'] },
  { code: 'NOCC', name: 'Unassigned Trading', costCenterCodes: [] },
];
const warehouses = [
  { code: 'MAIN', name: 'Main store' },
  { code: 'HARBOUR', name: 'Harbour yard' },
  { code: 'QUARANTINE', name: 'Quarantine cage' },
];
const alice: SimulatedOperator = { displayName: 'Alice Moreau', role: 'operator', active: true, scheme: NORTH };
const carol: SimulatedOperator = { displayName: 'Carol Okafor', role: 'operator', active: true, scheme: FLEET };

const PO1: SimulatedPo = {
  number: 'PO-000001',
  status: 'draft',
  warehouseCode: 'MAIN',
  headerCostCenterCode: '210',
  lines: [
    { lineNumber: 1, costCenterCode: '210', glAccount: { code: '5000', description: 'Materials', wip: false } },
    { lineNumber: 2, costCenterCode: '410', glAccount: { code: '5200', description: 'Fleet', wip: false }, siteAddress: '90 Fleet St', workOrderCode: 'WO-4001' },
    { lineNumber: 3, costCenterCode: '210', glAccount: { code: '5100', description: 'Repairs', wip: false }, siteAddress: '4 North Way', distributionType: 'direct-wo-cost', workOrderCode: 'WO-2001' },
    { lineNumber: 4, costCenterCode: '210', glAccount: { code: '1400', description: 'WIP', wip: true }, siteAddress: '4 North Way', distributionType: 'job-cost' },
  ],
};
const PO2: SimulatedPo = {
  number: 'PO-000002',
  status: 'draft',
  warehouseCode: 'MAIN',
  headerCostCenterCode: '210',
  lines: [{ lineNumber: 1, costCenterCode: '210', glAccount: { code: '5000', description: 'Materials', wip: false }, siteAddress: '12 Harbour Rd', distributionType: 'job-cost' }],
};

const facts = (change: Partial<SimulationFacts> = {}): SimulationFacts => ({
  costCentersEnabled: true,
  operator: alice,
  costCenters: catalogue,
  vendors,
  warehouses,
  ...change,
});
const byCode = <T extends { code: string }>(items: readonly T[]) => Object.fromEntries(items.map((item) => [item.code, item]));

describe('which cost centers', () => {
  type Row = [name: string, change: Partial<SimulationFacts>, code: string, allowed: boolean, rule: string, reason: string];
  it.each<Row>([
    ['on the scheme', {}, '210', true, 'scheme-cost-centers', 'Cost center 210 may be used: your scheme NORTH allows 210, 220, 110.'],
    ['not on the scheme', {}, '410', false, 'scheme-cost-centers', 'Cost center 410 is not allowed: your scheme NORTH allows 210, 220, 110.'],
    ['inactive, though on the scheme', {}, '500', false, 'cost-center-inactive', 'Cost center 500 is inactive.'],
    [
      'the warehouse override replaces the scheme',
      { warehouseCode: 'HARBOUR' },
      '310',
      true,
      'warehouse-override',
      'Cost center 310 may be used: the override for warehouse HARBOUR allows 310, 320.',
    ],
    [
      'under the warehouse override the scheme’s own are out',
      { warehouseCode: 'harbour' },
      '210',
      false,
      'warehouse-override',
      'Cost center 210 is not allowed: the override for warehouse HARBOUR allows 310, 320.',
    ],
    ['a closed warehouse allows none', { warehouseCode: 'QUARANTINE' }, '210', false, 'warehouse-override', 'Cost center 210 is not allowed: the override for warehouse QUARANTINE allows none.'],
    ['a warehouse without an override follows the scheme', { warehouseCode: 'MAIN' }, '220', true, 'scheme-cost-centers', 'Cost center 220 may be used: your scheme NORTH allows 210, 220, 110.'],
    ['with a vendor, only what it shares', { vendorCode: 'ACME' }, '220', false, 'vendor-cost-centers', 'Vendor ACME does not use cost center 220; it shares 210 with you.'],
    ['with a vendor that shares it', { vendorCode: 'ACME' }, '210', true, 'scheme-cost-centers', 'Cost center 210 may be used: your scheme NORTH allows 210, 220, 110; vendor ACME shares it.'],
    ['an unknown vendor does not narrow the list', { vendorCode: 'NOPE' }, '220', true, 'scheme-cost-centers', 'Cost center 220 may be used: your scheme NORTH allows 210, 220, 110.'],
    ['cost centers off: all', { costCentersEnabled: false }, '410', true, 'cost-centers-off', 'Cost centers are turned off for this installation.'],
    ['no scheme: none', { operator: { ...alice, scheme: null } }, '210', false, 'scheme-cost-centers', 'Cost center 210 is not allowed: your scheme (none assigned) allows none.'],
  ])('%s', (_name, change, code, allowed, rule, reason) => {
    const answer = byCode(simulateAccess(facts(change)).costCenters)[code];
    expect(answer).toMatchObject({ allowed, rule, reason });
  });

  it('names the list that decides, with its codes', () => {
    const simulation = simulateAccess(facts({ warehouseCode: 'HARBOUR' }));
    expect(simulation.list).toEqual({ rule: 'warehouse-override', label: 'the override for warehouse HARBOUR', codes: ['310', '320'], override: { kind: 'warehouse', key: 'HARBOUR' } });
    expect(simulation.costCenters.filter((answer) => answer.allowed).map((answer) => answer.code)).toEqual(['310', '320']);
  });

  it('answers every cost center of the catalogue, in its order', () => {
    expect(simulateAccess(facts()).costCenters.map((answer) => [answer.code, answer.allowed])).toEqual([
      ['110', true],
      ['120', false],
      ['210', true],
      ['220', true],
      ['310', false],
      ['320', false],
      ['410', false],
      ['HQ', false],
      ['500', false],
    ]);
  });
});

describe('which vendors', () => {
  type Row = [name: string, operator: SimulatedOperator, change: Partial<SimulationFacts>, code: string, allowed: boolean, shared: string[], reason: string];
  it.each<Row>([
    ['shares one', alice, {}, 'ACME', true, ['210'], 'Vendor ACME shares 210 with you.'],
    ['shares several, in the scheme’s order', alice, {}, 'BOLT', true, ['210', '220'], 'Vendor BOLT shares 210, 220 with you.'],
    ['shares none', alice, {}, 'FLEETCO', false, [], 'Vendor FLEETCO shares no cost center with you: the vendor uses 410; your scheme NORTH allows 210, 220, 110.'],
    ['a vendor without cost centers', alice, {}, 'NOCC', false, [], 'Vendor NOCC shares no cost center with you: the vendor uses none; your scheme NORTH allows 210, 220, 110.'],
    ['ACME is refused for Carol', carol, {}, 'ACME', false, [], 'Vendor ACME shares no cost center with you: the vendor uses 210; your scheme FLEET allows 410, HQ.'],
    ['Carol may use FLEETCO', carol, {}, 'FLEETCO', true, ['410'], 'Vendor FLEETCO shares 410 with you.'],
    ['at HARBOUR the override decides', alice, { warehouseCode: 'HARBOUR' }, 'HARBOUR', true, ['310', '320'], 'Vendor HARBOUR shares 310, 320 with you.'],
    [
      'at HARBOUR ACME is out',
      alice,
      { warehouseCode: 'HARBOUR' },
      'ACME',
      false,
      [],
      'Vendor ACME shares no cost center with you: the vendor uses 210; the override for warehouse HARBOUR allows 310, 320.',
    ],
  ])('%s', (_name, operator, change, code, allowed, shared, reason) => {
    expect(byCode(simulateAccess(facts({ operator, ...change })).vendors)[code]).toMatchObject({ allowed, rule: 'vendor-cost-centers', shared, reason });
  });

  it('every vendor when cost centers are off', () => {
    expect(simulateAccess(facts({ costCentersEnabled: false, operator: carol })).vendors.every((answer) => answer.allowed && answer.rule === 'cost-centers-off')).toBe(true);
  });
});

describe('which warehouses', () => {
  type Row = [name: string, change: Partial<SimulationFacts>, code: string, allowed: boolean, rule: string, reason: string];
  it.each<Row>([
    ['no override: the scheme', {}, 'MAIN', true, 'scheme-cost-centers', 'Warehouse MAIN follows your scheme NORTH.'],
    ['an override that leaves cost centers', {}, 'HARBOUR', true, 'warehouse-override', 'The override for warehouse HARBOUR allows 310, 320; it replaces your scheme NORTH for this PO.'],
    ['an empty override closes it', {}, 'QUARANTINE', false, 'warehouse-override', 'Warehouse QUARANTINE is closed to you: the override for warehouse QUARANTINE allows no active cost center.'],
    [
      'with a vendor the override shares nothing with',
      { vendorCode: 'ACME' },
      'HARBOUR',
      false,
      'warehouse-override',
      'The override for warehouse HARBOUR allows 310, 320; vendor ACME uses 210, none of them.',
    ],
    ['with a vendor the override shares with', { vendorCode: 'BOLT' }, 'HARBOUR', true, 'warehouse-override', 'The override for warehouse HARBOUR allows 310, 320; it replaces your scheme NORTH for this PO.'],
  ])('%s', (_name, change, code, allowed, rule, reason) => {
    const answer = byCode(simulateAccess(facts(change)).warehouses)[code];
    expect(answer).toMatchObject({ allowed, rule, reason });
    expect(answer?.list?.rule).toBe(rule);
  });
});

describe('the header of a new PO, as PO entry resolves it', () => {
  it('is only worked out when a vendor or warehouse is chosen', () => {
    expect(simulateAccess(facts()).header).toBeNull();
  });

  it.each<[string, Partial<SimulationFacts>, string | null, string]>([
    ['ACME: the one cost center it shares', { vendorCode: 'ACME' }, '210', 'Cost center 210 because it is the only one vendor ACME shares with you.'],
    ['BOLT: a pick among those shared', { vendorCode: 'BOLT' }, null, 'Pick a cost center: vendor BOLT shares 210, 220 with you.'],
    ['BOLT at HARBOUR: the override and the vendor leave 310', { vendorCode: 'BOLT', warehouseCode: 'HARBOUR' }, '310', 'Cost center 310 because it is the only one vendor BOLT shares with you.'],
  ])('%s', (_name, change, code, reason) => {
    const header = simulateAccess(facts(change)).header;
    expect(header?.costCenter.code).toBe(code);
    expect(header?.costCenter.reason).toBe(reason);
  });
});

describe('may they enter POs at all', () => {
  it.each<[string, SimulatedOperator, boolean, string, string]>([
    ['Alice', alice, true, 'scheme-allows', 'Alice Moreau may enter POs: scheme NORTH allows 210, 220, 110.'],
    [
      'no scheme',
      { ...alice, scheme: null },
      false,
      'no-scheme',
      'Alice Moreau cannot enter POs: cost centers are in use, so every PO takes one from their cost-center scheme, and Alice Moreau has none. Assign Alice Moreau a scheme.',
    ],
  ])('%s', (_name, operator, allowed, rule, reason) => {
    expect(simulateAccess(facts({ operator })).entry).toMatchObject({ allowed, rule, reason });
  });

  it('an inactive operator is answered as if active, and said to be inactive', () => {
    const simulation = simulateAccess(facts({ operator: { ...alice, active: false } }));
    expect(simulation.inactiveNote).toBe('Alice Moreau is inactive and cannot sign in; this is what they could do once active again.');
    expect(byCode(simulation.costCenters)['210']?.allowed).toBe(true);
    expect(simulateAccess(facts()).inactiveNote).toBeNull();
  });
});

describe('which lines of a PO they may change or delete (PO-000001, Pat’s)', () => {
  const answer = simulatePo(true, alice, PO1);

  it('change mode is open: the header cost center is on her scheme', () => {
    expect(answer.change).toMatchObject({ allowed: true, rule: 'scheme-cost-centers', reason: 'You may change PO-000001: your scheme NORTH allows 210, 220, 110.' });
  });

  type Row = [line: number, change: boolean, remove: boolean, costCenterEditable: boolean, rule: string, changeReason: string, deleteReason: string];
  it.each<Row>([
    [1, true, true, true, 'scheme-cost-centers', 'Line 1 may be changed: your scheme NORTH allows 210, 220, 110.', 'Line 1 may be deleted: your scheme NORTH allows 210, 220, 110.'],
    [
      2,
      false,
      false,
      false,
      'scheme-cost-centers',
      'Line 2 cannot be changed: your scheme NORTH allows 210, 220, 110; this line is 410.',
      'Line 2 cannot be deleted: your scheme NORTH allows 210, 220, 110; this line is 410.',
    ],
    [
      3,
      true,
      true,
      false,
      'scheme-cost-centers',
      'Line 3 may be changed: your scheme NORTH allows 210, 220, 110. Its cost center comes from work order WO-2001 and cannot be changed on the line.',
      'Line 3 may be deleted: your scheme NORTH allows 210, 220, 110.',
    ],
    [
      4,
      false,
      false,
      false,
      'gl-wip-override',
      'Line 4 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.',
      'Line 4 cannot be deleted: WIP G/L account 1400 allows 220; this line is 210.',
    ],
  ])('line %i', (lineNumber, change, remove, costCenterEditable, rule, changeReason, deleteReason) => {
    const line = answer.lines.find((l) => l.lineNumber === lineNumber);
    expect(line?.change).toMatchObject({ allowed: change, rule, reason: changeReason });
    expect(line?.delete).toMatchObject({ allowed: remove, rule, reason: deleteReason });
    expect(line?.costCenterEditable).toBe(costCenterEditable);
    expect(line?.security.allowed).toBe(change);
  });

  it('the WIP line names the override list that decides it', () => {
    expect(answer.lines[3]?.change.list).toEqual({ rule: 'gl-wip-override', label: 'WIP G/L account 1400', codes: ['220'], override: { kind: 'gl-wip', key: '1400' } });
  });

  it('the same PO in simulateAccess', () => {
    expect(simulateAccess(facts({ po: PO1 })).po?.lines.map((line) => line.change.allowed)).toEqual([true, false, true, false]);
  });
});

describe('a PO they may not open for change', () => {
  it('PO-000002: the site override keeps Alice out, and every line with it', () => {
    const answer = simulatePo(true, alice, PO2);
    const reason = "You cannot change PO-000002: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210.";
    expect(answer.change).toMatchObject({ allowed: false, rule: 'site-override', reason });
    // The line is outside the site's list too, so it says so itself, as judgePoAccess does.
    expect(answer.lines[0]?.change).toMatchObject({ allowed: false, rule: 'site-override', reason: 'Line 1 cannot be changed: site 12 Harbour Rd allows 310, 320; this line is 210.' });
    expect(answer.lines[0]?.delete).toMatchObject({ allowed: false, reason: 'Line 1 cannot be deleted: site 12 Harbour Rd allows 310, 320; this line is 210.' });
    expect(answer.lines[0]?.costCenterEditable).toBe(false);
  });

  it('a line inside security on a PO closed to change takes the change-mode refusal', () => {
    const po: SimulatedPo = { ...PO2, lines: [{ lineNumber: 1, costCenterCode: '310', siteAddress: '12 Harbour Rd' }] };
    const answer = simulatePo(true, alice, po);
    expect(answer.lines[0]?.security.allowed).toBe(true);
    expect(answer.lines[0]?.change).toEqual(answer.change);
    expect(answer.lines[0]?.delete).toEqual(answer.change);
  });

  it('a submitted PO: the status decides before the scheme', () => {
    const answer = simulatePo(true, alice, { ...PO1, status: 'submitted' });
    expect(answer.change).toMatchObject({ allowed: false, rule: 'po-status', reason: 'PO-000001 is submitted, so it cannot be edited: only drafts are. Recall it to draft to change it.' });
    expect(answer.lines[0]?.change).toMatchObject({ allowed: false, rule: 'po-status' });
    // A line outside security keeps its own, more telling refusal.
    expect(answer.lines[1]?.change.rule).toBe('scheme-cost-centers');
  });

  it('a warehouse override the PO was entered under still governs change mode', () => {
    const answer = simulatePo(true, alice, { ...PO1, warehouseCode: 'QUARANTINE', lines: [PO1.lines[0]!] });
    expect(answer.change).toMatchObject({ allowed: false, rule: 'warehouse-override', reason: 'You cannot change PO-000001: the override for warehouse QUARANTINE allows no active cost center.' });
  });

  it('cost centers off: every draft line may be changed', () => {
    const answer = simulatePo(false, carol, PO1);
    expect(answer.change).toMatchObject({ allowed: true, rule: 'cost-centers-off' });
    expect(answer.lines.every((line) => line.change.allowed && line.delete.allowed && !line.costCenterEditable)).toBe(true);
  });

  it('the site override is the first line’s at an overridden site', () => {
    const lines = [{ lineNumber: 1, costCenterCode: '210', siteAddress: '4 North Way' }, { lineNumber: 2, costCenterCode: '310', siteAddress: '12 Harbour Rd' }];
    expect(siteOverrideOf(NORTH, lines)?.key).toBe('12 Harbour Rd');
    expect(siteOverrideOf(NORTH, [{ lineNumber: 1, costCenterCode: '210' }])).toBeNull();
    expect(siteOverrideOf(null, lines)).toBeNull();
  });
});

describe('compareSchemes: what a move to another scheme gains and loses', () => {
  const open = (number: string, header: string | null, lines: [number, string][], change: Partial<SimulatedPo> = {}): SimulatedPo => ({
    number,
    status: 'draft',
    warehouseCode: 'MAIN',
    headerCostCenterCode: header,
    lines: lines.map(([lineNumber, costCenterCode]) => ({ lineNumber, costCenterCode })),
    ...change,
  });
  const context = { operatorName: 'Alice Moreau', vendors, warehouses };

  it('the issue’s example: moving to FIELD loses the open POs on her cost centers, listed', () => {
    const pos = Array.from({ length: 12 }, (_, i) => open(`PO-0000${String(i + 3).padStart(2, '0')}`, '210', [[1, '210']]));
    const comparison = compareSchemes(NORTH, FIELD, pos, context);
    expect(comparison.pos.lost).toHaveLength(12);
    expect(comparison.pos.lost[0]).toEqual({
      number: 'PO-000003',
      status: 'draft',
      before: 'You may change PO-000003: your scheme NORTH allows 210, 220, 110.',
      after: "You cannot change PO-000003: your scheme FIELD allows 310, 320, 410; this PO's cost center is 210.",
    });
    expect(comparison.summary.startsWith('If Alice Moreau moves from scheme NORTH to scheme FIELD, they lose access to 12 open POs: PO-000003, PO-000004, PO-000005, PO-000006, PO-000007 and 7 more.')).toBe(true);
  });

  it('every difference, in one paragraph', () => {
    const pos = [open('PO-000010', '210', [[1, '210']]), open('PO-000011', '410', [[1, '410']]), open('PO-000012', null, [[1, '210'], [2, '310'], [3, '220']])];
    const comparison = compareSchemes(NORTH, FIELD, pos, context);
    expect(comparison.costCenters).toEqual({ gained: ['310', '320', '410'], lost: ['210', '220', '110'], kept: [] });
    expect(comparison.vendors).toEqual({ gained: ['FLEETCO', 'HARBOUR'], lost: ['ACME'] });
    expect(comparison.warehouses).toEqual({ opened: ['QUARANTINE'], closed: [] });
    expect(comparison.pos.lost.map((c) => c.number)).toEqual(['PO-000010']);
    expect(comparison.pos.gained.map((c) => c.number)).toEqual(['PO-000011']);
    expect(comparison.pos.kept).toBe(1);
    expect(comparison.lines).toEqual({ lost: [{ number: 'PO-000012', lineNumbers: [1, 3] }], gained: [{ number: 'PO-000012', lineNumbers: [2] }] });
    expect(comparison.changed).toBe(true);
    expect(comparison.summary).toBe(
      'If Alice Moreau moves from scheme NORTH to scheme FIELD, they lose access to 1 open PO: PO-000010. ' +
        'They gain access to 1 open PO: PO-000011. ' +
        'They can no longer change 2 lines of POs still open to them: PO-000012 lines 1 and 3. ' +
        'They can now change 1 more line: PO-000012 line 2. ' +
        'They lose cost centers 210, 220 and 110. They gain cost centers 310, 320 and 410. ' +
        'They can no longer choose vendor ACME. They can now choose vendors FLEETCO and HARBOUR. ' +
        'They find warehouse QUARANTINE open to them.',
    );
  });

  it('a status is set aside: a submitted PO is judged as the draft it becomes when recalled, and listed with its status', () => {
    const comparison = compareSchemes(NORTH, FIELD, [open('PO-000020', '210', [[1, '210']], { status: 'submitted' })], context);
    expect(comparison.pos.lost.map((c) => [c.number, c.status])).toEqual([['PO-000020', 'submitted']]);
  });

  it('overrides count: a site override of the new scheme closes a PO at that site', () => {
    const HARBOURSITE: SchemeFacts = { ...NORTH, code: 'NORTH2', overrides: [{ kind: 'site', key: '4 North Way', costCenters: [cc('310')] }] };
    const po: SimulatedPo = { ...open('PO-000030', '210', []), lines: [{ lineNumber: 1, costCenterCode: '210', siteAddress: '4 North Way' }] };
    const comparison = compareSchemes(NORTH, HARBOURSITE, [po], context);
    expect(comparison.pos.lost[0]?.after).toBe("You cannot change PO-000030: site 4 North Way allows 310; this PO's cost center is 210.");
    // Without NORTH's empty override QUARANTINE follows the scheme; HARBOUR was open under both.
    expect(comparison.warehouses).toEqual({ opened: ['QUARANTINE'], closed: [] });
  });

  it('from no scheme', () => {
    const comparison = compareSchemes(null, FLEET, [open('PO-000040', '410', [[1, '410']])], { operatorName: 'New Person' });
    expect(comparison.from).toBeNull();
    expect(comparison.costCenters.gained).toEqual(['410', 'HQ']);
    expect(comparison.summary).toBe('If New Person moves from no scheme to scheme FLEET, they gain access to 1 open PO: PO-000040. They gain cost centers 410 and HQ.');
  });

  it('to no scheme: everything is lost', () => {
    const comparison = compareSchemes(FLEET, null, [open('PO-000041', '410', [])], { operatorName: 'Carol Okafor' });
    expect(comparison.summary).toBe('If Carol Okafor moves from scheme FLEET to no scheme, they lose access to 1 open PO: PO-000041. They lose cost centers 410 and HQ.');
  });

  it('nothing changes', () => {
    const SAME: SchemeFacts = { ...FLEET, code: 'FLEET2' };
    const comparison = compareSchemes(FLEET, SAME, [open('PO-000050', '410', [[1, '410']])], context);
    expect(comparison.changed).toBe(false);
    expect(comparison.summary).toBe('If Alice Moreau moves from scheme FLEET to scheme FLEET2, nothing changes for them: the same cost centers, vendors, warehouses and open POs.');
  });

  it('the order of a list does not count as a change; an inactive cost center does not count', () => {
    const reordered: SchemeFacts = { ...NORTH, code: 'NORTH3', costCenters: [cc('110'), cc('220'), cc('210')] };
    expect(compareSchemes(NORTH, reordered, [], { operatorName: 'A' }).costCenters).toEqual({ gained: [], lost: [], kept: ['210', '220', '110'] });
  });

  it('cost centers off: a scheme decides nothing', () => {
    const comparison = compareSchemes(NORTH, FIELD, [open('PO-000060', '210', [[1, '210']])], { ...context, costCentersEnabled: false });
    expect(comparison.changed).toBe(false);
    expect(comparison.pos.lost).toEqual([]);
    expect(comparison.summary).toBe('If Alice Moreau moves from scheme NORTH to scheme FIELD, nothing changes for them while cost centers are turned off.');
  });

  it('counts in the reader format', () => {
    const pos = Array.from({ length: 1200 }, (_, i) => open(`PO-${i}`, '210', []));
    expect(compareSchemes(NORTH, FIELD, pos, { operatorName: 'A', locale: 'de-DE' }).summary).toContain('lose access to 1.200 open POs: PO-0, PO-1, PO-2, PO-3, PO-4 and 1.195 more.');
  });
});
