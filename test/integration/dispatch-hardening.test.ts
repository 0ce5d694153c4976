import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../src/main/ipc/dispatch';
import { type ContractName, contracts } from '../../src/shared/contracts';
import { line, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const ZOD_WORDING = /Invalid input|expected \w+, received|Too (big|small)|Invalid option|Unrecognized|Main does not/;
  /** A contract path ("lines.0.quantityMilli") or an unquoted field name ("signInName") is not a sentence. */
  const PROGRAM_WORDING = /\b\w+\.\d+\b|(?<!“)\b[a-z]+[A-Z]\w*\b(?!”)/;

  /** Values a forged payload might carry in any field. */
  const FORGED_VALUES: unknown[] = [null, 12345, -1, 0, 1.5, 2 ** 60, 'x'.repeat(300), '', true, [], {}];

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

    it.each([
      ['a missing id', 'openPo', {}, 'PO id is missing.'],
      ['an id beyond safe integers', 'openPo', { id: 2 ** 60 }, 'PO id is too large.'],
      ['page 0 of a list that starts at 1', 'listPos', { page: 0 }, 'Page must be more than 0.'],
      ['a page size below the least', 'listPos', { pageSize: 5 }, 'Page size is at least 10.'],
      ['an unknown sort column', 'listPos', { sort: 'price' }, 'Sort column must be one of “number”, “vendor”, “warehouse”, “costCenter”, “status”, “total”, “createdBy”, “updatedAt”.'],
      ['a sign-in name too long', 'signIn', { signInName: 'a'.repeat(65), password: 'x' }, 'Sign-in name is at most 64 characters.'],
      ['no sign-in name', 'signIn', { password: 'x' }, 'Sign-in name is missing.'],
      ['a number for search text', 'searchVendors', { query: 5 }, 'The search must be text.'],
      [
        'text for a quantity on line 2',
        'savePo',
        { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [line(), { ...line(), quantityMilli: '3' }] },
        'Line 2: Quantity must be a number',
      ],
      [
        'seven unknown keys',
        'listWarehouses',
        Object.fromEntries([...'abcdefg'].map((key) => [key, 1])),
        'The desk does not accept “a”, “b”, “c” and 4 more in this request; it works out the operator, totals and dates itself.',
      ],
      [
        'an unknown key 5,000 characters long',
        'listWarehouses',
        { ['k'.repeat(5000)]: 1 },
        `The desk does not accept “${'k'.repeat(40)}…” in this request; it works out the operator, totals and dates itself.`,
      ],
    ] as const)('says %s in its own sentence', async (_case, name, payload, message) => {
      const admin = await t.signIn('admin');
      const result = await t.call(name === 'signIn' ? 'anyone' : admin, name, payload as Record<string, unknown>);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message } });
    });

    it('the field a line message belongs to keeps its path, and its sentence does not repeat the line', async () => {
      const alice = await t.signIn('alice');
      const result = await t.call(alice, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [{ ...line(), unitCostMinor: -1 }] });
      expect(result).toMatchObject({
        ok: false,
        error: { field: 'lines.0.unitCostMinor', message: 'Line 1: Unit cost cannot be negative', issues: [{ path: 'lines.0.unitCostMinor', message: 'Unit cost cannot be negative' }] },
      });
    });

    it('words every refusal of every field of every contract as the desk: forged values swept through the dispatcher', async () => {
      const admin = await t.signIn('admin');
      const seen: string[] = [];
      for (const [name, contract] of Object.entries(contracts) as [ContractName, (typeof contracts)[ContractName]][]) {
        const shape = contract.input instanceof z.ZodObject ? Object.keys(contract.input.shape) : [];
        const payloads: unknown[] = ['text', 7, [], ...shape.flatMap((key) => FORGED_VALUES.map((value) => ({ [key]: value })))];
        for (const payload of payloads) {
          const result = await dispatch(t.desk, name === 'signIn' || name === 'setUpFirstAdmin' ? 'anyone' : admin, name, payload, { log: () => {} });
          if (result.ok || result.error.code !== 'invalid-input') continue;
          for (const text of [result.error.message, ...(result.error.issues ?? []).map((issue) => issue.message)]) {
            seen.push(text);
            expect(text, `${name} ${JSON.stringify(payload).slice(0, 80)}`).not.toMatch(ZOD_WORDING);
            expect(text, `${name} ${JSON.stringify(payload).slice(0, 80)}`).not.toMatch(PROGRAM_WORDING);
          }
        }
      }
      expect(seen.length).toBeGreaterThan(300);
    });
  });
});
