/**
 * Sign-in throttling, pure. Failures are counted per sign-in name and per client address in a
 * window; past the limit, that name or address is locked out until the lockout ends (or an admin
 * unlocks it). Only the first failure of a window and the lockout itself are worth an audit row:
 * a burst of guesses becomes two rows, not thousands. The count of a window that ended without a
 * lockout is told by the next window's first row (or by the successful sign-in that closes it).
 *
 * | situation                                              | verdict                                   |
 * |--------------------------------------------------------|-------------------------------------------|
 * | no record, or the record's window and lockout are over | allowed                                   |
 * | record locked until a time still ahead                  | refused until then, no password checked   |
 * | failure, no live window                                 | new window, 1 failure, audit (first)      |
 * | … the window before ended unlocked after 2+ failures    | the first row also tells that count       |
 * | failure inside the window, below the limit              | count + 1, no audit row                   |
 * | failure reaching the limit                              | locked for `lockoutMs`, audit (lockout)   |
 * | success                                                 | the name's record is cleared              |
 */
export interface SignInPolicy {
  windowMs: number;
  lockoutMs: number;
  maxFailuresPerName: number;
  maxFailuresPerAddress: number;
}

export const SIGN_IN_POLICY: SignInPolicy = {
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
  maxFailuresPerName: 5,
  maxFailuresPerAddress: 20,
};

export interface AttemptRecord {
  failures: number;
  /** ISO instant the counting window started. */
  windowStartedAt: string;
  /** ISO instant the lockout ends; null while not locked. */
  lockedUntil: string | null;
}

export type ThrottleScope = 'name' | 'address';

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAt: string };

const ms = (iso: string) => Date.parse(iso);

/** Whether a sign-in may even be tried now, given the name's and the address's records. */
export function checkSignInAllowed(records: Partial<Record<ThrottleScope, AttemptRecord>>, now: string): ThrottleVerdict {
  let verdict: ThrottleVerdict = { allowed: true };
  for (const scope of ['name', 'address'] as const) {
    const lockedUntil = records[scope]?.lockedUntil;
    if (lockedUntil && ms(lockedUntil) > ms(now) && (verdict.allowed || ms(lockedUntil) > ms(verdict.retryAt))) {
      verdict = { allowed: false, scope, retryAt: lockedUntil };
    }
  }
  return verdict;
}

export interface FailureOutcome {
  record: AttemptRecord;
  /** The first failure of a new window: audit it. */
  firstInWindow: boolean;
  /** This failure reached the limit: audit the lockout. */
  lockedNow: boolean;
  /**
   * Failures of the window this one replaced when no audit row has told them yet: it ended without
   * a lockout (whose row gives the count) and after more than the one its first row told. Else 0.
   */
  untoldFailures: number;
}

/** The record after one more failure. */
export function recordFailure(previous: AttemptRecord | undefined, now: string, limit: number, policy: SignInPolicy = SIGN_IN_POLICY): FailureOutcome {
  const live = previous !== undefined && ms(now) - ms(previous.windowStartedAt) < policy.windowMs;
  const failures = live ? previous.failures + 1 : 1;
  const stillLocked = live && previous.lockedUntil !== null && ms(previous.lockedUntil) > ms(now);
  const lockedNow = !stillLocked && failures >= limit;
  return {
    record: {
      failures,
      windowStartedAt: live ? previous.windowStartedAt : now,
      lockedUntil: lockedNow ? new Date(ms(now) + policy.lockoutMs).toISOString() : stillLocked ? previous.lockedUntil : null,
    },
    firstInWindow: !live,
    lockedNow,
    untoldFailures: !live && previous !== undefined && previous.lockedUntil === null && previous.failures > 1 ? previous.failures : 0,
  };
}
