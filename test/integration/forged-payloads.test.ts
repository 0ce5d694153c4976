import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, line, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const snapshot = () => snapshotPoTables(t.desk);

  const validPo = { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [line()] };

  describe('forged IPC payloads are refused with nothing written', () => {
    it('refuses a payload that names another operator', async () => {
      const alice = await t.signIn('alice');
      const before = await snapshot();
      const result = await t.call(alice, 'savePo', { ...validPo, createdBy: 4 });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!result.ok) expect(result.error.message).toContain('createdBy');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a cost center outside the operator’s scheme', async () => {
      const alice = await t.signIn('alice');
      const before = await snapshot();
      const result = await t.call(alice, 'savePo', { ...validPo, vendorCode: 'GENERAL', costCenterCode: '410' });
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'costCenterCode' } });
      if (!result.ok) expect(result.error.message).toBe('Cost center 410 is not allowed: your scheme NORTH allows 210, 220, 110.');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an inactive cost center even when the scheme lists it', async () => {
      const alice = await t.signIn('alice');
      const result = await t.call(alice, 'savePo', { ...validPo, vendorCode: 'GENERAL', costCenterCode: '500' });
      expect(result).toMatchObject({ ok: false, error: { field: 'costCenterCode', message: 'Cost center 500 is inactive.' } });
    });

    it.each([
      ['a fractional quantity', { quantityMilli: 1.5 }, 'lines.0.quantityMilli'],
      ['a quantity as text', { quantityMilli: '3' }, 'lines.0.quantityMilli'],
      ['a null unit cost', { unitCostMinor: null }, 'lines.0.unitCostMinor'],
      ['a negative unit cost', { unitCostMinor: -1 }, 'lines.0.unitCostMinor'],
      ['a zero quantity', { quantityMilli: 0 }, 'lines.0.quantityMilli'],
      ['an enormous quantity', { quantityMilli: 1e20 }, 'lines.0.quantityMilli'],
      ['a line total sent by the renderer', { totalMinor: 1 }, 'lines.0'],
    ])('refuses %s', async (_name, change, field) => {
      const alice = await t.signIn('alice');
      const before = await snapshot();
      const result = await t.call(alice, 'savePo', { ...validPo, lines: [{ ...line(), ...change }] });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses calls without a session', async () => {
      const result = await t.call('nobody', 'savePo', validPo);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    });

    it('refuses a change to a PO outside the operator’s cost centers and leaves it exactly as it was', async () => {
      const alice = await t.signIn('alice');
      const carol = await t.signIn('carol');
      const saved = expectOk(await t.call(alice, 'savePo', validPo));
      const before = await snapshot();
      const result = await t.call(carol, 'savePo', { ...validPo, id: saved.id, version: saved.version, lines: [] });
      expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a save based on a stale version and keeps the newer one', async () => {
      const alice = await t.signIn('alice');
      const saved = expectOk(await t.call(alice, 'savePo', validPo));
      const updated = expectOk(await t.call(alice, 'savePo', { ...validPo, id: saved.id, version: saved.version, lines: [line('Washers')] }));
      expect(updated.version).toBe(saved.version + 1);
      const before = await snapshot();
      const stale = await t.call(alice, 'savePo', { ...validPo, id: saved.id, version: saved.version, lines: [line('Nuts')] });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await snapshot()).toEqual(before);
      expect(expectOk(await t.call(alice, 'openPo', { id: saved.id })).lines.map((l) => l.description)).toEqual(['Washers']);
    });

    it('lets a supervisor change an operator’s draft', async () => {
      const alice = await t.signIn('alice');
      const sam = await t.signIn('sam');
      const saved = expectOk(await t.call(alice, 'savePo', validPo));
      const changed = expectOk(await t.call(sam, 'savePo', { ...validPo, id: saved.id, version: saved.version, lines: [line('Nuts', 1000, 10)] }));
      expect(changed).toMatchObject({ totalMinor: 10, createdBy: 'Alice Moreau', version: 2 });
    });

    it('computes line totals in main, rounding half up in integer cents', async () => {
      const alice = await t.signIn('alice');
      const saved = expectOk(await t.call(alice, 'savePo', { ...validPo, lines: [line('Cable', 1500, 333), line('Tape', 1000, 1)] }));
      expect(saved.lines.map((l) => l.totalMinor)).toEqual([500, 1]);
      expect(saved.totalMinor).toBe(501);
    });

    it('refuses an unknown item code and names the line', async () => {
      const alice = await t.signIn('alice');
      const result = await t.call(alice, 'savePo', { ...validPo, lines: [line(), { ...line(), itemCode: 'NOPE' }] });
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.1.itemCode', message: 'Line 2: item NOPE does not exist.' } });
    });
  });

  describe('sign-in', () => {
    it('signs in with the right password and refuses a wrong one without revealing which part was wrong', async () => {
      const ok = await t.call('s1', 'signIn', { signInName: 'Alice', password: 'demo' });
      expect(ok).toMatchObject({ ok: true, value: { displayName: 'Alice Moreau', schemeName: 'NORTH', role: 'operator' } });
      const wrong = await t.call('s2', 'signIn', { signInName: 'alice', password: 'nope' });
      const unknown = await t.call('s3', 'signIn', { signInName: 'mallory', password: 'demo' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(unknown).toEqual(wrong);
      expect(expectOk(await t.call('s2', 'currentOperator', {}))).toBeNull();
    });

    it('refuses a deactivated operator, even one already signed in', async () => {
      const alice = await t.signIn('alice');
      await t.desk.db.updateTable('operators').set({ active: 0 }).where('sign_in_name', '=', 'alice').execute();
      expect(await t.call(alice, 'listPos', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
      expect(await t.call('again', 'signIn', { signInName: 'alice', password: 'demo' })).toMatchObject({ ok: false });
    });

    it('stores only scrypt hashes', async () => {
      const rows = await t.desk.db.selectFrom('operators').select('password_hash').execute();
      for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    });
  });
});
