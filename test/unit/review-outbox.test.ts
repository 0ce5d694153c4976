import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkOfflineDecision,
  KEPT_MESSAGE,
  makeCopy,
  type OutboxRow,
  parseStoredCopy,
  queueFromCopy,
  replayInput,
  reviewFromCopy,
  type StoredCopy,
  withoutDecidedHere,
} from '../../src/main/team/review-copy/copy-answers';
import { ReviewCopyFile } from '../../src/main/team/review-copy/review-copy-file';
import { replayVerdict } from '../../src/main/team/review-copy/replay-verdict';
import { REVIEW_PACKAGE_FORMAT, type ReviewQueueRow } from '../../src/shared/lifecycle-schemas';
import type { ReviewDetail } from '../../src/shared/contracts';
import type { AppErrorCode } from '../../src/shared/result';

/** A PO waiting for review as the server's package carries it. */
function item(id: number, version: number, options: { revision?: number; canApprove?: boolean; canReject?: boolean } = {}): ReviewDetail {
  const revision = options.revision ?? 1;
  return {
    po: {
      id,
      number: `PO-${1000 + id}`,
      vendorCode: 'BOLT',
      vendorName: 'Bolt Industrial',
      warehouseCode: 'MAIN',
      costCenterCode: '210',
      status: 'submitted',
      revision,
      statusNote: null,
      totalMinor: 12_500_00,
      createdBy: 'Pat Nguyen',
      updatedAt: '2025-03-01T09:00:00.000Z',
      version,
      costCenterOrigin: { source: 'entered', enteredBy: 'Pat Nguyen', text: 'Entered by Pat Nguyen' },
      billingEntity: null,
      customerPoNumber: null,
      projectCode: null,
      budgetOrder: null,
      lines: [],
      access: { mode: 'view', canChange: false, reason: 'Submitted POs are not edited.', lines: [] },
      standing: { revision, statusNote: null, statusChangedAt: null, band: null, progress: null, approvals: [], revisions: [], actions: [] },
    },
    costCenterReasons: [],
    audit: [],
    canApprove: { allowed: options.canApprove ?? true, reason: options.canApprove === false ? 'You may approve up to 10,000.00.' : 'You may approve it.' },
    canReject: { allowed: options.canReject ?? true, reason: 'You may reject it.' },
  };
}

function row(id: number, version: number, revision = 1): ReviewQueueRow {
  return {
    id,
    number: `PO-${1000 + id}`,
    revision,
    version,
    vendorCode: 'BOLT',
    vendorName: 'Bolt Industrial',
    totalMinor: 12_500_00,
    costCenterCodes: ['210'],
    operatorName: 'Pat Nguyen',
    submittedAt: `2025-03-0${id}T09:00:00.000Z`,
    band: null,
    progress: null,
  };
}

function copyOf(items: ReviewDetail[], rows: ReviewQueueRow[] = items.map((i) => row(i.po.id, i.po.version, i.po.revision))): StoredCopy {
  return makeCopy(rows, {
    format: REVIEW_PACKAGE_FORMAT,
    formatVersion: 1,
    supervisor: { id: 4, signInName: 'sam', displayName: 'Sam Patel' },
    madeAt: '2025-03-05T10:00:00.000Z',
    items,
  });
}

function kept(poId: number, version: number, state: OutboxRow['state'] = 'queued', decisionId = `d-${poId}`): OutboxRow {
  return { decisionId, poId, poNumber: `PO-${1000 + poId}`, revision: 1, version, decision: 'approve', reason: null, decidedAt: '2025-03-05T11:00:00.000Z', state };
}

const NOW = '2025-03-05T12:00:00.000Z';
const UUID = '9f1c2b7e-3d4a-4c5b-8e6f-7a8b9c0d1e2f';
const decide = (id: number, version: number, extra: Partial<{ revision: number; decision: 'approve' | 'reject'; reason: string; decisionId: string; decidedAt: string }> = {}) => ({
  id,
  version,
  revision: 1,
  decision: 'approve' as const,
  decisionId: UUID,
  ...extra,
});

describe('the review copy', () => {
  it('keeps only the POs the queue and the package both list at one version, in the queue’s order', () => {
    const copy = copyOf([item(1, 3), item(2, 5), item(3, 1)], [row(3, 1), row(1, 3), row(2, 4), row(9, 1)]);
    // PO 2 moved between the two answers and PO 9 has no review to show: neither can be decided from the copy.
    expect(copy.rows.map((r) => r.id)).toEqual([3, 1]);
    expect(copy.copiedAt).toBe('2025-03-05T10:00:00.000Z');
  });

  it('reads back what it wrote, and refuses a copy another version wrote instead of guessing', () => {
    const copy = copyOf([item(1, 3)]);
    expect(parseStoredCopy(JSON.parse(JSON.stringify(copy)))).toEqual(copy);
    expect(parseStoredCopy({ ...copy, package: { ...copy.package, formatVersion: 2 } })).toBeNull();
    expect(parseStoredCopy(null)).toBeNull();
  });

  it('offers what was not decided here; a PO decided here comes back once it was changed and sent again (another version)', () => {
    const copy = copyOf([item(1, 3), item(2, 5), item(3, 1)]);
    expect(queueFromCopy(copy, [kept(2, 5), kept(3, 7, 'sent')]).map((r) => r.id)).toEqual([1, 3]);
    expect(queueFromCopy(copy, [kept(2, 5, 'sending'), kept(1, 3, 'sent')]).map((r) => r.id)).toEqual([3]);
    expect(withoutDecidedHere([row(1, 3), row(2, 6)], [kept(2, 5)]).map((r) => r.id)).toEqual([1, 2]);
  });

  it('opens a PO from the copy; one decided here opens read-only and says why', () => {
    const copy = copyOf([item(1, 3), item(2, 5)]);
    expect(reviewFromCopy(copy, [], 1)).toEqual({ ok: true, value: copy.package.items[0] });
    const decided = reviewFromCopy(copy, [kept(2, 5)], 2);
    expect(decided.ok && decided.value.canApprove).toEqual({ allowed: false, reason: expect.stringMatching(/^You approved PO-1002 on this workstation; the decision is sent when/) });
    expect(decided.ok && decided.value.canReject.allowed).toBe(false);
    expect(reviewFromCopy(copy, [], 7)).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/not in the review copy this workstation keeps/) } });
  });
});

describe('a decision taken while the team server is away', () => {
  const copy = copyOf([item(1, 3), item(2, 5, { canApprove: false }), item(3, 2, { revision: 2 })]);

  it('goes into the outbox with its own id, the revision and version read, and the time it was taken', () => {
    expect(checkOfflineDecision(copy, [], decide(1, 3, { decidedAt: '2025-03-05T11:30:00+01:00' }), NOW)).toEqual({
      kind: 'keep',
      row: { decisionId: UUID, poId: 1, poNumber: 'PO-1001', revision: 1, version: 3, decision: 'approve', reason: null, decidedAt: '2025-03-05T11:30:00+01:00' },
    });
    const rejected = checkOfflineDecision(copy, [], decide(1, 3, { decision: 'reject', reason: '  Wrong vendor  ' }), NOW);
    expect(rejected).toMatchObject({ kind: 'keep', row: { decision: 'reject', reason: 'Wrong vendor', decidedAt: NOW } });
  });

  it('the same decision id again is the same decision, answered as before and kept once', () => {
    const earlier = { ...kept(1, 3), decisionId: UUID };
    expect(checkOfflineDecision(copy, [earlier], decide(1, 3), NOW)).toEqual({ kind: 'kept-before', row: earlier });
  });

  it.each<[string, ReturnType<typeof decide>, AppErrorCode, RegExp]>([
    ['a PO not in the copy', decide(9, 1), 'not-found', /not in the review copy/],
    ['another version than the copy holds', decide(1, 2), 'conflict', /copy holds revision 1 \(version 3\), you decided on revision 1 \(version 2\)/],
    ['another revision than the copy holds', decide(3, 2, { revision: 1 }), 'conflict', /copy holds revision 2 \(version 2\)/],
    ['what the copy says this supervisor may not do', decide(2, 5), 'refused', /You may approve up to 10,000\.00\./],
    ['a rejection without a reason', decide(1, 3, { decision: 'reject', reason: '   ' }), 'refused', /Give a reason to reject PO-1001/],
  ])('is refused at once for %s', (_what, input, code, message) => {
    expect(checkOfflineDecision(copy, [], input, NOW)).toEqual({ kind: 'refuse', error: expect.objectContaining({ code, message: expect.stringMatching(message) }) });
  });

  it('is refused for a PO already decided here under another id: the first decision is the one sent', () => {
    expect(checkOfflineDecision(copy, [kept(1, 3, 'sending')], decide(1, 3), NOW)).toEqual({
      kind: 'refuse',
      error: { code: 'conflict', message: 'You already approved PO-1001 on this workstation; that decision is sent when the team server answers again.' },
    });
  });

  it('is replayed with its original id, revision, version, reason and time', () => {
    expect(replayInput({ ...kept(1, 3), decision: 'reject', reason: 'Wrong vendor' })).toEqual({
      id: 1,
      revision: 1,
      version: 3,
      decision: 'reject',
      reason: 'Wrong vendor',
      decisionId: 'd-1',
      decidedAt: '2025-03-05T11:00:00.000Z',
    });
    expect(replayInput(kept(1, 3))).not.toHaveProperty('reason');
    expect(KEPT_MESSAGE).toBe('Decision kept on this workstation; it is sent when the team server answers again.');
  });
});

describe('what the replay does with the server’s answer', () => {
  const outcome = { decisionId: UUID, poId: 1, poNumber: 'PO-1001', status: 'approved' as const, message: 'Approved.' };

  it.each<[string, Parameters<typeof replayVerdict>[0], ReturnType<typeof replayVerdict>['kind'], string?]>([
    ['applied now', { ok: true, value: { ...outcome, outcome: 'applied' } }, 'sent'],
    ['applied before under this id (sent again after a crash)', { ok: true, value: { ...outcome, outcome: 'already-applied' } }, 'sent'],
    ['the PO changed since (conflict)', { ok: false, error: { code: 'conflict', message: 'PO-1001 is at revision 2 now.' } }, 'conflict', 'conflict'],
    ['refused by the rules', { ok: false, error: { code: 'refused', message: 'Over your limit.' } }, 'conflict', 'refused'],
    ['no longer allowed', { ok: false, error: { code: 'forbidden', message: 'Not a reviewer.' } }, 'conflict', 'refused'],
    ['a PO that is gone', { ok: false, error: { code: 'not-found', message: 'No such PO.' } }, 'conflict', 'refused'],
    ['an input the server will not take', { ok: false, error: { code: 'invalid-input', message: 'Bad.' } }, 'conflict', 'refused'],
    ['a session the server no longer knows', { ok: false, error: { code: 'not-signed-in', message: 'Sign in.' } }, 'signed-out'],
    ['a server away (the row stays)', { ok: false, error: { code: 'unreachable', message: 'Cannot be reached.' } }, 'retry-later'],
    ['a server that failed without deciding (the row stays)', { ok: false, error: { code: 'internal', message: 'Nothing was saved.' } }, 'retry-later'],
  ])('%s', (_what, answer, kind, conflictOutcome) => {
    const verdict = replayVerdict(answer);
    expect(verdict.kind).toBe(kind);
    if (conflictOutcome) expect(verdict).toEqual({ kind: 'conflict', outcome: conflictOutcome, message: (answer as { error: { message: string } }).error.message });
  });
});

describe('the copy file', () => {
  let dir: string;
  let file: ReviewCopyFile;
  const sam = { serverUrl: 'https://desk.example.com', operatorId: 4 };
  const samElsewhere = { serverUrl: 'https://other.example.com', operatorId: 4 };
  const dana = { serverUrl: 'https://desk.example.com', operatorId: 5 };
  const { state: _state, ...fields } = kept(1, 3);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'review-copy-file-'));
    file = ReviewCopyFile.open(join(dir, 'review-copy.sqlite'));
  });
  afterEach(() => {
    file.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one copy per supervisor and server', () => {
    const copy = copyOf([item(1, 3)]);
    file.saveCopy(sam, 'sam', copy);
    file.saveCopy(sam, 'sam', copyOf([item(1, 3), item(2, 5)]));
    expect(parseStoredCopy(file.readCopy(sam))?.package.items).toHaveLength(2);
    expect(file.readCopy(samElsewhere)).toBeUndefined();
    expect(file.readCopy(dana)).toBeUndefined();
  });

  it('sends oldest first, keeps a row "sending" until its answer, and settles it as sent or as a conflict', () => {
    file.enqueue(sam, { ...fields, decisionId: 'a', poId: 1 });
    file.enqueue(dana, { ...fields, decisionId: 'x', poId: 7 });
    file.enqueue(sam, { ...fields, decisionId: 'b', poId: 2 });
    file.enqueue(sam, { ...fields, decisionId: 'c', poId: 3 });
    expect(file.nextToSend(sam)?.decisionId).toBe('a');
    file.markSending('a');
    // A crash here: the row is sent again, first.
    const reopened = ReviewCopyFile.open(join(dir, 'review-copy.sqlite'));
    expect(reopened.nextToSend(sam)).toMatchObject({ decisionId: 'a', state: 'sending' });
    reopened.close();

    file.markSent('a', '2025-03-05T12:00:00.000Z');
    expect(file.nextToSend(sam)?.decisionId).toBe('b');
    file.moveToConflicts(sam, file.nextToSend(sam) as OutboxRow, 'conflict', 'PO-1002 was recalled to draft.', NOW);
    expect(file.nextToSend(sam)?.decisionId).toBe('c');
    expect(file.outbox(sam).map((r) => [r.decisionId, r.state])).toEqual([
      ['a', 'sent'],
      ['c', 'queued'],
    ]);
    expect(file.conflicts(sam)).toEqual([
      { decisionId: 'b', poId: 2, poNumber: 'PO-1001', decision: 'approve', outcome: 'conflict', message: 'PO-1002 was recalled to draft.', reason: null, decidedAt: fields.decidedAt, decidedRevision: 1 },
    ]);
    expect(file.waitingByOperator(sam.serverUrl)).toEqual([
      { operatorId: 4, count: 1 },
      { operatorId: 5, count: 1 },
    ]);

    // A copy begun after "a" was applied reflects it; one begun before does not.
    file.forgetSentBefore(sam, '2025-03-05T11:59:59.000Z');
    expect(file.outbox(sam).map((r) => r.decisionId)).toEqual(['a', 'c']);
    file.forgetSentBefore(sam, '2025-03-05T12:00:01.000Z');
    expect(file.outbox(sam).map((r) => r.decisionId)).toEqual(['c']);

    expect(file.dismissConflict(dana, 'b')).toBe(false);
    expect(file.dismissConflict(sam, 'b')).toBe(true);
    expect(file.conflicts(sam)).toEqual([]);
  });

  it('refuses a decision id twice, so one decision is never kept twice', () => {
    file.enqueue(sam, fields);
    expect(() => file.enqueue(sam, fields)).toThrow(/UNIQUE/);
  });

  it('writes durably: WAL with synchronous=FULL', () => {
    const raw = ReviewCopyFile.open(join(dir, 'review-copy.sqlite')) as unknown as { db: { pragma: (text: string, options: { simple: true }) => unknown } };
    expect(raw.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // synchronous is per connection: 2 is FULL.
    expect(raw.db.pragma('synchronous', { simple: true })).toBe(2);
    (raw as unknown as ReviewCopyFile).close();
  });
});
