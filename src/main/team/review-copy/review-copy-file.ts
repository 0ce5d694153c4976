import BetterSqlite3 from 'better-sqlite3';
import type { ReviewConflict } from '../../../shared/lifecycle-schemas';
import type { OutboxRow, StoredCopy } from './copy-answers';

/** The copy file's own schema; it is not the desk's database and never runs the desk's migrations. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  create table if not exists review_copies (
    server_url text not null,
    operator_id integer not null,
    sign_in_name text not null,
    content text not null,
    copied_at text not null,
    primary key (server_url, operator_id)
  );
  create table if not exists outbox (
    seq integer primary key autoincrement,
    decision_id text not null unique,
    server_url text not null,
    operator_id integer not null,
    po_id integer not null,
    po_number text not null,
    revision integer not null,
    version integer not null,
    decision text not null check (decision in ('approve', 'reject')),
    reason text,
    decided_at text not null,
    state text not null default 'queued' check (state in ('queued', 'sending', 'sent')),
    attempts integer not null default 0,
    sent_at text
  );
  create index if not exists outbox_by_owner on outbox (server_url, operator_id, state, seq);
  create table if not exists review_conflicts (
    seq integer primary key autoincrement,
    decision_id text not null unique,
    server_url text not null,
    operator_id integer not null,
    po_id integer not null,
    po_number text not null,
    decision text not null,
    decided_revision integer not null,
    reason text,
    decided_at text not null,
    outcome text not null check (outcome in ('conflict', 'refused')),
    message text not null,
    noted_at text not null
  );
`;

/** Whose copy, outbox and conflicts: one supervisor on one team server. */
export interface CopyOwner {
  serverUrl: string;
  operatorId: number;
}

interface OutboxRecord {
  seq: number;
  decision_id: string;
  po_id: number;
  po_number: string;
  revision: number;
  version: number;
  decision: 'approve' | 'reject';
  reason: string | null;
  decided_at: string;
  state: 'queued' | 'sending' | 'sent';
}

interface ConflictRecord {
  decision_id: string;
  po_id: number;
  po_number: string;
  decision: 'approve' | 'reject';
  decided_revision: number;
  reason: string | null;
  decided_at: string;
  outcome: 'conflict' | 'refused';
  message: string;
}

/**
 * The workstation's review copy file (review-copy.sqlite in user data): each supervisor's copy of
 * what the review desk shows, the outbox of decisions taken while the team server was away, and
 * the conflicts their replay met. Every write is synchronous and durable when it returns (WAL,
 * synchronous=FULL), so a decision that was answered survives a kill -9 the instant after.
 */
export class ReviewCopyFile {
  private constructor(private readonly db: BetterSqlite3.Database) {}

  static open(file: string): ReviewCopyFile {
    const db = new BetterSqlite3(file);
    try {
      db.pragma('journal_mode = WAL');
      // FULL: a commit is on disk before the call returns, also in WAL mode (NORMAL may lose the last ones on a power cut).
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new Error(`The review copy ${file} was written by a newer version of the desk (format ${version}); update this app to use it.`);
      }
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return new ReviewCopyFile(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  // --- the copy ---

  saveCopy(owner: CopyOwner, signInName: string, copy: StoredCopy): void {
    this.db
      .prepare(
        `insert into review_copies (server_url, operator_id, sign_in_name, content, copied_at) values (?, ?, ?, ?, ?)
         on conflict (server_url, operator_id) do update set sign_in_name = excluded.sign_in_name, content = excluded.content, copied_at = excluded.copied_at`,
      )
      .run(owner.serverUrl, owner.operatorId, signInName, JSON.stringify(copy), copy.copiedAt);
  }

  /** The stored copy's JSON as written; the caller checks it against the contracts (another app version may have written it). */
  readCopy(owner: CopyOwner): unknown {
    const row = this.db.prepare('select content from review_copies where server_url = ? and operator_id = ?').get(owner.serverUrl, owner.operatorId) as
      | { content: string }
      | undefined;
    if (!row) return undefined;
    try {
      return JSON.parse(row.content) as unknown;
    } catch {
      return null;
    }
  }

  dropCopy(owner: CopyOwner): void {
    this.db.prepare('delete from review_copies where server_url = ? and operator_id = ?').run(owner.serverUrl, owner.operatorId);
  }

  // --- the outbox ---

  /** Written and on disk before it returns. */
  enqueue(owner: CopyOwner, row: Omit<OutboxRow, 'state'>): void {
    this.db
      .prepare(
        `insert into outbox (decision_id, server_url, operator_id, po_id, po_number, revision, version, decision, reason, decided_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.decisionId, owner.serverUrl, owner.operatorId, row.poId, row.poNumber, row.revision, row.version, row.decision, row.reason, row.decidedAt);
  }

  /** Every outbox row of the owner still in the file, sent ones included, oldest first. */
  outbox(owner: CopyOwner): OutboxRow[] {
    const rows = this.db
      .prepare(
        `select seq, decision_id, po_id, po_number, revision, version, decision, reason, decided_at, state
         from outbox where server_url = ? and operator_id = ? order by seq`,
      )
      .all(owner.serverUrl, owner.operatorId) as OutboxRecord[];
    return rows.map(toOutboxRow);
  }

  /** The oldest decision not known to be applied: queued, or sent without an answer (a crash, a cut). */
  nextToSend(owner: CopyOwner): OutboxRow | undefined {
    const row = this.db
      .prepare(
        `select seq, decision_id, po_id, po_number, revision, version, decision, reason, decided_at, state
         from outbox where server_url = ? and operator_id = ? and state in ('queued', 'sending') order by seq limit 1`,
      )
      .get(owner.serverUrl, owner.operatorId) as OutboxRecord | undefined;
    return row ? toOutboxRow(row) : undefined;
  }

  /** Decisions not yet applied, per supervisor of this server, for a workstation nobody reviewing is signed in to. */
  waitingByOperator(serverUrl: string): { operatorId: number; count: number }[] {
    return this.db
      .prepare(
        `select operator_id as operatorId, count(*) as count from outbox
         where server_url = ? and state in ('queued', 'sending') group by operator_id order by operator_id`,
      )
      .all(serverUrl) as { operatorId: number; count: number }[];
  }

  /** On disk before the decision goes out: after a crash the row is sent again, and the server applies a decision id once. */
  markSending(decisionId: string): void {
    this.db.prepare(`update outbox set state = 'sending', attempts = attempts + 1 where decision_id = ?`).run(decisionId);
  }

  /**
   * Applied on the server. The row stays (as sent) until a copy taken after it no longer shows the
   * PO, so the PO does not come back into an offline queue from an older copy meanwhile.
   */
  markSent(decisionId: string, at: string): void {
    this.db.prepare(`update outbox set state = 'sent', sent_at = ? where decision_id = ?`).run(at, decisionId);
  }

  /** Sent decisions a copy taken since already reflects. */
  forgetSentBefore(owner: CopyOwner, before: string): void {
    this.db.prepare(`delete from outbox where server_url = ? and operator_id = ? and state = 'sent' and sent_at < ?`).run(owner.serverUrl, owner.operatorId, before);
  }

  /** The server would not apply it: out of the outbox and into the conflicts, in one transaction. */
  moveToConflicts(owner: CopyOwner, row: OutboxRow, outcome: 'conflict' | 'refused', message: string, at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `insert into review_conflicts (decision_id, server_url, operator_id, po_id, po_number, decision, decided_revision, reason, decided_at, outcome, message, noted_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (decision_id) do update set outcome = excluded.outcome, message = excluded.message, noted_at = excluded.noted_at`,
        )
        .run(row.decisionId, owner.serverUrl, owner.operatorId, row.poId, row.poNumber, row.decision, row.revision, row.reason, row.decidedAt, outcome, message, at);
      this.db.prepare('delete from outbox where decision_id = ?').run(row.decisionId);
    })();
  }

  // --- conflicts ---

  conflicts(owner: CopyOwner): ReviewConflict[] {
    const rows = this.db
      .prepare(
        `select decision_id, po_id, po_number, decision, decided_revision, reason, decided_at, outcome, message
         from review_conflicts where server_url = ? and operator_id = ? order by seq`,
      )
      .all(owner.serverUrl, owner.operatorId) as ConflictRecord[];
    return rows.map((row) => ({
      decisionId: row.decision_id,
      poId: row.po_id,
      poNumber: row.po_number,
      decision: row.decision,
      outcome: row.outcome,
      message: row.message,
      reason: row.reason,
      decidedAt: row.decided_at,
      decidedRevision: row.decided_revision,
    }));
  }

  /** True when there was such a conflict of the owner's. */
  dismissConflict(owner: CopyOwner, decisionId: string): boolean {
    return this.db.prepare('delete from review_conflicts where server_url = ? and operator_id = ? and decision_id = ?').run(owner.serverUrl, owner.operatorId, decisionId).changes > 0;
  }
}

function toOutboxRow(row: OutboxRecord): OutboxRow {
  return {
    decisionId: row.decision_id,
    poId: row.po_id,
    poNumber: row.po_number,
    revision: row.revision,
    version: row.version,
    decision: row.decision,
    reason: row.reason,
    decidedAt: row.decided_at,
    state: row.state,
  };
}
