import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { SIGN_IN_POLICY } from '../../src/main/domain/sign-in-throttle';
import { hashPassword, RECOMMENDED_PASSWORD_COST, verifyPassword } from '../../src/main/services/passwords';
import { openTestDesk, TEST_PASSWORD_COST, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

forEachStore((store) => {
  let t: TestDesk;
  let clock: number;
  beforeEach(async () => {
    t = await openTestDesk(store);
    clock = Date.parse('2026-11-24T10:00:00.000Z');
    t.desk.now = () => new Date(clock).toISOString();
  });
  afterEach(async () => {
    await t.close();
  });

  const signIn = (signInName: string, password: string, address = '127.0.0.1', session = 'probe') =>
    dispatch(t.desk, session, 'signIn', { signInName, password }, { client: { address } });
  const auditCount = async (action: string) =>
    Number((await t.desk.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

  describe('sign-in throttling', () => {
    it('locks a name after 5 wrong passwords: the right one is refused too, and says when to retry', async () => {
      const answers = [];
      for (let guess = 0; guess < 50; guess++) answers.push(await signIn('admin', `guess-${guess}`));
      const wrongPasswordAnswers = answers.filter((a) => !a.ok && a.error.message.startsWith('That sign-in name and password'));
      expect(wrongPasswordAnswers).toHaveLength(SIGN_IN_POLICY.maxFailuresPerName - 1);
      const right = await signIn('admin', 'demo');
      expect(right).toMatchObject({ ok: false, error: { code: 'refused', field: 'signInName' } });
      if (!right.ok) expect(right.error.message).toMatch(/^Too many failed sign-ins for “admin”\. Try again after \d\d:\d\d, or ask an administrator to unlock it\.$/);

      // After the lockout the right password works again.
      clock += SIGN_IN_POLICY.lockoutMs + 1;
      expect(await signIn('admin', 'demo')).toMatchObject({ ok: true });
    });

    it('guesses sent all at once are checked in turn: the lockout holds and the right password among them is refused', async () => {
      const guesses = Array.from({ length: 49 }, (_, guess) => signIn('admin', `guess-${guess}`, '127.0.0.1', `s${guess}`));
      const answers = await Promise.all([...guesses, signIn('admin', 'demo', '127.0.0.1', 'right')]);
      const checked = answers.filter((a) => !a.ok && a.error.message.startsWith('That sign-in name and password'));
      expect(checked).toHaveLength(SIGN_IN_POLICY.maxFailuresPerName - 1);
      expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(await t.call('right', 'currentOperator', {})).toEqual({ ok: true, value: null });
    });

    it('tells the count of a window that ended without a lockout: at the next window, or at the sign-in that ends it', async () => {
      const details = async (action: string) =>
        (await t.desk.db.selectFrom('audit_log').select('detail').where('action', '=', action).orderBy('id').execute()).map((row) => row.detail);
      for (let guess = 0; guess < 3; guess++) await signIn('carol', `guess-${guess}`);
      clock += SIGN_IN_POLICY.windowMs + 1;
      await signIn('carol', 'again-wrong');
      await signIn('carol', 'still-wrong');
      expect(await signIn('carol', 'demo')).toMatchObject({ ok: true });
      const refused = await details('sign-in-refused');
      expect(refused).toHaveLength(2);
      expect(refused[0]).not.toMatch(/previous window/);
      expect(refused[1]).toMatch(/Its previous window ended after 3 refused sign-ins\.$/);
      expect(await details('sign-in')).toEqual(['Carol Okafor signed in after 2 refused sign-ins.']);
    });

    it('tells the retry time rounded up to the minute, so trying at that minute works', async () => {
      clock = Date.parse('2026-11-24T10:00:30.000Z');
      for (let guess = 0; guess < SIGN_IN_POLICY.maxFailuresPerName; guess++) await signIn('pat', `guess-${guess}`);
      const localMinute = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
      const locked = await signIn('pat', 'demo');
      expect(locked).toMatchObject({ ok: false, error: { message: `Too many failed sign-ins for “pat”. Try again after ${localMinute('2026-11-24T10:16:00.000Z')}, or ask an administrator to unlock it.` } });
      clock = Date.parse('2026-11-24T10:16:00.000Z');
      expect(await signIn('pat', 'demo')).toMatchObject({ ok: true });
    });

    it('a burst of refused sign-ins writes two audit rows, not one per guess', async () => {
      for (let guess = 0; guess < 200; guess++) await signIn('admin', `guess-${guess}`);
      expect(await auditCount('sign-in-refused')).toBe(1);
      expect(await auditCount('sign-in-locked')).toBe(1);
    });

    it('locks an address guessing across many names', async () => {
      for (let name = 0; name < SIGN_IN_POLICY.maxFailuresPerAddress; name++) await signIn(`nobody-${name}`, 'x', '10.0.0.9');
      const fromThere = await signIn('alice', 'demo', '10.0.0.9');
      expect(fromThere).toMatchObject({ ok: false });
      if (!fromThere.ok) expect(fromThere.error.message).toMatch(/^Too many failed sign-ins from this computer/);
      expect(await signIn('alice', 'demo', '127.0.0.2')).toMatchObject({ ok: true });
    });

    // PostgreSQL only: two desks in one process on one SQLite file would only wait for each other (better-sqlite3 blocks its thread).
    it.runIf(store === 'postgres')('two servers on one database counting failures at once lose none of them', async () => {
      // Each guess a different name from one address, so only the address's count moves: one per guess.
      const GUESSES = SIGN_IN_POLICY.maxFailuresPerAddress - 1;
      const other = await t.openAnother();
      other.desk.now = t.desk.now;
      try {
        const guess = (n: number) => dispatch(n % 2 === 0 ? t.desk : other.desk, `g${n}`, 'signIn', { signInName: `nobody-${n}`, password: 'x' }, { client: { address: '10.0.0.7' } });
        const answers = await Promise.all(Array.from({ length: GUESSES }, (_, n) => guess(n)));
        expect(answers.filter((a) => a.ok)).toEqual([]);
        const counted = await t.desk.db.selectFrom('sign_in_attempts').select('failures').where('scope', '=', 'address').where('subject', '=', '10.0.0.7').executeTakeFirstOrThrow();
        expect(counted.failures).toBe(GUESSES);
        // The next failure, on either desk, is the one that locks the address.
        expect(await guess(GUESSES)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Too many failed sign-ins from this computer/) } });
      } finally {
        await other.close();
      }
    });

    it('an admin can unlock a name; an operator cannot', async () => {
      for (let guess = 0; guess < SIGN_IN_POLICY.maxFailuresPerName; guess++) await signIn('bob', `guess-${guess}`, `10.0.1.${guess}`);
      expect(await signIn('bob', 'demo', '10.0.2.1')).toMatchObject({ ok: false });
      const alice = await t.signIn('alice');
      expect(await t.call(alice, 'unlockSignIn', { signInName: 'bob' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const admin = await t.signIn('admin');
      expect(await t.call(admin, 'unlockSignIn', { signInName: 'BOB' })).toEqual({ ok: true, value: { unlocked: true } });
      expect(await signIn('bob', 'demo', '10.0.2.1')).toMatchObject({ ok: true });
      expect(await auditCount('sign-in-unlocked')).toBe(1);
    });

    it('quotes at most 64 characters of what a caller typed as a name', async () => {
      await signIn('x'.repeat(64), 'y');
      const row = await t.desk.db.selectFrom('audit_log').select('detail').where('action', '=', 'sign-in-refused').executeTakeFirstOrThrow();
      expect(row.detail.length).toBeLessThan(200);
    });
  });

  describe('password hashes', () => {
    it('hash at the recommended scrypt cost, N = 2^17, and still verify older hashes', async () => {
      expect(RECOMMENDED_PASSWORD_COST).toBe(2 ** 17);
      const strong = await hashPassword('s3cret');
      expect(strong).toMatch(/^scrypt\$131072\$/);
      expect(await verifyPassword('s3cret', strong)).toBe(true);
      const old = await hashPassword('s3cret', 16384);
      expect(await verifyPassword('s3cret', old)).toBe(true);
      expect(await verifyPassword('wrong', old)).toBe(false);
    });

    it('rehashes a weaker hash at the next successful sign-in', async () => {
      t.desk.passwordCost = TEST_PASSWORD_COST * 2;
      const hashOf = async () => (await t.desk.db.selectFrom('operators').select('password_hash').where('sign_in_name', '=', 'carol').executeTakeFirstOrThrow()).password_hash;
      expect(await hashOf()).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_COST}\\$`));
      await signIn('carol', 'wrong');
      expect(await hashOf()).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_COST}\\$`));
      expect(await signIn('carol', 'demo')).toMatchObject({ ok: true });
      expect(await hashOf()).toMatch(new RegExp(`^scrypt\\$${TEST_PASSWORD_COST * 2}\\$`));
      expect(await signIn('carol', 'demo', '127.0.0.1', 'again')).toMatchObject({ ok: true });
    });

    it('takes as long to refuse an unknown name as a known name with a wrong password', async () => {
      t.desk.passwordCost = 2 ** 14;
      await t.desk.db.updateTable('operators').set({ password_hash: await hashPassword('demo', 2 ** 14) }).execute();
      const time = async (name: string, address: string) => {
        const started = performance.now();
        await signIn(name, 'wrong', address);
        return performance.now() - started;
      };
      await time('no-such-operator', '10.9.0.0'); // the dummy hash is made once
      const known: number[] = [];
      const unknown: number[] = [];
      for (let round = 0; round < 4; round++) {
        known.push(await time('alice', `10.9.1.${round}`));
        unknown.push(await time(`nobody-${round}`, `10.9.2.${round}`));
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
      // Before the dummy hash an unknown name answered about 20 times faster; now they are alike.
      expect(median(unknown) / median(known)).toBeGreaterThan(0.33);
      expect(median(unknown) / median(known)).toBeLessThan(3);
    });
  });
});
