import type { ParsedInputOf, PoDetail } from '../../shared/contracts';
import { formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { type ApprovalAudit, type ApprovalBand, approvalsToVoid, decideSubmit } from '../domain/approval-rules';
import { type Actor, decideTransition, type LifecycleRequest, type Transition } from '../domain/po-lifecycle';
import { checkVersion } from '../domain/po-version';
import type { Db } from '../store/connect';
import { loadApprovalBands } from '../store/repositories/approval-band-repo';
import { type AuditEntry, appendAudit, appendAuditEntries } from '../store/repositories/audit-repo';
import { findLifecyclePo, insertRevision, type LifecycleRow, loadApprovals, updatePoStatus, voidApprovals } from '../store/repositories/lifecycle-repo';
import { BUDGET_ORDER_REQUIRED, readCostCentersEnabled, readSetting } from '../store/repositories/settings-repo';
import { inRetriedTransaction } from '../store/transaction';
import { actorOf, lifecyclePoOf, loadApprovedRevision, loadReviewPo } from './approval-facts';
import { AppFailure, conflict, notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { loadPoDetail } from './po-access-service';
import { releasedRevisionOf } from './po-document-service';
import { localeOf } from './caller-locale';
import { budgetRequiredOnSubmit } from '../domain/budget-checks';
import { findPoControls } from '../store/repositories/po-controls-repo';
import { checkBudgetAtSubmit, syncBudgetShares } from './budget-checks-in-transaction';

type StepInput = ParsedInputOf<'changePoStatus'>;

/** What the audit log keeps of a decision: the sentence, then revision, amount and band, so a row reads on its own. */
export function auditDetail(audit: Pick<ApprovalAudit, 'reason' | 'revision' | 'amountMinor' | 'band'>, locale: LocaleCode): string {
  const band = audit.band === null ? 'no approval band' : `band ${audit.band.label}`;
  return `${audit.reason} (Revision ${audit.revision}, total ${formatMoney(audit.amountMinor, locale)}, ${band}.)`;
}

/** The sentence the PO's operator reads beside its status after a step. */
function statusNoteOf(transition: Transition, actor: Actor, request: LifecycleRequest, revision: number): string {
  switch (request.action) {
    case 'reject':
      return `Rejected by ${actor.displayName} on revision ${revision}: ${request.reason.trim()}`;
    case 'cancel':
      return `Cancelled by ${actor.displayName}: ${request.reason.trim()}`;
    case 'recall':
      return `Recalled to draft by ${actor.displayName}; the approvals given so far are void.`;
    default:
      return transition.reason;
  }
}

const requestOf = (input: StepInput): LifecycleRequest => {
  switch (input.step) {
    case 'cancel':
      return { action: 'cancel', reason: input.reason ?? '' };
    case 'submit':
      // Replaced by decideSubmit's own judgement below; approval need is the bands' business.
      return { action: 'submit', approvalRequired: true };
    default:
      return { action: input.step };
  }
};

/**
 * One step of a PO's life, taken from the PO itself: submit, recall, release, close, cancel, or a
 * change order. Load, ask the domain, write in one transaction under the version the screen
 * showed; a refusal is audited and changes nothing. Approving and rejecting are review-service's.
 */
export async function changePoStatus(desk: Desk, caller: Caller, input: StepInput): Promise<PoDetail> {
  const { db } = desk;
  const row = await findLifecyclePo(db, input.id);
  if (!row) throw notFound(`Purchase order ${input.id} does not exist.`);
  const locale = await localeOf(db, caller);
  const version = checkVersion(row.number, row.version, input.version, 'nothing was changed');
  if (!version.ok) throw conflict(version.reason);

  const actor = actorOf(caller);
  const request = requestOf(input);
  const judged = input.step === 'submit' ? await judgeSubmit(db, row, actor, locale) : judgeStep(row, actor, request, locale);
  const audit = { operatorId: actor.id, poId: row.id, vendorCode: row.vendorCode, warehouseCode: row.warehouseCode };
  if (!judged.allowed) {
    await appendAudit(db, { ...audit, action: `po-${input.step}-refused`, rule: judged.rule, before: row.status, detail: judged.detail }, desk.now());
    throw refused(judged.reason);
  }
  const { transition } = judged;
  const at = desk.now();
  const document = transition.to === 'released' ? await releasedRevisionOf(db, row, at, locale) : null;
  const approvals = transition.voidsApprovals ? approvalsToVoid(await loadApprovals(db, row.id), row.revision, voidCause(input.step)) : null;
  const entries: AuditEntry[] = [{ ...audit, action: transition.auditAction, before: row.status, after: transition.to, detail: judged.detail }];
  if (approvals && approvals.voided.length > 0) entries.push({ ...audit, action: 'po-approvals-voided', rule: input.step, detail: approvals.reason });

  try {
    await writeStep(db, row, input, transition, judged, { actor, request, at, document, approvals, entries, locale });
  } catch (failure) {
    // The budget order, read under its lock inside the step's transaction, refused the submit.
    if (failure instanceof AppFailure && failure.error.code === 'refused' && failure.audit) {
      await appendAudit(db, { ...audit, action: 'po-submit-refused', rule: failure.audit.rule, before: row.status, after: failure.audit.after ?? null, detail: failure.error.message }, desk.now());
    }
    throw failure;
  }
  const { judged: _judged, ...detail } = await loadPoDetail(db, caller, row.id, 'view');
  return detail;
}

interface StepWrite {
  actor: Actor;
  request: LifecycleRequest;
  at: string;
  document: Awaited<ReturnType<typeof releasedRevisionOf>> | null;
  approvals: ReturnType<typeof approvalsToVoid> | null;
  entries: AuditEntry[];
  locale: LocaleCode;
}

/** The step's writes in one transaction; a submit first checks the budget order again under its lock. */
async function writeStep(db: Db, row: LifecycleRow, input: StepInput, transition: Transition, judged: Judged & { allowed: true }, step: StepWrite): Promise<void> {
  const { actor, request, at, document, approvals, entries } = step;
  await inRetriedTransaction(db, async (trx) => {
    if (input.step === 'submit') await checkBudgetAtSubmit(trx, row.id, step.locale);
    const moved = await updatePoStatus(trx, row.id, row.version, {
      status: transition.to,
      revision: transition.revision,
      lastReleasedRevision: transition.to === 'released' ? row.revision : row.lastReleasedRevision,
      statusNote: statusNoteOf(transition, actor, request, row.revision),
      at,
      submittedAt: transition.to === 'submitted' ? at : null,
      submittedBand: transition.to === 'submitted' && judged.band ? JSON.stringify(judged.band) : null,
    });
    if (!moved) throw conflict(`Someone changed ${row.number} while you were taking this step; nothing was changed. Reopen it to see where it stands.`);
    if (approvals && approvals.voided.length > 0) await voidApprovals(trx, row.id, row.revision, at, approvals.reason);
    if (document) await insertRevision(trx, document);
    await syncBudgetShares(trx, row.id, at);
    await appendAuditEntries(trx, entries, at);
  });
}

const voidCause = (step: StepInput['step']) => (step === 'change-order' ? 'change-order' : 'recall');

type Judged =
  | { allowed: true; transition: Transition; detail: string; band: ApprovalBand | null }
  | { allowed: false; rule: string; reason: string; detail: string };

function judgeStep(row: LifecycleRow, actor: Actor, request: LifecycleRequest, locale: LocaleCode): Judged {
  const verdict = decideTransition(lifecyclePoOf(row), actor, request);
  const facts = { revision: row.revision, amountMinor: row.totalMinor, band: null };
  if (!verdict.allowed) return { allowed: false, rule: verdict.rule, reason: verdict.reason, detail: auditDetail({ ...facts, reason: verdict.reason }, locale) };
  return { allowed: true, transition: verdict, band: null, detail: auditDetail({ ...facts, reason: verdict.reason }, locale) };
}

/** Submit asks the bands (and, for a change order, the revision last approved) whether approval is needed. */
async function judgeSubmit(db: Db, row: LifecycleRow, actor: Actor, locale: LocaleCode): Promise<Judged> {
  const [po, bands, enabled, approvedRevision] = await Promise.all([loadReviewPo(db, row), loadApprovalBands(db), readCostCentersEnabled(db), loadApprovedRevision(db, row)]);
  if (po.lines.length === 0) {
    const reason = `${row.number} has no lines; add at least one before submitting it.`;
    return { allowed: false, rule: 'po-has-lines', reason, detail: reason };
  }
  const [required, controls] = await Promise.all([readSetting(db, BUDGET_ORDER_REQUIRED), findPoControls(db, row.id)]);
  const budget = budgetRequiredOnSubmit(required === 'true', { number: row.number, budgetOrderNumber: controls?.budgetOrderNumber ?? null });
  if (!budget.allowed) return { allowed: false, rule: budget.rule, reason: budget.reason, detail: budget.reason };
  const decision = decideSubmit({ po, actor, rules: { costCentersEnabled: enabled, bands }, approvedRevision, locale });
  if (decision.kind === 'refused') return { allowed: false, rule: decision.rule, reason: decision.reason, detail: auditDetail(decision.audit, locale) };
  const band = decision.transition.to === 'submitted' ? decision.band.band : null;
  return { allowed: true, transition: decision.transition, band, detail: auditDetail(decision.audit, locale) };
}
