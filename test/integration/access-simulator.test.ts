import { afterEach, beforeEach, expect, it } from 'vitest';
import { findCaller } from '../../src/main/services/auth-service';
import { refuseUnreadyEntry } from '../../src/main/services/entry-readiness-service';
import { expectOk, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * "What may this operator do?" on both stores, from the demo world: Pat's PO-000001 (lines 210, a
 * fleet 410 line, a direct work-order line and a WIP 1400 line) and Alice's PO-000002 at 12 Harbour
 * Rd, whose site override (310, 320) keeps Alice out of change mode. Alice is on NORTH (210, 220,
 * 110; HARBOUR → 310, 320; QUARANTINE closed; WIP 1400 → 220).
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });
  const idOf = async (signInName: string) => (await t.desk.db.selectFrom('operators').select('id').where('sign_in_name', '=', signInName).executeTakeFirstOrThrow()).id;

  it('answers for each line of a PO with the rule and the list that decide, as change mode would', async () => {
    const sam = await t.signIn('sam');
    const alice = await idOf('alice');
    const whole = expectOk(await t.call(sam, 'simulateAccess', { operatorId: alice, poNumber: 'po-000001' }));
    expect(whole.po?.change).toMatchObject({ allowed: true, rule: 'scheme-cost-centers' });
    expect(whole.po?.lines.map((line) => [line.lineNumber, line.change.allowed, line.delete.allowed, line.change.rule])).toEqual([
      [1, true, true, 'scheme-cost-centers'],
      [2, false, false, 'scheme-cost-centers'],
      [3, true, true, 'scheme-cost-centers'],
      [4, false, false, 'gl-wip-override'],
    ]);
    const one = expectOk(await t.call(sam, 'simulateAccess', { operatorId: alice, poNumber: 'PO-000001', lineNumber: 4 }));
    expect(one.po?.lines).toHaveLength(1);
    expect(one.po?.lines[0]?.change).toMatchObject({ reason: 'Line 4 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.', list: { label: 'WIP G/L account 1400', codes: ['220'] } });
    expect(whole.po?.lines[2]).toMatchObject({ costCenterEditable: false, change: { reason: expect.stringMatching(/comes from work order WO-2001/) } });

    const site = expectOk(await t.call(sam, 'simulateAccess', { operatorId: alice, poNumber: 'PO-000002' }));
    expect(site.po?.change).toMatchObject({ allowed: false, rule: 'site-override', list: { codes: ['310', '320'] } });

    const harbour = expectOk(await t.call(sam, 'simulateAccess', { operatorId: alice, warehouseCode: 'harbour', vendorCode: 'BOLT' }));
    expect(harbour.costCenters.filter((costCenter) => costCenter.allowed).map((costCenter) => costCenter.code)).toEqual(['310']);
    expect(harbour.costCenters.find((costCenter) => costCenter.code === '320')?.rule).toBe('vendor-cost-centers');
    expect(harbour.warehouses.find((warehouse) => warehouse.code === 'QUARANTINE')).toMatchObject({ allowed: false, rule: 'warehouse-override' });
    expect(harbour.header?.costCenter).toMatchObject({ code: '310', status: 'ok' });

    expect(await t.call(sam, 'simulateAccess', { operatorId: alice, poNumber: 'PO-000001', lineNumber: 9 })).toMatchObject({ ok: false, error: { field: 'lineNumber' } });
    expect(await t.call(sam, 'simulateAccess', { operatorId: alice, poNumber: 'PO-999' })).toMatchObject({ ok: false, error: { field: 'poNumber' } });
    expect(await t.call(sam, 'simulateAccess', { operatorId: alice, vendorCode: 'NOBODY' })).toMatchObject({ ok: false, error: { field: 'vendorCode' } });
  });

  it('compares a scheme move before it is saved, counting and listing the open POs lost', async () => {
    const admin = await t.signIn('admin');
    const alice = await idOf('alice');
    const fleet = expectOk(await t.call(admin, 'compareSchemeMove', { operatorId: alice, schemeCode: 'fleet' }));
    expect(fleet.pos.lost.map((po) => po.number)).toEqual(['PO-000001']);
    expect(fleet.summary).toMatch(/^If Alice Moreau moves from scheme NORTH to scheme FLEET, they lose access to 1 open PO: PO-000001\./);
    expect(fleet.costCenters).toMatchObject({ lost: ['210', '220', '110'], gained: ['410', 'HQ'] });
    const wide = expectOk(await t.call(admin, 'compareSchemeMove', { operatorId: alice, schemeCode: 'WIDE' }));
    expect([wide.pos.gained.map((po) => po.number), wide.pos.kept, wide.lines.gained]).toEqual([['PO-000002'], 1, [{ number: 'PO-000001', lineNumbers: [2, 4] }]]);
    const none = expectOk(await t.call(admin, 'compareSchemeMove', { operatorId: alice, schemeCode: null }));
    expect(none.entryAfter).toMatchObject({ allowed: false, rule: 'no-scheme' });
    expect(await t.call(admin, 'compareSchemeMove', { operatorId: alice, schemeCode: 'NOPE' })).toMatchObject({ ok: false, error: { field: 'schemeCode' } });

    // A second closed PO makes the count move: the comparison reads the store, not a fixed list.
    await t.desk.db.updateTable('purchase_orders').set({ status: 'closed' }).where('number', '=', 'PO-000001').execute();
    expect(expectOk(await t.call(admin, 'compareSchemeMove', { operatorId: alice, schemeCode: 'FLEET' })).pos.lost).toEqual([]);
  });

  it('refuses a new PO from an operator without a scheme, naming the missing scheme', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'updateOperator', { id: await idOf('bob'), displayName: 'Bob Lindqvist', role: 'operator', schemeCode: null }));
    const bob = await findCaller(t.desk, await t.signIn('bob'));
    await expect(refuseUnreadyEntry(t.desk.db, bob!)).rejects.toMatchObject({ error: { code: 'refused', field: 'costCenterCode', message: expect.stringMatching(/^Nothing was saved\. You cannot enter POs: .* you have none\. Ask an admin/) } });
    const alice = await findCaller(t.desk, await t.signIn('alice'));
    await expect(refuseUnreadyEntry(t.desk.db, alice!)).resolves.toBeUndefined();
    expectOk(await t.call(admin, 'updateSettings', { codingMode: 'off' }));
    await expect(refuseUnreadyEntry(t.desk.db, bob!)).resolves.toBeUndefined();
  });
});
