import { afterEach, beforeEach, expect, it } from 'vitest';
import { expectOk, line, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * Operators' accounts on both stores, through the real dispatcher. Demo world: admin is Dana Admin,
 * the only admin; sam a supervisor; alice (NORTH), bob (SOLO), carol (FLEET), pat (WIDE) operators.
 */
const TEMPORARY = 'harbour-lights-42';
const CHOSEN = 'quay wall in the rain';

forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const idOf = async (signInName: string) => (await t.desk.db.selectFrom('operators').select('id').where('sign_in_name', '=', signInName).executeTakeFirstOrThrow()).id;
  const auditOf = (action: string) => t.desk.db.selectFrom('audit_log').select(['rule', 'before_value', 'after_value', 'detail']).where('action', '=', action).orderBy('id').execute();
  const signInAs = (signInName: string, password: string, key: string) => t.call(key, 'signIn', { signInName, password });

  it('creates an operator who must choose a new password first; nothing else is open until they do', async () => {
    const admin = await t.signIn('admin');
    const refusedDraft = await t.call(admin, 'createOperator', { signInName: 'x', displayName: '', role: 'boss', schemeCode: 'NOPE', initialPassword: 'short' });
    expect(refusedDraft).toMatchObject({ ok: false, error: { code: 'refused', field: 'signInName' } });
    if (!refusedDraft.ok) expect(refusedDraft.error.issues?.map((issue) => issue.path)).toEqual(['signInName', 'displayName', 'role', 'schemeCode']);
    const before = await t.desk.db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    const weak = await t.call(admin, 'createOperator', { signInName: 'Erin.K', displayName: 'Erin Kowalski', role: 'operator', schemeCode: 'north', initialPassword: 'aaaaaaaaaaaaaaa' });
    expect(weak).toMatchObject({ ok: false, error: { field: 'initialPassword', message: expect.stringMatching(/more than one character repeated/) } });
    expect(Number((await t.desk.db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(Number(before.n));

    const created = expectOk(await t.call(admin, 'createOperator', { signInName: 'Erin.K', displayName: 'Erin Kowalski', role: 'operator', schemeCode: 'north', initialPassword: TEMPORARY }));
    expect(created.operator).toMatchObject({ signInName: 'erin.k', displayName: 'Erin Kowalski', role: 'operator', schemeCode: 'NORTH', active: true, mustChangePassword: true, entry: { allowed: true } });
    expect(created.notes.join(' ')).toMatch(/stored as erin\.k/);
    const dup = await t.call(admin, 'createOperator', { signInName: 'erin.k', displayName: 'Another Erin', role: 'operator', schemeCode: null, initialPassword: TEMPORARY });
    expect(dup).toMatchObject({ ok: false, error: { field: 'signInName', message: expect.stringMatching(/already used/) } });

    const erin = 'session-erin';
    expectOk(await signInAs('erin.k', TEMPORARY, erin));
    expect(expectOk(await t.call(erin, 'myAccount', {}))).toMatchObject({ mustChangePassword: true });
    for (const [name, input] of [['listPos', {}], ['getSettings', {}], ['poEntryReadiness', {}], ['savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [line()] }]] as const) {
      const answer = await t.call(erin, name, input);
      if (name === 'getSettings') expect(answer.ok).toBe(true); // open to anyone, signed in or not
      else expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'mustChangePassword' } });
    }
    expect(await t.call(erin, 'changeMyPassword', { currentPassword: 'wrong one entirely', newPassword: CHOSEN, repeatPassword: CHOSEN })).toMatchObject({ ok: false, error: { field: 'currentPassword' } });
    expect(await t.call(erin, 'changeMyPassword', { currentPassword: TEMPORARY, newPassword: CHOSEN, repeatPassword: `${CHOSEN}!` })).toMatchObject({ ok: false, error: { field: 'repeatPassword' } });
    expect(await t.call(erin, 'changeMyPassword', { currentPassword: TEMPORARY, newPassword: TEMPORARY, repeatPassword: TEMPORARY })).toMatchObject({ ok: false, error: { field: 'newPassword' } });
    expectOk(await t.call(erin, 'changeMyPassword', { currentPassword: TEMPORARY, newPassword: CHOSEN, repeatPassword: CHOSEN }));
    expect(expectOk(await t.call(erin, 'myAccount', {}))).toMatchObject({ mustChangePassword: false });
    expectOk(await t.call(erin, 'listPos', {}));
    expect(await signInAs('erin.k', TEMPORARY, 'old-password')).toMatchObject({ ok: false });
    expectOk(await signInAs('erin.k', CHOSEN, 'new-password'));

    const createdAudit = await auditOf('operator-created');
    expect(createdAudit).toHaveLength(1);
    expect(createdAudit[0]?.after_value).toBe('Erin Kowalski (erin.k), operator, scheme NORTH');
    const everything = await t.desk.db.selectFrom('audit_log').select(['before_value', 'after_value', 'detail']).execute();
    for (const row of everything) for (const value of [row.before_value, row.after_value, row.detail]) expect(value ?? '').not.toMatch(new RegExp(`${TEMPORARY}|${CHOSEN}|scrypt`));
    expect((await auditOf('password-change-refused')).map((row) => row.rule)).toEqual(['current-password', 'password-rules', 'password-rules']);
  });

  it('changes role, scheme and name with before and after audited; a supervisor reads, an operator is refused', async () => {
    const admin = await t.signIn('admin');
    const bobId = await idOf('bob');
    const saved = expectOk(await t.call(admin, 'updateOperator', { id: bobId, displayName: 'Bob Lindqvist', role: 'supervisor', schemeCode: 'FLEET' }));
    expect(saved.operator).toMatchObject({ role: 'supervisor', schemeCode: 'FLEET' });
    expect(saved.reason).toMatch(/Bob Lindqvist becomes a supervisor/);
    const [changed] = await auditOf('operator-changed');
    expect([changed?.before_value, changed?.after_value]).toEqual(['Bob Lindqvist (bob), operator, scheme SOLO', 'Bob Lindqvist (bob), supervisor, scheme FLEET']);

    const noScheme = expectOk(await t.call(admin, 'updateOperator', { id: bobId, displayName: 'Bob Lindqvist', role: 'supervisor', schemeCode: null }));
    expect(noScheme.operator.entry).toMatchObject({ allowed: false, reason: expect.stringMatching(/^Bob Lindqvist cannot enter POs: cost centers are in use/) });
    expect(noScheme.notes.join(' ')).toMatch(/has no cost-center scheme/);

    const sam = await t.signIn('sam');
    const page = expectOk(await t.call(sam, 'listOperators', { search: 'li', status: 'all' }));
    expect(page.canEdit).toBe(false);
    expect(page.rows.map((row) => row.signInName)).toEqual(['alice', 'bob']);
    expect(page.rows.find((row) => row.signInName === 'alice')?.hasHistory).toBe(true);
    expect(await t.call(sam, 'updateOperator', { id: bobId, displayName: 'Bob', role: 'operator', schemeCode: 'SOLO' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(sam, 'resetOperatorPassword', { id: bobId, temporaryPassword: TEMPORARY })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const alice = await t.signIn('alice');
    expect(await t.call(alice, 'listOperators', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(alice, 'simulateAccess', { operatorId: bobId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const paged = expectOk(await t.call(admin, 'listOperators', { page: 2, pageSize: 5, status: 'all' }));
    expect([paged.total, paged.rows.length]).toEqual([6, 1]);
    const exported = expectOk(await t.call(sam, 'exportOperators', { role: 'operator', status: 'all' }));
    expect(exported.rows.map((row) => row.signInName)).toEqual(['alice', 'carol', 'pat']);
  });

  it('deactivates (sign-in refused, sessions ended), reactivates, and refuses an admin’s own account', async () => {
    const admin = await t.signIn('admin');
    const carol = await t.signIn('carol');
    const carolId = await idOf('carol');
    expectOk(await t.call(carol, 'listPos', {}));
    const off = expectOk(await t.call(admin, 'setOperatorActive', { id: carolId, active: false }));
    expect(off.operator.active).toBe(false);
    expect(await t.call(carol, 'listPos', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await signInAs('carol', 'demo', 'carol-again')).toMatchObject({ ok: false, error: { code: 'refused' } });
    const [deactivated] = await auditOf('operator-deactivated');
    expect([deactivated?.before_value, deactivated?.after_value]).toEqual(['Carol Okafor (carol), operator, scheme FLEET', 'Carol Okafor (carol), operator, scheme FLEET, inactive']);
    expect(expectOk(await t.call(admin, 'listOperators', {})).rows.map((row) => row.signInName)).not.toContain('carol');
    expectOk(await t.call(admin, 'setOperatorActive', { id: carolId, active: true }));
    expectOk(await signInAs('carol', 'demo', 'carol-back'));

    const adminId = await idOf('admin');
    const stored = await t.desk.db.selectFrom('operators').selectAll().where('id', '=', adminId).executeTakeFirstOrThrow();
    expect(await t.call(admin, 'setOperatorActive', { id: adminId, active: false })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/cannot deactivate yourself/) } });
    expect(await t.call(admin, 'updateOperator', { id: adminId, displayName: 'Dana Admin', role: 'operator', schemeCode: 'NORTH' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cannot change your own role/) } });
    expect(await t.desk.db.selectFrom('operators').selectAll().where('id', '=', adminId).executeTakeFirstOrThrow()).toEqual(stored);
    expect((await auditOf('operator-change-refused')).map((row) => row.rule)).toEqual(['own-account', 'own-account']);

    // A second admin may demote the first; the one left is then the last active admin.
    expectOk(await t.call(admin, 'updateOperator', { id: await idOf('sam'), displayName: 'Sam Patel', role: 'admin', schemeCode: 'NORTH' }));
    const sam = await t.signIn('sam');
    expectOk(await t.call(sam, 'updateOperator', { id: adminId, displayName: 'Dana Admin', role: 'supervisor', schemeCode: 'NORTH' }));
    expect(await t.call(admin, 'listOperators', {})).toMatchObject({ ok: true, value: { canEdit: false } });
  });

  it('resets a password: the operator’s sessions end, the old password stops working, the temporary one must be replaced', async () => {
    const admin = await t.signIn('admin');
    const alice = await t.signIn('alice');
    const aliceId = await idOf('alice');
    expect(await t.call(admin, 'resetOperatorPassword', { id: aliceId, temporaryPassword: 'alice' })).toMatchObject({ ok: false, error: { field: 'temporaryPassword' } });
    expect(await t.call(admin, 'resetOperatorPassword', { id: await idOf('admin'), temporaryPassword: TEMPORARY })).toMatchObject({ ok: false, error: { field: 'temporaryPassword' } });
    const reset = expectOk(await t.call(admin, 'resetOperatorPassword', { id: aliceId, temporaryPassword: TEMPORARY }));
    expect(reset.operator.mustChangePassword).toBe(true);
    expect(await t.call(alice, 'listPos', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(await signInAs('alice', 'demo', 'alice-old')).toMatchObject({ ok: false });
    const again = 'alice-again';
    expectOk(await signInAs('alice', TEMPORARY, again));
    expect(await t.call(again, 'openPo', { id: 1 })).toMatchObject({ ok: false, error: { field: 'mustChangePassword' } });
    expectOk(await t.call(again, 'changeMyPassword', { currentPassword: TEMPORARY, newPassword: CHOSEN, repeatPassword: CHOSEN }));
    expectOk(await t.call(again, 'listPos', {}));
    const [audit] = await auditOf('password-reset');
    expect(audit?.after_value).toBe('Alice Moreau (alice), operator, scheme NORTH, password to be replaced at the next sign-in');

    // Changing one's own password ends one's other sessions, not this one.
    const elsewhere = 'alice-elsewhere';
    expectOk(await signInAs('alice', CHOSEN, elsewhere));
    const next = 'a different sentence here';
    expectOk(await t.call(again, 'changeMyPassword', { currentPassword: CHOSEN, newPassword: next, repeatPassword: next }));
    expectOk(await t.call(again, 'listPos', {}));
    expect(await t.call(elsewhere, 'listPos', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('tells an operator without a scheme why they cannot enter POs, and the save refuses naming the missing scheme', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'updateOperator', { id: await idOf('bob'), displayName: 'Bob Lindqvist', role: 'operator', schemeCode: null }));
    const bob = await t.signIn('bob');
    expect(expectOk(await t.call(bob, 'poEntryReadiness', {}))).toMatchObject({ allowed: false, rule: 'no-scheme', reason: expect.stringMatching(/^You cannot enter POs: .*Ask an admin to assign you a scheme\.$/) });
    const save = await t.call(bob, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] });
    expect(save.ok).toBe(false);
    if (!save.ok) expect(save.error.message).toMatch(/scheme/i);
    expect(expectOk(await t.call(await t.signIn('alice'), 'poEntryReadiness', {}))).toMatchObject({ allowed: true, rule: 'scheme-allows', codes: ['210', '220', '110'] });
  });
});
