import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { createDesk, type Desk } from '../../src/main/services/desk';
import { forEachStore, freshStoreLocation, type TestStoreLocation } from '../support/stores';
import { TEST_PASSWORD_COST } from '../support/test-desk';

forEachStore((store) => {
  let empty: TestStoreLocation;
  let desk: Desk;
  beforeEach(async () => {
    empty = await freshStoreLocation(store);
    desk = createDesk(await openStore(empty.location, { demoData: false, passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
  });
  afterEach(async () => {
    await desk.db.destroy();
    await empty.dispose();
  });

  const firstAdmin = { signInName: 'Dana', displayName: 'Dana Lund', password: 'correct horse battery' };

  it('a database started without demo data has no operator, and "demo" signs nobody in', async () => {
    expect(await dispatch(desk, 's', 'setupState', {})).toEqual({ ok: true, value: { needsFirstAdmin: true, demoDatabase: false } });
    for (const signInName of ['admin', 'alice', 'dana']) {
      expect(await dispatch(desk, 's', 'signIn', { signInName, password: 'demo' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
  });

  it('the first person sets up the administrator with a password of their own, once', async () => {
    const created = await dispatch(desk, 'first', 'setUpFirstAdmin', firstAdmin);
    expect(created).toMatchObject({ ok: true, value: { signInName: 'dana', displayName: 'Dana Lund', role: 'admin' } });
    expect(await dispatch(desk, 'first', 'currentOperator', {})).toMatchObject({ ok: true, value: { signInName: 'dana' } });
    expect(await dispatch(desk, 's', 'setupState', {})).toEqual({ ok: true, value: { needsFirstAdmin: false, demoDatabase: false } });

    const second = await dispatch(desk, 'other', 'setUpFirstAdmin', { ...firstAdmin, signInName: 'mallory' });
    expect(second).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'This desk already has an administrator; sign in instead.' } });
    expect(await dispatch(desk, 'again', 'signIn', { signInName: 'dana', password: firstAdmin.password })).toMatchObject({ ok: true });
    const audit = await desk.db.selectFrom('audit_log').select('action').where('action', '=', 'first-admin-created').execute();
    expect(audit).toHaveLength(1);
  });

  // PostgreSQL only: two desks in one process on one SQLite file would only wait for each other (better-sqlite3 blocks its thread).
  it.runIf(store === 'postgres')('two first-run screens on two servers of one database at once: exactly one administrator is made', async () => {
    const other = createDesk(await openStore(empty.location, { demoData: false, passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
    try {
      const results = await Promise.all([
        dispatch(desk, 'first', 'setUpFirstAdmin', firstAdmin),
        dispatch(other, 'second', 'setUpFirstAdmin', { ...firstAdmin, signInName: 'mallory' }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toMatchObject([{ error: { code: 'forbidden' } }]);
      expect(await desk.db.selectFrom('operators').select('sign_in_name').execute()).toHaveLength(1);
    } finally {
      await other.db.destroy();
    }
  });

  it.each([
    [{ ...firstAdmin, password: 'short' }, 'Choose a password of at least 12 characters'],
    [{ ...firstAdmin, password: 'aaaaaaaaaaaaaaa' }, 'Choose a password that is more than one character repeated'],
    [{ ...firstAdmin, signInName: 'da na' }, 'Use letters, digits, dots, dashes and underscores in a sign-in name'],
    [{ ...firstAdmin, displayName: '  ' }, 'Enter your name as colleagues should see it'],
  ])('refuses a weak or malformed first administrator: %j', async (input, message) => {
    const result = await dispatch(desk, 's', 'setUpFirstAdmin', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.issues?.[0]?.message).toBe(message);
    expect(await dispatch(desk, 's', 'setupState', {})).toEqual({ ok: true, value: { needsFirstAdmin: true, demoDatabase: false } });
  });

  it('a demo database says so, so the sign-in screen may name its shared password', async () => {
    const where = await freshStoreLocation(store);
    const demo = createDesk(await openStore(where.location, { passwordCost: TEST_PASSWORD_COST }));
    try {
      expect(await dispatch(demo, 's', 'setupState', {})).toEqual({ ok: true, value: { needsFirstAdmin: false, demoDatabase: true } });
    } finally {
      await demo.db.destroy();
      await where.dispose();
    }
  });

  it('a database first opened without demo data never gets the demo operators, even when reopened with the default', async () => {
    await desk.db.destroy();
    const reopened = createDesk(await openStore(empty.location, { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
    try {
      expect(await dispatch(reopened, 's', 'setupState', {})).toEqual({ ok: true, value: { needsFirstAdmin: true, demoDatabase: false } });
      expect(await dispatch(reopened, 's', 'signIn', { signInName: 'admin', password: 'demo' })).toMatchObject({ ok: false });
    } finally {
      // afterEach destroys `desk` again; destroying twice is harmless for Kysely.
      desk = reopened;
    }
  });
});
