import { describe, expect, it } from 'vitest';
import {
  type ApprovalBand,
  type ApprovalRecord,
  type ApprovalRules,
  type Approver,
  type ApproverFacts,
  approvalProgress,
  approvalsInForce,
  approvalsToVoid,
  bandFor,
  bandProblems,
  checkApprover,
  checkRejecter,
  compareStrictness,
  decideApproval,
  decideRejection,
  decideSubmit,
  describeBand,
  poCostCenterCodes,
  type ReviewPo,
} from '../../src/main/domain/approval-rules';
import type { CostCenter } from '../../src/main/domain/cost-center-rules';
import type { PoStatus, RevisionFacts } from '../../src/main/domain/po-lifecycle';

const cc = (code: string, active = true): CostCenter => ({ code, description: `CC ${code}`, active });
const NORTH = [cc('210'), cc('220'), cc('110'), cc('500', false)];

const approver = (id: number, displayName: string, role: Approver['role'], over: Partial<Approver> = {}): Approver => ({
  id,
  displayName,
  role,
  schemeName: 'NORTH',
  schemeCostCenters: NORTH,
  approvalLimitMinor: null,
  ...over,
});
const PAT = approver(4, 'Pat Nguyen', 'operator', { schemeName: 'WIDE' });
const ALICE = approver(1, 'Alice Moreau', 'operator');
const SAM = approver(5, 'Sam Patel', 'supervisor');
const LEE = approver(7, 'Lee Chen', 'supervisor');
const DANA = approver(6, 'Dana Admin', 'admin');
const ROBIN = approver(8, 'Robin Admin', 'admin', { schemeName: 'SOLO', schemeCostCenters: [cc('210')] });

// "From 10,000 one supervisor, from 100,000 two, one of them an admin."
const FROM_10K: ApprovalBand = { id: 1, costCenterCode: null, fromMinor: 1_000_000, approvers: { kind: 'role', role: 'supervisor' }, approvalsRequired: 1, adminRequired: false };
const FROM_100K: ApprovalBand = { id: 2, costCenterCode: null, fromMinor: 10_000_000, approvers: { kind: 'role', role: 'supervisor' }, approvalsRequired: 2, adminRequired: true };
// Fleet (410) has a ladder of its own: looser at the bottom, admins only at the top.
const FLEET_50K: ApprovalBand = {
  id: 3,
  costCenterCode: '410',
  fromMinor: 5_000_000,
  approvers: { kind: 'named', approvers: [{ id: LEE.id, displayName: LEE.displayName, role: 'supervisor' }, { id: DANA.id, displayName: DANA.displayName, role: 'admin' }] },
  approvalsRequired: 1,
  adminRequired: false,
};
const FLEET_500K: ApprovalBand = { id: 4, costCenterCode: '410', fromMinor: 50_000_000, approvers: { kind: 'role', role: 'admin' }, approvalsRequired: 1, adminRequired: false };
const RULES: ApprovalRules = { costCentersEnabled: true, bands: [FROM_100K, FLEET_500K, FROM_10K, FLEET_50K] };

const revision = (totalMinor: number, header: string | null = '210', lineCodes: (string | null)[] = ['210']): RevisionFacts => ({
  revision: 1,
  totalMinor,
  headerCostCenterCode: header,
  lines: lineCodes.map((code, index) => ({ lineKey: index + 100, lineNumber: index + 1, costCenterCode: code })),
});

const reviewPo = (totalMinor: number, header: string | null = '210', lineCodes: (string | null)[] = ['210'], over: Partial<ReviewPo> = {}): ReviewPo => ({
  number: 'PO-000001',
  status: 'submitted',
  operatorId: PAT.id,
  operatorName: PAT.displayName,
  lastReleasedRevision: null,
  changedByIds: [PAT.id],
  ...revision(totalMinor, header, lineCodes),
  ...over,
});

const given = (who: Approver, over: Partial<ApprovalRecord> = {}): ApprovalRecord => ({
  approverId: who.id,
  approverName: who.displayName,
  approverRole: who.role,
  revision: 1,
  voided: false,
  ...over,
});

const facts = (po: ReviewPo, who: Approver, band: ApprovalBand | null, approvals: ApprovalRecord[] = [], over: Partial<ApproverFacts> = {}): ApproverFacts => ({
  po,
  approver: who,
  band,
  approvals,
  costCentersEnabled: true,
  locale: 'en-US',
  ...over,
});

describe('how a band reads', () => {
  it.each<[string, ApprovalBand, string]>([
    ['one supervisor, for all', FROM_10K, 'from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin'],
    ['two with an admin, for all', FROM_100K, 'from 100,000.00 for all cost centers: 2 approvals by supervisors or admins, one of them an admin'],
    ['named people, one cost center', FLEET_50K, 'from 50,000.00 for cost center 410: 1 approval by Lee Chen or Dana Admin'],
    ['admins only', FLEET_500K, 'from 500,000.00 for cost center 410: 1 approval by an admin'],
    ['two admins', { ...FLEET_500K, approvalsRequired: 2, adminRequired: true }, 'from 500,000.00 for cost center 410: 2 approvals by admins'],
    ['two of three named, an admin among them', { ...FLEET_50K, approvalsRequired: 2, adminRequired: true, approvers: { kind: 'named', approvers: [...(FLEET_50K.approvers.kind === 'named' ? FLEET_50K.approvers.approvers : []), { id: SAM.id, displayName: SAM.displayName, role: 'supervisor' }] } }, 'from 50,000.00 for cost center 410: 2 approvals from Lee Chen, Dana Admin and Sam Patel, one of them an admin'],
    ['one supervisor who must be an admin', { ...FROM_10K, adminRequired: true }, 'from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin, an admin'],
  ])('%s', (_name, band, text) => {
    expect(describeBand(band, 'en-US')).toBe(text);
  });

  it("in the reader's locale", () => {
    expect(describeBand(FROM_100K, 'fr-FR')).toBe('from 100\u202f000,00 for all cost centers: 2 approvals by supervisors or admins, one of them an admin');
  });
});

describe('which band applies', () => {
  type Row = [name: string, total: number, header: string | null, lines: (string | null)[], band: ApprovalBand | null];
  it.each<Row>([
    // Edges of the bands for all, on a PO of 210 only.
    ['nothing at all', 0, '210', ['210'], null],
    ['just under 10,000', 999_999, '210', ['210'], null],
    ['at 10,000', 1_000_000, '210', ['210'], FROM_10K],
    ['just over 10,000', 1_000_001, '210', ['210'], FROM_10K],
    ['just under 100,000', 9_999_999, '210', ['210'], FROM_10K],
    ['at 100,000', 10_000_000, '210', ['210'], FROM_100K],
    ['just over 100,000', 10_000_001, '210', ['210'], FROM_100K],
    ['far above every band', 9_000_000_000, '210', ['210'], FROM_100K],
    // Fleet's own ladder replaces the bands for all.
    ['410 at 10,000: its own ladder starts at 50,000', 1_000_000, '410', ['410'], null],
    ['410 just under 50,000', 4_999_999, '410', ['410'], null],
    ['410 at 50,000', 5_000_000, '410', ['410'], FLEET_50K],
    ['410 at 100,000: its own ladder has no two-approval band', 10_000_000, '410', ['410'], FLEET_50K],
    ['410 just under 500,000', 49_999_999, '410', ['410'], FLEET_50K],
    ['410 at 500,000', 50_000_000, '410', ['410'], FLEET_500K],
    // Several cost centers: the strictest band any of them reaches.
    ['210 header, one 410 line, at 20,000: 210 reaches the band for all', 2_000_000, '210', ['210', '410'], FROM_10K],
    ['210 header, one 410 line, at 60,000: one approval each, the named band is narrower', 6_000_000, '210', ['210', '410'], FLEET_50K],
    ['210 header, one 410 line, at 100,000: two approvals beat one', 10_000_000, '210', ['410'], FROM_100K],
    ['410 header, 210 line, at 600,000: two approvals with an admin beat one admin', 60_000_000, '410', ['210'], FROM_100K],
    ['a line alone brings its cost center', 6_000_000, '410', ['410', '410', '220'], FLEET_50K],
    ['no cost center at all: the bands for all', 1_000_000, null, [null], FROM_10K],
    ['a cost center without a ladder of its own, under 10,000', 999_999, '220', ['110'], null],
  ])('%s', (_name, total, header, lines, band) => {
    expect(bandFor(RULES, revision(total, header, lines), 'en-US').band).toEqual(band);
  });

  it('with cost centers turned off, only the bands for all count, even on a fleet PO', () => {
    const off = { ...RULES, costCentersEnabled: false };
    expect(bandFor(off, revision(1_000_000, '410', ['410']), 'en-US')).toEqual({
      band: FROM_10K,
      costCenterCodes: [],
      reason: 'The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 10,000.00.',
    });
  });

  it('without any band, every PO is approved on submit', () => {
    expect(bandFor({ costCentersEnabled: true, bands: [] }, revision(9_000_000_000), 'en-US').band).toBeNull();
  });

  it.each<[string, RevisionFacts, string]>([
    ['under every band', revision(999_999), 'No approval is needed: 9,999.99 is under every approval band for cost center 210.'],
    ['under every band of two cost centers', revision(999_999, '410', ['220']), 'No approval is needed: 9,999.99 is under every approval band for cost centers 410, 220.'],
    ['one band', revision(1_000_000), 'The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 10,000.00.'],
    [
      'the strictest of several',
      revision(6_000_000, '210', ['410']),
      'The band from 50,000.00 for cost center 410: 1 approval by Lee Chen or Dana Admin applies to 60,000.00, the strictest of the bands for cost centers 210, 410.',
    ],
    ['the same band twice is no choice', revision(2_000_000, '210', ['220']), 'The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 20,000.00.'],
  ])('says why: %s', (_name, po, reason) => {
    expect(bandFor(RULES, po, 'en-US').reason).toBe(reason);
  });

  it('ranks strictness: approvals, admin, narrow approvers, amount, own cost center, id', () => {
    const base: ApprovalBand = { id: 10, costCenterCode: null, fromMinor: 100, approvers: { kind: 'role', role: 'supervisor' }, approvalsRequired: 1, adminRequired: false };
    const order: ApprovalBand[] = [
      { ...base, id: 11, approvalsRequired: 2 },
      { ...base, id: 12, adminRequired: true },
      { ...base, id: 13, approvers: { kind: 'role', role: 'admin' } },
      { ...base, id: 14, approvers: { kind: 'named', approvers: [] } },
      { ...base, id: 15, fromMinor: 200 },
      { ...base, id: 16, costCenterCode: '210' },
      { ...base, id: 17 },
      { ...base, id: 18 },
    ];
    expect([...order].reverse().sort(compareStrictness).map((band) => band.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it('takes the header first and each cost center once', () => {
    expect(poCostCenterCodes(revision(0, '220', ['210', null, '220', '410', '210']))).toEqual(['220', '210', '410']);
    expect(poCostCenterCodes(revision(0, null, [null]))).toEqual([]);
  });
});

describe('who may approve now', () => {
  const po210 = reviewPo(2_000_000);
  type Row = [name: string, facts: ApproverFacts, rule: string | null, reason: string];
  it.each<Row>([
    ['a supervisor within scheme and band', facts(po210, SAM, FROM_10K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    ['an admin', facts(po210, DANA, FROM_10K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    [
      'a supervisor approving their own PO',
      facts(reviewPo(2_000_000, '210', ['210'], { operatorId: SAM.id, operatorName: SAM.displayName }), SAM, FROM_10K),
      'own-po',
      'You entered PO-000001; nobody may approve their own PO.',
    ],
    ['an admin approving their own PO', facts(reviewPo(2_000_000, '210', ['210'], { operatorId: DANA.id }), DANA, FROM_10K), 'own-po', 'You entered PO-000001; nobody may approve their own PO.'],
    [
      'a supervisor who changed this revision',
      facts(reviewPo(2_000_000, '210', ['210'], { revision: 2, changedByIds: [PAT.id, SAM.id] }), SAM, FROM_10K),
      'own-change',
      'You changed PO-000001 revision 2; nobody may approve their own changes.',
    ],
    ['an operator', facts(po210, ALICE, FROM_10K), 'reviewer-role', 'Only supervisors and admins approve POs; you are an operator.'],
    ['a PO under every band', facts(reviewPo(999_999), SAM, null), 'no-band', 'PO-000001 needs no approval: its total is under every approval band.'],
    [
      'a supervisor a named band does not name',
      facts(reviewPo(6_000_000, '210', ['410']), SAM, FLEET_50K),
      'band-approvers',
      'You may not approve PO-000001: the band from 50,000.00 for cost center 410: 1 approval by Lee Chen or Dana Admin names Lee Chen and Dana Admin, not you.',
    ],
    ['a named supervisor', facts(reviewPo(6_000_000, '410', ['410']), { ...LEE, schemeCostCenters: [cc('410')] }, FLEET_50K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    [
      'a supervisor on an admins-only band',
      facts(reviewPo(50_000_000, '410', ['410']), { ...LEE, schemeCostCenters: [cc('410')] }, FLEET_500K),
      'band-approvers',
      'You may not approve PO-000001: the band from 500,000.00 for cost center 410: 1 approval by an admin is for admins only; you are a supervisor.',
    ],
    ['an admin on an admins-only band, outside their scheme', facts(reviewPo(50_000_000, '410', ['410']), ROBIN, FLEET_500K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    [
      'a supervisor whose scheme lacks the header cost center',
      facts(reviewPo(2_000_000, '310', ['210']), SAM, FROM_10K),
      'approver-cost-centers',
      'You may not approve PO-000001: it charges 310, and your scheme NORTH allows 210, 220, 110.',
    ],
    [
      "a supervisor whose scheme lacks one line's cost center",
      facts(reviewPo(2_000_000, '210', ['210', '410', '220', '320']), SAM, FROM_10K),
      'approver-cost-centers',
      'You may not approve PO-000001: it charges 410, 320, and your scheme NORTH allows 210, 220, 110.',
    ],
    [
      "a cost center inactive in the supervisor's scheme does not count",
      facts(reviewPo(2_000_000, '500', ['210']), SAM, FROM_10K),
      'approver-cost-centers',
      'You may not approve PO-000001: it charges 500, and your scheme NORTH allows 210, 220, 110.',
    ],
    [
      'a supervisor without a scheme',
      facts(reviewPo(2_000_000), { ...SAM, schemeName: null, schemeCostCenters: [] }, FROM_10K),
      'approver-cost-centers',
      'You may not approve PO-000001: it charges 210, and you have no cost-center scheme.',
    ],
    ['cost centers turned off: no scheme check', facts(reviewPo(2_000_000, '310', ['410']), SAM, FROM_10K, [], { costCentersEnabled: false }), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    ['a PO without cost centers', facts(reviewPo(2_000_000, null, [null]), { ...SAM, schemeName: null, schemeCostCenters: [] }, FROM_10K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    ['a total just under the limit', facts(reviewPo(4_999_999), { ...SAM, approvalLimitMinor: 5_000_000 }, FROM_10K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    ['a total at the limit', facts(reviewPo(5_000_000), { ...SAM, approvalLimitMinor: 5_000_000 }, FROM_10K), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    [
      'a total just over the limit',
      facts(reviewPo(5_000_001), { ...SAM, approvalLimitMinor: 5_000_000 }, FROM_10K),
      'approval-limit',
      'You may not approve PO-000001: its total, 50,000.01, is above your approval limit of 50,000.00.',
    ],
    [
      "an admin's limit binds too",
      facts(reviewPo(20_000_000), { ...DANA, approvalLimitMinor: 10_000_000 }, FROM_100K),
      'approval-limit',
      'You may not approve PO-000001: its total, 200,000.00, is above your approval limit of 100,000.00.',
    ],
    [
      'a supervisor who has already approved this revision',
      facts(reviewPo(20_000_000), SAM, FROM_100K, [given(SAM)]),
      'already-approved',
      'You have already approved PO-000001 revision 1; the next approval must come from someone else.',
    ],
    ['a supervisor who approved an earlier revision', facts(reviewPo(2_000_000, '210', ['210'], { revision: 2 }), SAM, FROM_10K, [given(SAM)]), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    ['a supervisor whose approval was void', facts(reviewPo(2_000_000), SAM, FROM_10K, [given(SAM, { voided: true })]), null, 'You may approve PO-000001. Needs 1 more approval (none given yet).'],
    ['the first of two, by a supervisor', facts(reviewPo(20_000_000), SAM, FROM_100K), null, 'You may approve PO-000001. Needs 2 more approvals, one of them from an admin (none given yet).'],
    [
      'the second of two, by a supervisor, when no admin has approved',
      facts(reviewPo(20_000_000), LEE, FROM_100K, [given(SAM)]),
      'admin-approval-required',
      "PO-000001 still needs an admin's approval: Needs 1 more approval, from an admin (1 of 2 given: Sam Patel).",
    ],
    ['the second of two, by an admin', facts(reviewPo(20_000_000), DANA, FROM_100K, [given(SAM)]), null, 'You may approve PO-000001. Needs 1 more approval, from an admin (1 of 2 given: Sam Patel).'],
    ['the second of two, by a supervisor, after an admin', facts(reviewPo(20_000_000), SAM, FROM_100K, [given(DANA)]), null, 'You may approve PO-000001. Needs 1 more approval (1 of 2 given: Dana Admin).'],
    ['a band already complete', facts(reviewPo(20_000_000), LEE, FROM_100K, [given(SAM), given(DANA)]), 'approvals-complete', 'PO-000001 already has every approval it needs.'],
  ])('%s', (_name, input, rule, reason) => {
    expect(checkApprover(input)).toEqual(rule === null ? { allowed: true, reason } : { allowed: false, rule, reason });
  });

  it('lets a reviewer reject what they may judge, even after approving it', () => {
    expect(checkRejecter(facts(reviewPo(20_000_000), SAM, FROM_100K, [given(SAM)]))).toEqual({ allowed: true, reason: 'You may reject PO-000001.' });
  });

  it.each<[string, ApproverFacts, string]>([
    ['own PO', facts(reviewPo(2_000_000, '210', ['210'], { operatorId: SAM.id }), SAM, FROM_10K), 'own-po'],
    ['outside the scheme', facts(reviewPo(2_000_000, '410', ['410']), SAM, FROM_10K), 'approver-cost-centers'],
    ['over the limit', facts(reviewPo(2_000_000), { ...SAM, approvalLimitMinor: 1_000_000 }, FROM_10K), 'approval-limit'],
  ])('refuses a rejection by someone who could not approve: %s', (_name, input, rule) => {
    expect(checkRejecter(input)).toMatchObject({ allowed: false, rule });
  });
});

describe('whether the approvals so far complete the band', () => {
  type Row = [name: string, band: ApprovalBand, approvals: ApprovalRecord[], complete: boolean, remaining: number, adminStillNeeded: boolean, summary: string];
  it.each<Row>([
    ['one needed, none given', FROM_10K, [], false, 1, false, 'Needs 1 more approval (none given yet).'],
    ['one needed, one given', FROM_10K, [given(SAM)], true, 0, false, 'Approved: 1 of 1 approvals given (Sam Patel).'],
    ['two with an admin, none given', FROM_100K, [], false, 2, true, 'Needs 2 more approvals, one of them from an admin (none given yet).'],
    ['two with an admin, a supervisor given', FROM_100K, [given(SAM)], false, 1, true, 'Needs 1 more approval, from an admin (1 of 2 given: Sam Patel).'],
    ['two with an admin, an admin given', FROM_100K, [given(DANA)], false, 1, false, 'Needs 1 more approval (1 of 2 given: Dana Admin).'],
    ['two with an admin, supervisor and admin', FROM_100K, [given(SAM), given(DANA)], true, 0, false, 'Approved: 2 of 2 approvals given (Sam Patel and Dana Admin).'],
    ['two with an admin, two admins', FROM_100K, [given(DANA), given(ROBIN)], true, 0, false, 'Approved: 2 of 2 approvals given (Dana Admin and Robin Admin).'],
    ['two with an admin, two supervisors: still an admin', FROM_100K, [given(SAM), given(LEE)], false, 1, true, 'Needs 1 more approval, from an admin (2 of 2 given: Sam Patel and Lee Chen).'],
    ['two without an admin, two supervisors', { ...FROM_100K, adminRequired: false }, [given(SAM), given(LEE)], true, 0, false, 'Approved: 2 of 2 approvals given (Sam Patel and Lee Chen).'],
  ])('%s', (_name, band, approvals, complete, remaining, adminStillNeeded, summary) => {
    expect(approvalProgress(band, approvals)).toMatchObject({ complete, remaining, adminStillNeeded, summary });
  });

  it('counts only approvals in force on the revision, one per person', () => {
    const approvals = [given(SAM), given(SAM), given(LEE, { voided: true }), given(DANA, { revision: 2 }), given(ROBIN, { revision: 2, voided: true })];
    expect(approvalsInForce(approvals, 1).map((a) => a.approverName)).toEqual(['Sam Patel']);
    expect(approvalsInForce(approvals, 2).map((a) => a.approverName)).toEqual(['Dana Admin']);
    expect(approvalsInForce(approvals, 3)).toEqual([]);
  });
});

describe('approvals become void', () => {
  const approvals = [given(SAM, { revision: 1, voided: true }), given(SAM, { revision: 2 }), given(DANA, { revision: 2 })];
  it.each<['recall' | 'rejection' | 'change-order', string]>([
    ['recall', '2 approvals on revision 2 void because it was recalled: Sam Patel and Dana Admin.'],
    ['rejection', '2 approvals on revision 2 void because it was rejected: Sam Patel and Dana Admin.'],
    ['change-order', '2 approvals on revision 2 void because a change order started a new revision: Sam Patel and Dana Admin.'],
  ])('on %s', (cause, reason) => {
    const result = approvalsToVoid(approvals, 2, cause);
    expect(result.voided).toEqual([approvals[1], approvals[2]]);
    expect(result.reason).toBe(reason);
  });

  it('says so when there is nothing to void', () => {
    expect(approvalsToVoid(approvals, 1, 'recall')).toEqual({ voided: [], reason: 'No approvals to void on revision 1.' });
  });
});

describe('submit', () => {
  const submitting = (po: ReviewPo, approvedRevision: RevisionFacts | null = null, actor: Approver = PAT) =>
    decideSubmit({ po, actor, rules: RULES, approvedRevision, locale: 'en-US' });

  it('under every band: approved on submit, and recorded as such', () => {
    const decision = submitting(reviewPo(999_999, '210', ['210'], { status: 'draft' }));
    expect(decision).toMatchObject({ kind: 'allowed', transition: { to: 'approved', auditAction: 'po-approved-on-submit' }, band: { band: null } });
    expect(decision.audit).toEqual({
      action: 'po-approved-on-submit',
      rule: null,
      actorId: PAT.id,
      actorName: 'Pat Nguyen',
      poNumber: 'PO-000001',
      revision: 1,
      amountMinor: 999_999,
      band: null,
      reason: 'PO-000001 approved on submit: it needs no approval. No approval is needed: 9,999.99 is under every approval band for cost center 210.',
    });
  });

  it('at a band: submitted for approval, the band in the audit', () => {
    const decision = submitting(reviewPo(1_000_000, '210', ['210'], { status: 'draft' }));
    expect(decision).toMatchObject({ kind: 'allowed', transition: { to: 'submitted', auditAction: 'po-submitted' } });
    expect(decision.audit).toMatchObject({
      action: 'po-submitted',
      amountMinor: 1_000_000,
      band: { id: 1, label: 'from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin' },
      reason: 'PO-000001 submitted for approval. The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 10,000.00.',
    });
  });

  it('refuses someone else, and audits the refusal', () => {
    const decision = submitting(reviewPo(1_000_000, '210', ['210'], { status: 'draft' }), null, ALICE);
    expect(decision).toMatchObject({ kind: 'refused', rule: 'po-operator-or-admin', reason: 'Only Pat Nguyen, who entered PO-000001, or an admin, may submit it.' });
    expect(decision.audit).toMatchObject({ action: 'po-submit-refused', rule: 'po-operator-or-admin', actorId: ALICE.id, revision: 1, amountMinor: 1_000_000, band: { id: 1 } });
  });

  describe('a change order', () => {
    const approved = revision(2_000_000, '210', ['210']);
    const changeOrder = (totalMinor: number, header = '210', lines: (string | null)[] = ['210']) =>
      reviewPo(totalMinor, header, lines, { status: 'draft', revision: 2, lastReleasedRevision: 1 });

    type Row = [name: string, po: ReviewPo, to: PoStatus, needed: boolean, reason: string];
    it.each<Row>([
      [
        'the same total',
        changeOrder(2_000_000),
        'approved',
        false,
        'PO-000001 approved on submit: it needs no approval. Revision 2 needs no new approval: its total, 20,000.00, is not above the approved 20,000.00, and no cost center changes.',
      ],
      [
        'a lower total',
        changeOrder(1_500_000),
        'approved',
        false,
        'PO-000001 approved on submit: it needs no approval. Revision 2 needs no new approval: its total, 15,000.00, is not above the approved 20,000.00, and no cost center changes.',
      ],
      [
        'a higher total in a band',
        changeOrder(2_000_001),
        'submitted',
        true,
        'PO-000001 submitted for approval. Revision 2 needs approval again. The total rises from 20,000.00 to 20,000.01, above the approved total. The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 20,000.01.',
      ],
      [
        'a changed header cost center',
        changeOrder(2_000_000, '220'),
        'submitted',
        true,
        "PO-000001 submitted for approval. Revision 2 needs approval again. The PO's cost center changes from 210 to 220. The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 20,000.00.",
      ],
      [
        "a changed line's cost center",
        changeOrder(2_000_000, '210', ['220']),
        'submitted',
        true,
        "PO-000001 submitted for approval. Revision 2 needs approval again. Line 1's cost center changes from 210 to 220. The band from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin applies to 20,000.00.",
      ],
    ])('%s', (_name, po, to, needed, reason) => {
      const decision = submitting(po, approved);
      expect(decision).toMatchObject({ kind: 'allowed', transition: { to, revision: 2, reason }, reapproval: { needed } });
      expect(decision.audit.reason).toBe(reason);
      expect(decision.audit.band === null).toBe(!needed);
    });

    it('needs approval again, but under every band: approved on submit', () => {
      const small = revision(500_000);
      const decision = submitting(changeOrder(800_000), small);
      expect(decision).toMatchObject({ kind: 'allowed', transition: { to: 'approved', auditAction: 'po-approved-on-submit' }, reapproval: { needed: true } });
      expect(decision.audit.reason).toBe(
        'PO-000001 approved on submit: it needs no approval. Revision 2 needs approval again. The total rises from 5,000.00 to 8,000.00, above the approved total. No approval is needed: 8,000.00 is under every approval band for cost center 210.',
      );
    });
  });
});

describe('approve, step by step', () => {
  const big = reviewPo(20_000_000);

  it('a supervisor gives the first of two: the PO stays submitted', () => {
    const decision = decideApproval(facts(big, SAM, FROM_100K));
    expect(decision).toMatchObject({ kind: 'allowed', transition: { from: 'submitted', to: 'submitted', auditAction: 'po-approval-recorded' }, progress: { complete: false, remaining: 1 } });
    if (decision.kind !== 'allowed') throw new Error('expected an approval');
    expect(decision.approval).toEqual(given(SAM));
    expect(decision.audit).toEqual({
      action: 'po-approval-recorded',
      rule: null,
      actorId: SAM.id,
      actorName: 'Sam Patel',
      poNumber: 'PO-000001',
      revision: 1,
      amountMinor: 20_000_000,
      band: { id: 2, label: 'from 100,000.00 for all cost centers: 2 approvals by supervisors or admins, one of them an admin' },
      reason: 'Sam Patel approved PO-000001 revision 1. Needs 1 more approval, from an admin (1 of 2 given: Sam Patel).',
    });
  });

  it('another supervisor cannot give the second', () => {
    const decision = decideApproval(facts(big, LEE, FROM_100K, [given(SAM)]));
    expect(decision).toMatchObject({ kind: 'refused', rule: 'admin-approval-required', audit: { action: 'po-approval-refused', rule: 'admin-approval-required', actorId: LEE.id, revision: 1, amountMinor: 20_000_000 } });
  });

  it('an admin gives the second: the PO is approved', () => {
    const decision = decideApproval(facts(big, DANA, FROM_100K, [given(SAM)]));
    expect(decision).toMatchObject({
      kind: 'allowed',
      transition: { to: 'approved', auditAction: 'po-approved', reason: 'Dana Admin approved PO-000001 revision 1. Approved: 2 of 2 approvals given (Sam Patel and Dana Admin).' },
      progress: { complete: true },
    });
  });

  it('one approval completes a one-approval band', () => {
    expect(decideApproval(facts(reviewPo(1_000_000), SAM, FROM_10K))).toMatchObject({ kind: 'allowed', transition: { to: 'approved' } });
  });

  it.each<[string, ApproverFacts, string]>([
    ['a draft', facts(reviewPo(2_000_000, '210', ['210'], { status: 'draft' }), SAM, FROM_10K), 'po-status'],
    ['an approved PO', facts(reviewPo(2_000_000, '210', ['210'], { status: 'approved' }), SAM, FROM_10K), 'po-status'],
    ['by its operator', facts(reviewPo(2_000_000), PAT, FROM_10K), 'own-po'],
    ['by another operator', facts(reviewPo(2_000_000), ALICE, FROM_10K), 'reviewer-role'],
    ['outside the scheme', facts(reviewPo(2_000_000, '210', ['410']), SAM, FROM_10K), 'approver-cost-centers'],
    ['over the limit', facts(reviewPo(2_000_000), { ...SAM, approvalLimitMinor: 1_999_999 }, FROM_10K), 'approval-limit'],
  ])('refuses %s', (_name, input, rule) => {
    const decision = decideApproval(input);
    expect(decision).toMatchObject({ kind: 'refused', rule, audit: { action: 'po-approval-refused', rule } });
    expect(decision.audit.reason).toBe(decision.kind === 'refused' ? decision.reason : '');
  });
});

describe('reject', () => {
  it('sends the PO back with the reason and voids the approvals so far', () => {
    const decision = decideRejection({ ...facts(reviewPo(20_000_000), DANA, FROM_100K, [given(SAM)]), reason: 'Split this between two vendors.' });
    expect(decision).toMatchObject({
      kind: 'allowed',
      transition: { to: 'draft', auditAction: 'po-rejected', voidsApprovals: true },
      voided: [given(SAM)],
      audit: {
        action: 'po-rejected',
        actorName: 'Dana Admin',
        revision: 1,
        amountMinor: 20_000_000,
        reason: 'PO-000001 rejected and sent back to draft: Split this between two vendors. 1 approval on revision 1 void because it was rejected: Sam Patel.',
      },
    });
  });

  it.each<[string, ApproverFacts & { reason: string }, string]>([
    ['without a reason', { ...facts(reviewPo(2_000_000), SAM, FROM_10K), reason: ' ' }, 'reason-required'],
    ['by its operator', { ...facts(reviewPo(2_000_000), PAT, FROM_10K), reason: 'No.' }, 'own-po'],
    ['outside the scheme', { ...facts(reviewPo(2_000_000, '410', ['410']), SAM, FROM_10K), reason: 'No.' }, 'approver-cost-centers'],
    ['not named by the band', { ...facts(reviewPo(6_000_000, '410', ['410']), SAM, FLEET_50K), reason: 'No.' }, 'band-approvers'],
    ['a recalled PO', { ...facts(reviewPo(2_000_000, '210', ['210'], { status: 'draft' }), SAM, FROM_10K), reason: 'No.' }, 'po-status'],
  ])('refuses %s', (_name, input, rule) => {
    expect(decideRejection(input)).toMatchObject({ kind: 'refused', rule, audit: { action: 'po-rejection-refused', rule } });
  });
});

describe('a band the admin screen should refuse', () => {
  it.each<[string, ApprovalBand, string[]]>([
    ['a sound band', FROM_100K, []],
    ['a sound named band', FLEET_50K, []],
    ['no approvals', { ...FROM_10K, approvalsRequired: 0 }, ['A band needs at least 1 approval.']],
    ['a negative amount', { ...FROM_10K, fromMinor: -1 }, ['A band starts at a whole amount of zero or more.']],
    ['a fraction of a cent', { ...FROM_10K, fromMinor: 1.5 }, ['A band starts at a whole amount of zero or more.']],
    ['nobody named', { ...FLEET_50K, approvers: { kind: 'named', approvers: [] } }, ['The band from 50,000.00 names no approver.']],
    ['fewer named than approvals', { ...FLEET_50K, approvalsRequired: 3 }, ['The band from 50,000.00 needs 3 approvals but names only 2.']],
    [
      'an admin required, none named',
      { ...FLEET_50K, adminRequired: true, approvers: { kind: 'named', approvers: [{ id: SAM.id, displayName: SAM.displayName, role: 'supervisor' }] } },
      ["The band from 50,000.00 needs an admin's approval but names no admin."],
    ],
    [
      'an operator named',
      { ...FLEET_50K, approvers: { kind: 'named', approvers: [{ id: ALICE.id, displayName: ALICE.displayName, role: 'operator' }] } },
      ['The band from 50,000.00 names Alice Moreau, who cannot approve: only supervisors and admins do.'],
    ],
  ])('%s', (_name, band, problems) => {
    expect(bandProblems(band, 'en-US')).toEqual(problems);
  });
});
