import { describe, expect, it } from 'vitest';
import { originOfChangedPo, originOfNewPo, originText } from '../../src/main/domain/cost-center-origin';
import type { CostCenter, HeaderFacts, OperatorScope } from '../../src/main/domain/cost-center-rules';
import type { SaveReferences, StoredLineRecord } from '../../src/main/domain/line-references';
import { poCostCenters } from '../../src/main/domain/line-security';
import { decideSave, type SaveDecision, type SaveFacts, type SaveInput, type StoredPo } from '../../src/main/domain/po-save-decision';

const cc = (code: string, active = true): CostCenter & { id: number } => ({ id: Number.parseInt(code, 36), code, description: `CC ${code}`, active });
const alice: OperatorScope = { displayName: 'Alice', schemeName: 'NORTH', schemeCostCenters: [cc('210'), cc('220'), cc('110')], stickyCostCenterCode: null };
const bob: OperatorScope = { displayName: 'Bob', schemeName: 'SOLO', schemeCostCenters: [cc('210')], stickyCostCenterCode: null };
const carol: OperatorScope = { displayName: 'Carol', schemeName: 'FLEET', schemeCostCenters: [cc('410'), cc('HQ')], stickyCostCenterCode: null };

const VENDORS = {
  ACME: { code: 'ACME', name: 'Acme', costCenterCodes: ['210'] },
  BOLT: { code: 'BOLT', name: 'Bolt', costCenterCodes: ['210', '220', '310'] },
};
const MAIN = { code: 'MAIN', name: 'Main', overrideCostCenters: null };

const refs: SaveReferences = {
  items: new Map([['BOLT-10', { id: 7, code: 'BOLT-10' }]]),
  glAccounts: new Map([
    ['5000', { id: 50, code: '5000', description: 'Materials', wip: false }],
    ['1400', { id: 14, code: '1400', description: 'WIP', wip: true }],
  ]),
  jobs: new Map(),
  workOrders: new Map(),
  costTypes: new Map(),
  costCenters: new Map(['110', '210', '220', '310', '410', 'HQ'].map((code) => [code, cc(code)])),
  glWipOverrides: new Map([['1400', [cc('220')]]]),
};

const line = (overrides: Partial<SaveInput['lines'][number]> = {}): SaveInput['lines'][number] => ({
  itemCode: null,
  description: 'Hex bolts',
  quantityMilli: 2_000,
  unitCostMinor: 1_250,
  distributionType: 'expense',
  jobCode: null,
  workOrderCode: null,
  costTypeCode: null,
  glAccountCode: '5000',
  costCenterCode: null,
  ...overrides,
});

function facts(overrides: {
  operator?: OperatorScope;
  vendor?: keyof typeof VENDORS | 'NOPE';
  costCenter?: string | null;
  entered?: boolean;
  lines?: SaveInput['lines'];
  stored?: StoredPo | null;
  largePo?: number | null;
  confirmed?: number;
}): SaveFacts {
  const operator = overrides.operator ?? alice;
  const vendorCode = overrides.vendor ?? 'BOLT';
  const costCenter = overrides.costCenter === undefined ? '210' : overrides.costCenter;
  const header: HeaderFacts = {
    costCentersEnabled: true,
    operator,
    vendorCode,
    vendor: vendorCode === 'NOPE' ? undefined : VENDORS[vendorCode],
    warehouseCode: 'MAIN',
    warehouse: MAIN,
    enteredCostCenterCode: costCenter,
    enteredCostCenter: costCenter === null ? undefined : refs.costCenters.get(costCenter),
  };
  const stored = overrides.stored ?? null;
  return {
    input: {
      ...(stored ? { id: 1, version: 1 } : {}),
      vendorCode,
      warehouseCode: 'MAIN',
      costCenterCode: costCenter,
      costCenterEntered: overrides.entered ?? false,
      lines: overrides.lines ?? [line()],
      ...(overrides.confirmed === undefined ? {} : { confirmedLargeTotalMinor: overrides.confirmed }),
    },
    operator: { id: 1, schemeName: operator.schemeName },
    stored,
    header,
    poList: poCostCenters(stored ? 'change' : 'new', { operator, warehouseOverride: null, siteOverride: null }),
    refs,
    largePoAmountMinor: overrides.largePo === undefined ? null : overrides.largePo,
    locale: 'en-US',
  };
}

const storedLine = (overrides: Partial<StoredLineRecord> = {}): StoredLineRecord => ({
  id: 11,
  lineNumber: 1,
  itemCode: null,
  description: 'Hex bolts',
  quantityMilli: 2_000,
  unitCostMinor: 1_250,
  distributionType: 'expense',
  jobCode: null,
  workOrderCode: null,
  costTypeCode: null,
  glAccountCode: '5000',
  glAccountWip: false,
  costCenterCode: '210',
  costCenterId: cc('210').id,
  jobId: null,
  workOrderId: null,
  costTypeId: null,
  glAccountId: 50,
  ...overrides,
});
const storedPo = (overrides: Partial<StoredPo> = {}): StoredPo => ({
  number: 'PO-000009',
  costCenterCode: '210',
  origin: { source: 'entered', enteredBy: 4 },
  lines: [storedLine()],
  ...overrides,
});

const refusal = (decision: SaveDecision) => (decision.kind === 'refused' ? { message: decision.message, field: decision.field, rule: decision.audit.rule } : decision.kind);
const plan = (decision: SaveDecision) => {
  if (decision.kind !== 'save') throw new Error(`expected a save, got ${JSON.stringify(decision)}`);
  return decision.plan;
};

describe('refusals: each under the rule that refused, on the field that causes it', () => {
  it.each([
    ['a PO with no lines', facts({ lines: [] }), { message: 'A PO needs at least one line: add what is ordered, then save.', field: 'lines', rule: 'po-has-lines' }],
    [
      'a vendor refused for carol, with no cost center yet: the vendor is the cause, not the cost center',
      facts({ operator: carol, vendor: 'ACME', costCenter: null }),
      { message: 'Vendor ACME shares no cost center with you: the vendor uses 210; your scheme FLEET allows 410, HQ.', field: 'vendorCode', rule: 'vendor-shares-cost-center' },
    ],
    ['an unknown vendor', facts({ vendor: 'NOPE' }), { message: 'Vendor NOPE does not exist.', field: 'vendorCode', rule: 'vendor-shares-cost-center' }],
    [
      'no cost center although the vendor is fine',
      facts({ costCenter: null }),
      { message: 'Choose a cost center. Pick a cost center: vendor BOLT shares 210, 220 with you.', field: 'costCenterCode', rule: 'cost-center-required' },
    ],
    [
      'a cost center outside the scheme',
      facts({ costCenter: '410' }),
      { message: 'Cost center 410 is not allowed: your scheme NORTH allows 210, 220, 110.', field: 'costCenterCode', rule: 'cost-center-allowed' },
    ],
    ['an unknown item', facts({ lines: [line({ itemCode: 'NOPE' })] }), { message: 'Line 1: item NOPE does not exist.', field: 'lines.0.itemCode', rule: 'reference-exists' }],
    [
      'a line id from another PO',
      facts({ stored: storedPo(), lines: [line({ id: 99 })] }),
      { message: 'Line 1 refers to a line that is not on this PO (or appears twice).', field: 'lines.0.id', rule: 'line-belongs-to-po' },
    ],
    [
      'deleting a WIP line out of reach',
      facts({ stored: storedPo({ lines: [storedLine(), storedLine({ id: 12, lineNumber: 2, glAccountCode: '1400', glAccountWip: true, costCenterCode: '210' })] }), lines: [line({ id: 11, costCenterCode: '210' })] }),
      { message: 'Line 2 cannot be deleted: WIP G/L account 1400 allows 220; this line is 210.', field: 'lines', rule: 'gl-wip-override' },
    ],
    [
      'a total beyond what can be recorded',
      facts({ lines: Array.from({ length: 20 }, () => line({ quantityMilli: 1_000_000_000, unitCostMinor: 1_000_000_000 })) }),
      { message: 'The PO total is too large to record; split it into several POs.', field: 'lines', rule: 'po-total-recordable' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(refusal(decideSave(input))).toEqual(expected);
  });
});

describe('large POs ask before they save', () => {
  const big = [line({ quantityMilli: 10_000, unitCostMinor: 1_500_000 })]; // 10 × 15,000.00 = 150,000.00

  it.each([
    ['no large-PO amount set: never asks', null, undefined, 'save'],
    ['at the amount: no question', 15_000_000, undefined, 'save'],
    ['above it, unconfirmed: asks', 10_000_000, undefined, 'confirm-large-po'],
    ['above it, another total confirmed: asks again', 10_000_000, 14_000_000, 'confirm-large-po'],
    ['above it, this total confirmed: saves', 10_000_000, 15_000_000, 'save'],
  ] as const)('%s', (_name, largePo, confirmed, kind) => {
    expect(decideSave(facts({ lines: big, largePo, confirmed })).kind).toBe(kind);
  });

  it('says the total and the amount in the operator’s numbers', () => {
    expect(decideSave(facts({ lines: big, largePo: 10_000_000 }))).toEqual({
      kind: 'confirm-large-po',
      totalMinor: 15_000_000,
      thresholdMinor: 10_000_000,
      message: "This PO's total, 150,000.00, is above the large-PO amount of 100,000.00. Confirm that it is meant, or correct the lines.",
    });
  });

  it('records the confirmation in the audit rows', () => {
    const audits = plan(decideSave(facts({ lines: big, largePo: 10_000_000, confirmed: 15_000_000 }))).audits;
    expect(audits).toContainEqual({
      action: 'large-po-confirmed',
      rule: 'large-po-amount',
      before: '10000000',
      after: '15000000',
      detail: 'Total 150,000.00 confirmed above the large-PO amount of 100,000.00.',
    });
  });
});

describe('the plan of writes', () => {
  it('a new PO: every line added, totals exact, one po-created row', () => {
    const saved = plan(decideSave(facts({ entered: true, lines: [line(), line({ itemCode: 'BOLT-10', quantityMilli: 1_500, unitCostMinor: 999 })] })));
    expect(saved.added.map((planned) => [planned.lineNumber, planned.itemId, planned.totalMinor])).toEqual([
      [1, null, 2_500],
      [2, 7, 1_499],
    ]);
    expect(saved.totalMinor).toBe(3_999);
    expect(saved.kept).toEqual([]);
    expect(saved.audits.map((audit) => audit.action)).toEqual(['po-created']);
    expect(saved.origin).toEqual({ source: 'entered', enteredBy: 1 });
  });

  it('a change: unchanged lines kept unjudged, deleted lines audited', () => {
    const stored = storedPo({ lines: [storedLine(), storedLine({ id: 12, lineNumber: 2, description: 'Washers' })] });
    const saved = plan(decideSave(facts({ stored, lines: [line({ id: 11, costCenterCode: '210' })] })));
    expect(saved.kept.map((kept) => kept.id)).toEqual([11]);
    expect(saved.deletedIds).toEqual([12]);
    expect(saved.audits.map((audit) => audit.action)).toEqual(['line-deleted', 'po-updated']);
    expect(saved.origin).toEqual({ source: 'entered', enteredBy: 4 });
  });
});

describe('cost-center origin', () => {
  const header = (operator: OperatorScope, vendor: keyof typeof VENDORS): HeaderFacts => facts({ operator, vendor }).header;
  it.each([
    ['typed by the operator', { code: '220', entered: true, operator: alice, vendor: 'BOLT' }, { source: 'entered', enteredBy: 1 }],
    ['bob accepted his only cost center', { code: '210', entered: false, operator: bob, vendor: 'BOLT' }, { source: 'operator-single', enteredBy: null }],
    ['alice accepted the only one ACME shares', { code: '210', entered: false, operator: alice, vendor: 'ACME' }, { source: 'vendor-single', enteredBy: null }],
    ['a code sent unmarked that no default gives was still chosen', { code: '220', entered: false, operator: alice, vendor: 'BOLT' }, { source: 'entered', enteredBy: 1 }],
  ] as const)('new PO: %s', (_name, given, expected) => {
    expect(originOfNewPo({ enabled: true, code: given.code, entered: given.entered, header: header(given.operator, given.vendor), operatorId: 1 })).toEqual(expected);
  });

  it('cost centers off: none', () => {
    expect(originOfNewPo({ enabled: false, code: null, entered: false, header: header(alice, 'BOLT'), operatorId: 1 })).toEqual({ source: 'none', enteredBy: null });
  });

  it.each([
    ['unchanged keeps the recorded origin', '210', { source: 'vendor-single', enteredBy: null }],
    ['a new code is the changer’s entry', '220', { source: 'entered', enteredBy: 2 }],
    ['cleared', null, { source: 'none', enteredBy: null }],
  ] as const)('change: %s', (_name, code, expected) => {
    expect(originOfChangedPo({ costCenterCode: '210', origin: { source: 'vendor-single', enteredBy: null } }, code, 2)).toEqual(expected);
  });

  it.each([
    ['entered', '210', 'Pat Nguyen', 'Cost center 210, entered by Pat Nguyen.'],
    ['operator-single', '210', null, "Cost center 210 was the default: the only one its operator's scheme allowed."],
    ['vendor-single', '410', null, 'Cost center 410 was the default: the only one the vendor shared with its operator.'],
    ['sticky', '220', null, 'Cost center 220 was the default: the first one its operator entered in that session.'],
    ['unrecorded', '210', null, 'Cost center 210; how it was set was not recorded (saved before the desk kept track).'],
  ] as const)('%s reads "%s"', (source, code, name, text) => {
    expect(originText(source, code, name)).toBe(text);
  });
});
