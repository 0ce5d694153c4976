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

  const lastAudit = (action: string) =>
    t.desk.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();

  describe('a PO needs at least one line (defect 3)', () => {
    it('refuses an empty PO, takes no number, stores nothing, and audits the refusal', async () => {
      const alice = await t.signIn('alice');
      const before = await snapshotPoTables(t.desk);
      const result = await t.call(alice, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [] });
      expect(result).toEqual({ ok: false, error: { code: 'refused', message: 'A PO needs at least one line: add what is ordered, then save.', field: 'lines' } });
      expect(await snapshotPoTables(t.desk)).toEqual(before);
      expect(await lastAudit('save-refused')).toMatchObject({ rule: 'po-has-lines', vendor_code: 'BOLT', warehouse_code: 'MAIN' });
    });

    it('refuses removing every line of a stored PO', async () => {
      const pat = await t.signIn('pat');
      const saved = expectOk(await t.call(pat, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] }));
      const result = await t.call(pat, 'savePo', { id: saved.id, version: saved.version, vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [] });
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines' } });
    });
  });

  describe('large POs (defect 3)', () => {
    const huge = { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line('Crane', 1_000_000, 1_000_000_000)] };

    it('asks before saving 10,000,000,000.00, writes nothing until confirmed, and audits the confirmation', async () => {
      const alice = await t.signIn('alice');
      const before = await snapshotPoTables(t.desk);
      const asked = await t.call(alice, 'savePo', huge);
      expect(asked).toEqual({
        ok: false,
        error: {
          code: 'needs-confirmation',
          field: 'lines',
          message: "This PO's total, 10,000,000,000.00, is above the large-PO amount of 100,000.00. Confirm that it is meant, or correct the lines.",
          confirmation: { kind: 'large-po', totalMinor: 1_000_000_000_000, thresholdMinor: 10_000_000 },
        },
      });
      expect(await snapshotPoTables(t.desk)).toEqual(before);
      expect(await lastAudit('save-refused')).toBeUndefined();

      const saved = expectOk(await t.call(alice, 'savePo', { ...huge, confirmedLargeTotalMinor: 1_000_000_000_000 }));
      expect(saved.totalMinor).toBe(1_000_000_000_000);
      expect(await lastAudit('large-po-confirmed')).toMatchObject({ before_value: '10000000', after_value: '1000000000000', po_id: saved.id });
    });

    it('speaks the operator’s own number format', async () => {
      const alice = await t.signIn('alice');
      expectOk(await t.call(alice, 'setMyLocale', { locale: 'de-DE' }));
      const asked = await t.call(alice, 'savePo', huge);
      expect(asked.ok ? '' : asked.error.message).toContain('10.000.000.000,00');
    });

    it('follows the admin’s amount, and never asks once it is cleared', async () => {
      const admin = await t.signIn('admin');
      expectOk(await t.call(admin, 'updateSettings', { largePoAmountMinor: null }));
      const alice = await t.signIn('alice');
      expectOk(await t.call(alice, 'savePo', huge));
    });
  });

  describe('the record says what happened (defect 6)', () => {
    it('audits carol’s refused ACME save under the vendor rule, naming vendor and warehouse', async () => {
      const carol = await t.signIn('carol');
      const result = await t.call(carol, 'savePo', { vendorCode: 'ACME', warehouseCode: 'MAIN', costCenterCode: null, lines: [line()] });
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'vendorCode' } });
      if (!result.ok) expect(result.error.message).not.toMatch(/Choose a cost center/);
      expect(await lastAudit('save-refused')).toMatchObject({ rule: 'vendor-shares-cost-center', vendor_code: 'ACME', warehouse_code: 'MAIN' });
    });

    it('shows who entered another operator’s cost center, never "as you entered it"', async () => {
      const alice = await t.signIn('alice');
      const pos = expectOk(await t.call(alice, 'listPos', {})).rows;
      const patsPo = pos.find((po) => po.number === 'PO-000001');
      const opened = expectOk(await t.call(alice, 'openPo', { id: patsPo?.id as number, mode: 'view' }));
      expect(opened.costCenterOrigin).toEqual({ source: 'entered', enteredBy: 'Pat Nguyen', text: 'Cost center 210, entered by Pat Nguyen.' });
      const header = expectOk(await t.call(alice, 'resolveHeader', { poId: opened.id, vendorCode: opened.vendorCode, warehouseCode: opened.warehouseCode, costCenterCode: '210' }));
      expect(header.costCenter).toMatchObject({ source: 'stored', reason: 'Cost center 210, entered by Pat Nguyen.' });
    });

    it('records an accepted default as the rule that gave it', async () => {
      const bob = await t.signIn('bob');
      const saved = expectOk(await t.call(bob, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: false, lines: [line()] }));
      expect(saved.costCenterOrigin).toEqual({ source: 'operator-single', enteredBy: null, text: "Cost center 210 was the default: the only one its operator's scheme allowed." });
      const created = await lastAudit('po-created');
      expect(created).toMatchObject({ rule: 'operator-single', vendor_code: 'BOLT', warehouse_code: 'MAIN' });
    });

    it('records the changer as the one who entered a new cost center', async () => {
      const pat = await t.signIn('pat');
      const saved = expectOk(await t.call(pat, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: false, lines: [line()] }));
      const alice = await t.signIn('alice');
      const changed = expectOk(
        await t.call(alice, 'savePo', { id: saved.id, version: saved.version, vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '220', costCenterEntered: true, lines: [{ ...line(), id: saved.lines[0]?.id }] }),
      );
      expect(changed.costCenterOrigin.text).toBe('Cost center 220, entered by Alice Moreau.');
    });

    it('offers every action and rule in the audit view’s pick-lists, with labels', async () => {
      const sam = await t.signIn('sam');
      const vocabulary = expectOk(await t.call(sam, 'auditVocabulary', {}));
      const actions = vocabulary.actions.map((entry) => entry.value);
      for (const action of ['save-refused', 'setting-changed', 'large-po-confirmed', 'sign-in-refused', 'sign-in-locked', 'po-created', 'line-deleted']) {
        expect(actions).toContain(action);
      }
      expect(vocabulary.actions.find((entry) => entry.value === 'setting-changed')?.label).toBe('Setting changed');
      expect(vocabulary.rules.map((entry) => entry.value)).toEqual(expect.arrayContaining(['vendor-shares-cost-center', 'po-has-lines', 'gl-wip-override']));
    });
  });
});
