import type { PoActionOption, PoStanding } from '../../shared/lifecycle-schemas';
import type { LocaleCode } from '../../shared/locales';
import { approvalProgress, approvalsInForce, bandFor, checkApprover, checkRejecter, describeBand } from '../domain/approval-rules';
import { decideTransition, type LifecycleRequest } from '../domain/po-lifecycle';
import type { Db } from '../store/connect';
import { loadApprovalBands } from '../store/repositories/approval-band-repo';
import { findLifecyclePo, listRevisions, loadApprovals, type LifecycleRow } from '../store/repositories/lifecycle-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { actorOf, lifecyclePoOf, loadApprover, loadReviewPo, submittedBandOf } from './approval-facts';
import { notFound } from './app-failure';
import type { Caller } from './desk';

/** A line as the standing reads it: which cost center it charges. */
type StandingLine = { id: number; lineNumber: number; costCenterCode: string | null };

/** The steps asked of the PO screen, each with the facts its rule needs filled in as a neutral example. */
const STEP_REQUESTS: LifecycleRequest[] = [
  { action: 'submit', approvalRequired: true },
  { action: 'recall' },
  { action: 'release' },
  { action: 'close' },
  // A reason is asked for when cancelling; whether cancelling is open at all does not depend on it.
  { action: 'cancel', reason: 'asked when cancelling' },
  { action: 'change-order' },
];

/** Where the PO stands and what this person may do with it now, each with the sentence that says why (not). */
export async function loadStanding(db: Db, caller: Caller, poId: number, locale: LocaleCode, lines?: readonly StandingLine[]): Promise<PoStanding> {
  const row = await findLifecyclePo(db, poId);
  if (!row) throw notFound(`Purchase order ${poId} does not exist.`);
  const [approvals, released] = await Promise.all([loadApprovals(db, poId), listRevisions(db, poId)]);
  const band = submittedBandOf(row);
  const inForce = approvalsInForce(approvals, row.revision);
  const revisions: PoStanding['revisions'] = released.map((r) => ({ revision: r.revision, releasedAt: r.releasedAt }));
  if (!revisions.some((r) => r.revision === row.revision)) revisions.push({ revision: row.revision, releasedAt: null });
  return {
    revision: row.revision,
    statusNote: row.statusNote,
    statusChangedAt: row.statusChangedAt,
    band: band === null ? null : describeBand(band, locale),
    progress: row.status === 'submitted' && band !== null ? approvalProgress(band, inForce).summary : null,
    approvals: approvals.map((a) => ({ approverName: a.approverName, approverRole: a.approverRole, at: a.at, revision: a.revision, voided: a.voided })),
    revisions,
    actions: await actionsFor(db, caller, row, locale, approvals, lines),
  };
}

async function actionsFor(
  db: Db,
  caller: Caller,
  row: LifecycleRow,
  locale: LocaleCode,
  approvals: Awaited<ReturnType<typeof loadApprovals>>,
  lines: readonly StandingLine[] | undefined,
): Promise<PoActionOption[]> {
  const po = lifecyclePoOf(row);
  const actor = actorOf(caller);
  const options: PoActionOption[] = [];
  for (const request of STEP_REQUESTS) {
    const verdict = decideTransition(po, actor, request);
    let reason = verdict.reason;
    if (verdict.allowed && request.action === 'submit') reason = await submitHint(db, row, locale, lines);
    options.push({ action: request.action as PoActionOption['action'], allowed: verdict.allowed, reason });
  }
  if (row.status === 'submitted' && caller.operator.role !== 'operator') {
    const [reviewPo, approver, enabled] = await Promise.all([loadReviewPo(db, row, lines), loadApprover(db, caller), readCostCentersEnabled(db)]);
    const facts = { po: reviewPo, approver, band: submittedBandOf(row), approvals, costCentersEnabled: enabled, locale };
    const approve = checkApprover(facts);
    const reject = checkRejecter(facts);
    options.push({ action: 'approve', allowed: approve.allowed, reason: approve.reason }, { action: 'reject', allowed: reject.allowed, reason: reject.reason });
  }
  return options;
}

/** What submitting would lead to: the band that applies, or approval on submit. */
async function submitHint(db: Db, row: LifecycleRow, locale: LocaleCode, lines: readonly StandingLine[] | undefined): Promise<string> {
  const [bands, enabled, reviewPo] = await Promise.all([loadApprovalBands(db), readCostCentersEnabled(db), loadReviewPo(db, row, lines)]);
  return bandFor({ costCentersEnabled: enabled, bands }, reviewPo, locale).reason;
}
