import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, line, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const header = (vendorCode: string, warehouseCode = 'MAIN', costCenterCode: string | null = null) => ({
    vendorCode,
    warehouseCode,
    costCenterCode,
  });

  describe('vendor validation (rule 3)', () => {
    it('refuses a vendor that shares no cost center with the operator, naming both lists', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('FLEETCO')));
      expect(resolution.vendor.status).toBe('refused');
      expect(resolution.vendor.reason).toContain('410');
      expect(resolution.vendor.reason).toContain('210, 220, 110');
    });

    it('refuses an unknown vendor', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('NOPE')));
      expect(resolution.vendor).toMatchObject({ status: 'refused', reason: 'Vendor NOPE does not exist.' });
    });

    it('marks refused vendors in the look-up with their reason', async () => {
      const alice = await t.signIn('alice');
      const options = expectOk(await t.call(alice, 'searchVendors', { query: 'fleet' }));
      expect(options).toEqual([expect.objectContaining({ code: 'FLEETCO', allowed: false })]);
    });
  });

  describe('default cost center (rule 4)', () => {
    it('takes the operator’s only cost center', async () => {
      const bob = await t.signIn('bob');
      const resolution = expectOk(await t.call(bob, 'resolveHeader', header('BOLT')));
      expect(resolution.costCenter).toMatchObject({ code: '210', source: 'operator-single', status: 'ok' });
    });

    it('takes the only cost center the vendor shares when the operator has several', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('ACME')));
      expect(resolution.costCenter).toMatchObject({ code: '210', source: 'vendor-single' });
      expect(resolution.costCenter.reason).toBe('Cost center 210 because it is the only one vendor ACME shares with you.');
    });

    it('leaves the choice to the operator when several are shared', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('BOLT')));
      expect(resolution.costCenter).toMatchObject({ code: null, status: 'missing' });
      expect(resolution.choices.map((choice) => choice.code)).toEqual(['210', '220']);
    });

    it('makes the first entered cost center stick for the next POs, until sign-out', async () => {
      const alice = await t.signIn('alice');
      expectOk(await t.call(alice, 'savePo', { ...header('BOLT', 'MAIN', '220'), costCenterEntered: true, lines: [line()] }));
      const second = expectOk(await t.call(alice, 'resolveHeader', header('GENERAL')));
      expect(second.costCenter).toMatchObject({ code: '220', source: 'sticky' });
      // A later entry does not replace the first one.
      expectOk(await t.call(alice, 'savePo', { ...header('BOLT', 'MAIN', '210'), costCenterEntered: true, lines: [line()] }));
      const third = expectOk(await t.call(alice, 'resolveHeader', header('BOLT')));
      expect(third.costCenter.code).toBe('220');

      expectOk(await t.call(alice, 'signOut', {}));
      await t.signIn('alice');
      const afterSignOut = expectOk(await t.call(alice, 'resolveHeader', header('BOLT')));
      expect(afterSignOut.costCenter).toMatchObject({ code: null, source: 'none' });
    });

    it('does not treat an accepted default as an entry', async () => {
      const alice = await t.signIn('alice');
      expectOk(await t.call(alice, 'savePo', { ...header('ACME', 'MAIN', '210'), costCenterEntered: false, lines: [line()] }));
      const next = expectOk(await t.call(alice, 'resolveHeader', header('BOLT')));
      expect(next.costCenter.source).toBe('none');
    });

    it('keeps sticky values per session', async () => {
      const alice = await t.signIn('alice');
      const sam = await t.signIn('sam');
      expectOk(await t.call(alice, 'savePo', { ...header('BOLT', 'MAIN', '220'), costCenterEntered: true, lines: [line()] }));
      const samView = expectOk(await t.call(sam, 'resolveHeader', header('BOLT')));
      expect(samView.costCenter.source).toBe('none');
    });
  });

  describe('warehouse overrides (rule 6)', () => {
    it('refuses a warehouse whose override does not hold the PO’s cost center', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('BOLT', 'HARBOUR', '210')));
      expect(resolution.warehouse.status).toBe('refused');
      expect(resolution.warehouse.reason).toBe("The override for warehouse HARBOUR allows 310, 320; this PO's cost center is 210.");
    });

    it('applies the override list to the default when it fits', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('BOLT', 'HARBOUR')));
      expect(resolution.warehouse).toMatchObject({ status: 'ok', overrideApplied: true });
      expect(resolution.costCenter).toMatchObject({ code: '310', source: 'vendor-single' });
    });

    it('refuses a warehouse whose override is empty', async () => {
      const alice = await t.signIn('alice');
      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('BOLT', 'QUARANTINE')));
      expect(resolution.warehouse.status).toBe('refused');
      expect(resolution.warehouse.reason).toContain('allows no active cost center');
    });

    it('refuses the save, audits it, and writes no PO', async () => {
      const alice = await t.signIn('alice');
      const countOrders = async () =>
        Number((await t.desk.db.selectFrom('purchase_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await countOrders();
      const result = await t.call(alice, 'savePo', { ...header('BOLT', 'HARBOUR', '210'), lines: [line()] });
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'warehouseCode' } });
      expect(await countOrders()).toBe(before);
      const audit = await t.desk.db.selectFrom('audit_log').selectAll().where('action', '=', 'save-refused').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ rule: 'warehouse-override', after_value: '210' });
    });
  });

  describe('cost centers turned off (rule 1)', () => {
    it('only an administrator may turn them off; then no cost center is asked or accepted', async () => {
      const alice = await t.signIn('alice');
      const admin = await t.signIn('admin');
      expect(await t.call(alice, 'updateSettings', { costCentersEnabled: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expectOk(await t.call(admin, 'updateSettings', { costCentersEnabled: false }));

      const resolution = expectOk(await t.call(alice, 'resolveHeader', header('FLEETCO')));
      expect(resolution).toMatchObject({ costCentersEnabled: false, vendor: { status: 'ok' }, costCenter: { status: 'not-used' } });
      const saved = expectOk(await t.call(alice, 'savePo', { ...header('FLEETCO'), lines: [line()] }));
      expect(saved.costCenterCode).toBeNull();
      const withCostCenter = await t.call(alice, 'savePo', { ...header('FLEETCO', 'MAIN', '410'), lines: [line()] });
      expect(withCostCenter).toMatchObject({ ok: false, error: { field: 'costCenterCode' } });
    });
  });
});
