import type { CarriedOutcome, ReviewDecisionKind } from '../../../../shared/lifecycle-schemas';
import { formatMoney, formatScaled } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';

/** The sentences the review desk says, pure, so the screen and the tests read the same words. */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const counted = (n: number, one: string, many: string, locale: LocaleCode) => `${formatScaled(n, 0, locale)} ${n === 1 ? one : many}`;

/** How long a PO has waited: "3 days", "5 hours", "under an hour"; whole units, rounded down. */
export function ageOf(submittedAt: string, now: Date, locale: LocaleCode): string {
  const since = new Date(submittedAt).getTime();
  if (Number.isNaN(since)) return 'unknown';
  const waited = Math.max(0, now.getTime() - since);
  if (waited >= DAY_MS) return counted(Math.floor(waited / DAY_MS), 'day', 'days', locale);
  if (waited >= HOUR_MS) return counted(Math.floor(waited / HOUR_MS), 'hour', 'hours', locale);
  return 'under an hour';
}

export interface DecisionFacts {
  decision: ReviewDecisionKind;
  poNumber: string;
  revision: number;
  totalMinor: number;
}

/** "Approve PO-000123 revision 1 for 12,345.00?" — the question before Enter. */
export function decisionQuestion(facts: DecisionFacts, locale: LocaleCode): string {
  const verb = facts.decision === 'approve' ? 'Approve' : 'Reject';
  return `${verb} ${facts.poNumber} revision ${formatScaled(facts.revision, 0, locale)} for ${formatMoney(facts.totalMinor, locale)}?`;
}

export const OUTCOME_LABEL: Record<CarriedOutcome['outcome'], string> = {
  applied: 'Applied',
  'already-applied': 'Already applied',
  conflict: 'Conflict: decide again',
  refused: 'Refused',
};

export const DECISION_LABEL: Record<ReviewDecisionKind, string> = { approve: 'Approve', reject: 'Reject' };

export const countOf = (n: number, one: string, many: string, locale: LocaleCode): string => counted(n, one, many, locale);
