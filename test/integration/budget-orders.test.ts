import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PoDetail } from '../../src/shared/contracts';
import { expectOk, line, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * Budget orders on both stores, through the real dispatcher. Demo: BO-QUAY 50,000.00 and BO-SMALL
 * 1,000.00, both open 2025–2030; BO-2024 valid only in 2024. A PO under 10,000.00 is approved on
 * submit, which allocates its total; a draft is provisional.
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const budgetId = async (number: string) => (await t.desk.db.selectFrom('budget_orders').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const po = (budgetOrderId: number | null, totalMinor: number, extra: Record<string, unknown> = {}) => ({
    vendorCode: 'BOLT',
    warehouseCode: 'MAIN',
    costCenterCode: '210',
    costCenterEntered: true,
    budgetOrderId,
    lines: [line('Pump overhaul', 1000, totalMinor)],
    ...extra,
  });
  const resave = (saved: PoDetail, budgetOrderId: number | null, totalMinor: number) => ({
    ...po(budgetOrderId, totalMinor),
    id: saved.id,
    version: saved.version,
    lines: [{ ...line('Pump overhaul', 1000, totalMinor), id: saved.lines[0]?.id }],
  });
  const step = async (who: string, detail: { id: number; version: number }, name: string) => t.call(await t.signIn(who), 'changePoStatus', { id: detail.id, version: detail.version, step: name });

  it('offers the open budget orders valid on the PO date, with total and unallocated, leaving the PO’s own amount out', async () => {
    const alice = await t.signIn('alice');
    const picker = expectOk(await t.call(alice, 'budgetOrderPicker', {}));
    expect(picker.required).toBe(false);
    expect(picker.date).toBe(t.desk.now().slice(0, 10));
    expect(picker.options.map((option) => [option.number, option.totalMinor, option.unallocatedMinor])).toEqual([
      ['BO-QUAY', 5_000_000, 5_000_000],
      ['BO-SMALL', 100_000, 100_000],
    ]);
    expect(expectOk(await t.call(alice, 'budgetOrderPicker', { date: '2024-06-30' })).options.map((option) => option.number)).toEqual(['BO-2024']);

    const small = await budgetId('BO-SMALL');
    const submitted = expectOk(await step('alice', expectOk(await t.call(alice, 'savePo', po(small, 60_000))), 'submit'));
    expect(submitted.status).toBe('approved');
    const other = expectOk(await t.call(alice, 'savePo', po(small, 25_000)));
    const mine = expectOk(await t.call(alice, 'budgetOrderPicker', {})).options.find((option) => option.number === 'BO-SMALL');
    expect(mine).toMatchObject({ allocatedMinor: 60_000, provisionalMinor: 25_000, unallocatedMinor: 40_000 });
    const forOther = expectOk(await t.call(alice, 'budgetOrderPicker', { poId: other.id })).options.find((option) => option.number === 'BO-SMALL');
    expect(forOther).toMatchObject({ allocatedMinor: 60_000, provisionalMinor: 0, unallocatedMinor: 40_000 });
  });

  it('shows while typing what the PO would leave, counting other drafts as provisional, and warns before the limit', async () => {
    const alice = await t.signIn('alice');
    const small = await budgetId('BO-SMALL');
    expectOk(await step('alice', expectOk(await t.call(alice, 'savePo', po(small, 50_000))), 'submit'));
    expectOk(await t.call(alice, 'savePo', po(small, 30_000)));
    const ok = expectOk(await t.call(alice, 'budgetOrderHeadroom', { budgetOrderId: small, totalMinor: 5_000 }));
    expect(ok).toMatchObject({ allocatedMinor: 50_000, otherProvisionalMinor: 30_000, unallocatedMinor: 50_000, leavesMinor: 15_000, level: 'ok' });
    expect(ok.message).toBe("This PO would leave 150.00 of budget order BO-SMALL's 1,000.00 unallocated (85% used, counting 300.00 in other drafts).");
    const near = expectOk(await t.call(alice, 'budgetOrderHeadroom', { budgetOrderId: small, totalMinor: 15_000 }));
    expect(near).toMatchObject({ leavesMinor: 5_000, level: 'near-limit' });
    const withDrafts = expectOk(await t.call(alice, 'budgetOrderHeadroom', { budgetOrderId: small, totalMinor: 40_000 }));
    expect(withDrafts).toMatchObject({ leavesMinor: -20_000, level: 'near-limit', message: expect.stringMatching(/but not together with the other drafts/) });
    const over = expectOk(await t.call(alice, 'budgetOrderHeadroom', { budgetOrderId: small, totalMinor: 50_001 }));
    expect(over).toMatchObject({ level: 'over', message: expect.stringMatching(/^Over budget order BO-SMALL/) });
  });

  it('refuses a save above the unallocated amount and leaves the stored PO exactly as it was; submit checks again', async () => {
    const alice = await t.signIn('alice');
    const small = await budgetId('BO-SMALL');
    const first = expectOk(await t.call(alice, 'savePo', po(small, 60_000)));
    const second = expectOk(await t.call(alice, 'savePo', po(small, 60_000)));
    // Both drafts fit alone: drafts are provisional, nothing is allocated yet.
    expectOk(await step('alice', first, 'submit'));

    const before = await snapshotPoTables(t.desk);
    const raised = await t.call(alice, 'savePo', resave(second, small, 50_000));
    expect(raised).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        field: 'budgetOrderId',
        message: `${second.number}'s total, 500.00, is more than budget order BO-SMALL has unallocated for it, 400.00 (total 1,000.00, of which 600.00 is allocated to other POs): 100.00 over.`,
      },
    });
    const fresh = await t.call(alice, 'savePo', po(small, 40_001));
    expect(fresh).toMatchObject({ ok: false, error: { field: 'budgetOrderId', message: expect.stringMatching(/^The new PO's total, 400\.01, is more than budget order BO-SMALL/) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    const refusals = await t.desk.db.selectFrom('audit_log').select(['rule', 'po_id']).where('action', '=', 'save-refused').orderBy('id').execute();
    expect(refusals).toEqual([
      { rule: 'budget-exceeded', po_id: second.id },
      { rule: 'budget-exceeded', po_id: null },
    ]);

    // The second draft, saved while it fitted, is refused at submit now that the first took 600.00.
    const submit = await step('alice', second, 'submit');
    expect(submit).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/600\.00, is more than budget order BO-SMALL has unallocated for it, 400\.00/) } });
    expect(expectOk(await t.call(alice, 'openPo', { id: second.id })).status).toBe('draft');
    const submitAudit = await t.desk.db.selectFrom('audit_log').select(['rule']).where('action', '=', 'po-submit-refused').execute();
    expect(submitAudit).toEqual([{ rule: 'budget-exceeded' }]);
    // Exactly at the limit fits.
    const fits = expectOk(await t.call(alice, 'savePo', resave(second, small, 40_000)));
    expect(expectOk(await step('alice', fits, 'submit')).status).toBe('approved');
  });

  it('asks for a budget order at submit when the installation requires one', async () => {
    const admin = await t.signIn('admin');
    expect(expectOk(await t.call(admin, 'updateSettings', { budgetOrderRequired: true })).budgetOrderRequired).toBe(true);
    const alice = await t.signIn('alice');
    const none = expectOk(await t.call(alice, 'savePo', po(null, 10_000)));
    expect(await step('alice', none, 'submit')).toMatchObject({ ok: false, error: { code: 'refused', message: `${none.number} cannot be submitted without a budget order: every PO needs one here. Choose one valid on the PO's date.` } });
    expect(expectOk(await t.call(alice, 'budgetOrderPicker', {})).required).toBe(true);
    const withBudget = expectOk(await t.call(alice, 'savePo', resave(none, await budgetId('BO-QUAY'), 10_000)));
    expect(expectOk(await step('alice', withBudget, 'submit')).status).toBe('approved');
  });

  it('lets a draft change its budget order, locks it from approval on, and checks a change order that raises the amount again', async () => {
    const alice = await t.signIn('alice');
    const [quay, small] = [await budgetId('BO-QUAY'), await budgetId('BO-SMALL')];
    const saved = expectOk(await t.call(alice, 'savePo', po(quay, 50_000)));
    expect(saved.budgetOrder).toMatchObject({ number: 'BO-QUAY', locked: false });
    const moved = expectOk(await t.call(alice, 'savePo', resave(saved, small, 50_000)));
    expect(moved.budgetOrder).toMatchObject({ number: 'BO-SMALL', locked: false });
    const approved = expectOk(await step('alice', moved, 'submit'));
    expect(approved.budgetOrder).toMatchObject({ number: 'BO-SMALL', locked: true, reason: `${saved.number} is locked to budget order BO-SMALL since it was approved; it cannot be taken off it.` });
    const released = expectOk(await step('alice', approved, 'release'));
    const changing = expectOk(await step('alice', released, 'change-order'));
    expect(changing).toMatchObject({ status: 'draft', budgetOrder: { locked: true } });

    // Another PO takes 300.00 of BO-SMALL meanwhile: 700.00 is what this PO may hold.
    expectOk(await step('alice', expectOk(await t.call(alice, 'savePo', po(small, 30_000))), 'submit'));
    const before = await snapshotPoTables(t.desk);
    const move = await t.call(alice, 'savePo', resave(changing, quay, 50_000));
    expect(move).toMatchObject({ ok: false, error: { field: 'budgetOrderId', message: `${saved.number} is locked to budget order BO-SMALL since it was approved and released; it cannot move to BO-QUAY.` } });
    const over = await t.call(alice, 'savePo', resave(changing, small, 70_001));
    expect(over).toMatchObject({ ok: false, error: { field: 'budgetOrderId', message: expect.stringMatching(/new total, 700\.01 \(up from 500\.00\), is more than budget order BO-SMALL has unallocated for it, 700\.00/) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    const rules = await t.desk.db.selectFrom('audit_log').select('rule').where('action', '=', 'save-refused').orderBy('id').execute();
    expect(rules.map((row) => row.rule)).toEqual(['budget-locked', 'change-order-over-budget']);

    const raised = expectOk(await t.call(alice, 'savePo', resave(changing, small, 70_000)));
    expect(raised.totalMinor).toBe(70_000);
    const view = expectOk(await t.call(alice, 'budgetView', {})).budgets.find((budget) => budget.number === 'BO-SMALL');
    // The change order keeps the approved 500.00 allocated; the 200.00 it adds is provisional until approved.
    expect(view).toMatchObject({ allocatedMinor: 80_000, provisionalMinor: 20_000, unallocatedMinor: 20_000 });
  });

  it('shows each budget order with its figures, its POs and its use over time; admins alone change them, never below what is allocated', async () => {
    const alice = await t.signIn('alice');
    const small = await budgetId('BO-SMALL');
    const a = expectOk(await step('alice', expectOk(await t.call(alice, 'savePo', po(small, 40_000))), 'submit'));
    const b = expectOk(await t.call(alice, 'savePo', po(small, 10_000)));
    const cancelled = expectOk(await t.call(alice, 'savePo', po(small, 5_000)));
    expectOk(await t.call(alice, 'changePoStatus', { id: cancelled.id, version: cancelled.version, step: 'cancel', reason: 'Not needed' }));
    const view = expectOk(await t.call(alice, 'budgetView', {}));
    expect(view.canEdit).toBe(false);
    const row = view.budgets.find((budget) => budget.number === 'BO-SMALL');
    expect(row).toMatchObject({ totalMinor: 100_000, allocatedMinor: 40_000, provisionalMinor: 10_000, unallocatedMinor: 60_000 });
    expect(row?.pos.map((entry) => [entry.number, entry.counts, entry.totalMinor])).toEqual([
      [a.number, 'allocated', 40_000],
      [b.number, 'provisional', 10_000],
    ]);
    expect(row?.usage).toEqual([{ date: t.desk.now().slice(0, 10), allocatedMinor: 40_000, provisionalMinor: 10_000 }]);
    const shares = await t.desk.db.selectFrom('budget_order_shares').select(['po_id', 'allocated_minor', 'provisional_minor']).orderBy('id').execute();
    expect(shares).toEqual([
      { po_id: a.id, allocated_minor: 0, provisional_minor: 40_000 },
      { po_id: a.id, allocated_minor: 40_000, provisional_minor: 0 },
      { po_id: b.id, allocated_minor: 0, provisional_minor: 10_000 },
      { po_id: cancelled.id, allocated_minor: 0, provisional_minor: 5_000 },
      { po_id: cancelled.id, allocated_minor: 0, provisional_minor: 0 },
    ]);

    const input = { id: small, number: 'bo-small', customerPoNumber: null, totalMinor: 39_999, validFrom: '2025-01-01', validTo: '2030-12-31', status: 'open' };
    expect(await t.call(alice, 'saveBudgetOrder', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await t.signIn('admin');
    expect(await t.call(admin, 'saveBudgetOrder', input)).toMatchObject({ ok: false, error: { field: 'totalMinor', message: 'The total, 399.99, cannot be below the 400.00 already allocated to POs on BO-SMALL.' } });
    expect(await t.call(admin, 'saveBudgetOrder', { ...input, totalMinor: 40_000, validTo: '2024-12-31' })).toMatchObject({ ok: false, error: { field: 'validFrom' } });
    expect(await t.call(admin, 'saveBudgetOrder', { ...input, id: undefined, number: 'BO-QUAY' })).toMatchObject({ ok: false, error: { field: 'number', message: 'Budget order BO-QUAY already exists; give this one another number.' } });
    const changed = expectOk(await t.call(admin, 'saveBudgetOrder', { ...input, totalMinor: 40_000, status: 'closed' }));
    expect(changed.budgets.find((budget) => budget.number === 'BO-SMALL')).toMatchObject({ totalMinor: 40_000, status: 'closed', unallocatedMinor: 0 });
    const added = expectOk(await t.call(admin, 'saveBudgetOrder', { number: 'BO-NEW', customerPoNumber: ' C-9 ', totalMinor: 1_000, validFrom: '2026-01-01', validTo: '2026-12-31', status: 'open' }));
    expect(added.budgets.find((budget) => budget.number === 'BO-NEW')).toMatchObject({ customerPoNumber: 'C-9', allocatedMinor: 0, pos: [], usage: [] });
    const audit = await t.desk.db.selectFrom('audit_log').select(['action', 'before_value', 'after_value']).where('rule', '=', 'budget-order').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'budget-order-changed', before_value: 'BO-SMALL: total 100000, valid 2025-01-01 to 2030-12-31, open', after_value: 'BO-SMALL: total 40000, valid 2025-01-01 to 2030-12-31, closed' },
      { action: 'budget-order-created', before_value: null, after_value: 'BO-NEW: total 1000, valid 2026-01-01 to 2026-12-31, open, customer PO C-9' },
    ]);
    // A closed budget order takes no new PO.
    expect(await t.call(alice, 'savePo', po(small, 1))).toMatchObject({ ok: false, error: { field: 'budgetOrderId', message: 'Budget order BO-SMALL is closed, so the new PO cannot draw on it; choose an open budget order.' } });
  });
});
