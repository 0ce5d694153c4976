import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { type DeskServer, startDeskServer } from '../../src/main/server/desk-server';
import { createDesk, type Desk } from '../../src/main/services/desk';
import { CONNECTION_FILE_NAME } from '../../src/main/team/connection-choice';
import { DeskConnection, type DeskConnectionOptions } from '../../src/main/team/desk-connection';
import { KEPT_MESSAGE } from '../../src/main/team/review-copy/copy-answers';
import { REVIEW_COPY_FILE_NAME } from '../../src/main/team/review-copy/offline-review';
import type { ChangeNotice, ContractName, InputOf, OutputOf } from '../../src/shared/contracts';
import type { OfflineReviewState } from '../../src/shared/lifecycle-schemas';
import { WireWorkstation } from '../support/desk-server-client';
import { freshStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores';
import { expectOk, TEST_PASSWORD_COST } from '../support/test-desk';

/**
 * A supervisor's team workstation (Electron main's DeskConnection, without Electron) reviewing
 * while the desk server on PostgreSQL goes away and comes back, and being killed mid-way. The
 * server is PostgreSQL's, so these run on PostgreSQL only.
 */
describe.runIf(STORE_KINDS.includes('postgres'))('offline review on a team workstation', () => {
  let rendererDir: string;
  let where: TestStoreLocation;
  let server: DeskServer | null = null;
  let port = 0;
  let serverUrl: string;
  /** Another desk on the same database, where operators change POs while the workstation is cut off. */
  let elsewhere: Desk;
  let userData: string;
  const opened: DeskConnection[] = [];

  const startServer = async () => {
    server = await startDeskServer({
      databaseUrl: where.location,
      rendererDir,
      passwordCost: TEST_PASSWORD_COST,
      listen: { host: '127.0.0.1', port },
      log: () => undefined,
    });
    port = Number(new URL(server.url).port);
    serverUrl = server.url.replace(/\/$/, '');
  };
  const stopServer = async () => {
    await server?.close();
    server = null;
  };

  beforeAll(() => {
    rendererDir = mkdtempSync(join(tmpdir(), 'offline-review-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><body>desk app</body></html>');
  });
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

  beforeEach(async () => {
    port = 0;
    where = await freshStoreLocation('postgres', 'demo');
    await startServer();
    elsewhere = createDesk(await openStore(where.location, { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
    userData = mkdtempSync(join(tmpdir(), 'offline-review-workstation-'));
  });
  afterEach(async () => {
    for (const connection of opened.splice(0)) await connection.close();
    await stopServer();
    await elsewhere.db.destroy();
    await where.dispose();
    rmSync(userData, { recursive: true, force: true });
  });

  /** Calls on the other desk, as the operator signed in there. */
  const onOtherDesk = async <K extends ContractName>(who: string, name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const session = `elsewhere-${who}`;
    expectOk(await dispatch(elsewhere, session, 'signIn', { signInName: who, password: 'demo' }));
    return expectOk(await dispatch(elsewhere, session, name, input));
  };

  /** Pat enters and submits POs of 15,000.00 on cost center 210: each needs one supervisor's approval, and Sam may give it. */
  const submittedPos = async (count: number) => {
    const pos = [];
    for (let n = 1; n <= count; n++) {
      const saved = await onOtherDesk('pat', 'savePo', {
        vendorCode: 'BOLT',
        warehouseCode: 'MAIN',
        costCenterCode: '210',
        costCenterEntered: true,
        lines: [{ itemCode: null, description: `Offline review ${n}`, quantityMilli: 1000, unitCostMinor: 1_500_000, glAccountCode: '5000' }],
      });
      pos.push(await onOtherDesk('pat', 'changePoStatus', { id: saved.id, version: saved.version, step: 'submit' }));
    }
    expect(pos.map((po) => po.status)).toEqual(Array(count).fill('submitted'));
    return pos;
  };

  const openWorkstation = async (overrides: Partial<DeskConnectionOptions> = {}) => {
    const changes: ChangeNotice[] = [];
    const connection = await DeskConnection.open({
      choiceFile: join(userData, CONNECTION_FILE_NAME),
      defaultChoice: { mode: 'team', url: serverUrl },
      openLocalDesk: () => Promise.reject(new Error('a team workstation opens no database of its own')),
      notifyChange: (notice) => changes.push(notice),
      notifyConnection: () => undefined,
      retry: { firstDelayMs: 20, maxDelayMs: 200 },
      reviewCopyFile: join(userData, REVIEW_COPY_FILE_NAME),
      reviewCopyTiming: { noticeSettleMs: 20 },
      log: () => undefined,
      ...overrides,
    });
    opened.push(connection);
    const state = async (window = 'window-1'): Promise<OfflineReviewState> => expectOk(await connection.answer('offlineReviewState', {}, window));
    return { connection, changes, state };
  };

  const waitFor = async <T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms; last seen ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const count = async (query: string) => Number((await sql.raw<{ n: string }>(query).execute(elsewhere.db)).rows[0]?.n ?? 0);

  it('reviews from the copy while the server is away, and its return applies 4 decisions and shows 1 conflict', { timeout: 60_000 }, async () => {
    const pos = await submittedPos(5);
    const { connection, changes, state } = await openWorkstation();
    expectOk(await connection.call('window-1', 'signIn', { signInName: 'sam', password: 'demo' }));
    const copied = await waitFor('the review copy', () => state(), (s) => s.copiedCount === 5);
    expect(copied).toMatchObject({ available: true, offline: false, pending: 0, conflicts: [], copiedAt: expect.any(String) });
    expect(changes).toContainEqual({ entities: ['review'] });

    await stopServer();
    // The first call finds the server gone; from then on the review desk answers from the copy at once.
    const queue = expectOk(await connection.call('window-1', 'reviewQueue', {}));
    expect(queue.rows.map((row) => row.number)).toEqual(pos.map((po) => po.number));
    expect(await state()).toMatchObject({ available: true, offline: true, copiedCount: 5, pending: 0 });
    expect(connection.state().reachable).toBe(false);
    // Every other call still says the server is away.
    expect(await connection.call('window-1', 'listPos', {})).toMatchObject({ ok: false, error: { code: 'unreachable' } });

    const opened = expectOk(await connection.call('window-1', 'openReview', { id: pos[0]!.id }));
    expect(opened.po).toMatchObject({ number: pos[0]!.number, lines: [expect.objectContaining({ description: 'Offline review 1' })] });
    expect(opened.canApprove.allowed).toBe(true);
    expect(opened.audit.length).toBeGreaterThan(0);

    const decisions = pos.map((po, n) => ({
      id: po.id,
      revision: po.revision,
      version: po.version,
      decision: n < 3 ? ('approve' as const) : ('reject' as const),
      ...(n < 3 ? {} : { reason: `Reason ${n + 1}: wrong vendor` }),
      decisionId: randomUUID(),
    }));
    for (const decision of decisions) {
      expect(await connection.call('window-1', 'decideReview', decision)).toEqual({
        ok: true,
        value: { decisionId: decision.decisionId, poId: decision.id, poNumber: expect.any(String), outcome: 'applied', status: 'submitted', message: KEPT_MESSAGE },
      });
    }
    // A PO decided here is not decided again under another id, nor offered again.
    expect(await connection.call('window-1', 'decideReview', { ...decisions[3]!, decisionId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^You already rejected/) },
    });
    expect(expectOk(await connection.call('window-1', 'reviewQueue', {})).rows).toEqual([]);
    expect(expectOk(await connection.call('window-1', 'openReview', { id: pos[0]!.id })).canApprove).toEqual({ allowed: false, reason: expect.stringMatching(/on this workstation; the decision is sent when/) });
    expect(await state()).toMatchObject({ offline: true, pending: 5, conflicts: [] });
    expect(await count('select count(*) as n from review_decisions')).toBe(0);

    // Meanwhile, on another desk, Pat recalls the second PO to draft.
    await onOtherDesk('pat', 'changePoStatus', { id: pos[1]!.id, version: pos[1]!.version, step: 'recall' });

    await startServer();
    const after = await waitFor('the replay', () => state(), (s) => s.pending === 0 && s.conflicts.length === 1 && s.copiedCount === 0);
    expect(after).toMatchObject({ available: true, offline: false, pending: 0 });
    expect(after.conflicts).toEqual([
      {
        decisionId: decisions[1]!.decisionId,
        poId: pos[1]!.id,
        poNumber: pos[1]!.number,
        decision: 'approve',
        outcome: 'conflict',
        message: expect.stringMatching(new RegExp(`^${pos[1]!.number} changed after you read revision 1: it is now a draft`)),
        reason: null,
        decidedAt: expect.any(String),
        decidedRevision: 1,
      },
    ]);

    // 4 applied, each once, under Sam; the recalled one is not decided.
    const applied = await elsewhere.db.selectFrom('review_decisions').select(['decision_id', 'po_id', 'decision']).orderBy('po_id').execute();
    expect(applied.map((row) => row.decision_id).sort()).toEqual([0, 2, 3, 4].map((n) => decisions[n]!.decisionId).sort());
    const statuses = await elsewhere.db.selectFrom('purchase_orders').select(['id', 'status', 'status_note']).where('id', 'in', pos.map((po) => po.id)).orderBy('id').execute();
    expect(statuses.map((row) => row.status)).toEqual(['approved', 'draft', 'approved', 'draft', 'draft']);
    expect(statuses[3]!.status_note).toMatch(/Reason 4: wrong vendor/);
    const approvals = await elsewhere.db.selectFrom('po_approvals').select(['po_id']).where('po_id', 'in', pos.map((po) => po.id)).execute();
    expect(approvals.map((row) => row.po_id).sort()).toEqual([pos[0]!.id, pos[2]!.id].sort());

    // Seen, and let be.
    const dismissed = expectOk(await connection.answer('dismissReviewConflict', { decisionId: decisions[1]!.decisionId }, 'window-1'));
    expect(dismissed.conflicts).toEqual([]);
  });

  it('takes the copy again when the server announces a change', { timeout: 30_000 }, async () => {
    await submittedPos(1);
    // No periodic refresh within the test: only the notice can bring the new PO.
    const { connection, state } = await openWorkstation({ reviewCopyTiming: { noticeSettleMs: 20, refreshEveryMs: 600_000 } });
    expectOk(await connection.call('window-1', 'signIn', { signInName: 'sam', password: 'demo' }));
    await waitFor('the review copy', () => state(), (s) => s.copiedCount === 1);

    // Pat submits through the server: its change notice reaches the workstation, which takes the copy again.
    const pat = await new WireWorkstation(serverUrl).signIn('pat');
    const saved = await pat.value<{ id: number; version: number }>('savePo', {
      vendorCode: 'BOLT',
      warehouseCode: 'MAIN',
      costCenterCode: '210',
      costCenterEntered: true,
      lines: [{ itemCode: null, description: 'Announced', quantityMilli: 1000, unitCostMinor: 1_500_000, glAccountCode: '5000' }],
    });
    await pat.value('changePoStatus', { id: saved.id, version: saved.version, step: 'submit' });
    await waitFor('the copy after the notice', () => state(), (s) => s.copiedCount === 2);
  });

  it('takes the copy again every so often, but only while the supervisor uses the workstation', { timeout: 30_000 }, async () => {
    await submittedPos(1);
    const { connection, state } = await openWorkstation({ reviewCopyTiming: { noticeSettleMs: 20, refreshEveryMs: 100, activeWithinMs: 1_000 } });
    expectOk(await connection.call('window-1', 'signIn', { signInName: 'sam', password: 'demo' }));
    await waitFor('the review copy', () => state(), (s) => s.copiedCount === 1);
    // Submitted on another desk, so no notice announces it: only the periodic round finds it.
    await submittedPos(1);
    await waitFor('the periodic copy', () => state(), (s) => s.copiedCount === 2);

    // Nobody used the window for a while: the background leaves the session alone, so it can idle out on the server.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await submittedPos(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await state()).copiedCount).toBe(2);
    // The supervisor is back: the next round takes the copy again.
    expectOk(await connection.call('window-1', 'currentOperator', {}));
    await waitFor('the copy once in use again', () => state(), (s) => s.copiedCount === 3);
  });

  it('a decision whose answer was lost on the way back is kept, and its replay is applied once', { timeout: 30_000 }, async () => {
    const [po] = await submittedPos(1);
    let dropNextAnswer = false;
    const { connection, state } = await openWorkstation({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (dropNextAnswer && String(input).endsWith('/api/decideReview')) {
          dropNextAnswer = false;
          // The server decided; the connection broke before its answer arrived.
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
        }
        return response;
      },
    });
    expectOk(await connection.call('window-1', 'signIn', { signInName: 'sam', password: 'demo' }));
    await waitFor('the review copy', () => state(), (s) => s.copiedCount === 1);
    dropNextAnswer = true;
    const decisionId = randomUUID();
    const answer = expectOk(await connection.call('window-1', 'decideReview', { id: po!.id, revision: 1, version: po!.version, decision: 'approve', decisionId }));
    expect(answer.message).toBe(KEPT_MESSAGE);
    await waitFor('the replay', () => state(), (s) => s.pending === 0 && s.copiedCount === 0);
    expect((await state()).conflicts).toEqual([]);
    expect(await elsewhere.db.selectFrom('review_decisions').select('decision_id').execute()).toEqual([{ decision_id: decisionId }]);
    expect(await elsewhere.db.selectFrom('po_approvals').select('po_id').where('po_id', '=', po!.id).execute()).toHaveLength(1);
  });

  it('keeps the decisions of a supervisor who signed out until that supervisor signs in again', { timeout: 30_000 }, async () => {
    const [po] = await submittedPos(1);
    const { connection, state } = await openWorkstation();
    expectOk(await connection.call('window-1', 'signIn', { signInName: 'sam', password: 'demo' }));
    await waitFor('the review copy', () => state(), (s) => s.copiedCount === 1);
    await stopServer();
    expect(await connection.call('window-1', 'reviewQueue', {})).toMatchObject({ ok: true, value: { rows: [{ id: po!.id }] } });
    expectOk(await connection.call('window-1', 'decideReview', { id: po!.id, revision: 1, version: po!.version, decision: 'approve', decisionId: randomUUID() }));
    expectOk(await connection.call('window-1', 'signOut', {}));
    // Nobody reviewing is signed in: the copy is nobody's, and one decision waits for its supervisor.
    expect(await state()).toEqual({ available: false, offline: true, copiedAt: null, copiedCount: 0, pending: 1, conflicts: [] });

    await startServer();
    expectOk(await connection.call('window-1', 'signIn', { signInName: 'alice', password: 'demo' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await state()).toMatchObject({ available: false, pending: 1 });
    expect(await count('select count(*) as n from review_decisions')).toBe(0);

    expectOk(await connection.call('window-1', 'signIn', { signInName: 'sam', password: 'demo' }));
    await waitFor('the replay', () => state(), (s) => s.pending === 0 && s.copiedCount === 0);
    expect(await count('select count(*) as n from review_decisions')).toBe(1);
  });

  describe('kill -9', () => {
    const script = join(__dirname, '../support/review-workstation.ts');

    /** Runs the workstation process; `killWhen` sees each line it prints and SIGKILLs it the moment it answers true. */
    const runWorkstation = (args: string[], killWhen: (event: string, detail: Record<string, unknown>) => boolean = () => false) =>
      new Promise<{ events: [string, Record<string, unknown>][]; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        const events: [string, Record<string, unknown>][] = [];
        let buffer = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) {
            const space = line.indexOf(' ');
            const event: [string, Record<string, unknown>] = [line.slice(0, space), JSON.parse(line.slice(space + 1)) as Record<string, unknown>];
            events.push(event);
            if (killWhen(...event)) child.kill('SIGKILL');
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ events, code, signal, stderr }));
      });

    const outboxFile = () => {
      const file = new BetterSqlite3(join(userData, REVIEW_COPY_FILE_NAME), { readonly: true });
      try {
        return file.prepare('select decision_id as decisionId, state from outbox order by seq').all() as { decisionId: string; state: string }[];
      } finally {
        file.close();
      }
    };

    it('while offline and during the replay: no decision lost, none applied twice', { timeout: 120_000 }, async () => {
      const pos = await submittedPos(5);
      const ids = pos.map((po) => po.id);

      // Offline, the workstation approves one PO after another; it dies after its third answer.
      let keptSoFar = 0;
      const deciding = await runWorkstation(['decide', serverUrl, userData, 'sam'], (event) => event === 'kept' && ++keptSoFar === 3);
      expect(deciding.signal, deciding.stderr).toBe('SIGKILL');
      const answered = deciding.events.filter(([event]) => event === 'kept').map(([, detail]) => detail.decisionId as string);
      expect(answered.length).toBeGreaterThanOrEqual(3);
      const inOutbox = outboxFile();
      // Every decision that was answered is on disk; at most the one being written when the kill came is extra.
      expect(inOutbox.map((row) => row.decisionId).slice(0, answered.length)).toEqual(answered);
      expect(inOutbox.length).toBeLessThanOrEqual(answered.length + 1);
      expect(inOutbox.every((row) => row.state === 'queued')).toBe(true);
      expect(await count('select count(*) as n from review_decisions')).toBe(0);
      const kept = inOutbox.map((row) => row.decisionId);

      // Back online, the replay sends the first decision; the server applies it, and the workstation dies before reading the answer.
      const replaying = await runWorkstation(['replay', serverUrl, userData, 'sam', '5000'], (event) => event === 'answered');
      expect(replaying.signal, replaying.stderr).toBe('SIGKILL');
      expect(replaying.events.filter(([event]) => event === 'answered')).toEqual([['answered', { decisionId: kept[0], outcome: 'applied' }]]);
      expect(outboxFile()[0]).toEqual({ decisionId: kept[0], state: 'sending' });
      expect(await count('select count(*) as n from review_decisions')).toBe(1);

      // Started again: the row left "sending" goes first and is applied once; the rest follow in order.
      const finishing = await runWorkstation(['replay', serverUrl, userData, 'sam', '0']);
      expect(finishing.code, finishing.stderr).toBe(0);
      expect(finishing.events.filter(([event]) => event === 'answered')).toEqual([
        ['answered', { decisionId: kept[0], outcome: 'already-applied' }],
        ...kept.slice(1).map((decisionId) => ['answered', { decisionId, outcome: 'applied' }]),
      ]);
      expect(finishing.events.find(([event]) => event === 'done')?.[1]).toMatchObject({ pending: 0, conflicts: [] });

      // On the server: each kept decision once, one approval and one audit entry per PO decided, nothing for the rest.
      const decided = await elsewhere.db.selectFrom('review_decisions').select(['decision_id', 'po_id']).execute();
      expect(decided.map((row) => row.decision_id).sort()).toEqual([...kept].sort());
      const approvals = await elsewhere.db.selectFrom('po_approvals').select('po_id').where('po_id', 'in', ids).execute();
      expect(approvals).toHaveLength(kept.length);
      expect(new Set(approvals.map((row) => row.po_id)).size).toBe(kept.length);
      const approvedAudit = await elsewhere.db.selectFrom('audit_log').select('po_id').where('po_id', 'in', ids).where('after_value', '=', 'approved').execute();
      expect(approvedAudit).toHaveLength(kept.length);
      const statuses = await elsewhere.db.selectFrom('purchase_orders').select('status').where('id', 'in', ids).orderBy('id').execute();
      expect(statuses.filter((row) => row.status === 'approved')).toHaveLength(kept.length);
      expect(statuses.filter((row) => row.status === 'submitted')).toHaveLength(5 - kept.length);
    });
  });
});
