/**
 * A PO's life cycle, pure: the PO's status and who asks come in, and out goes either the
 * transition (new status, revision, audit action, a sentence) or a refusal naming the rule.
 * Approval bands and who may approve which PO are judged in approval-rules.ts; this module only
 * knows the statuses, the actions and the roles.
 *
 * | action        | from                          | to                               | who may                               |
 * |---------------|-------------------------------|----------------------------------|---------------------------------------|
 * | edit          | draft                         | draft                            | anyone; line security decides further |
 * | submit        | draft                         | submitted, or approved on submit | the PO's operator, or an admin        |
 * | recall        | submitted, approved           | draft (approvals void)           | the PO's operator, or an admin        |
 * | approve       | submitted                     | approved, or submitted until the band's approvals are all in | a supervisor or admin, not the PO's operator |
 * | reject        | submitted                     | draft (reason, approvals void)   | a supervisor or admin, not the PO's operator |
 * | release       | approved                      | released (sent to the vendor)    | the PO's operator, a supervisor or an admin |
 * | close         | released                      | closed                           | the PO's operator, a supervisor or an admin |
 * | cancel        | draft, submitted, approved; never once released | cancelled (reason) | the PO's operator, or an admin        |
 * | change-order  | released                      | draft at revision + 1 (approvals void) | the PO's operator, or an admin  |
 *
 * Why these choices:
 * - Submit, recall, cancel and change orders belong to the operator who entered the PO. An admin may
 *   act for an absent operator; a supervisor may not, because a supervisor who could also reshape
 *   the PO would be judging work they steered (rejecting is the supervisor's way to send it back).
 * - Recall is allowed from approved as well as submitted: nothing has reached the vendor yet, and
 *   every approval is void, so the PO has to be approved again after the edit. Without it an approved
 *   PO with a mistake could only be cancelled.
 * - Release and close are clerical steps once the approvals are in, so whoever runs the desk for the
 *   PO (its operator, a supervisor, an admin) may do them.
 * - Cancel stops at the first release: once a revision has gone to the vendor, the PO is finished by
 *   closing it, not by pretending it was never sent. That holds for a change order in progress too.
 * - Closed and cancelled are final: such a PO is only viewed.
 */
import type { Role } from '../../shared/contracts';
import { formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';

export const PO_STATUSES = ['draft', 'submitted', 'approved', 'released', 'closed', 'cancelled'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

export const PO_ACTIONS = ['edit', 'submit', 'recall', 'approve', 'reject', 'release', 'close', 'cancel', 'change-order'] as const;
export type PoAction = (typeof PO_ACTIONS)[number];

export interface Actor {
  id: number;
  displayName: string;
  role: Role;
}

export interface LifecyclePo {
  number: string;
  status: PoStatus;
  /** 1 when entered; a change order raises it. */
  revision: number;
  /** The operator who entered the PO. */
  operatorId: number;
  operatorName: string;
  /** The revision last sent to the vendor; null while the PO has never been released. */
  lastReleasedRevision: number | null;
}

/** What is asked, with the facts only some actions need. */
export type LifecycleRequest =
  | { action: 'submit'; /** Whether an approval band applies (approval-rules decides). */ approvalRequired: boolean }
  | { action: 'approve'; /** Whether this approval completes the band (approval-rules decides). */ completesApproval: boolean }
  | { action: 'reject' | 'cancel'; reason: string }
  | { action: 'edit' | 'recall' | 'release' | 'close' | 'change-order' };

export interface Transition {
  allowed: true;
  action: PoAction;
  from: PoStatus;
  to: PoStatus;
  /** The PO's revision after the transition: one more after a change order, else unchanged. */
  revision: number;
  auditAction: string;
  /** The approvals given on the current revision become void (recall, rejection, change order). */
  voidsApprovals: boolean;
  reason: string;
}

export interface TransitionRefusal {
  allowed: false;
  action: PoAction;
  from: PoStatus;
  rule: string;
  reason: string;
}

export type TransitionDecision = Transition | TransitionRefusal;

type Who = 'anyone' | 'operator-or-admin' | 'reviewer' | 'operator-or-reviewer';

interface ActionRule {
  from: readonly PoStatus[];
  who: Who;
  /** "approved", for "PO-000001 cannot be approved". */
  past: string;
  /** "approve", for "may approve it". */
  verb: string;
  /** The statuses it needs, as a sentence ends: "a submitted PO". */
  needs: string;
}

/** The table above, as data, so every refusal can name what the action needs. */
export const ACTION_RULES: Readonly<Record<PoAction, ActionRule>> = {
  edit: { from: ['draft'], who: 'anyone', past: 'edited', verb: 'edit', needs: 'a draft' },
  submit: { from: ['draft'], who: 'operator-or-admin', past: 'submitted', verb: 'submit', needs: 'a draft' },
  recall: { from: ['submitted', 'approved'], who: 'operator-or-admin', past: 'recalled', verb: 'recall', needs: 'a submitted or approved PO' },
  approve: { from: ['submitted'], who: 'reviewer', past: 'approved', verb: 'approve', needs: 'a submitted PO' },
  reject: { from: ['submitted'], who: 'reviewer', past: 'rejected', verb: 'reject', needs: 'a submitted PO' },
  release: { from: ['approved'], who: 'operator-or-reviewer', past: 'released', verb: 'release', needs: 'an approved PO' },
  close: { from: ['released'], who: 'operator-or-reviewer', past: 'closed', verb: 'close', needs: 'a released PO' },
  cancel: { from: ['draft', 'submitted', 'approved'], who: 'operator-or-admin', past: 'cancelled', verb: 'cancel', needs: 'a PO that is not yet released' },
  'change-order': { from: ['released'], who: 'operator-or-admin', past: 'changed by a change order', verb: 'start a change order on', needs: 'a released PO' },
};

const FINAL_STATUSES: readonly PoStatus[] = ['closed', 'cancelled'];

/** How a status reads after "it is". */
export const STATUS_TEXT: Readonly<Record<PoStatus, string>> = {
  draft: 'a draft',
  submitted: 'submitted and waiting for approval',
  approved: 'approved',
  released: 'released to the vendor',
  closed: 'closed',
  cancelled: 'cancelled',
};

const refusal = (po: LifecyclePo, action: PoAction, rule: string, reason: string): TransitionRefusal => ({ allowed: false, action, from: po.status, rule, reason });

/** Only drafts are edited; every other status says how the PO can be changed, if at all. */
export function editRefusal(number: string, status: PoStatus): string {
  switch (status) {
    case 'submitted':
      return `${number} is submitted, so it cannot be edited: only drafts are. Recall it to draft to change it.`;
    case 'approved':
      return `${number} is approved, so it cannot be edited: only drafts are. Recall it to draft to change it; it then needs approval again.`;
    case 'released':
      return `${number} is released to the vendor, so it cannot be edited: start a change order to change it.`;
    default:
      return `${number} is ${STATUS_TEXT[status]}; it can only be viewed.`;
  }
}

function statusRefusal(po: LifecyclePo, action: PoAction): string {
  if (FINAL_STATUSES.includes(po.status)) return `${po.number} is ${STATUS_TEXT[po.status]}; it can only be viewed.`;
  if (action === 'edit') return editRefusal(po.number, po.status);
  if (action === 'change-order' && po.status === 'draft') {
    return `${po.number} is a draft: edit it directly; only a released PO takes a change order.`;
  }
  const rule = ACTION_RULES[action];
  return `${po.number} cannot be ${rule.past}: it is ${STATUS_TEXT[po.status]}; only ${rule.needs} can be.`;
}

/** Whether this person may take the action on this PO, by role and ownership alone. */
function actorRefusal(po: LifecyclePo, actor: Actor, action: PoAction): { rule: string; reason: string } | null {
  const rule = ACTION_RULES[action];
  const isOperator = actor.id === po.operatorId;
  const entered = `${po.operatorName}, who entered ${po.number}`;
  switch (rule.who) {
    case 'anyone':
      return null;
    case 'operator-or-admin':
      if (isOperator || actor.role === 'admin') return null;
      return { rule: 'po-operator-or-admin', reason: `Only ${entered}, or an admin, may ${rule.verb} it.` };
    case 'operator-or-reviewer':
      if (isOperator || actor.role !== 'operator') return null;
      return { rule: 'po-operator-or-reviewer', reason: `Only ${entered}, a supervisor or an admin may ${rule.verb} it.` };
    case 'reviewer':
      if (isOperator) {
        const instead = action === 'reject' ? ' Recall it instead to change it.' : '';
        return { rule: 'own-po', reason: `You entered ${po.number}; nobody may ${rule.verb} their own PO.${instead}` };
      }
      if (actor.role === 'operator') return { rule: 'reviewer-role', reason: `Only supervisors and admins ${rule.verb} POs; you are an operator.` };
      return null;
  }
}

/** Where the PO goes and what the audit log says, once the action is allowed. */
function transitionOf(po: LifecyclePo, request: LifecycleRequest): Omit<Transition, 'allowed' | 'action' | 'from'> {
  const same = { revision: po.revision, voidsApprovals: false };
  const n = po.number;
  switch (request.action) {
    case 'edit':
      return { ...same, to: 'draft', auditAction: 'po-updated', reason: `${n} is a draft, so it may be edited.` };
    case 'submit':
      return request.approvalRequired
        ? { ...same, to: 'submitted', auditAction: 'po-submitted', reason: `${n} submitted for approval.` }
        : { ...same, to: 'approved', auditAction: 'po-approved-on-submit', reason: `${n} approved on submit: it needs no approval.` };
    case 'approve':
      return request.completesApproval
        ? { ...same, to: 'approved', auditAction: 'po-approved', reason: `${n} approved.` }
        : { ...same, to: 'submitted', auditAction: 'po-approval-recorded', reason: `Approval of ${n} recorded; it needs more before it is approved.` };
    case 'reject':
      return { ...same, to: 'draft', voidsApprovals: true, auditAction: 'po-rejected', reason: `${n} rejected and sent back to draft: ${request.reason.trim()}` };
    case 'recall':
      return { ...same, to: 'draft', voidsApprovals: true, auditAction: 'po-recalled', reason: `${n} recalled to draft; the approvals given so far are void.` };
    case 'release':
      return { ...same, to: 'released', auditAction: 'po-released', reason: `${n} revision ${po.revision} released to the vendor.` };
    case 'close':
      return { ...same, to: 'closed', auditAction: 'po-closed', reason: `${n} closed.` };
    case 'cancel':
      return { ...same, to: 'cancelled', auditAction: 'po-cancelled', reason: `${n} cancelled: ${request.reason.trim()}` };
    case 'change-order':
      return {
        to: 'draft',
        revision: po.revision + 1,
        voidsApprovals: true,
        auditAction: 'po-change-order-started',
        reason: `Change order on ${n}: revision ${po.revision + 1} is a draft to edit; revision ${po.revision} stays as the vendor has it.`,
      };
  }
}

const REASON_ASKED: Record<'reject' | 'cancel', (n: string) => string> = {
  reject: (n) => `Give a reason for rejecting ${n}: its operator reads it to put the PO right.`,
  cancel: (n) => `Give a reason for cancelling ${n}: it goes to the audit log.`,
};

/**
 * The one question every service asks before it changes a PO's status: may this person do this
 * now? Checked in order: the status, who is asking, a reason where one is needed, then cancel's
 * own limit; the first rule that fails is the one named.
 */
export function decideTransition(po: LifecyclePo, actor: Actor, request: LifecycleRequest): TransitionDecision {
  const { action } = request;
  if (!ACTION_RULES[action].from.includes(po.status)) return refusal(po, action, 'po-status', statusRefusal(po, action));
  const actorProblem = actorRefusal(po, actor, action);
  if (actorProblem) return refusal(po, action, actorProblem.rule, actorProblem.reason);
  if ((request.action === 'reject' || request.action === 'cancel') && request.reason.trim() === '') {
    return refusal(po, action, 'reason-required', REASON_ASKED[request.action](po.number));
  }
  if (action === 'cancel' && po.lastReleasedRevision !== null) {
    return refusal(
      po,
      action,
      'cancel-before-release',
      `${po.number} cannot be cancelled: revision ${po.lastReleasedRevision} has gone to the vendor, and a PO is cancelled only until it is released.`,
    );
  }
  return { allowed: true, action, from: po.status, ...transitionOf(po, request) };
}

/** A line as a revision has it; the key stays the same for a line from one revision to the next. */
export interface RevisionLine {
  lineKey: number | string;
  lineNumber: number;
  costCenterCode: string | null;
}

/** What re-approval looks at in a revision. */
export interface RevisionFacts {
  revision: number;
  totalMinor: number;
  headerCostCenterCode: string | null;
  lines: readonly RevisionLine[];
}

export interface ReapprovalVerdict {
  needed: boolean;
  /** One sentence per reason; empty when not needed. */
  reasons: string[];
  /** All of it in one sentence for the operator and the audit log. */
  reason: string;
}

const codeText = (code: string | null) => (code === null ? 'none' : code);

/**
 * A change order needs approval again when its total rises above the approved total, or when a
 * cost center changes: the header's, any kept line's, or a new line charging a cost center the
 * approved revision did not charge. A new line on an already charged cost center, or a deleted
 * line, changes only the total, which the first test covers. The total falling or staying the same
 * is no reason: the approver agreed to spend at least that much on those cost centers.
 */
export function reapprovalNeeded(approved: RevisionFacts, changed: RevisionFacts, locale: LocaleCode): ReapprovalVerdict {
  const formatAmount = (minor: number) => formatMoney(minor, locale);
  const reasons: string[] = [];
  if (changed.totalMinor > approved.totalMinor) {
    reasons.push(`The total rises from ${formatAmount(approved.totalMinor)} to ${formatAmount(changed.totalMinor)}, above the approved total.`);
  }
  if (changed.headerCostCenterCode !== approved.headerCostCenterCode) {
    reasons.push(`The PO's cost center changes from ${codeText(approved.headerCostCenterCode)} to ${codeText(changed.headerCostCenterCode)}.`);
  }
  const approvedLines = new Map(approved.lines.map((line) => [line.lineKey, line]));
  const charged = new Set([approved.headerCostCenterCode, ...approved.lines.map((line) => line.costCenterCode)]);
  for (const line of changed.lines) {
    const before = approvedLines.get(line.lineKey);
    if (before && before.costCenterCode !== line.costCenterCode) {
      reasons.push(`Line ${line.lineNumber}'s cost center changes from ${codeText(before.costCenterCode)} to ${codeText(line.costCenterCode)}.`);
    }
    if (!before && line.costCenterCode !== null && !charged.has(line.costCenterCode)) {
      reasons.push(`New line ${line.lineNumber} charges cost center ${line.costCenterCode}, which revision ${approved.revision} did not.`);
    }
  }
  if (reasons.length > 0) return { needed: true, reasons, reason: `Revision ${changed.revision} needs approval again. ${reasons.join(' ')}` };
  return {
    needed: false,
    reasons,
    reason:
      `Revision ${changed.revision} needs no new approval: its total, ${formatAmount(changed.totalMinor)}, ` +
      `is not above the approved ${formatAmount(approved.totalMinor)}, and no cost center changes.`,
  };
}
