/**
 * Counters the entry store's async calls compare against, so a slow answer never overwrites a
 * newer one. Kept outside the state: they change on every keystroke and nothing renders them.
 */
export const tracking = {
  focusSeq: 0,
  resolveSeq: 0,
  lastResolvedKey: null as string | null,
  editSeq: 0,
  /** Latest line check per line. */
  judgeSeq: {} as Record<string, number>,
  /** What each line last went to main as, so moving through unchanged cells asks nothing. */
  lastJudged: {} as Record<string, string>,
  /** Latest codeRow question per line. */
  codeSeq: {} as Record<string, number>,
};

/** A new form starts: every answer still on its way belongs to the old one. */
export function forgetPending(): void {
  tracking.editSeq++;
  tracking.resolveSeq++;
  tracking.lastResolvedKey = null;
  tracking.judgeSeq = {};
  tracking.lastJudged = {};
  tracking.codeSeq = {};
}
