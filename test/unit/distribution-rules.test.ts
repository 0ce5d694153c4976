import { describe, expect, it } from 'vitest';
import type { CostCenter, OperatorScope } from '../../src/main/domain/cost-center-rules';
import {
  type LineContext,
  type LineDraftFacts,
  type LineVerdict,
  type PreviousLineValues,
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
const SCHEME = poCostCenters('new', { operator, warehouseOverride: null, siteOverride: null });
const HARBOUR_SITE = poCostCenters('change', { operator, warehouseOverride: null, siteOverride: { key: '12 Harbour Rd', costCenters: [cc('310'), cc('320')] } });
const HARBOUR_WAREHOUSE = poCostCenters('new', { operator, warehouseOverride: { key: 'HARBOUR', costCenters: [cc('310'), cc('320')] }, siteOverride: null });

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
    poList: SCHEME,
    glWipOverride: null,
    storedGlWipOverride: null,
    costCenters: catalogue,
    ...change,
  };
}

type Expected = Partial<Pick<LineVerdict, 'status' | 'field' | 'rule' | 'costCenterCode' | 'costCenterOrigin' | 'costCenterEditable' | 'jobCode'>> & {
  reason?: string | RegExp;
  /** The label of the list the verdict was judged against. */
  listLabel?: string;
};

function check(verdict: LineVerdict, expected: Expected): void {
  const { reason, listLabel, ...rest } = expected;
  expect(verdict).toMatchObject(rest);
  if (typeof reason === 'string') expect(verdict.reason).toBe(reason);
  else if (reason) expect(verdict.reason).toMatch(reason);
  if (listLabel !== undefined) expect(verdict.list.label).toBe(listLabel);
}

describe('rule 1: a work order re-derives the line’s cost center', () => {
  it.each<[string, Partial<LineContext>, DraftSpec, StoredLineFacts | undefined, Expected]>([
    [
      'a new line takes its work order’s cost center',
      {},
      { workOrder: 'WO-2001' },
      undefined,
      { status: 'ok', field: null, rule: 'work-order', costCenterCode: '210', costCenterOrigin: 'work-order', costCenterEditable: true, jobCode: null, reason: 'From work order WO-2001.' },
    ],
    ['a new line takes its work order’s job as well', {}, { workOrder: 'WO-2002' }, undefined, { status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order', jobCode: 'J-200' }],
    ['the work order beats the PO’s cost center', { headerCostCenterCode: '220' }, { workOrder: 'WO-2001' }, undefined, { status: 'ok', costCenterCode: '210', costCenterOrigin: 'work-order' }],
    ['a changed work order re-derives it', {}, { workOrder: 'WO-2002', costCenter: null }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order', jobCode: 'J-200', reason: 'From work order WO-2002.' }],
    ['a work order set on a stored line that had none re-derives it', {}, { workOrder: 'WO-2002' }, stored('210'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order' }],
    ['the old cost center sent with a new work order still gives way when it equals the new one', {}, { workOrder: 'WO-2002', costCenter: '220' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order' }],
    // The renderer clears the cost center when the work order changes; one typed afterwards is the operator's say.
    ['a changed work order with a different cost center entered keeps the entered one', {}, { workOrder: 'WO-2002', costCenter: '110' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '110', costCenterOrigin: 'entered', jobCode: 'J-200' }],
    ['an unchanged work order keeps an entered cost center', {}, { workOrder: 'WO-2001', costCenter: '220' }, stored('210', 'WO-2001'), { status: 'ok', rule: 'entered', costCenterCode: '220', costCenterOrigin: 'entered', reason: 'Cost center 220 as entered.' }],
    ['an unchanged work order with nothing entered gives its cost center', {}, { workOrder: 'WO-2001' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '210', costCenterOrigin: 'work-order' }],
    ['an unchanged work order outside the list is not re-judged when another cost center is entered', {}, { workOrder: 'WO-1001', costCenter: '220' }, stored('220', 'WO-1001'), { status: 'ok', costCenterCode: '220', costCenterOrigin: 'entered' }],
    [
      'an unchanged work order outside the list, nothing entered: its cost center is refused as the line’s',
      {},
      { workOrder: 'WO-1001' },
      stored('220', 'WO-1001'),
      { status: 'refused', field: 'costCenterCode', rule: 'scheme-cost-centers', costCenterCode: '220', reason: 'Line 2: your scheme NORTH allows 210, 220, 110; this line is 310.' },
    ],
    [
      'a work order outside the list is refused; the line keeps what it had',
      {},
      { workOrder: 'WO-1001' },
      stored('220', 'WO-2002'),
      {
        status: 'refused',
        field: 'workOrderCode',
        rule: 'work-order-cost-center',
        costCenterCode: '220',
        costCenterOrigin: 'none',
        costCenterEditable: true,
        jobCode: 'J-100',
        reason: 'Line 2: work order WO-1001 charges cost center 310; your scheme NORTH allows 210, 220, 110. The line keeps work order WO-2002 and cost center 220.',
      },
    ],
    [
      'a refused work order on a stored line with neither keeps neither',
      {},
      { workOrder: 'WO-1001' },
      stored(null),
      { status: 'refused', field: 'workOrderCode', costCenterCode: null, reason: /The line keeps no work order and no cost center\.$/ },
    ],
    ['a refused work order on a new line keeps nothing', {}, { workOrder: 'WO-1001' }, undefined, { status: 'refused', field: 'workOrderCode', costCenterCode: null, reason: /The line keeps no work order\.$/ }],
    ['a refused work order even when a cost center inside the list is entered', {}, { workOrder: 'WO-1001', costCenter: '210' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'work-order-cost-center' }],
    ['a work order whose cost center is inactive', {}, { workOrder: 'WO-5001' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'work-order-cost-center' }],
    [
      'a work order outside a WIP override is refused naming the WIP account',
      { glWipOverride: WIP_1400 },
      { workOrder: 'WO-2001', gl: '1400' },
      undefined,
      {
        status: 'refused',
        field: 'workOrderCode',
        rule: 'work-order-cost-center',
        listLabel: 'WIP G/L account 1400',
        reason: 'Line 2: work order WO-2001 charges cost center 210; WIP G/L account 1400 allows 220. The line keeps no work order.',
      },
    ],
    ['a work order inside a WIP override is accepted', { glWipOverride: WIP_1400 }, { workOrder: 'WO-2002', gl: '1400' }, undefined, { status: 'ok', costCenterCode: '220', listLabel: 'WIP G/L account 1400' }],
    [
      'a work order outside a site override is refused naming the site',
      { poList: HARBOUR_SITE, headerCostCenterCode: '310' },
      { workOrder: 'WO-2002' },
      stored('310', 'WO-1001'),
      { status: 'refused', field: 'workOrderCode', reason: 'Line 2: work order WO-2002 charges cost center 220; site 12 Harbour Rd allows 310, 320. The line keeps work order WO-1001 and cost center 310.' },
    ],
    ['a work order inside a warehouse override on a new PO', { poList: HARBOUR_WAREHOUSE, headerCostCenterCode: '310' }, { workOrder: 'WO-1001' }, undefined, { status: 'ok', costCenterCode: '310', jobCode: 'J-100' }],
  ])('%s', (_name, change, spec, storedLine, expected) => check(resolveLine(context(change), draft(spec), storedLine), expected));

  it.each<[string, PreviousLineValues, string]>([
    ['a work order and a cost center', { workOrderCode: 'WO-2002', costCenterCode: '220' }, 'The line keeps work order WO-2002 and cost center 220.'],
    ['only a cost center', { workOrderCode: null, costCenterCode: '110' }, 'The line keeps no work order and cost center 110.'],
  ])('says what the row showed (%s) when the renderer tells it, rather than what is stored', (_name, previous, keeps) => {
    const verdict = resolveLine(context(), draft({ workOrder: 'WO-1001' }), stored('210', 'WO-2001'), previous);
    expect(verdict).toMatchObject({ status: 'refused', field: 'workOrderCode', costCenterCode: previous.costCenterCode });
    expect(verdict.reason).toBe(`Line 2: work order WO-1001 charges cost center 310; your scheme NORTH allows 210, 220, 110. ${keeps}`);
  });
});

describe('rule 2: direct work-order cost lines', () => {
  const DIRECT_REASON = "From work order WO-2001: a direct work-order cost line always takes its work order's cost center.";
  it.each<[string, Partial<LineContext>, DraftSpec, StoredLineFacts | undefined, Expected]>([
    [
      'take the work order’s cost center, read-only',
      {},
      { type: 'direct-wo-cost', workOrder: 'WO-2001' },
      undefined,
      { status: 'ok', rule: 'direct-work-order', costCenterCode: '210', costCenterOrigin: 'direct-work-order', costCenterEditable: false, reason: DIRECT_REASON },
    ],
    ['take it over the PO’s cost center', { headerCostCenterCode: '220' }, { type: 'direct-wo-cost', workOrder: 'WO-2001' }, undefined, { status: 'ok', costCenterCode: '210', costCenterOrigin: 'direct-work-order' }],
    ['accept a payload with no cost center on a stored line', {}, { type: 'direct-wo-cost', workOrder: 'WO-2001', costCenter: null }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '210', costCenterOrigin: 'direct-work-order', costCenterEditable: false }],
    ['accept the same cost center sent back', {}, { type: 'direct-wo-cost', workOrder: 'WO-2001', costCenter: '210' }, stored('210', 'WO-2001'), { status: 'ok', costCenterCode: '210', costCenterOrigin: 'direct-work-order', costCenterEditable: false }],
    [
      'refuse a payload that sets another',
      {},
      { type: 'direct-wo-cost', workOrder: 'WO-2001', costCenter: '220' },
      stored('210', 'WO-2001'),
      {
        status: 'refused',
        field: 'costCenterCode',
        rule: 'direct-cost-read-only',
        costCenterCode: '210',
        costCenterEditable: false,
        reason: 'Line 2 is direct work-order cost: its cost center comes from work order WO-2001 (210) and cannot be set to 220.',
      },
    ],
    [
      'refuse a payload that sets another on a new line',
      {},
      { type: 'direct-wo-cost', workOrder: 'WO-2002', costCenter: '210' },
      undefined,
      { status: 'refused', field: 'costCenterCode', rule: 'direct-cost-read-only', costCenterCode: null, reason: 'Line 2 is direct work-order cost: its cost center comes from work order WO-2002 (220) and cannot be set to 210.' },
    ],
    ['refuse a payload that sets an unknown one as read-only first', {}, { type: 'direct-wo-cost', workOrder: 'WO-2001', costCenter: '999' }, undefined, { status: 'refused', field: 'costCenterCode', rule: 'direct-cost-read-only' }],
    [
      'need a work order',
      {},
      { type: 'direct-wo-cost' },
      undefined,
      { status: 'refused', field: 'workOrderCode', rule: 'distribution-type', costCenterEditable: false, reason: 'Line 2: a direct work-order cost line needs a work order.' },
    ],
    ['need a work order even with a cost center entered', {}, { type: 'direct-wo-cost', costCenter: '210' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'distribution-type' }],
    [
      'are refused when the work order’s cost center is outside the list, even unchanged',
      { poList: HARBOUR_SITE },
      { type: 'direct-wo-cost', workOrder: 'WO-2001' },
      stored(null, 'WO-2001'),
      { status: 'refused', field: 'workOrderCode', rule: 'work-order-cost-center', costCenterEditable: false, reason: /^Line 2: work order WO-2001 charges cost center 210; site 12 Harbour Rd allows 310, 320\./ },
    ],
    ['are refused on a new line whose work order is outside the list', {}, { type: 'direct-wo-cost', workOrder: 'WO-1001' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'work-order-cost-center' }],
    ['answer to a WIP override too', { glWipOverride: WIP_1400 }, { type: 'direct-wo-cost', workOrder: 'WO-2001', gl: '1400' }, undefined, { status: 'refused', field: 'workOrderCode', rule: 'work-order-cost-center', listLabel: 'WIP G/L account 1400' }],
    ['with cost centers off take no cost center', { costCentersEnabled: false }, { type: 'direct-wo-cost', workOrder: 'WO-2001' }, undefined, { status: 'ok', costCenterCode: null, costCenterOrigin: 'none', costCenterEditable: false, rule: 'cost-centers-off' }],
  ])('%s', (_name, change, spec, storedLine, expected) => check(resolveLine(context(change), draft(spec), storedLine), expected));

  it.each<[string, DraftSpec]>([
    ['an expense line with a work order', { workOrder: 'WO-2001' }],
    ['a job-cost line with a work order', { type: 'job-cost', workOrder: 'WO-2002' }],
    ['an expense line without a work order', {}],
  ])('keeps the cost center editable on %s', (_name, spec) => {
    expect(resolveLine(context(), draft(spec), undefined).costCenterEditable).toBe(true);
  });
});

describe('rule 3: what a line must carry', () => {
  it.each<[string, DraftSpec, Expected]>([
    ['an unknown job', { job: 'J-999' }, { status: 'refused', field: 'jobCode', rule: 'reference-exists', reason: 'Line 2: job J-999 does not exist.' }],
    ['an unknown work order', { workOrder: 'WO-9' }, { status: 'refused', field: 'workOrderCode', rule: 'reference-exists', reason: 'Line 2: work order WO-9 does not exist.' }],
    ['an unknown cost type', { job: 'J-200', costType: 'Z' }, { status: 'refused', field: 'costTypeCode', rule: 'reference-exists', reason: 'Line 2: cost type Z does not exist.' }],
    ['no G/L account', { gl: null }, { status: 'refused', field: 'glAccountCode', rule: 'reference-exists', reason: 'Line 2: choose a G/L account.' }],
    ['an unknown G/L account', { gl: '9999' }, { status: 'refused', field: 'glAccountCode', rule: 'reference-exists', reason: 'Line 2: G/L account 9999 does not exist.' }],
    ['an unknown job is named before a missing G/L account', { job: 'J-999', gl: null }, { status: 'refused', field: 'jobCode', rule: 'reference-exists' }],
    ['a missing G/L account is named before a missing job', { type: 'job-cost', gl: null }, { status: 'refused', field: 'glAccountCode', rule: 'reference-exists' }],
    ['a job-cost line without a job', { type: 'job-cost' }, { status: 'refused', field: 'jobCode', rule: 'distribution-type', costCenterCode: null, reason: 'Line 2: a job-cost line needs a job.' }],
    ['a job-cost line whose work order has no job', { type: 'job-cost', workOrder: 'WO-2001' }, { status: 'refused', field: 'jobCode', rule: 'distribution-type', reason: 'Line 2: a job-cost line needs a job.' }],
    ['a job-cost line whose work order brings the job', { type: 'job-cost', workOrder: 'WO-2002' }, { status: 'ok', jobCode: 'J-200', costCenterCode: '220', costCenterOrigin: 'work-order' }],
    ['a job-cost line with its job and cost type', { type: 'job-cost', job: 'J-200', costType: 'M' }, { status: 'ok', jobCode: 'J-200', costCenterCode: '210', costCenterOrigin: 'header' }],
    ['a job-cost line with its job and that job’s work order', { type: 'job-cost', job: 'J-200', workOrder: 'WO-2002' }, { status: 'ok', jobCode: 'J-200', costCenterCode: '220' }],
    ['a work order of another job', { job: 'J-100', workOrder: 'WO-2002' }, { status: 'refused', field: 'workOrderCode', rule: 'distribution-type', jobCode: 'J-100', reason: 'Line 2: work order WO-2002 belongs to job J-200, not J-100.' }],
    ['a work order of no job under a job', { job: 'J-100', workOrder: 'WO-2001' }, { status: 'refused', field: 'workOrderCode', rule: 'distribution-type', reason: 'Line 2: work order WO-2001 belongs to no job, not J-100.' }],
    ['a cost type without a job', { costType: 'M' }, { status: 'refused', field: 'costTypeCode', rule: 'distribution-type', reason: 'Line 2: a cost type belongs to a job; enter the job first.' }],
    ['a cost type whose job comes from the work order', { costType: 'M', workOrder: 'WO-2002' }, { status: 'ok', jobCode: 'J-200' }],
    ['an expense line needs neither job nor work order', {}, { status: 'ok', jobCode: null, costCenterCode: '210' }],
  ])('%s', (_name, spec, expected) => check(resolveLine(context(), draft(spec), undefined), expected));

  it('still checks references and distribution types with cost centers off', () => {
    check(resolveLine(context({ costCentersEnabled: false }), draft({ job: 'J-999' }), undefined), { status: 'refused', field: 'jobCode', rule: 'reference-exists' });
    check(resolveLine(context({ costCentersEnabled: false }), draft({ type: 'job-cost' }), undefined), { status: 'refused', field: 'jobCode', rule: 'distribution-type' });
    check(resolveLine(context({ costCentersEnabled: false }), draft({ gl: null }), undefined), { status: 'refused', field: 'glAccountCode' });
  });
});

describe('rule 4: the line’s cost center against the list that governs it', () => {
  it.each<[string, Partial<LineContext>, DraftSpec, Expected]>([
    ['nothing entered, no work order → the PO’s cost center', {}, {}, { status: 'ok', rule: 'header', costCenterCode: '210', costCenterOrigin: 'header', reason: "The PO's cost center 210." }],
    [
      'nothing entered and no PO cost center',
      { headerCostCenterCode: null },
      {},
      { status: 'refused', field: 'costCenterCode', rule: 'cost-center-required', costCenterCode: null, costCenterOrigin: 'none', reason: 'Line 2 needs a cost center: pick one from 210, 220, 110.' },
    ],
    [
      'nothing entered and no PO cost center on a WIP line lists the WIP override',
      { headerCostCenterCode: null, glWipOverride: WIP_1400 },
      { gl: '1400' },
      { status: 'refused', field: 'costCenterCode', rule: 'cost-center-required', reason: 'Line 2 needs a cost center: pick one from 220.' },
    ],
    ['an entered cost center inside the list', {}, { costCenter: '220' }, { status: 'ok', rule: 'entered', costCenterCode: '220', costCenterOrigin: 'entered', costCenterEditable: true, reason: 'Cost center 220 as entered.' }],
    ['an entered cost center beats the PO’s', { headerCostCenterCode: '110' }, { costCenter: '220' }, { status: 'ok', costCenterCode: '220', costCenterOrigin: 'entered' }],
    ['an entered cost center outside the scheme', {}, { costCenter: '410' }, { status: 'refused', field: 'costCenterCode', rule: 'scheme-cost-centers', reason: 'Line 2: your scheme NORTH allows 210, 220, 110; this line is 410.' }],
    // The header rules refuse that cost center, beside the header field; the line does not say it again.
    ['the PO’s cost center outside the scheme is the header’s to refuse', { headerCostCenterCode: '410' }, {}, { status: 'ok', rule: 'header', costCenterCode: '410', costCenterOrigin: 'header' }],
    ['the PO’s cost center outside a warehouse override is the header’s to refuse', { poList: HARBOUR_WAREHOUSE, headerCostCenterCode: '210' }, {}, { status: 'ok', costCenterCode: '210', costCenterOrigin: 'header' }],
    ['an entered cost center outside a warehouse override is the line’s', { poList: HARBOUR_WAREHOUSE, headerCostCenterCode: '310' }, { costCenter: '210' }, { status: 'refused', field: 'costCenterCode', rule: 'warehouse-override' }],
    ['an unknown cost center', {}, { costCenter: '999' }, { status: 'refused', field: 'costCenterCode', rule: 'reference-exists', reason: 'Line 2: cost center 999 does not exist.' }],
    ['an inactive cost center', {}, { costCenter: '500' }, { status: 'refused', field: 'costCenterCode', rule: 'cost-center-active', reason: 'Line 2: cost center 500 is inactive.' }],
    ['an inactive PO cost center', { headerCostCenterCode: '500' }, {}, { status: 'refused', field: 'costCenterCode', rule: 'cost-center-active', reason: 'Line 2: cost center 500 is inactive.' }],
    [
      'a WIP G/L account with an override refuses the PO’s cost center',
      { glWipOverride: WIP_1400 },
      { gl: '1400' },
      { status: 'refused', field: 'costCenterCode', rule: 'gl-wip-override', listLabel: 'WIP G/L account 1400', reason: 'Line 2: WIP G/L account 1400 allows 220; this line is 210.' },
    ],
    [
      'a WIP G/L account with an override refuses an entered cost center outside it',
      { glWipOverride: WIP_1400 },
      { gl: '1400', costCenter: '110' },
      { status: 'refused', field: 'costCenterCode', rule: 'gl-wip-override', reason: 'Line 2: WIP G/L account 1400 allows 220; this line is 110.' },
    ],
    [
      'a WIP G/L account with an override accepts its own',
      { glWipOverride: WIP_1400 },
      { gl: '1400', costCenter: '220' },
      { status: 'ok', costCenterCode: '220', listLabel: 'WIP G/L account 1400', reason: 'Cost center 220 as entered. WIP G/L account 1400 allows 220.' },
    ],
    [
      'a WIP override supersedes a site override',
      { poList: HARBOUR_SITE, headerCostCenterCode: '310', glWipOverride: WIP_1400 },
      { gl: '1400', costCenter: '220' },
      { status: 'ok', costCenterCode: '220', listLabel: 'WIP G/L account 1400' },
    ],
    ['a WIP G/L account without an override follows the PO list', {}, { gl: '1400', costCenter: '110' }, { status: 'ok', costCenterCode: '110', listLabel: 'your scheme NORTH' }],
    ['a non-WIP G/L account ignores an override passed for it', { glWipOverride: WIP_1400 }, { gl: '5000', costCenter: '110' }, { status: 'ok', costCenterCode: '110', listLabel: 'your scheme NORTH' }],
    [
      'a site override names itself when accepting',
      { poList: HARBOUR_SITE, headerCostCenterCode: '310' },
      { costCenter: '320' },
      { status: 'ok', costCenterCode: '320', reason: 'Cost center 320 as entered. Site 12 Harbour Rd allows 310, 320.' },
    ],
    [
      'a warehouse override refuses a scheme cost center',
      { poList: HARBOUR_WAREHOUSE, headerCostCenterCode: '310' },
      { costCenter: '210' },
      { status: 'refused', field: 'costCenterCode', rule: 'warehouse-override', reason: 'Line 2: the override for warehouse HARBOUR allows 310, 320; this line is 210.' },
    ],
    ['cost centers off: none sent, none kept', { costCentersEnabled: false }, {}, { status: 'ok', field: null, costCenterCode: null, costCenterOrigin: 'none', rule: 'cost-centers-off', costCenterEditable: false, reason: 'Cost centers are turned off.' }],
    ['cost centers off: a work order gives none', { costCentersEnabled: false }, { workOrder: 'WO-1001' }, { status: 'ok', costCenterCode: null, rule: 'cost-centers-off', jobCode: 'J-100' }],
    [
      'cost centers off: one sent is refused',
      { costCentersEnabled: false },
      { costCenter: '210' },
      { status: 'refused', field: 'costCenterCode', rule: 'cost-centers-off', costCenterEditable: false, reason: 'Line 2: cost centers are turned off; leave the cost center empty.' },
    ],
  ])('%s', (_name, change, spec, expected) => check(resolveLine(context(change), draft(spec), undefined), expected));
});

describe('rule 5: a stored line is judged as stored before its new values', () => {
  const OUTSIDE = 'Line 2 cannot be changed: your scheme NORTH allows 210, 220, 110; this line is 410.';
  it.each<[string, DraftSpec]>([
    ['new values that are fine', { costCenter: '210' }],
    ['nothing entered', {}],
    ['an unknown job', { job: 'J-999' }],
    ['no G/L account', { gl: null }],
    ['a direct line without a work order', { type: 'direct-wo-cost' }],
    ['a work order outside the list', { workOrder: 'WO-1001' }],
    ['an unknown cost center', { costCenter: '999' }],
  ])('refuses a change to a line outside the operator’s list, whatever the new values: %s', (_name, spec) => {
    check(resolveLine(context(), draft(spec), stored('410')), {
      status: 'refused',
      field: null,
      rule: 'scheme-cost-centers',
      costCenterCode: '410',
      costCenterOrigin: 'none',
      listLabel: 'your scheme NORTH',
      reason: OUTSIDE,
    });
  });

  it('judges the stored line by its stored G/L account’s WIP override, not the new one', () => {
    const ctx = context({ storedGlWipOverride: WIP_1400, glWipOverride: null });
    check(resolveLine(ctx, draft({ gl: '5000', costCenter: '210' }), stored('210', null, '1400')), {
      status: 'refused',
      field: null,
      rule: 'gl-wip-override',
      listLabel: 'WIP G/L account 1400',
      reason: 'Line 2 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.',
    });
    check(resolveLine(ctx, draft({ gl: '5000', costCenter: '210' }), stored('220', null, '1400')), { status: 'ok', costCenterCode: '210', listLabel: 'your scheme NORTH' });
  });

  it('does not judge the stored line by the new G/L account’s WIP override', () => {
    // Stored on a plain account with 210; moved to WIP 1400 (override 220) with 220 entered.
    const ctx = context({ storedGlWipOverride: null, glWipOverride: WIP_1400 });
    check(resolveLine(ctx, draft({ gl: '1400', costCenter: '220' }), stored('210', null, '5000')), { status: 'ok', costCenterCode: '220', listLabel: 'WIP G/L account 1400' });
    // The same move keeping 210 passes the stored check but fails the new list.
    check(resolveLine(ctx, draft({ gl: '1400', costCenter: '210' }), stored('210', null, '5000')), {
      status: 'refused',
      field: 'costCenterCode',
      rule: 'gl-wip-override',
      costCenterCode: '210',
      reason: 'Line 2: WIP G/L account 1400 allows 220; this line is 210.',
    });
  });

  it('judges a stored WIP line without a stored override by the PO list', () => {
    const ctx = context({ storedGlWipOverride: null, glWipOverride: WIP_1400 });
    check(resolveLine(ctx, draft({ gl: '5000', costCenter: '110' }), stored('210', null, '1400')), { status: 'ok', costCenterCode: '110' });
  });

  it('lets a stored line without a cost center be given one', () => {
    check(resolveLine(context(), draft({ costCenter: '220' }), stored(null)), { status: 'ok', costCenterCode: '220' });
  });

  it('keeps what the renderer last showed when the stored line is out of reach', () => {
    const verdict = resolveLine(context(), draft({ costCenter: '210' }), stored('410'), { workOrderCode: null, costCenterCode: '110' });
    expect(verdict).toMatchObject({ status: 'refused', field: null, costCenterCode: '110', reason: OUTSIDE });
  });

  it('ignores the stored line’s reach when cost centers are off', () => {
    check(resolveLine(context({ costCentersEnabled: false }), draft(), stored('410')), { status: 'ok', costCenterCode: null, rule: 'cost-centers-off' });
  });

  it('under a site override, judges both the stored and the new cost center by the site', () => {
    const ctx = context({ poList: HARBOUR_SITE, headerCostCenterCode: '310' });
    check(resolveLine(ctx, draft({ costCenter: '320' }), stored('310')), { status: 'ok', costCenterCode: '320' });
    check(resolveLine(ctx, draft({ costCenter: '320' }), stored('410')), { status: 'refused', field: null, rule: 'site-override', reason: 'Line 2 cannot be changed: site 12 Harbour Rd allows 310, 320; this line is 410.' });
    check(resolveLine(ctx, draft({ costCenter: '210' }), stored('310')), { status: 'refused', field: 'costCenterCode', rule: 'site-override', reason: 'Line 2: site 12 Harbour Rd allows 310, 320; this line is 210.' });
  });
});
