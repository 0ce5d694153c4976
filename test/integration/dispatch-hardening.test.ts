import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { line, openTestDesk, type TestDesk } from '../support/test-desk';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.close();
});

const ZOD_WORDING = /Invalid input|expected \w+, received|Too (big|small)|Invalid option/;

describe('the dispatcher', () => {
  it('checks the session before the payload: a caller not signed in learns nothing about fields', async () => {
    const result = await t.call('nobody', 'savePo', { vendorCode: 42, lines: 'x', extra: true });
    expect(result).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Sign in first.' } });
  });

  it('answers when reading the payload throws, instead of throwing itself', async () => {
    const alice = await t.signIn('alice');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const result = await dispatch(t.desk, alice, 'searchVendors', hostile, { log: () => {} });
    expect(result.ok).toBe(false);
  });

  it.each([
    ['signIn', { signInName: 'alice' }],
    ['signIn', { signInName: 7, password: 'x' }],
    ['searchVendors', {}],
    ['searchVendors', { query: 'x'.repeat(500) }],
    ['openPo', { id: 'one' }],
    ['openPo', { id: 1, mode: 'edit' }],
    ['listAudit', { from: 'yesterday' }],
    ['savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [{ ...line(), distributionType: 'gift' }] }],
    ['savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210' }],
  ] as const)('words every refusal of %s %j as the desk, never as zod', async (name, payload) => {
    const alice = await t.signIn('alice');
    const sam = await t.signIn('sam');
    const result = await t.call(name === 'listAudit' ? sam : name === 'signIn' ? 'anyone' : alice, name, payload as Record<string, unknown>);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    for (const text of [result.error.message, ...(result.error.issues ?? []).map((issue) => issue.message)]) {
      expect(text).not.toMatch(ZOD_WORDING);
    }
  });
});
