import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PoDetail, PoLine } from '../../src/shared/contracts';
import { dispatch } from '../../src/main/ipc/dispatch';
import type { ChangeNotice } from '../../src/shared/contracts';
import { expectOk, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

forEachStore((store) => {
  /**
   * Line rules on the demo POs: PO-000001 (Pat's) has a line Alice may change, a fleet line (410),
   * a direct work-order cost line and a WIP line (G/L 1400, whose NORTH override allows only 220);
   * PO-000002 (Alice's) uses job J-100 at 12 Harbour Rd, whose site override allows 310 and 320.
   */
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const PAT_PO = 1;
  const HARBOUR_SITE_PO = 2;

  const snapshot = () => snapshotPoTables(t.desk);

  const auditRows = (action: string) => t.desk.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  const lineInput = (line: PoLine) => ({
    id: line.id,
    itemCode: line.itemCode,
    description: line.description,
    quantityMilli: line.quantityMilli,
    unitCostMinor: line.unitCostMinor,
    distributionType: line.distributionType,
    jobCode: line.jobCode,
    workOrderCode: line.workOrderCode,
    costTypeCode: line.costTypeCode,
    glAccountCode: line.glAccountCode,
    costCenterCode: line.costCenterCode,
  });

  /** The save payload that sends a PO back exactly as stored, for a test to change one thing in. */
  const asSaved = (po: PoDetail) => ({
    id: po.id,
    version: po.version,
    vendorCode: po.vendorCode,
    warehouseCode: po.warehouseCode,
    costCenterCode: po.costCenterCode,
    lines: po.lines.map(lineInput),
  });

  async function open(session: string, id: number, mode: 'view' | 'change' = 'change') {
    return expectOk(await t.call(session, 'openPo', { id, mode }));
  }

  describe('view is not edit (rule 6)', () => {
    it('shows every line of another operator’s PO, marking the ones outside the operator’s security read-only', async () => {
      const alice = await t.signIn('alice');
      const viewed = await open(alice, PAT_PO, 'view');
      expect(viewed.lines.map((line) => line.costCenterCode)).toEqual(['210', '410', '210', '210']);
      expect(viewed.access).toMatchObject({ mode: 'view', canChange: true });
      expect(viewed.access.lines.every((line) => !line.editable)).toBe(true);
      expect(viewed.access.lines[1]?.reason).toBe('Line 2 is read-only: your scheme NORTH allows 210, 220, 110; this line is 410.');

      const changing = await open(alice, PAT_PO);
      expect(changing.access.mode).toBe('change');
      expect(changing.access.lines.map((line) => line.editable)).toEqual([true, false, true, false]);
      expect(changing.access.lines.map((line) => line.costCenterEditable)).toEqual([true, false, false, false]);
      expect(changing.access.lines[3]?.reason).toBe('Line 4 is read-only: WIP G/L account 1400 allows 220; this line is 210.');
    });

    it('lets the operator change allowed lines while the read-only ones are kept as they were', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, PAT_PO);
      const payload = asSaved(po);
      payload.lines[0] = { ...payload.lines[0]!, quantityMilli: 12_000 };
      const saved = expectOk(await t.call(alice, 'savePo', payload));
      expect(saved.version).toBe(2);
      expect(saved.lines.map((line) => [line.id, line.quantityMilli, line.costCenterCode])).toEqual(
        po.lines.map((line, index) => [line.id, index === 0 ? 12_000 : line.quantityMilli, line.costCenterCode]),
      );
    });

    it('refuses a forged change to a line outside the operator’s security, writing nothing', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, PAT_PO);
      const before = await snapshot();
      const payload = asSaved(po);
      payload.lines[1] = { ...payload.lines[1]!, quantityMilli: 1_000 };
      const result = await t.call(alice, 'savePo', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', message: 'Line 2 cannot be changed: your scheme NORTH allows 210, 220, 110; this line is 410.' } });
      expect(await snapshot()).toEqual(before);
      expect(await auditRows('save-refused')).toMatchObject([{ rule: 'scheme-cost-centers', line_number: 2, before_value: '410' }]);
    });
  });

  describe('change mode (rules 4 and 5)', () => {
    it('is refused by the site override before any edit, and the refusal is audited', async () => {
      const alice = await t.signIn('alice');
      const result = await t.call(alice, 'openPo', { id: HARBOUR_SITE_PO, mode: 'change' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'refused', message: "You cannot change PO-000002: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210." },
      });
      expect(await auditRows('change-refused')).toMatchObject([{ po_id: HARBOUR_SITE_PO, rule: 'site-override', before_value: '210' }]);
      // Viewing is still open to her, with the reason on every line.
      const viewed = await open(alice, HARBOUR_SITE_PO, 'view');
      expect(viewed.access).toMatchObject({ mode: 'view', canChange: false });
      expect(viewed.lines).toHaveLength(1);
    });

    it('refuses a save that skips the change-mode check, and writes nothing', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, HARBOUR_SITE_PO, 'view');
      const before = await snapshot();
      const payload = asSaved(po);
      payload.lines[0] = { ...payload.lines[0]!, description: 'Changed anyway' };
      const result = await t.call(alice, 'savePo', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
      if (!result.ok) expect(result.error.message).toContain('site 12 Harbour Rd allows 310, 320');
      expect(await snapshot()).toEqual(before);
      expect(await auditRows('save-refused')).toMatchObject([{ po_id: HARBOUR_SITE_PO, rule: 'site-override' }]);
    });

    it('lets an operator in when the PO is within the site override, and audits the override applied', async () => {
      const alice = await t.signIn('alice');
      const created = expectOk(
        await t.call(alice, 'savePo', {
          vendorCode: 'HARBOUR',
          warehouseCode: 'HARBOUR',
          costCenterCode: '310',
          lines: [{ itemCode: null, description: 'Survey buoys', quantityMilli: 2000, unitCostMinor: 9900, glAccountCode: '5100', workOrderCode: 'WO-1001' }],
        }),
      );
      expect(created.lines[0]).toMatchObject({ costCenterCode: '310', jobCode: 'J-100' });
      const opened = await open(alice, created.id);
      expect(opened.access).toMatchObject({ mode: 'change', canChange: true, reason: `You may change ${created.number}: site 12 Harbour Rd allows 310, 320.` });
      expect(await auditRows('override-applied')).toMatchObject([
        { po_id: created.id, rule: 'warehouse-override' },
        { po_id: created.id, rule: 'site-override' },
      ]);
      // Bob's scheme has no site override: he is judged by his own list, which lacks 310.
      const bob = await t.signIn('bob');
      expect(await t.call(bob, 'openPo', { id: created.id, mode: 'change' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    });
  });

  describe('line delete (rule 4, WIP override)', () => {
    it('is refused for a line whose WIP G/L override excludes its cost center, with nothing written', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, PAT_PO);
      const before = await snapshot();
      const payload = asSaved(po);
      payload.lines.splice(3, 1);
      const result = await t.call(alice, 'savePo', payload);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'refused', message: 'Line 4 cannot be deleted: WIP G/L account 1400 allows 220; this line is 210.' },
      });
      expect(await snapshot()).toEqual(before);
      expect(await auditRows('save-refused')).toMatchObject([
        { po_id: PAT_PO, line_id: po.lines[3]!.id, line_number: 4, rule: 'gl-wip-override', before_value: '210' },
      ]);
    });

    it('is allowed for a line within the operator’s list, renumbering the rest and auditing the delete', async () => {
      const pat = await t.signIn('pat');
      const po = await open(pat, PAT_PO);
      const payload = asSaved(po);
      payload.lines.splice(0, 1);
      const saved = expectOk(await t.call(pat, 'savePo', payload));
      expect(saved.lines.map((line) => [line.lineNumber, line.id])).toEqual(po.lines.slice(1).map((line, index) => [index + 1, line.id]));
      expect(await auditRows('line-deleted')).toMatchObject([{ line_id: po.lines[0]!.id, line_number: 1, before_value: '210' }]);
    });
  });

  describe('work orders (rule 1) and direct work-order cost (rule 2)', () => {
    it('re-derives the cost center when the work order changes, and audits the change', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, PAT_PO);
      const payload = asSaved(po);
      payload.lines[0] = { ...payload.lines[0]!, workOrderCode: 'WO-2002', costCenterCode: null, jobCode: null };
      const saved = expectOk(await t.call(alice, 'savePo', payload));
      expect(saved.lines[0]).toMatchObject({ workOrderCode: 'WO-2002', costCenterCode: '220', jobCode: 'J-200' });
      expect(await auditRows('line-cost-center-changed')).toMatchObject([
        { po_id: PAT_PO, line_id: po.lines[0]!.id, line_number: 1, rule: 'work-order', before_value: '210', after_value: '220' },
      ]);
    });

    it('refuses a work order whose cost center the operator may not use; the line keeps its work order and cost center', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, PAT_PO);
      const before = await snapshot();
      const payload = asSaved(po);
      payload.lines[0] = { ...payload.lines[0]!, workOrderCode: 'WO-1001', costCenterCode: null, jobCode: null };
      const result = await t.call(alice, 'savePo', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.0.workOrderCode' } });
      if (!result.ok) {
        expect(result.error.message).toBe(
          'Line 1: work order WO-1001 charges cost center 310; your scheme NORTH allows 210, 220, 110. The line keeps no work order and cost center 210.',
        );
      }
      expect(await snapshot()).toEqual(before);
      expect(await auditRows('save-refused')).toMatchObject([{ rule: 'work-order-cost-center', line_number: 1 }]);
    });

    it('refuses a forged payload that sets a direct-cost line’s cost center, writing nothing', async () => {
      const alice = await t.signIn('alice');
      const po = await open(alice, PAT_PO);
      const before = await snapshot();
      const payload = asSaved(po);
      payload.lines[2] = { ...payload.lines[2]!, costCenterCode: '220' };
      const result = await t.call(alice, 'savePo', payload);
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'refused',
          field: 'lines.2.costCenterCode',
          message: 'Line 3 is direct work-order cost: its cost center comes from work order WO-2001 (210) and cannot be set to 220.',
        },
      });
      expect(await snapshot()).toEqual(before);
      expect(await auditRows('save-refused')).toMatchObject([
        { po_id: PAT_PO, line_id: po.lines[2]!.id, line_number: 3, rule: 'direct-cost-read-only', before_value: '210', after_value: '220' },
      ]);
    });

    it('answers line checks as the operator edits, auditing a refused work order', async () => {
      const alice = await t.signIn('alice');
      const draft = { itemCode: null, description: 'Pump seal', quantityMilli: 1000, unitCostMinor: 500, glAccountCode: '5100' };
      const base = { warehouseCode: 'MAIN', headerCostCenterCode: '210', lineNumber: 1 };
      const followed = expectOk(await t.call(alice, 'resolveLine', { ...base, line: { ...draft, workOrderCode: 'WO-2002' } }));
      expect(followed).toMatchObject({ status: 'ok', costCenterCode: '220', costCenterOrigin: 'work-order', jobCode: 'J-200' });
      const refusedLine = expectOk(
        await t.call(alice, 'resolveLine', {
          ...base,
          line: { ...draft, workOrderCode: 'WO-1001' },
          previous: { workOrderCode: 'WO-2002', costCenterCode: '220' },
        }),
      );
      expect(refusedLine).toMatchObject({ status: 'refused', field: 'workOrderCode', costCenterCode: '220' });
      expect(refusedLine.reason).toContain('The line keeps work order WO-2002 and cost center 220.');
      expect(await auditRows('line-refused')).toMatchObject([{ rule: 'work-order-cost-center', line_number: 1, after_value: 'WO-1001' }]);
      // A warehouse override counts for lines of a new PO too.
      const harbour = expectOk(await t.call(alice, 'resolveLine', { ...base, warehouseCode: 'HARBOUR', headerCostCenterCode: '310', line: { ...draft, workOrderCode: 'WO-1001' } }));
      expect(harbour).toMatchObject({ status: 'ok', costCenterCode: '310' });
    });
  });

  describe('optimistic concurrency (rule 7)', () => {
    it('refuses a save based on a stale version, keeps the newer one and audits the refusal', async () => {
      const alice = await t.signIn('alice');
      const pat = await t.signIn('pat');
      const seenByPat = await open(pat, PAT_PO);
      const seenByAlice = await open(alice, PAT_PO);
      const alicePayload = asSaved(seenByAlice);
      alicePayload.lines[0] = { ...alicePayload.lines[0]!, description: 'Alice’s bolts' };
      expectOk(await t.call(alice, 'savePo', alicePayload));
      const before = await snapshot();

      const patPayload = asSaved(seenByPat);
      patPayload.lines[0] = { ...patPayload.lines[0]!, description: 'Pat’s bolts' };
      const result = await t.call(pat, 'savePo', patPayload);
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!result.ok) expect(result.error.message).toContain('you opened version 1; it is now 2');
      expect(await snapshot()).toEqual(before);
      expect((await open(pat, PAT_PO, 'view')).lines[0]?.description).toBe('Alice’s bolts');
      expect(await auditRows('save-refused')).toMatchObject([{ rule: 'version-current', before_value: '2', after_value: '1' }]);
    });
  });

  describe('audit view (rule 8)', () => {
    it('is for supervisors, filtered by PO, rule and operator', async () => {
      const alice = await t.signIn('alice');
      const sam = await t.signIn('sam');
      await t.call(alice, 'openPo', { id: HARBOUR_SITE_PO, mode: 'change' });
      expect(await t.call(alice, 'listAudit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      const byPo = expectOk(await t.call(sam, 'listAudit', { poNumber: 'po-000002' }));
      expect(byPo).toMatchObject([{ action: 'change-refused', operator: 'Alice Moreau', poNumber: 'PO-000002', rule: 'site-override' }]);
      expect(expectOk(await t.call(sam, 'listAudit', { rule: 'site-override', signInName: 'bob' }))).toEqual([]);
      const signIns = expectOk(await t.call(sam, 'listAudit', { action: 'sign-in' }));
      expect(signIns.map((entry) => entry.operator)).toEqual(['Sam Patel', 'Alice Moreau']);
      expect(await t.call(sam, 'listAudit', { from: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'from' } });
    });

    it('tells an open audit log about a refusal, though nothing else changed', async () => {
      const alice = await t.signIn('alice');
      const notices: ChangeNotice[] = [];
      const result = await dispatch(t.desk, alice, 'openPo', { id: HARBOUR_SITE_PO, mode: 'change' }, { notify: (notice) => notices.push(notice) });
      expect(result.ok).toBe(false);
      expect(notices).toEqual([{ entities: ['audit'] }]);
    });

    it('refuses a line id from another PO', async () => {
      const pat = await t.signIn('pat');
      const po = await open(pat, PAT_PO);
      const other = await open(pat, HARBOUR_SITE_PO);
      const payload = asSaved(po);
      payload.lines[0] = { ...payload.lines[0]!, id: other.lines[0]!.id };
      const result = await t.call(pat, 'savePo', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.0.id' } });
    });
  });
});
