import { describe, expect, it } from 'vitest';
import type { CostCenter, OperatorScope } from '../../src/main/domain/cost-center-rules';
import {
  type LineContext,
  type LineDraftFacts,
  type LineVerdict,
  resolveLine,
  type StoredLineFacts,
  type WorkOrderFacts,
} from '../../src/main/domain/distribution-rules';
import { type GlAccountFacts, type OverrideFacts, poCostCenters } from '../../src/main/domain/line-security';

const cc = (code: string, active = true): CostCenter => ({ code, description: `CC ${code}`, active });
const operator: OperatorScope = {
  displayName: 'Alice',
  schemeName: 'NORTH',
  schemeCostCenters: [cc('210'), cc('220'), cc('110')],
  stickyCostCenterCode: null,
};
const catalogue = new Map(['110', '210', '220', '310', '320', '410'].map((code) => [code, cc(code)]));
catalogue.set('500', cc('500', false));

const GL: Record<string, GlAccountFacts> = {
  '5000': { code: '5000', description: 'Materials', wip: false },
  '1400': { code: '1400', description: 'WIP projects', wip: true },
};
const WO: Record<string, WorkOrderFacts> = {
  'WO-2001': { code: 'WO-2001', costCenterCode: '210', jobCode: null, siteAddress: '4 North Way' },
  'WO-2002': { code: 'WO-2002', costCenterCode: '220', jobCode: 'J-200', siteAddress: '' },
  'WO-1001': { code: 'WO-1001', costCenterCode: '310', jobCode: 'J-100', siteAddress: '12 Harbour Rd' },
  'WO-5001': { code: 'WO-5001', costCenterCode: '500', jobCode: null, siteAddress: '' },
};
const JOBS: Record<string, { code: string; siteAddress: string }> = {
  'J-100': { code: 'J-100', siteAddress: '12 Harbour Rd' },
  'J-200': { code: 'J-200', siteAddress: '4 North Way' },
};
const WIP_1400: OverrideFacts = { key: '1400', costCenters: [cc('220')] };

interface DraftSpec {
  type?: LineDraftFacts['distributionType'];
  job?: string | null;
  workOrder?: string | null;
  costType?: string | null;
  gl?: string | null;
  costCenter?: string | null;
}

/** A draft line whose codes are looked up in the little catalogue above; unknown codes stay unknown. */
function draft(spec: DraftSpec = {}): LineDraftFacts {
  const { type = 'expense', job = null, workOrder = null, costType = null, gl = '5000', costCenter = null } = spec;
  return {
    lineNumber: 2,
    distributionType: type,
    jobCode: job,
    job: job === null ? undefined : JOBS[job],
    workOrderCode: workOrder,
    workOrder: workOrder === null ? undefined : WO[workOrder],
    costTypeCode: costType,
    costTypeKnown: costType !== null && ['L', 'M', 'S'].includes(costType),
    glAccountCode: gl,
    glAccount: gl === null ? undefined : GL[gl],
    costCenterCode: costCenter,
  };
}

const stored = (costCenterCode: string | null, workOrderCode: string | null = null, gl = '5000'): StoredLineFacts => ({
  lineNumber: 2,
  workOrderCode,
  glAccount: GL[gl],
  costCenterCode,
});

function context(change: Partial<LineContext> = {}): LineContext {
  return {
    costCentersEnabled: true,
    headerCostCenterCode: '210',
    poList: poCostCenters('new', { operator, warehouseOverride: null, siteOverride: null }),
    glWipOverride: null,
    storedGlWipOverride: null,
    costCenters: catalogue,
    ...change,
  };
}

type Expected = Partial<Pick<LineVerdict, 'status' | 'field' | 'rule' | 'costCenterCode' | 'costCenterOrigin' | 'costCenterEditable' | 'jobCode'>> & {
  reason?: string | RegExp;
};

function check(verdict: LineVerdict, expected: Expected): void {
  const { reason, ...rest } = expected;
  expect(verdict).toMatchObject(rest);
  if (typeof reason === 'string') expect(verdict.reason).toBe(reason);
  else if (reason) expect(verdict.reason).toMatch(reason);
}

describe('rule 1: a work order re-derives the line’s cost center', () => {
  it.each<[string, DraftSpec, StoredLineFacts | undefined, Expected]>([
    ['a new line takes its work order’s cost center', { workOrder: 'WO-2001' }, undefined, { status: 'ok', costCenterCode: '210', costCenterOrigin: 'work-order', reason: 'From work order WO-2001.' }],
    ['a changed work order re-derives it', { workOrder: 'WO-2002', costCenter: null }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order', jobCode: 'J-200' }],
    ['the old cost center sent with a new work order still gives way when it equals the new one', { workOrder: 'WO-2002', costCenter: '220' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order' }],
    ['an unchanged work order keeps an entered cost center', { workOrder: 'WO-2001', costCenter: '220' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'entered' }],
    [
      'a work order outside the list is refused; the line keeps what it had',
      { workOrder: 'WO-1001' },
      stored('220', 'WO-2002'),
      {
        status: 'refused',
        field: 'workOrderCode',
        rule: 'work-order-cost-center',
        costCenterCode: '220',
        reason: 'Line 2: work order WO-1001 charges cost center 310; your scheme NORTH allows 210, 220, 110. The line keeps work order WO-2002 and cost center 220.',
      },
    ],
    ['a refused work order on a new line keeps nothing', { workOrder: 'WO-1001' }, undefined, { status: 'refused', field: 'workOrderCode', costCenterCode: null, reason: /The line keeps no work order\.$/ }],
    ['a work order whose cost center is inactive', { workOrder: 'WO-5001' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'work-order-cost-center' }],
  ])('%s', (_name, spec, storedLine, expected) => check(resolveLine(context(), draft(spec), storedLine), expected));

  it('says what the row showed when the renderer tells it, rather than what is stored', () => {
    const verdict = resolveLine(context(), draft({ workOrder: 'WO-1001' }), undefined, { workOrderCode: 'WO-2002', costCenterCode: '220' });
    expect(verdict).toMatchObject({ status: 'refused', costCenterCode: '220' });
    expect(verdict.reason).toContain('The line keeps work order WO-2002 and cost center 220.');
  });

  it('judges the work order against a warehouse override on a new PO', () => {
    const harbour = poCostCenters('new', { operator, warehouseOverride: { key: 'HARBOUR', costCenters: [cc('310'), cc('320')] }, siteOverride: null });
    check(resolveLine(context({ poList: harbour, headerCostCenterCode: '310' }), draft({ workOrder: 'WO-1001' }), undefined), {
      status: 'ok',
      costCenterCode: '310',
    });
  });
});

describe('rule 2: direct work-order cost lines', () => {
  it.each<[string, DraftSpec, StoredLineFacts | undefined, Expected]>([
    ['take the work order’s cost center, read-only', { type: 'direct-wo-cost', workOrder: 'WO-2001' }, undefined, { status: 'ok', costCenterCode: '210', costCenterOrigin: 'direct-work-order', costCenterEditable: false }],
    ['accept the same cost center sent back', { type: 'direct-wo-cost', workOrder: 'WO-2001', costCenter: '210' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '210' }],
    [
      'refuse a payload that sets another',
      { type: 'direct-wo-cost', workOrder: 'WO-2001', costCenter: '220' },
      stored('210', 'WO-2001'),
      {
        status: 'refused',
        field: 'costCenterCode',
        rule: 'direct-cost-read-only',
        costCenterCode: '210',
        reason: 'Line 2 is direct work-order cost: its cost center comes from work order WO-2001 (210) and cannot be set to 220.',
      },
    ],
    ['need a work order', { type: 'direct-wo-cost' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'distribution-type', reason: 'Line 2: a direct work-order cost line needs a work order.' }],
    ['are refused when the work order’s cost center is outside the list, even unchanged', { type: 'direct-wo-cost', workOrder: 'WO-1001' }, undefined, { status: 'refused', rule: 'work-order-cost-center' }],
  ])('%s', (_name, spec, storedLine, expected) => check(resolveLine(context(), draft(spec), storedLine), expected));

  it('keeps other lines’ cost centers editable', () => {
    expect(resolveLine(context(), draft({ workOrder: 'WO-2001' }), undefined).costCenterEditable).toBe(true);
  });
});

describe('rule 3: what a line must carry', () => {
  it.each<[string, DraftSpec, Expected]>([
    ['an unknown job', { job: 'J-999' }, { status: 'refused', field: 'jobCode', rule: 'reference-exists', reason: 'Line 2: job J-999 does not exist.' }],
    ['an unknown work order', { workOrder: 'WO-9' }, { status: 'refused', field: 'workOrderCode', reason: 'Line 2: work order WO-9 does not exist.' }],
    ['an unknown cost type', { job: 'J-200', costType: 'Z' }, { status: 'refused', field: 'costTypeCode', reason: 'Line 2: cost type Z does not exist.' }],
    ['no G/L account', { gl: null }, { status: 'refused', field: 'glAccountCode', reason: 'Line 2: choose a G/L account.' }],
    ['an unknown G/L account', { gl: '9999' }, { status: 'refused', field: 'glAccountCode', reason: 'Line 2: G/L account 9999 does not exist.' }],
    ['a job-cost line without a job', { type: 'job-cost' }, { status: 'refused', field: 'jobCode', rule: 'distribution-type', reason: 'Line 2: a job-cost line needs a job.' }],
    ['a job-cost line whose work order brings the job', { type: 'job-cost', workOrder: 'WO-2002' }, { status: 'ok', jobCode: 'J-200' }],
    ['a job-cost line with its job and cost type', { type: 'job-cost', job: 'J-200', costType: 'M' }, { status: 'ok', jobCode: 'J-200', costCenterCode: '210', costCenterOrigin: 'header' }],
    ['a work order of another job', { job: 'J-100', workOrder: 'WO-2002' }, { status: 'refused', field: 'workOrderCode', reason: 'Line 2: work order WO-2002 belongs to job J-200, not J-100.' }],
    ['a work order of no job under a job', { job: 'J-100', workOrder: 'WO-2001' }, { status: 'refused', field: 'workOrderCode', reason: 'Line 2: work order WO-2001 belongs to no job, not J-100.' }],
    ['a cost type without a job', { costType: 'M' }, { status: 'refused', field: 'costTypeCode', reason: 'Line 2: a cost type belongs to a job; enter the job first.' }],
  ])('%s', (_name, spec, expected) => check(resolveLine(context(), draft(spec), undefined), expected));
});

describe('rule 4: the line’s cost center against the list that governs it', () => {
  it.each<[string, Partial<LineContext>, DraftSpec, Expected]>([
    ['nothing entered, no work order → the PO’s cost center', {}, {}, { status: 'ok', costCenterCode: '210', costCenterOrigin: 'header', reason: "The PO's cost center 210." }],
    ['nothing entered and no PO cost center', { headerCostCenterCode: null }, {}, { status: 'refused', rule: 'cost-center-required', reason: 'Line 2 needs a cost center: pick one from 210, 220, 110.' }],
    ['an entered cost center inside the list', {}, { costCenter: '220' }, { status: 'ok', costCenterCode: '220', costCenterOrigin: 'entered', reason: 'Cost center 220 as entered.' }],
    ['an entered cost center outside the scheme', {}, { costCenter: '410' }, { status: 'refused', field: 'costCenterCode', rule: 'scheme-cost-centers', reason: 'Line 2: your scheme NORTH allows 210, 220, 110; this line is 410.' }],
    ['an unknown cost center', {}, { costCenter: '999' }, { status: 'refused', rule: 'reference-exists', reason: 'Line 2: cost center 999 does not exist.' }],
    ['an inactive cost center', {}, { costCenter: '500' }, { status: 'refused', rule: 'cost-center-active', reason: 'Line 2: cost center 500 is inactive.' }],
    ['a WIP G/L account with an override refuses the PO’s cost center', { glWipOverride: WIP_1400 }, { gl: '1400' }, { status: 'refused', field: 'costCenterCode', rule: 'gl-wip-override', reason: 'Line 2: WIP G/L account 1400 allows 220; this line is 210.' }],
    ['a WIP G/L account with an override accepts its own', { glWipOverride: WIP_1400 }, { gl: '1400', costCenter: '220' }, { status: 'ok', costCenterCode: '220', reason: 'Cost center 220 as entered. WIP G/L account 1400 allows 220.' }],
    ['a WIP G/L account without an override follows the PO list', {}, { gl: '1400', costCenter: '110' }, { status: 'ok', costCenterCode: '110' }],
    ['cost centers off: none sent, none kept', { costCentersEnabled: false }, {}, { status: 'ok', costCenterCode: null, rule: 'cost-centers-off', costCenterEditable: false }],
    ['cost centers off: one sent is refused', { costCentersEnabled: false }, { costCenter: '210' }, { status: 'refused', field: 'costCenterCode', rule: 'cost-centers-off' }],
  ])('%s', (_name, change, spec, expected) => check(resolveLine(context(change), draft(spec), undefined), expected));
});

describe('rule 5: a stored line is judged as stored before its new values', () => {
  it('refuses a change to a line outside the operator’s list, whatever the new values', () => {
    check(resolveLine(context(), draft({ costCenter: '210' }), stored('410')), {
      status: 'refused',
      field: null,
      rule: 'scheme-cost-centers',
      costCenterCode: '410',
      reason: 'Line 2 cannot be changed: your scheme NORTH allows 210, 220, 110; this line is 410.',
    });
  });

  it('judges the stored line by its stored G/L account’s WIP override, not the new one', () => {
    const ctx = context({ storedGlWipOverride: WIP_1400, glWipOverride: null });
    check(resolveLine(ctx, draft({ gl: '5000', costCenter: '210' }), stored('210', null, '1400')), {
      status: 'refused',
      rule: 'gl-wip-override',
      reason: 'Line 2 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.',
    });
    check(resolveLine(ctx, draft({ gl: '5000', costCenter: '210' }), stored('220', null, '1400')), { status: 'ok', costCenterCode: '210' });
  });

  it('lets a stored line without a cost center be given one', () => {
    check(resolveLine(context(), draft({ costCenter: '220' }), stored(null)), { status: 'ok', costCenterCode: '220' });
  });

  it('under a site override, judges both the stored and the new cost center by the site', () => {
    const site = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: { key: '12 Harbour Rd', costCenters: [cc('310'), cc('320')] } });
    const ctx = context({ poList: site, headerCostCenterCode: '310' });
    check(resolveLine(ctx, draft({ costCenter: '320' }), stored('310')), { status: 'ok', costCenterCode: '320' });
    check(resolveLine(ctx, draft({ costCenter: '320' }), stored('410')), { status: 'refused', rule: 'site-override', reason: /site 12 Harbour Rd allows 310, 320; this line is 410/ });
    check(resolveLine(ctx, draft({ costCenter: '210' }), stored('310')), { status: 'refused', rule: 'site-override', reason: 'Line 2: site 12 Harbour Rd allows 310, 320; this line is 210.' });
  });
});
