import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PoDetail } from '../../src/shared/contracts';
import { expectOk, line, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * The PO's life on both stores, through the real dispatcher: the demo bands are from 10,000.00 one
 * supervisor or admin, from 100,000.00 two with one an admin; Sam's approval limit is 250,000.00.
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  /** A draft by `who` on cost center 210 for `unitCostMinor` (one unit), confirmed if it is large. */
  async function draft(who: string, unitCostMinor: number): Promise<PoDetail> {
    const session = await t.signIn(who);
    return expectOk(
      await t.call(session, 'savePo', {
        vendorCode: 'BOLT',
        warehouseCode: 'MAIN',
        costCenterCode: '210',
        costCenterEntered: true,
        lines: [line('Pump overhaul', 1000, unitCostMinor)],
        confirmedLargeTotalMinor: unitCostMinor,
      }),
    );
  }
  const step = async (who: string, po: { id: number; version: number }, stepName: string, reason?: string) =>
    t.call(await t.signIn(who), 'changePoStatus', { id: po.id, version: po.version, step: stepName, ...(reason === undefined ? {} : { reason }) });
  const decide = async (who: string, po: PoDetail, decision: 'approve' | 'reject', extra: { reason?: string; decisionId?: string } = {}) =>
    t.call(await t.signIn(who), 'decideReview', { id: po.id, revision: po.standing.revision, version: po.version, decision, decisionId: extra.decisionId ?? randomUUID(), ...(extra.reason ? { reason: extra.reason } : {}) });
  const reopen = async (who: string, id: number) => expectOk(await t.call(await t.signIn(who), 'openPo', { id }));
  const actions = (po: PoDetail) => Object.fromEntries(po.standing.actions.map((a) => [a.action, a.allowed]));

  it('approves a PO under every band on submit, releases it with its document kept, and closes it', async () => {
    const po = await draft('alice', 50_000);
    expect(actions(po)).toMatchObject({ submit: true, release: false, cancel: true, 'change-order': false });
    const submitted = expectOk(await step('alice', po, 'submit'));
    expect(submitted.status).toBe('approved');
    expect(submitted.standing.statusNote).toMatch(/approved on submit: it needs no approval\. No approval is needed: 500\.00 is under every approval band/);
    const released = expectOk(await step('alice', submitted, 'release'));
    expect(released.status).toBe('released');
    expect(released.standing.revisions).toEqual([{ revision: 1, releasedAt: expect.any(String) }]);
    const document = expectOk(await t.call(await t.signIn('alice'), 'poDocument', { id: po.id }));
    expect(document).toMatchObject({ kind: 'released', revision: 1, fileName: `${po.number}-rev1.pdf` });
    expect(Buffer.from(document.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const closed = expectOk(await step('alice', released, 'close'));
    expect(closed.status).toBe('closed');
    const audit = await t.desk.db.selectFrom('audit_log').select(['action', 'before_value', 'after_value']).where('po_id', '=', po.id).where('action', 'like', 'po-%').orderBy('id').execute();
    expect(audit.map((row) => [row.action, row.before_value, row.after_value])).toEqual([
      ['po-created', null, '210'],
      ['po-approved-on-submit', 'draft', 'approved'],
      ['po-released', 'approved', 'released'],
      ['po-closed', 'released', 'closed'],
    ]);
  });

  it('sends a PO in a band to the supervisor, who approves it from the review desk; nobody approves their own', async () => {
    const po = await draft('alice', 2_000_000);
    const submitted = expectOk(await step('alice', po, 'submit'));
    expect(submitted.status).toBe('submitted');
    expect(submitted.standing.band).toBe('from 10,000.00 for all cost centers: 1 approval by a supervisor or an admin');
    expect(submitted.standing.progress).toBe('Needs 1 more approval (none given yet).');
    const sam = await t.signIn('sam');
    const queue = expectOk(await t.call(sam, 'reviewQueue', {}));
    expect(queue.rows.map((row) => row.number)).toEqual([po.number]);
    expect(queue.rows[0]).toMatchObject({ totalMinor: 2_000_000, costCenterCodes: ['210'], operatorName: 'Alice Moreau' });
    const review = expectOk(await t.call(sam, 'openReview', { id: po.id }));
    expect(review.canApprove).toEqual({ allowed: true, reason: expect.any(String) });
    expect(review.costCenterReasons[0]).toMatchObject({ lineNumber: null, costCenterCode: '210', reason: 'Cost center 210, entered by Alice Moreau.' });
    expect(review.audit.map((entry) => entry.action)).toContain('po-submitted');

    // Alice is an operator: the review desk is not hers, and she cannot approve her own PO anyway.
    expect(await decide('alice', submitted, 'approve')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const approved = expectOk(await decide('sam', submitted, 'approve'));
    expect(approved).toMatchObject({ outcome: 'applied', status: 'approved' });
    expect(expectOk(await t.call(sam, 'reviewQueue', {})).rows).toEqual([]);
    const after = await reopen('alice', po.id);
    expect(after.status).toBe('approved');
    expect(after.standing.approvals).toEqual([{ approverName: 'Sam Patel', approverRole: 'supervisor', at: expect.any(String), revision: 1, voided: false }]);
    const row = await t.desk.db.selectFrom('audit_log').selectAll().where('po_id', '=', po.id).where('action', '=', 'po-approved').executeTakeFirstOrThrow();
    expect(row.detail).toMatch(/^Sam Patel approved .* \(Revision 1, total 20,000\.00, band from 10,000\.00 for all cost centers/);
  });

  it('asks two approvals from 100,000.00, one of them an admin, and keeps approvals per person', async () => {
    const po = await draft('pat', 15_000_000);
    const submitted = expectOk(await step('pat', po, 'submit'));
    const first = expectOk(await decide('sam', submitted, 'approve'));
    expect(first.status).toBe('submitted');
    const waiting = await reopen('pat', po.id);
    expect(waiting.standing.progress).toBe('Needs 1 more approval, from an admin (1 of 2 given: Sam Patel).');
    expect(waiting.standing.statusNote).toBe('Needs 1 more approval, from an admin (1 of 2 given: Sam Patel).');
    // Sam's approval is in: he cannot give the second one too.
    expect(await decide('sam', waiting, 'approve')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(expectOk(await decide('admin', waiting, 'approve')).status).toBe('approved');
  });

  it('keeps a supervisor to their limit and their scheme', async () => {
    const big = await draft('pat', 30_000_000);
    const submitted = expectOk(await step('pat', big, 'submit'));
    const refusal = await decide('sam', submitted, 'approve');
    expect(refusal).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/above your approval limit of 250,000\.00/) } });
    expect(expectOk(await t.call(await t.signIn('sam'), 'reviewQueue', {})).rows).toEqual([]);
    expect(await t.desk.db.selectFrom('po_approvals').selectAll().execute()).toEqual([]);
  });

  it('rejects only with a reason; the operator reads it beside the draft and in the list', async () => {
    const submitted = expectOk(await step('alice', await draft('alice', 2_000_000), 'submit'));
    const before = await snapshotPoTables(t.desk);
    expect(await decide('sam', submitted, 'reject', { reason: '   ' })).toMatchObject({ ok: false, error: { code: 'refused', field: 'reason' } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    expect(expectOk(await decide('sam', submitted, 'reject', { reason: 'Quote is a month old; get a new one.' })).status).toBe('draft');
    const back = await reopen('alice', submitted.id);
    expect(back.status).toBe('draft');
    expect(back.standing.statusNote).toBe('Rejected by Sam Patel on revision 1: Quote is a month old; get a new one.');
    const list = expectOk(await t.call(await t.signIn('alice'), 'listPos', { mine: true, status: 'draft' }));
    expect(list.rows.find((row) => row.id === submitted.id)?.statusNote).toBe('Rejected by Sam Patel on revision 1: Quote is a month old; get a new one.');
  });

  it('edits only drafts: a submitted PO is recalled first, and its approvals are void', async () => {
    const po = await draft('pat', 15_000_000);
    const submitted = expectOk(await step('pat', po, 'submit'));
    expectOk(await decide('sam', submitted, 'approve'));
    const waiting = await reopen('pat', po.id);
    const edit = await t.call(await t.signIn('pat'), 'savePo', { id: po.id, version: waiting.version, vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [line()] });
    expect(edit).toMatchObject({ ok: false, error: { code: 'refused', message: `${po.number} is submitted, so it cannot be edited: only drafts are. Recall it to draft to change it.` } });
    expect(await t.call(await t.signIn('pat'), 'openPo', { id: po.id, mode: 'change' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    const recalled = expectOk(await step('pat', waiting, 'recall'));
    expect(recalled.status).toBe('draft');
    expect(recalled.standing.approvals).toEqual([expect.objectContaining({ approverName: 'Sam Patel', voided: true })]);
    expect(recalled.access.canChange).toBe(true);
  });

  it('applies a decision id once: a replay answers already-applied and writes nothing more', async () => {
    const submitted = expectOk(await step('alice', await draft('alice', 2_000_000), 'submit'));
    const decisionId = randomUUID();
    expect(expectOk(await decide('sam', submitted, 'approve', { decisionId })).outcome).toBe('applied');
    expect(expectOk(await decide('sam', submitted, 'approve', { decisionId })).outcome).toBe('already-applied');
    expect(await t.desk.db.selectFrom('po_approvals').selectAll().execute()).toHaveLength(1);
    // A stale version (the PO moved on since it was read) is a conflict, not a decision.
    expect(await decide('admin', submitted, 'approve')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('changes a released PO by a change order: revision 2 needs approval again only when its total rises', async () => {
    const submitted = expectOk(await step('alice', await draft('alice', 2_000_000), 'submit'));
    expectOk(await decide('sam', submitted, 'approve'));
    const released = expectOk(await step('alice', await reopen('alice', submitted.id), 'release'));
    expect(released.status).toBe('released');
    expect(await step('alice', released, 'cancel', 'No longer needed')).toMatchObject({ ok: false, error: { code: 'refused' } });
    const changing = expectOk(await step('alice', released, 'change-order'));
    expect(changing).toMatchObject({ status: 'draft', standing: { revision: 2 } });
    const alice = await t.signIn('alice');
    const cheaper = expectOk(
      await t.call(alice, 'savePo', { id: changing.id, version: changing.version, vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', lines: [{ ...line('Pump overhaul', 1000, 1_500_000), id: changing.lines[0]?.id }] }),
    );
    const resubmitted = expectOk(await step('alice', cheaper, 'submit'));
    expect(resubmitted.status).toBe('approved');
    expect(resubmitted.standing.statusNote).toMatch(/Revision 2 needs no new approval/);
    const first = expectOk(await t.call(alice, 'poRevision', { id: changing.id, revision: 1 }));
    expect(first.snapshot.lines.map((l) => l.unitCostMinor)).toEqual([2_000_000]);
    const firstDocument = expectOk(await t.call(alice, 'poDocument', { id: changing.id, revision: 1 }));
    expect(firstDocument.kind).toBe('released');
    expect(expectOk(await t.call(alice, 'poDocument', { id: changing.id })).kind).toBe('draft-preview');
  });

  it('cancels before release only, with a reason', async () => {
    const po = await draft('alice', 50_000);
    expect(await step('alice', po, 'cancel', '')).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/Give a reason for cancelling/) } });
    expect(await step('bob', po, 'cancel', 'Not mine')).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/Only Alice Moreau, who entered/) } });
    const cancelled = expectOk(await step('alice', po, 'cancel', 'Ordered twice'));
    expect(cancelled).toMatchObject({ status: 'cancelled', standing: { statusNote: 'Cancelled by Alice Moreau: Ordered twice' } });
    expect(Object.values(actions(cancelled)).every((allowed) => !allowed)).toBe(true);
  });

  it('takes decisions made elsewhere only from the supervisor they were made by', async () => {
    const submitted = expectOk(await step('alice', await draft('alice', 2_000_000), 'submit'));
    const sam = await t.signIn('sam');
    const pack = expectOk(await t.call(sam, 'reviewPackage', {}));
    expect(pack.items.map((item) => item.po.number)).toEqual([submitted.number]);
    const file = {
      format: 'purchasing-desk-review-decisions',
      formatVersion: 1,
      supervisor: pack.supervisor,
      madeAt: new Date().toISOString(),
      decisions: [{ decisionId: randomUUID(), poId: submitted.id, poNumber: submitted.number, revision: 1, version: submitted.version, decision: 'approve', reason: null, decidedAt: new Date().toISOString() }],
    };
    expect(await t.call(await t.signIn('admin'), 'importReviewDecisions', { file })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const imported = expectOk(await t.call(sam, 'importReviewDecisions', { file }));
    expect(imported.results).toEqual([expect.objectContaining({ outcome: 'applied', poNumber: submitted.number })]);
    const again = expectOk(await t.call(sam, 'importReviewDecisions', { file }));
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'already-applied' })]);
  });
});
