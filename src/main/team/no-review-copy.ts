import type { OfflineReviewState } from '../../shared/lifecycle-schemas';

/** What a shell without a review copy answers: the review desk then works only while its desk answers. */
export const NO_REVIEW_COPY: OfflineReviewState = { available: false, offline: false, copiedAt: null, copiedCount: 0, pending: 0, conflicts: [] };
