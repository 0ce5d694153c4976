/**
 * Approval by rule, pure: the installation's bands, the PO's facts and the approver's come in;
 * out go verdicts with a sentence, and for every decision the facts of its audit row (who, PO
 * revision, amount, band, reason). The service only loads, asks this, and commits.
 *
 * Which band applies:
 * - A band applies from its amount upward (at the amount included) until the next band of its
 *   scope. Amounts are the PO's whole total, in integer minor units.
 * - A band's scope is one cost center, or all. A cost center with bands of its own follows its own
 *   ladder only; the bands for all govern the cost centers without one (and every PO when cost
 *   centers are turned off). An admin can so make one cost center stricter or looser than the rest.
 * - A PO with several cost centers (header and lines) takes, of the bands its cost centers reach,
 *   the strictest: most approvals, then an admin required, then the narrowest approvers (admins,
 *   then named people, then supervisors), then the highest amount, then a cost center's own band,
 *   then the lowest id. One band is then the whole story, which the approver and the operator can
 *   read in one sentence; a supervisor must cover every cost center of the PO in any case.
 * - Under every band a PO is approved on submit, and the audit says so.
 *
 * Who may approve:
 * - Nobody approves a PO they entered, or a revision they changed.
 * - Only supervisors and admins approve. A band for the role "supervisor" takes supervisors and
 *   admins; for "admin", admins only; a named band, only the people it names.
 * - A supervisor approves only POs whose cost centers (header and every line) are all active in
 *   their scheme's list. Admins oversee the whole installation and are not bound to a scheme.
 * - Anyone with an approval limit approves only up to it (a total equal to the limit is within it);
 *   no limit (null) means none is set.
 * - One approval per person per revision; an admin requirement keeps the last free place for an
 *   admin when no admin has approved yet.
 * - Approvals count only for the revision they were given on, and are void after a recall, a
 *   rejection or a change order.
 */
import type { Role } from '../../shared/contracts';
import { formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { activeCodes, type CostCenter, listCodes } from './cost-center-rules';
import {
  type Actor,
  decideTransition,
  type LifecyclePo,
  type ReapprovalVerdict,
  reapprovalNeeded,
  type RevisionFacts,
  type Transition,
} from './po-lifecycle';

export interface NamedApprover {
  id: number;
  displayName: string;
  role: Role;
}

export type BandApprovers = { kind: 'role'; role: 'supervisor' | 'admin' } | { kind: 'named'; approvers: readonly NamedApprover[] };

export interface ApprovalBand {
  id: number;
  /** null: the band is for all cost centers. */
  costCenterCode: string | null;
  /** The band applies from this total upward, in minor units. */
  fromMinor: number;
  approvers: BandApprovers;
  approvalsRequired: number;
  /** At least one of the approvals must be an admin's. */
  adminRequired: boolean;
}

export interface ApprovalRules {
  costCentersEnabled: boolean;
  bands: readonly ApprovalBand[];
}

/** The PO as approval sees it: its life-cycle facts, its current revision, and who changed that revision. */
export interface ReviewPo extends LifecyclePo, RevisionFacts {
  /** Everyone who saved this revision (the operator who entered it included, or not). */
  changedByIds: readonly number[];
}

export interface Approver extends Actor {
  schemeName: string | null;
  /** The scheme's list in its configured order; inactive cost centers do not count. */
  schemeCostCenters: readonly CostCenter[];
  /** null: no limit is set. */
  approvalLimitMinor: number | null;
}

export interface ApprovalRecord {
  approverId: number;
  approverName: string;
  /** The approver's role when they approved. */
  approverRole: Role;
  revision: number;
  voided: boolean;
}

/** The facts of one audit row; the service adds when, and the PO's id. */
export interface ApprovalAudit {
  action: string;
  rule: string | null;
  actorId: number;
  actorName: string;
  poNumber: string;
  revision: number;
  amountMinor: number;
  band: { id: number; label: string } | null;
  reason: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "Sam Patel, Lee Chen or Dana Admin". */
function nameList(names: readonly string[], conjunction: 'and' | 'or'): string {
  if (names.length <= 1) return names[0] ?? 'nobody';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

function approversText(band: ApprovalBand): string {
  const many = band.approvalsRequired > 1;
  if (band.approvers.kind === 'named') return nameList(band.approvers.approvers.map((a) => a.displayName), many ? 'and' : 'or');
  if (band.approvers.role === 'admin') return many ? 'admins' : 'an admin';
  return many ? 'supervisors or admins' : 'a supervisor or an admin';
}

/** "from 100,000.00 for all cost centers: 2 approvals by supervisors or admins, one of them an admin". */
export function describeBand(band: ApprovalBand, locale: LocaleCode): string {
  const scope = band.costCenterCode === null ? 'all cost centers' : `cost center ${band.costCenterCode}`;
  const by = band.approvers.kind === 'named' && band.approvalsRequired > 1 ? 'from' : 'by';
  const admin = band.adminRequired && !(band.approvers.kind === 'role' && band.approvers.role === 'admin');
  const adminText = admin ? (band.approvalsRequired > 1 ? ', one of them an admin' : ', an admin') : '';
  return `from ${formatMoney(band.fromMinor, locale)} for ${scope}: ${plural(band.approvalsRequired, 'approval')} ${by} ${approversText(band)}${adminText}`;
}

const bandRef = (band: ApprovalBand | null, locale: LocaleCode) => (band === null ? null : { id: band.id, label: describeBand(band, locale) });

/** The PO's cost centers, header first, each once; blanks do not count. */
export function poCostCenterCodes(po: Pick<RevisionFacts, 'headerCostCenterCode' | 'lines'>): string[] {
  const codes: string[] = [];
  for (const code of [po.headerCostCenterCode, ...po.lines.map((line) => line.costCenterCode)]) {
    if (code !== null && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

const approverRank = (approvers: BandApprovers) => (approvers.kind === 'named' ? 1 : approvers.role === 'admin' ? 2 : 0);

/** Negative when a is the stricter band; the order the module comment gives. */
export function compareStrictness(a: ApprovalBand, b: ApprovalBand): number {
  return (
    b.approvalsRequired - a.approvalsRequired ||
    Number(b.adminRequired) - Number(a.adminRequired) ||
    approverRank(b.approvers) - approverRank(a.approvers) ||
    b.fromMinor - a.fromMinor ||
    Number(b.costCenterCode !== null) - Number(a.costCenterCode !== null) ||
    a.id - b.id
  );
}

/** The band of one ladder that a total reaches: the highest start at or below it. */
function bandOfLadder(ladder: readonly ApprovalBand[], totalMinor: number): ApprovalBand | null {
  let found: ApprovalBand | null = null;
  for (const band of ladder) {
    if (band.fromMinor <= totalMinor && (found === null || band.fromMinor > found.fromMinor || (band.fromMinor === found.fromMinor && compareStrictness(band, found) < 0))) {
      found = band;
    }
  }
  return found;
}

export interface BandChoice {
  band: ApprovalBand | null;
  /** The cost centers it was chosen for; empty when cost centers are off or the PO has none. */
  costCenterCodes: string[];
  reason: string;
}

/** Which band a PO's current revision falls in; null: it is approved on submit. */
export function bandFor(rules: ApprovalRules, po: Pick<RevisionFacts, 'totalMinor' | 'headerCostCenterCode' | 'lines'>, locale: LocaleCode): BandChoice {
  const codes = rules.costCentersEnabled ? poCostCenterCodes(po) : [];
  const forAll = rules.bands.filter((band) => band.costCenterCode === null);
  const ladderOf = (code: string) => {
    const own = rules.bands.filter((band) => band.costCenterCode === code);
    return own.length > 0 ? own : forAll;
  };
  const ladders = codes.length === 0 ? [forAll] : codes.map(ladderOf);
  const reached = ladders.map((ladder) => bandOfLadder(ladder, po.totalMinor)).filter((band): band is ApprovalBand => band !== null);
  const amount = formatMoney(po.totalMinor, locale);
  const forCodes = codes.length === 0 ? '' : ` for ${codes.length === 1 ? 'cost center' : 'cost centers'} ${listCodes(codes)}`;
  const band = [...reached].sort(compareStrictness)[0] ?? null;
  if (band === null) {
    return { band, costCenterCodes: codes, reason: `No approval is needed: ${amount} is under every approval band${forCodes}.` };
  }
  const distinct = new Set(reached.map((b) => b.id)).size;
  const strictest = distinct > 1 ? `, the strictest of the bands${forCodes}` : '';
  return { band, costCenterCodes: codes, reason: `The band ${describeBand(band, locale)} applies to ${amount}${strictest}.` };
}

/** The approvals that count for this revision: not void, given on it, one per person. */
export function approvalsInForce(approvals: readonly ApprovalRecord[], revision: number): ApprovalRecord[] {
  const inForce: ApprovalRecord[] = [];
  for (const approval of approvals) {
    if (!approval.voided && approval.revision === revision && !inForce.some((a) => a.approverId === approval.approverId)) inForce.push(approval);
  }
  return inForce;
}

export interface ApprovalProgress {
  complete: boolean;
  given: number;
  required: number;
  remaining: number;
  /** The band needs an admin and none has approved yet. */
  adminStillNeeded: boolean;
  approverNames: string[];
  /** "Needs 1 more approval, from an admin (1 of 2 given: Sam Patel)." */
  summary: string;
}

/** Whether the approvals in force complete the band, and what is still needed, in words. */
export function approvalProgress(band: ApprovalBand, inForce: readonly ApprovalRecord[]): ApprovalProgress {
  const given = inForce.length;
  const required = band.approvalsRequired;
  const adminStillNeeded = band.adminRequired && !inForce.some((a) => a.approverRole === 'admin');
  const remaining = Math.max(required - given, adminStillNeeded ? 1 : 0);
  const approverNames = inForce.map((a) => a.approverName);
  const complete = remaining === 0;
  const givenText = given === 0 ? 'none given yet' : `${given} of ${required} given: ${nameList(approverNames, 'and')}`;
  let summary: string;
  if (complete) summary = `Approved: ${given} of ${required} approvals given (${nameList(approverNames, 'and')}).`;
  else if (!adminStillNeeded) summary = `Needs ${plural(remaining, 'more approval')} (${givenText}).`;
  else if (remaining === 1) summary = `Needs ${plural(remaining, 'more approval')}, from an admin (${givenText}).`;
  else summary = `Needs ${plural(remaining, 'more approval')}, one of them from an admin (${givenText}).`;
  return { complete, given, required, remaining, adminStillNeeded, approverNames, summary };
}

export type ApproverVerdict = { allowed: true; reason: string } | { allowed: false; rule: string; reason: string };

export interface ApproverFacts {
  po: ReviewPo;
  approver: Approver;
  /** The band the revision was submitted under (bandFor at submit), so a rule edited during review does not move the goalposts. */
  band: ApprovalBand | null;
  approvals: readonly ApprovalRecord[];
  costCentersEnabled: boolean;
  locale: LocaleCode;
}

type Check = { rule: string; reason: string } | null;

/** Who may judge the PO at all, for approving and rejecting alike: ownership, role, band, cost centers, limit. */
function reviewerProblem(facts: ApproverFacts, verb: 'approve' | 'reject'): Check {
  const { po, approver, band, locale } = facts;
  const n = po.number;
  if (approver.id === po.operatorId) return { rule: 'own-po', reason: `You entered ${n}; nobody may ${verb} their own PO.` };
  if (po.changedByIds.includes(approver.id)) {
    return { rule: 'own-change', reason: `You changed ${n} revision ${po.revision}; nobody may ${verb} their own changes.` };
  }
  if (approver.role === 'operator') return { rule: 'reviewer-role', reason: `Only supervisors and admins ${verb} POs; you are an operator.` };
  if (band === null) return { rule: 'no-band', reason: `${n} needs no approval: its total is under every approval band.` };
  const describe = () => `the band ${describeBand(band, locale)}`;
  if (band.approvers.kind === 'named' && !band.approvers.approvers.some((a) => a.id === approver.id)) {
    return { rule: 'band-approvers', reason: `You may not ${verb} ${n}: ${describe()} names ${nameList(band.approvers.approvers.map((a) => a.displayName), 'and')}, not you.` };
  }
  if (band.approvers.kind === 'role' && band.approvers.role === 'admin' && approver.role !== 'admin') {
    return { rule: 'band-approvers', reason: `You may not ${verb} ${n}: ${describe()} is for admins only; you are a supervisor.` };
  }
  if (facts.costCentersEnabled && approver.role === 'supervisor') {
    const allowed = activeCodes(approver.schemeCostCenters);
    const outside = poCostCenterCodes(po).filter((code) => !allowed.includes(code));
    if (outside.length > 0) {
      const scheme = approver.schemeName === null ? 'you have no cost-center scheme' : `your scheme ${approver.schemeName} allows ${listCodes(allowed)}`;
      return { rule: 'approver-cost-centers', reason: `You may not ${verb} ${n}: it charges ${listCodes(outside)}, and ${scheme}.` };
    }
  }
  if (approver.approvalLimitMinor !== null && po.totalMinor > approver.approvalLimitMinor) {
    return {
      rule: 'approval-limit',
      reason: `You may not ${verb} ${n}: its total, ${formatMoney(po.totalMinor, locale)}, is above your approval limit of ${formatMoney(approver.approvalLimitMinor, locale)}.`,
    };
  }
  return null;
}

/** Whether this approver may approve the PO now, and if not, the rule and why. Also decides who sees a PO in "Needs my review". */
export function checkApprover(facts: ApproverFacts): ApproverVerdict {
  const problem = reviewerProblem(facts, 'approve');
  if (problem) return { allowed: false, ...problem };
  const { po, approver } = facts;
  const band = facts.band as ApprovalBand;
  const inForce = approvalsInForce(facts.approvals, po.revision);
  const progress = approvalProgress(band, inForce);
  if (progress.complete) return { allowed: false, rule: 'approvals-complete', reason: `${po.number} already has every approval it needs.` };
  if (inForce.some((a) => a.approverId === approver.id)) {
    return { allowed: false, rule: 'already-approved', reason: `You have already approved ${po.number} revision ${po.revision}; the next approval must come from someone else.` };
  }
  if (progress.adminStillNeeded && progress.remaining === 1 && approver.role !== 'admin') {
    return { allowed: false, rule: 'admin-approval-required', reason: `${po.number} still needs an admin's approval: ${progress.summary}` };
  }
  return { allowed: true, reason: `You may approve ${po.number}. ${progress.summary}` };
}

/** Whether this reviewer may reject the PO: the same people who could approve it, before or after approving it themselves. */
export function checkRejecter(facts: ApproverFacts): ApproverVerdict {
  const problem = reviewerProblem(facts, 'reject');
  if (problem) return { allowed: false, ...problem };
  return { allowed: true, reason: `You may reject ${facts.po.number}.` };
}

export type VoidCause = 'recall' | 'rejection' | 'change-order';

const VOID_CAUSE_TEXT: Record<VoidCause, string> = {
  recall: 'it was recalled',
  rejection: 'it was rejected',
  'change-order': 'a change order started a new revision',
};

/** The approvals of this revision a recall, rejection or change order makes void, and the sentence for the audit. */
export function approvalsToVoid(approvals: readonly ApprovalRecord[], revision: number, cause: VoidCause): { voided: ApprovalRecord[]; reason: string } {
  const voided = approvals.filter((a) => !a.voided && a.revision === revision);
  const reason =
    voided.length === 0
      ? `No approvals to void on revision ${revision}.`
      : `${plural(voided.length, 'approval')} on revision ${revision} void because ${VOID_CAUSE_TEXT[cause]}: ${nameList(voided.map((a) => a.approverName), 'and')}.`;
  return { voided, reason };
}

/** Problems that would make a band unusable, for the admin screen; empty when the band is sound. */
export function bandProblems(band: ApprovalBand, locale: LocaleCode): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(band.fromMinor) || band.fromMinor < 0) problems.push('A band starts at a whole amount of zero or more.');
  if (!Number.isSafeInteger(band.approvalsRequired) || band.approvalsRequired < 1) problems.push('A band needs at least 1 approval.');
  if (band.approvers.kind === 'named') {
    const named = band.approvers.approvers;
    const from = `The band from ${formatMoney(band.fromMinor, locale)}`;
    if (named.length === 0) problems.push(`${from} names no approver.`);
    else if (named.length < band.approvalsRequired) problems.push(`${from} needs ${plural(band.approvalsRequired, 'approval')} but names only ${named.length}.`);
    if (band.adminRequired && named.length > 0 && !named.some((a) => a.role === 'admin')) problems.push(`${from} needs an admin's approval but names no admin.`);
    const operators = named.filter((a) => a.role === 'operator');
    if (operators.length > 0) problems.push(`${from} names ${nameList(operators.map((a) => a.displayName), 'and')}, who cannot approve: only supervisors and admins do.`);
  }
  return problems;
}

export type Decision<Extra> = { kind: 'refused'; rule: string; reason: string; audit: ApprovalAudit } | ({ kind: 'allowed'; transition: Transition; audit: ApprovalAudit } & Extra);

const auditOf = (po: ReviewPo, actor: Actor, band: ApprovalBand | null, locale: LocaleCode, action: string, rule: string | null, reason: string): ApprovalAudit => ({
  action,
  rule,
  actorId: actor.id,
  actorName: actor.displayName,
  poNumber: po.number,
  revision: po.revision,
  amountMinor: po.totalMinor,
  band: bandRef(band, locale),
  reason,
});

export interface SubmitFacts {
  po: ReviewPo;
  actor: Actor;
  rules: ApprovalRules;
  /** The revision last approved, when this submit is of a change order; null for a PO never released. */
  approvedRevision: RevisionFacts | null;
  locale: LocaleCode;
}

/**
 * Submit: the band for the revision, and for a change order whether it needs approval again.
 * A change order that needs none, or whose total is under every band, is approved on submit.
 */
export function decideSubmit(facts: SubmitFacts): Decision<{ band: BandChoice; reapproval: ReapprovalVerdict | null }> {
  const { po, actor, locale } = facts;
  const choice = bandFor(facts.rules, po, locale);
  const reapproval = facts.approvedRevision === null ? null : reapprovalNeeded(facts.approvedRevision, po, locale);
  const approvalRequired = choice.band !== null && (reapproval === null || reapproval.needed);
  const transition = decideTransition(po, actor, { action: 'submit', approvalRequired });
  if (!transition.allowed) {
    return { kind: 'refused', rule: transition.rule, reason: transition.reason, audit: auditOf(po, actor, choice.band, locale, 'po-submit-refused', transition.rule, transition.reason) };
  }
  const why = reapproval === null ? choice.reason : reapproval.needed ? `${reapproval.reason} ${choice.reason}` : reapproval.reason;
  const reason = `${transition.reason} ${why}`;
  const band = approvalRequired ? choice.band : null;
  return { kind: 'allowed', transition: { ...transition, reason }, band: choice, reapproval, audit: auditOf(po, actor, band, locale, transition.auditAction, null, reason) };
}

/** Approve: the life cycle first (status, role, own PO), then the approver's rules; the PO is approved once the band is complete. */
export function decideApproval(facts: ApproverFacts): Decision<{ progress: ApprovalProgress; approval: ApprovalRecord }> {
  const { po, approver, band, locale } = facts;
  const refused = (rule: string, reason: string) => ({ kind: 'refused' as const, rule, reason, audit: auditOf(po, approver, band, locale, 'po-approval-refused', rule, reason) });
  const first = decideTransition(po, approver, { action: 'approve', completesApproval: false });
  if (!first.allowed) return refused(first.rule, first.reason);
  const verdict = checkApprover(facts);
  if (!verdict.allowed) return refused(verdict.rule, verdict.reason);
  const approval: ApprovalRecord = { approverId: approver.id, approverName: approver.displayName, approverRole: approver.role, revision: po.revision, voided: false };
  const progress = approvalProgress(band as ApprovalBand, [...approvalsInForce(facts.approvals, po.revision), approval]);
  const transition = decideTransition(po, approver, { action: 'approve', completesApproval: progress.complete });
  if (!transition.allowed) return refused(transition.rule, transition.reason);
  const reason = `${approver.displayName} approved ${po.number} revision ${po.revision}. ${progress.summary}`;
  return { kind: 'allowed', transition: { ...transition, reason }, progress, approval, audit: auditOf(po, approver, band, locale, transition.auditAction, null, reason) };
}

/** Reject, with a reason: back to draft, and the revision's approvals void. */
export function decideRejection(facts: ApproverFacts & { reason: string }): Decision<{ voided: ApprovalRecord[] }> {
  const { po, approver, band, locale } = facts;
  const refused = (rule: string, reason: string) => ({ kind: 'refused' as const, rule, reason, audit: auditOf(po, approver, band, locale, 'po-rejection-refused', rule, reason) });
  const transition = decideTransition(po, approver, { action: 'reject', reason: facts.reason });
  if (!transition.allowed) return refused(transition.rule, transition.reason);
  const verdict = checkRejecter(facts);
  if (!verdict.allowed) return refused(verdict.rule, verdict.reason);
  const { voided, reason: voidReason } = approvalsToVoid(facts.approvals, po.revision, 'rejection');
  const reason = voided.length === 0 ? transition.reason : `${transition.reason} ${voidReason}`;
  return { kind: 'allowed', transition: { ...transition, reason }, voided, audit: auditOf(po, approver, band, locale, transition.auditAction, null, reason) };
}
