import { z } from 'zod';

/**
 * The PO's life cycle and its review, as the contracts carry them. Kept apart from contracts.ts
 * so that file stays the table of calls; the schemas that embed a whole PO live there.
 */

export const PO_STATUS_VALUES = ['draft', 'submitted', 'approved', 'released', 'closed', 'cancelled'] as const;
export const poStatusSchema = z.enum(PO_STATUS_VALUES);
export type PoStatus = z.infer<typeof poStatusSchema>;

/** The steps an operator takes from the PO itself; approving and rejecting go through the review desk. */
export const poStepSchema = z.enum(['submit', 'recall', 'release', 'close', 'cancel', 'change-order']);
export type PoStep = z.infer<typeof poStepSchema>;

const reasonText = z.string().trim().max(500, 'A reason is at most 500 characters');

export const changePoStatusInputSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The version the screen shows: a PO saved or decided meanwhile is refused as stale. */
  version: z.number().int().positive(),
  step: poStepSchema,
  /** Required to cancel; main says so when it is blank. */
  reason: reasonText.optional(),
});
export type ChangePoStatusInput = z.input<typeof changePoStatusInputSchema>;

/** One thing the signed-in operator could do with the PO now, and why (not). */
export const poActionOptionSchema = z.object({
  action: z.enum(['submit', 'recall', 'approve', 'reject', 'release', 'close', 'cancel', 'change-order']),
  allowed: z.boolean(),
  reason: z.string(),
});
export type PoActionOption = z.infer<typeof poActionOptionSchema>;

export const approvalViewSchema = z.object({
  approverName: z.string(),
  approverRole: z.enum(['operator', 'supervisor', 'admin']),
  at: z.string(),
  revision: z.number().int(),
  voided: z.boolean(),
});
export type ApprovalView = z.infer<typeof approvalViewSchema>;

/** Where the PO stands in its life, for the PO screen, the list and the review desk. */
export const poStandingSchema = z.object({
  revision: z.number().int(),
  /** The last step's sentence: why it is where it is (a rejection's reason, who must still approve…). */
  statusNote: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  /** The band the current revision was submitted under, in words; null when none applied. */
  band: z.string().nullable(),
  /** "Needs 1 more approval (1 of 2 given: Sam Patel)." while submitted; null otherwise. */
  progress: z.string().nullable(),
  approvals: z.array(approvalViewSchema),
  /** Every revision of the PO, oldest first, each readable. */
  revisions: z.array(z.object({ revision: z.number().int(), releasedAt: z.string().nullable() })),
  actions: z.array(poActionOptionSchema),
});
export type PoStanding = z.infer<typeof poStandingSchema>;

export const reviewQueueRowSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  revision: z.number().int(),
  version: z.number().int(),
  vendorCode: z.string(),
  vendorName: z.string(),
  totalMinor: z.number().int(),
  costCenterCodes: z.array(z.string()),
  operatorName: z.string(),
  submittedAt: z.string(),
  band: z.string().nullable(),
  progress: z.string().nullable(),
});
export type ReviewQueueRow = z.infer<typeof reviewQueueRowSchema>;

export const reviewDecisionSchema = z.enum(['approve', 'reject']);
export type ReviewDecisionKind = z.infer<typeof reviewDecisionSchema>;

export const decideReviewInputSchema = z.strictObject({
  id: z.number().int().positive(),
  /** The revision and version the supervisor read: a PO changed since is not decided. */
  revision: z.number().int().positive(),
  version: z.number().int().positive(),
  decision: reviewDecisionSchema,
  /** Required to reject; main says so when it is blank. */
  reason: reasonText.optional(),
  /** Made once where the decision is taken, so a decision replayed after a crash is applied once. */
  decisionId: z.uuid('A decision needs its id'),
  /** When the supervisor decided, for a decision taken offline (ISO); absent means now. */
  decidedAt: z.iso.datetime({ offset: true }).optional(),
});
export type DecideReviewInput = z.input<typeof decideReviewInputSchema>;

export const reviewOutcomeSchema = z.object({
  decisionId: z.string(),
  poId: z.number().int(),
  poNumber: z.string(),
  /** applied: done now; already-applied: this decision id was applied before (a replay). */
  outcome: z.enum(['applied', 'already-applied']),
  status: poStatusSchema,
  message: z.string(),
});
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

/** A decision as a file carries it from another computer, or a workstation's outbox keeps it. */
export const carriedDecisionSchema = z.strictObject({
  decisionId: z.uuid(),
  poId: z.number().int().positive(),
  poNumber: z.string().max(32),
  revision: z.number().int().positive(),
  version: z.number().int().positive(),
  decision: reviewDecisionSchema,
  reason: reasonText.nullable(),
  decidedAt: z.iso.datetime({ offset: true }),
});
export type CarriedDecision = z.infer<typeof carriedDecisionSchema>;

export const DECISIONS_FILE_FORMAT = 'purchasing-desk-review-decisions';
export const REVIEW_PACKAGE_FORMAT = 'purchasing-desk-review-package';

export const decisionsFileSchema = z.strictObject({
  format: z.literal(DECISIONS_FILE_FORMAT, { error: 'This is not a decisions file made by the review desk' }),
  formatVersion: z.literal(1, { error: 'This decisions file was made by another version of the desk' }),
  /** The supervisor the package was made for; only they may import the decisions. */
  supervisor: z.strictObject({ id: z.number().int().positive(), signInName: z.string().max(64), displayName: z.string().max(100) }),
  madeAt: z.iso.datetime({ offset: true }),
  decisions: z.array(carriedDecisionSchema).max(2000, 'A decisions file holds at most 2,000 decisions'),
});
export type DecisionsFile = z.infer<typeof decisionsFileSchema>;

/** What became of one carried decision when it reached the desk. */
export const carriedOutcomeSchema = z.object({
  decisionId: z.string(),
  poId: z.number().int(),
  poNumber: z.string(),
  decision: reviewDecisionSchema,
  outcome: z.enum(['applied', 'already-applied', 'conflict', 'refused']),
  /** For a conflict or refusal: what changed or which rule refused, in words. */
  message: z.string(),
});
export type CarriedOutcome = z.infer<typeof carriedOutcomeSchema>;

export const poDocumentInputSchema = z.strictObject({
  id: z.number().int().positive(),
  /** A stored revision; absent means the current one (a draft preview until it is released). */
  revision: z.number().int().positive().optional(),
});

export const poDocumentSchema = z.object({
  fileName: z.string(),
  kind: z.enum(['draft-preview', 'released']),
  revision: z.number().int(),
  /** The PDF's bytes, base64: the contracts carry JSON. */
  contentBase64: z.string(),
});
export type PoDocument = z.infer<typeof poDocumentSchema>;

// --- Approval bands (admin) ---

export const bandApproversSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('role'), role: z.enum(['supervisor', 'admin']) }),
    z.strictObject({ kind: z.literal('named'), operatorIds: z.array(z.number().int().positive()).max(50) }),
  ],
  { error: 'Choose who approves: supervisors, admins, or named people' },
);

export const approvalBandInputSchema = z.strictObject({
  /** Absent for a new band. */
  id: z.number().int().positive().optional(),
  /** null: the band is for all cost centers. */
  costCenterCode: z.string().trim().toUpperCase().max(32).nullable(),
  fromMinor: z.number().int('An amount is whole minor units').nonnegative('A band starts at zero or more'),
  approvers: bandApproversSchema,
  approvalsRequired: z.number().int().min(1, 'A band needs at least 1 approval').max(10, 'A band asks for at most 10 approvals'),
  adminRequired: z.boolean(),
});
export type ApprovalBandInput = z.input<typeof approvalBandInputSchema>;

export const approvalBandViewSchema = z.object({
  id: z.number().int(),
  costCenterCode: z.string().nullable(),
  fromMinor: z.number().int(),
  approvers: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('role'), role: z.enum(['supervisor', 'admin']) }),
    z.object({ kind: z.literal('named'), approvers: z.array(z.object({ id: z.number().int(), displayName: z.string() })) }),
  ]),
  approvalsRequired: z.number().int(),
  adminRequired: z.boolean(),
  /** The band in one sentence, as approvers and operators read it. */
  label: z.string(),
});
export type ApprovalBandView = z.infer<typeof approvalBandViewSchema>;

export const approvalRulesViewSchema = z.object({
  bands: z.array(approvalBandViewSchema),
  /** Supervisors and admins, with their approval limits. */
  approvers: z.array(
    z.object({ id: z.number().int(), displayName: z.string(), role: z.enum(['operator', 'supervisor', 'admin']), approvalLimitMinor: z.number().int().nullable() }),
  ),
  costCenters: z.array(z.object({ code: z.string(), description: z.string() })),
});
export type ApprovalRulesView = z.infer<typeof approvalRulesViewSchema>;

export const setApprovalLimitInputSchema = z.strictObject({
  operatorId: z.number().int().positive(),
  /** null: no limit. */
  approvalLimitMinor: z.number().int('An amount is whole minor units').nonnegative('A limit is zero or more').nullable(),
});

// --- Offline review on a team workstation (answered by the shell, not the desk) ---

export const reviewConflictSchema = carriedOutcomeSchema.extend({
  reason: z.string().nullable(),
  decidedAt: z.string(),
  decidedRevision: z.number().int(),
});
export type ReviewConflict = z.infer<typeof reviewConflictSchema>;

export const offlineReviewStateSchema = z.object({
  /** This workstation keeps a review copy (team mode, signed in as a supervisor or admin). */
  available: z.boolean(),
  /** Answers come from the copy because the team server cannot be reached. */
  offline: z.boolean(),
  copiedAt: z.string().nullable(),
  copiedCount: z.number().int(),
  /** Decisions in the outbox, not yet applied on the server. */
  pending: z.number().int(),
  conflicts: z.array(reviewConflictSchema),
});
export type OfflineReviewState = z.infer<typeof offlineReviewStateSchema>;
