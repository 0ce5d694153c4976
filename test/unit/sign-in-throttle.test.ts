import { describe, expect, it } from 'vitest';
import { type AttemptRecord, checkSignInAllowed, recordFailure, SIGN_IN_POLICY } from '../../src/main/domain/sign-in-throttle';

const T0 = '2026-11-24T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const record = (failures: number, windowStartMinutes: number, lockedUntilMinutes: number | null = null): AttemptRecord => ({
  failures,
  windowStartedAt: at(windowStartMinutes),
  lockedUntil: lockedUntilMinutes === null ? null : at(lockedUntilMinutes),
});

describe('checkSignInAllowed', () => {
  it.each([
    ['no records', {}, 5, { allowed: true }],
    ['failures below the limit', { name: record(4, 0) }, 5, { allowed: true }],
    ['a name locked until later', { name: record(5, 0, 15) }, 5, { allowed: false, scope: 'name', retryAt: at(15) }],
    ['a lockout that has ended', { name: record(5, 0, 15) }, 15, { allowed: true }],
    ['an address locked until later', { address: record(20, 0, 20) }, 10, { allowed: false, scope: 'address', retryAt: at(20) }],
    ['both locked: the later end counts', { name: record(5, 0, 15), address: record(20, 0, 25) }, 10, { allowed: false, scope: 'address', retryAt: at(25) }],
    ['both locked, the name ends later', { name: record(5, 0, 30), address: record(20, 0, 25) }, 10, { allowed: false, scope: 'name', retryAt: at(30) }],
  ] as const)('%s', (_name, records, minutes, expected) => {
    expect(checkSignInAllowed(records, at(minutes))).toEqual(expected);
  });
});

describe('recordFailure', () => {
  const limit = SIGN_IN_POLICY.maxFailuresPerName;
  it.each([
    ['the first failure opens a window', undefined, 0, { record: record(1, 0), firstInWindow: true, lockedNow: false, untoldFailures: 0 }],
    ['a failure inside the window counts', record(2, 0), 5, { record: record(3, 0), firstInWindow: false, lockedNow: false, untoldFailures: 0 }],
    ['the failure reaching the limit locks', record(4, 0), 5, { record: record(5, 0, 20), firstInWindow: false, lockedNow: true, untoldFailures: 0 }],
    ['a failure after the window opens a new one and tells the old count', record(4, 0), 15, { record: record(1, 15), firstInWindow: true, lockedNow: false, untoldFailures: 4 }],
    ['a window of one failure was told by its first row', record(1, 0), 15, { record: record(1, 15), firstInWindow: true, lockedNow: false, untoldFailures: 0 }],
    ['a locked window was told by its lockout row', record(5, 0, 15), 30, { record: record(1, 30), firstInWindow: true, lockedNow: false, untoldFailures: 0 }],
    ['a failure while locked does not extend the lockout', record(5, 0, 15), 10, { record: record(6, 0, 15), firstInWindow: false, lockedNow: false, untoldFailures: 0 }],
  ] as const)('%s', (_name, previous, minutes, expected) => {
    expect(recordFailure(previous, at(minutes), limit)).toEqual(expected);
  });

  it('five failures in a row lock the name for the lockout period', () => {
    let current: AttemptRecord | undefined;
    const locks: boolean[] = [];
    for (let i = 0; i < limit; i++) {
      const outcome = recordFailure(current, at(i), limit);
      current = outcome.record;
      locks.push(outcome.lockedNow);
    }
    expect(locks).toEqual([false, false, false, false, true]);
    expect(current?.lockedUntil).toBe(at(limit - 1 + SIGN_IN_POLICY.lockoutMs / 60_000));
  });
});
