import { describe, expect, it } from 'vitest';
import {
  type Actor,
  decideTransition,
  type LifecyclePo,
  type LifecycleRequest,
  PO_ACTIONS,
  PO_STATUSES,
  type PoAction,
  type PoStatus,
  reapprovalNeeded,
  type RevisionFacts,
} from '../../src/main/domain/po-lifecycle';

const PAT: Actor = { id: 4, displayName: 'Pat Nguyen', role: 'operator' };
const ALICE: Actor = { id: 1, displayName: 'Alice Moreau', role: 'operator' };
const SAM: Actor = { id: 5, displayName: 'Sam Patel', role: 'supervisor' };
const DANA: Actor = { id: 6, displayName: 'Dana Admin', role: 'admin' };

type ActorName = 'owner' | 'operator' | 'supervisor' | 'admin' | 'supervisor-owner' | 'admin-owner';
const ACTORS: Record<ActorName, Actor> = {
  owner: PAT,
  operator: ALICE,
  supervisor: SAM,
  admin: DANA,
  'supervisor-owner': SAM,
  'admin-owner': DANA,
};
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

const po = (status: PoStatus, over: Partial<LifecyclePo> = {}): LifecyclePo => ({
  number: 'PO-000001',
  status,
  revision: 1,
  operatorId: PAT.id,
  operatorName: 'Pat Nguyen',
  lastReleasedRevision: status === 'released' || status === 'closed' ? 1 : null,
  ...over,
});

/** The PO as the actor sees it: an "-owner" actor entered it themselves. */
const poFor = (status: PoStatus, actor: ActorName): LifecyclePo => {
  const owner = ACTORS[actor];
  return actor.endsWith('-owner') ? po(status, { operatorId: owner.id, operatorName: owner.displayName }) : po(status);
};

/** Each action asked in its plainest form: with a reason where one is needed, completing the approval. */
const request = (action: PoAction): LifecycleRequest => {
  switch (action) {
    case 'submit':
      return { action, approvalRequired: true };
    case 'approve':
      return { action, completesApproval: true };
    case 'reject':
    case 'cancel':
      return { action, reason: 'Wrong vendor.' };
    default:
      return { action };
  }
};

// A cell: the status reached, or the rule that refuses.
type Cell = PoStatus | 'po-status' | 'po-operator-or-admin' | 'po-operator-or-reviewer' | 'own-po' | 'reviewer-role';
type Row = [owner: Cell, operator: Cell, supervisor: Cell, admin: Cell, supervisorOwner: Cell, adminOwner: Cell];
const S: Row = ['po-status', 'po-status', 'po-status', 'po-status', 'po-status', 'po-status'];
const OA = 'po-operator-or-admin';
const OR = 'po-operator-or-reviewer';
const OWN = 'own-po';
const ROLE = 'reviewer-role';

/** Written out by hand: every status × action × actor, from the life-cycle table in the issue. */
const GRID: Record<PoAction, Record<PoStatus, Row>> = {
  //            owner        operator     supervisor   admin        sup-owner    admin-owner
  edit: {
    draft: ['draft', 'draft', 'draft', 'draft', 'draft', 'draft'],
    submitted: S, approved: S, released: S, closed: S, cancelled: S,
  },
  submit: {
    draft: ['submitted', OA, OA, 'submitted', 'submitted', 'submitted'],
    submitted: S, approved: S, released: S, closed: S, cancelled: S,
  },
  recall: {
    draft: S,
    submitted: ['draft', OA, OA, 'draft', 'draft', 'draft'],
    approved: ['draft', OA, OA, 'draft', 'draft', 'draft'],
    released: S, closed: S, cancelled: S,
  },
  approve: {
    draft: S,
    submitted: [OWN, ROLE, 'approved', 'approved', OWN, OWN],
    approved: S, released: S, closed: S, cancelled: S,
  },
  reject: {
    draft: S,
    submitted: [OWN, ROLE, 'draft', 'draft', OWN, OWN],
    approved: S, released: S, closed: S, cancelled: S,
  },
  release: {
    draft: S, submitted: S,
    approved: ['released', OR, 'released', 'released', 'released', 'released'],
    released: S, closed: S, cancelled: S,
  },
  close: {
    draft: S, submitted: S, approved: S,
    released: ['closed', OR, 'closed', 'closed', 'closed', 'closed'],
    closed: S, cancelled: S,
  },
  cancel: {
    draft: ['cancelled', OA, OA, 'cancelled', 'cancelled', 'cancelled'],
    submitted: ['cancelled', OA, OA, 'cancelled', 'cancelled', 'cancelled'],
    approved: ['cancelled', OA, OA, 'cancelled', 'cancelled', 'cancelled'],
    released: S, closed: S, cancelled: S,
  },
  'change-order': {
    draft: S, submitted: S, approved: S,
    released: ['draft', OA, OA, 'draft', 'draft', 'draft'],
    closed: S, cancelled: S,
  },
};

const everyCase = PO_ACTIONS.flatMap((action) =>
  PO_STATUSES.flatMap((status) => ACTOR_NAMES.map((actor, column) => [action, status, actor, GRID[action][status][column] as Cell] as const)),
);

describe('the life cycle: every status × action × actor', () => {
  it('covers 9 actions × 6 statuses × 6 actors', () => {
    expect(everyCase).toHaveLength(9 * 6 * 6);
  });

  it.each(everyCase)('%s on a %s PO by %s → %s', (action, status, actor, expected) => {
    const decision = decideTransition(poFor(status, actor), ACTORS[actor], request(action));
    if (PO_STATUSES.includes(expected as PoStatus)) {
      expect(decision).toMatchObject({ allowed: true, action, from: status, to: expected });
    } else {
      expect(decision).toMatchObject({ allowed: false, action, from: status, rule: expected });
    }
    expect(decision.reason).not.toBe('');
  });
});

describe('what an allowed transition says and does', () => {
  type Row = [name: string, status: PoStatus, actor: Actor, request: LifecycleRequest, to: PoStatus, auditAction: string, revision: number, voids: boolean, reason: string];
  it.each<Row>([
    ['edit a draft', 'draft', ALICE, { action: 'edit' }, 'draft', 'po-updated', 1, false, 'PO-000001 is a draft, so it may be edited.'],
    ['submit into a band', 'draft', PAT, { action: 'submit', approvalRequired: true }, 'submitted', 'po-submitted', 1, false, 'PO-000001 submitted for approval.'],
    ['submit under every band', 'draft', PAT, { action: 'submit', approvalRequired: false }, 'approved', 'po-approved-on-submit', 1, false, 'PO-000001 approved on submit: it needs no approval.'],
    ['an approval that completes the band', 'submitted', SAM, { action: 'approve', completesApproval: true }, 'approved', 'po-approved', 1, false, 'PO-000001 approved.'],
    ['an approval that does not yet', 'submitted', SAM, { action: 'approve', completesApproval: false }, 'submitted', 'po-approval-recorded', 1, false, 'Approval of PO-000001 recorded; it needs more before it is approved.'],
    ['reject', 'submitted', SAM, { action: 'reject', reason: '  Wrong vendor for fleet parts. ' }, 'draft', 'po-rejected', 1, true, 'PO-000001 rejected and sent back to draft: Wrong vendor for fleet parts.'],
    ['recall a submitted PO', 'submitted', PAT, { action: 'recall' }, 'draft', 'po-recalled', 1, true, 'PO-000001 recalled to draft; the approvals given so far are void.'],
    ['recall an approved PO', 'approved', PAT, { action: 'recall' }, 'draft', 'po-recalled', 1, true, 'PO-000001 recalled to draft; the approvals given so far are void.'],
    ['release', 'approved', PAT, { action: 'release' }, 'released', 'po-released', 1, false, 'PO-000001 revision 1 released to the vendor.'],
    ['close', 'released', SAM, { action: 'close' }, 'closed', 'po-closed', 1, false, 'PO-000001 closed.'],
    ['cancel', 'draft', PAT, { action: 'cancel', reason: 'Ordered twice.' }, 'cancelled', 'po-cancelled', 1, false, 'PO-000001 cancelled: Ordered twice.'],
    [
      'change order',
      'released',
      PAT,
      { action: 'change-order' },
      'draft',
      'po-change-order-started',
      2,
      true,
      'Change order on PO-000001: revision 2 is a draft to edit; revision 1 stays as the vendor has it.',
    ],
  ])('%s', (_name, status, actor, req, to, auditAction, revision, voids, reason) => {
    expect(decideTransition(po(status), actor, req)).toEqual({ allowed: true, action: req.action, from: status, to, revision, auditAction, voidsApprovals: voids, reason });
  });

  it('releases a change order at its own revision', () => {
    expect(decideTransition(po('approved', { revision: 3, lastReleasedRevision: 2 }), PAT, { action: 'release' })).toMatchObject({
      to: 'released',
      revision: 3,
      reason: 'PO-000001 revision 3 released to the vendor.',
    });
  });

  it('a second change order raises the revision again', () => {
    expect(decideTransition(po('released', { revision: 2, lastReleasedRevision: 2 }), PAT, { action: 'change-order' })).toMatchObject({ to: 'draft', revision: 3 });
  });
});

describe('what a refusal says', () => {
  type Row = [name: string, lifecycle: LifecyclePo, actor: Actor, request: LifecycleRequest, rule: string, reason: string];
  it.each<Row>([
    ['edit a submitted PO', po('submitted'), PAT, { action: 'edit' }, 'po-status', 'PO-000001 is submitted, so it cannot be edited: only drafts are. Recall it to draft to change it.'],
    ['edit an approved PO', po('approved'), PAT, { action: 'edit' }, 'po-status', 'PO-000001 is approved, so it cannot be edited: only drafts are. Recall it to draft to change it; it then needs approval again.'],
    ['edit a released PO', po('released'), PAT, { action: 'edit' }, 'po-status', 'PO-000001 is released to the vendor, so it cannot be edited: start a change order to change it.'],
    ['edit a closed PO', po('closed'), PAT, { action: 'edit' }, 'po-status', 'PO-000001 is closed; it can only be viewed.'],
    ['anything on a cancelled PO', po('cancelled'), DANA, { action: 'recall' }, 'po-status', 'PO-000001 is cancelled; it can only be viewed.'],
    ['approve a draft', po('draft'), SAM, { action: 'approve', completesApproval: true }, 'po-status', 'PO-000001 cannot be approved: it is a draft; only a submitted PO can be.'],
    ['submit twice', po('submitted'), PAT, { action: 'submit', approvalRequired: true }, 'po-status', 'PO-000001 cannot be submitted: it is submitted and waiting for approval; only a draft can be.'],
    ['release before approval', po('submitted'), PAT, { action: 'release' }, 'po-status', 'PO-000001 cannot be released: it is submitted and waiting for approval; only an approved PO can be.'],
    ['recall a released PO', po('released'), PAT, { action: 'recall' }, 'po-status', 'PO-000001 cannot be recalled: it is released to the vendor; only a submitted or approved PO can be.'],
    ['cancel a released PO', po('released'), PAT, { action: 'cancel', reason: 'Not needed.' }, 'po-status', 'PO-000001 cannot be cancelled: it is released to the vendor; only a PO that is not yet released can be.'],
    ['close an approved PO', po('approved'), PAT, { action: 'close' }, 'po-status', 'PO-000001 cannot be closed: it is approved; only a released PO can be.'],
    ['change order on a draft', po('draft'), PAT, { action: 'change-order' }, 'po-status', 'PO-000001 is a draft: edit it directly; only a released PO takes a change order.'],
    ['change order on an approved PO', po('approved'), PAT, { action: 'change-order' }, 'po-status', 'PO-000001 cannot be changed by a change order: it is approved; only a released PO can be.'],
    ['another operator submits', po('draft'), ALICE, { action: 'submit', approvalRequired: true }, 'po-operator-or-admin', 'Only Pat Nguyen, who entered PO-000001, or an admin, may submit it.'],
    ['a supervisor recalls', po('submitted'), SAM, { action: 'recall' }, 'po-operator-or-admin', 'Only Pat Nguyen, who entered PO-000001, or an admin, may recall it.'],
    ['a supervisor starts a change order', po('released'), SAM, { action: 'change-order' }, 'po-operator-or-admin', 'Only Pat Nguyen, who entered PO-000001, or an admin, may start a change order on it.'],
    ['another operator releases', po('approved'), ALICE, { action: 'release' }, 'po-operator-or-reviewer', 'Only Pat Nguyen, who entered PO-000001, a supervisor or an admin may release it.'],
    ['the operator approves their own PO', po('submitted'), PAT, { action: 'approve', completesApproval: true }, 'own-po', 'You entered PO-000001; nobody may approve their own PO.'],
    [
      'a supervisor approves their own PO',
      po('submitted', { operatorId: SAM.id, operatorName: SAM.displayName }),
      SAM,
      { action: 'approve', completesApproval: true },
      'own-po',
      'You entered PO-000001; nobody may approve their own PO.',
    ],
    ['the operator rejects their own PO', po('submitted'), PAT, { action: 'reject', reason: 'Oops.' }, 'own-po', 'You entered PO-000001; nobody may reject their own PO. Recall it instead to change it.'],
    ['another operator approves', po('submitted'), ALICE, { action: 'approve', completesApproval: true }, 'reviewer-role', 'Only supervisors and admins approve POs; you are an operator.'],
    ['another operator rejects', po('submitted'), ALICE, { action: 'reject', reason: 'No.' }, 'reviewer-role', 'Only supervisors and admins reject POs; you are an operator.'],
    ['reject without a reason', po('submitted'), SAM, { action: 'reject', reason: '' }, 'reason-required', 'Give a reason for rejecting PO-000001: its operator reads it to put the PO right.'],
    ['reject with only spaces', po('submitted'), SAM, { action: 'reject', reason: '   ' }, 'reason-required', 'Give a reason for rejecting PO-000001: its operator reads it to put the PO right.'],
    ['cancel without a reason', po('draft'), PAT, { action: 'cancel', reason: ' \t' }, 'reason-required', 'Give a reason for cancelling PO-000001: it goes to the audit log.'],
    [
      'cancel a change order in progress',
      po('draft', { revision: 2, lastReleasedRevision: 1 }),
      PAT,
      { action: 'cancel', reason: 'Not needed.' },
      'cancel-before-release',
      'PO-000001 cannot be cancelled: revision 1 has gone to the vendor, and a PO is cancelled only until it is released.',
    ],
    [
      'an admin cancels an approved change order',
      po('approved', { revision: 3, lastReleasedRevision: 2 }),
      DANA,
      { action: 'cancel', reason: 'Not needed.' },
      'cancel-before-release',
      'PO-000001 cannot be cancelled: revision 2 has gone to the vendor, and a PO is cancelled only until it is released.',
    ],
  ])('%s', (_name, lifecycle, actor, req, rule, reason) => {
    expect(decideTransition(lifecycle, actor, req)).toEqual({ allowed: false, action: req.action, from: lifecycle.status, rule, reason });
  });

  it('names the status before the person: a closed PO is closed, whoever asks', () => {
    expect(decideTransition(po('closed'), ALICE, { action: 'approve', completesApproval: true })).toMatchObject({ rule: 'po-status' });
  });

  it('names the person before the reason: an operator rejecting without a reason is told who rejects', () => {
    expect(decideTransition(po('submitted'), ALICE, { action: 'reject', reason: '' })).toMatchObject({ rule: 'reviewer-role' });
  });
});

describe('change orders: does the changed revision need approval again?', () => {
  const approved: RevisionFacts = {
    revision: 1,
    totalMinor: 1_200_000,
    headerCostCenterCode: '210',
    lines: [
      { lineKey: 11, lineNumber: 1, costCenterCode: '210' },
      { lineKey: 12, lineNumber: 2, costCenterCode: '220' },
      { lineKey: 13, lineNumber: 3, costCenterCode: null },
    ],
  };
  const changed = (over: Partial<RevisionFacts>): RevisionFacts => ({ ...approved, revision: 2, ...over });
  const [line1, line2, line3] = approved.lines as [RevisionFacts['lines'][number], RevisionFacts['lines'][number], RevisionFacts['lines'][number]];

  type Row = [name: string, revision: RevisionFacts, needed: boolean, reason: string];
  it.each<Row>([
    ['nothing changes', changed({}), false, 'Revision 2 needs no new approval: its total, 12,000.00, is not above the approved 12,000.00, and no cost center changes.'],
    ['the total falls', changed({ totalMinor: 1_100_000 }), false, 'Revision 2 needs no new approval: its total, 11,000.00, is not above the approved 12,000.00, and no cost center changes.'],
    ['the total rises by one cent', changed({ totalMinor: 1_200_001 }), true, 'Revision 2 needs approval again. The total rises from 12,000.00 to 12,000.01, above the approved total.'],
    ['the total rises a lot', changed({ totalMinor: 15_000_000 }), true, 'Revision 2 needs approval again. The total rises from 12,000.00 to 150,000.00, above the approved total.'],
    ['the header cost center changes', changed({ headerCostCenterCode: '220' }), true, "Revision 2 needs approval again. The PO's cost center changes from 210 to 220."],
    ['the header cost center is removed', changed({ headerCostCenterCode: null }), true, "Revision 2 needs approval again. The PO's cost center changes from 210 to none."],
    [
      "a line's cost center changes",
      changed({ lines: [line1, { ...line2, costCenterCode: '410' }, line3] }),
      true,
      "Revision 2 needs approval again. Line 2's cost center changes from 220 to 410.",
    ],
    [
      'a line without a cost center gets one',
      changed({ lines: [line1, line2, { ...line3, costCenterCode: '110' }] }),
      true,
      "Revision 2 needs approval again. Line 3's cost center changes from none to 110.",
    ],
    [
      'a line renumbered by a deletion keeps its key, and its cost center',
      changed({ totalMinor: 900_000, lines: [line1, { ...line3, lineNumber: 2 }] }),
      false,
      'Revision 2 needs no new approval: its total, 9,000.00, is not above the approved 12,000.00, and no cost center changes.',
    ],
    [
      'a renumbered line whose cost center changes is named by its new number',
      changed({ lines: [line1, { ...line3, lineNumber: 2, costCenterCode: '220' }] }),
      true,
      "Revision 2 needs approval again. Line 2's cost center changes from none to 220.",
    ],
    [
      'a new line on a cost center already charged',
      changed({ lines: [...approved.lines, { lineKey: 14, lineNumber: 4, costCenterCode: '220' }] }),
      false,
      'Revision 2 needs no new approval: its total, 12,000.00, is not above the approved 12,000.00, and no cost center changes.',
    ],
    [
      'a new line on a cost center not charged before',
      changed({ lines: [...approved.lines, { lineKey: 14, lineNumber: 4, costCenterCode: '410' }] }),
      true,
      'Revision 2 needs approval again. New line 4 charges cost center 410, which revision 1 did not.',
    ],
    [
      'a new line without a cost center',
      changed({ lines: [...approved.lines, { lineKey: 14, lineNumber: 4, costCenterCode: null }] }),
      false,
      'Revision 2 needs no new approval: its total, 12,000.00, is not above the approved 12,000.00, and no cost center changes.',
    ],
    [
      'several reasons at once, each named',
      changed({ totalMinor: 1_300_000, headerCostCenterCode: '220', lines: [{ ...line1, costCenterCode: '220' }, line2, line3] }),
      true,
      "Revision 2 needs approval again. The total rises from 12,000.00 to 13,000.00, above the approved total. The PO's cost center changes from 210 to 220. Line 1's cost center changes from 210 to 220.",
    ],
  ])('%s', (_name, revision, needed, reason) => {
    const verdict = reapprovalNeeded(approved, revision, 'en-US');
    expect(verdict.needed).toBe(needed);
    expect(verdict.reason).toBe(reason);
    expect(verdict.reasons.length > 0).toBe(needed);
  });

  it("writes amounts in the reader's locale", () => {
    expect(reapprovalNeeded(approved, changed({ totalMinor: 1_234_567 }), 'de-DE').reason).toBe(
      'Revision 2 needs approval again. The total rises from 12.000,00 to 12.345,67, above the approved total.',
    );
    expect(reapprovalNeeded(approved, changed({ totalMinor: 1_000_000 }), 'sv-SE').reason).toBe(
      'Revision 2 needs no new approval: its total, 10\u00a0000,00, is not above the approved 12\u00a0000,00, and no cost center changes.',
    );
  });
});
