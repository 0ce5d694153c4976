import { type ChangeNotice, type ContractName, contracts, type OperatorSummary, type OutputOf } from '../../../shared/contracts';
import type { OfflineReviewState, ReviewOutcome } from '../../../shared/lifecycle-schemas';
import type { AppError, Result } from '../../../shared/result';
import { invalidInput } from '../../ipc/validation-messages';
import {
  checkOfflineDecision,
  closedForDecision,
  decidedHere,
  keptOutcome,
  makeCopy,
  type OutboxRow,
  parseStoredCopy,
  queueFromCopy,
  replayInput,
  reviewFromCopy,
  type StoredCopy,
  withoutDecidedHere,
} from './copy-answers';
import { replayVerdict } from './replay-verdict';
import { type CopyOwner, ReviewCopyFile } from './review-copy-file';
import { reviews, SignedInSessions } from './signed-in-sessions';

type Send = <K extends ContractName>(sessionKey: string, name: K, payload: unknown) => Promise<Result<OutputOf<K>>>;

/** When a supervisor's copy is taken again. */
export interface ReviewCopyTiming {
  /** How often a signed-in reviewer's copy is taken again while the server answers (60 s). */
  refreshEveryMs?: number;
  /** A burst of change notices is one refresh: the first waits this long for the rest (1 s). */
  noticeSettleMs?: number;
  /**
   * Background refreshes (the timer, change notices) act only for a supervisor whose window called
   * within this long (15 min): every call keeps the session alive on the server, and an unattended
   * workstation's session must still idle out there.
   */
  activeWithinMs?: number;
}

export interface OfflineReviewOptions extends ReviewCopyTiming {
  /** review-copy.sqlite in the user-data folder. */
  file: string;
  serverUrl: string;
  /** The team client's call: checked against the contract both ways, under the session's token. */
  send: Send;
  reachable: () => boolean;
  notifyChange: (notice: ChangeNotice) => void;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** The copy file in the user-data folder, beside connection.json. */
export const REVIEW_COPY_FILE_NAME = 'review-copy.sqlite';

const REFRESH_EVERY_MS = 60_000;
const NOTICE_SETTLE_MS = 1_000;
const ACTIVE_WITHIN_MS = 15 * 60_000;
const REVIEW_CHANGED: ChangeNotice = { entities: ['review'] };

interface Worker {
  replay: boolean;
  refresh: boolean;
  running: Promise<void> | null;
}

/**
 * A team workstation's offline review. While the team server answers, each signed-in supervisor's
 * review copy is kept fresh (after sign-in, on change notices, every minute). While it is away the
 * review desk is answered from the copy and decisions go to a durable outbox. When it answers
 * again the outbox is replayed oldest first, one decision at a time, under a session of the
 * supervisor who took it; a decision the server will not apply becomes a conflict to decide again.
 */
export class OfflineReview {
  private readonly sessions = new SignedInSessions();
  private readonly workers = new Map<number, Worker>();
  /** When each renderer session last called, for the background refreshes. */
  private readonly lastCallAt = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private noticeTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly file: ReviewCopyFile,
    private readonly options: OfflineReviewOptions,
  ) {
    this.timer = setInterval(() => this.kickEveryone('in use'), options.refreshEveryMs ?? REFRESH_EVERY_MS);
    // The refresh never keeps a closing app (or a finished test) alive.
    this.timer.unref();
  }

  /** Opens (creating if need be) the copy file; a file that cannot be used throws, with the file named. */
  static open(options: OfflineReviewOptions): OfflineReview {
    return new OfflineReview(ReviewCopyFile.open(options.file), options);
  }

  /** A desk call from a renderer session, in team mode: the review calls may be answered from the copy, the rest go as they are. */
  async call<K extends ContractName>(sessionKey: string, name: K, payload: unknown): Promise<Result<OutputOf<K>>> {
    this.lastCallAt.set(sessionKey, this.clock());
    try {
      switch (name) {
        case 'reviewQueue':
          return (await this.reviewQueue(sessionKey, payload)) as Result<OutputOf<K>>;
        case 'openReview':
          return (await this.openReview(sessionKey, payload)) as Result<OutputOf<K>>;
        case 'decideReview':
          return (await this.decideReview(sessionKey, payload)) as Result<OutputOf<K>>;
        default:
          return await this.passOn(sessionKey, name, payload);
      }
    } catch (error) {
      // Only the copy file can throw here (the team client answers every failure as a Result): a full or broken disk.
      this.log(`The review copy ${this.options.file} failed during ${name}`, error);
      return { ok: false, error: copyFileFailed(this.options.file, name, error) };
    }
  }

  /** A change notice from the server: a review or a PO changed somewhere, so the copies are taken again. */
  noticed(notice: ChangeNotice): void {
    if (this.closed || !notice.entities.some((entity) => entity === 'review' || entity === 'purchase-orders')) return;
    if (this.noticeTimer) return;
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined;
      this.kickEveryone('in use');
    }, this.options.noticeSettleMs ?? NOTICE_SETTLE_MS);
    this.noticeTimer.unref();
  }

  /** The server stopped or started answering: the review desk switches between the copy and the server, and the outbox goes out. */
  reachabilityChanged(reachable: boolean): void {
    if (this.closed) return;
    if (reachable) this.kickEveryone('all');
    this.options.notifyChange(REVIEW_CHANGED);
  }

  /** The renderer session is gone (its window closed). Its supervisor's outbox stays until they sign in again. */
  sessionGone(sessionKey: string): void {
    this.sessions.gone(sessionKey);
    this.lastCallAt.delete(sessionKey);
  }

  /**
   * What the review desk says about the copy. With the session that asks: its supervisor's copy,
   * outbox and conflicts. Without one (a shell call that names no window), the newest reviewer
   * signed in here. With no reviewer signed in, pending counts every decision still waiting on this
   * workstation for its supervisor to sign in again (available is false: nobody's copy is in use).
   */
  state(sessionKey?: string): OfflineReviewState {
    const offline = !this.options.reachable();
    const key = sessionKey ?? this.sessions.newestReviewerSession();
    const operator = key === undefined ? undefined : this.sessions.operatorOf(key);
    if (!operator || !reviews(operator)) {
      const waiting = this.file.waitingByOperator(this.options.serverUrl).reduce((sum, entry) => sum + entry.count, 0);
      return { available: false, offline, copiedAt: null, copiedCount: 0, pending: waiting, conflicts: [] };
    }
    const owner = this.ownerOf(operator.id);
    const copy = this.copyOf(owner);
    const outbox = this.file.outbox(owner);
    return {
      available: true,
      offline,
      copiedAt: copy?.copiedAt ?? null,
      copiedCount: copy?.package.items.length ?? 0,
      pending: outbox.filter((row) => row.state !== 'sent').length,
      conflicts: this.file.conflicts(owner),
    };
  }

  /** The supervisor has seen the conflict (and decided again, or let it be). */
  dismissConflict(decisionId: string, sessionKey?: string): OfflineReviewState {
    const key = sessionKey ?? this.sessions.newestReviewerSession();
    const operator = key === undefined ? undefined : this.sessions.operatorOf(key);
    if (operator && this.file.dismissConflict(this.ownerOf(operator.id), decisionId)) this.options.notifyChange(REVIEW_CHANGED);
    return this.state(key);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.noticeTimer);
    // A decision on its way is waited for briefly; if the app goes first, its row stays "sending" and is sent again.
    const running = [...this.workers.values()].flatMap((worker) => (worker.running ? [worker.running] : []));
    await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    this.file.close();
  }

  /** Resolves when no replay or refresh is running; for tests and a clean shutdown. */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.workers.values()].flatMap((worker) => (worker.running ? [worker.running] : []));
      if (running.length === 0) return;
      await Promise.allSettled(running);
    }
  }

  // --- the calls ---

  private async passOn<K extends ContractName>(sessionKey: string, name: K, payload: unknown): Promise<Result<OutputOf<K>>> {
    const answer = await this.options.send(sessionKey, name, payload);
    if (name === 'signIn' || name === 'setUpFirstAdmin') {
      if (answer.ok) this.signedIn(sessionKey, answer.value as OperatorSummary);
    } else if (name === 'signOut') {
      // Signed out on this computer whatever the server heard; the outbox waits for the supervisor's next sign-in.
      this.sessions.gone(sessionKey);
      this.lastCallAt.delete(sessionKey);
      this.options.notifyChange(REVIEW_CHANGED);
    } else if (name === 'currentOperator' && answer.ok) {
      const operator = answer.value as OperatorSummary | null;
      if (operator) this.sessions.confirmed(sessionKey, operator);
      else this.sessions.gone(sessionKey);
    } else if (!answer.ok && answer.error.code === 'not-signed-in') {
      this.sessions.gone(sessionKey);
    }
    return answer;
  }

  private signedIn(sessionKey: string, operator: OperatorSummary): void {
    this.sessions.signedIn(sessionKey, operator);
    // Decisions kept for this supervisor go out now, then the copy is taken.
    if (reviews(operator)) this.kick(operator.id, true);
    this.options.notifyChange(REVIEW_CHANGED);
  }

  private async reviewQueue(sessionKey: string, payload: unknown): Promise<Result<OutputOf<'reviewQueue'>>> {
    const reviewer = this.reviewerOf(sessionKey);
    if (!reviewer) return this.passOn(sessionKey, 'reviewQueue', payload);
    const owner = this.ownerOf(reviewer.id);
    const fromServer = this.options.reachable() ? await this.passOn(sessionKey, 'reviewQueue', payload) : null;
    if (fromServer && !isUnreachable(fromServer)) {
      // Until the outbox is through, the server still lists what was decided here.
      return fromServer.ok ? { ok: true, value: { rows: withoutDecidedHere(fromServer.value.rows, this.file.outbox(owner)) } } : fromServer;
    }
    const input = contracts.reviewQueue.input.safeParse(payload ?? {});
    if (!input.success) return { ok: false, error: invalidInput(input.error, payload ?? {}) };
    const copy = this.copyOf(owner);
    if (!copy) return fromServer ?? this.passOn(sessionKey, 'reviewQueue', payload);
    return { ok: true, value: { rows: queueFromCopy(copy, this.file.outbox(owner)) } };
  }

  private async openReview(sessionKey: string, payload: unknown): Promise<Result<OutputOf<'openReview'>>> {
    const reviewer = this.reviewerOf(sessionKey);
    if (!reviewer) return this.passOn(sessionKey, 'openReview', payload);
    const owner = this.ownerOf(reviewer.id);
    const fromServer = this.options.reachable() ? await this.passOn(sessionKey, 'openReview', payload) : null;
    if (fromServer && !isUnreachable(fromServer)) {
      if (!fromServer.ok) return fromServer;
      const decided = decidedHere(this.file.outbox(owner), fromServer.value.po.id, fromServer.value.po.version);
      return decided && decided.state !== 'sent' ? { ok: true, value: closedForDecision(fromServer.value, decided) } : fromServer;
    }
    const input = contracts.openReview.input.safeParse(payload ?? {});
    if (!input.success) return { ok: false, error: invalidInput(input.error, payload ?? {}) };
    const copy = this.copyOf(owner);
    if (!copy) return fromServer ?? this.passOn(sessionKey, 'openReview', payload);
    return reviewFromCopy(copy, this.file.outbox(owner), input.data.id);
  }

  /**
   * Online, the decision goes to the server. When the server cannot be reached — before sending, or
   * with no answer after (it may have applied it) — the decision is kept in the outbox under its own
   * id: the replay sends that id again, and the server applies an id once.
   */
  private async decideReview(sessionKey: string, payload: unknown): Promise<Result<ReviewOutcome>> {
    const reviewer = this.reviewerOf(sessionKey);
    if (!reviewer) return this.passOn(sessionKey, 'decideReview', payload);
    const input = contracts.decideReview.input.safeParse(payload ?? {});
    if (!input.success) return { ok: false, error: invalidInput(input.error, payload ?? {}) };
    const fromServer = this.options.reachable() ? await this.passOn(sessionKey, 'decideReview', payload) : null;
    if (fromServer && !isUnreachable(fromServer)) return fromServer;

    const owner = this.ownerOf(reviewer.id);
    const copy = this.copyOf(owner);
    if (!copy) return fromServer ?? this.passOn(sessionKey, 'decideReview', payload);
    const check = checkOfflineDecision(copy, this.file.outbox(owner), input.data, this.now());
    const statusInCopy = (poId: number) => copy.package.items.find((item) => item.po.id === poId)?.po.status ?? 'submitted';
    if (check.kind === 'refuse') return { ok: false, error: check.error };
    if (check.kind === 'kept-before') return { ok: true, value: keptOutcome(check.row, statusInCopy(check.row.poId)) };
    // Synchronous and on disk (synchronous=FULL) before the answer: a kill -9 after it loses nothing.
    this.file.enqueue(owner, check.row);
    this.options.notifyChange(REVIEW_CHANGED);
    // Came back meanwhile (the answer that failed was the last before it): send it at once.
    if (this.options.reachable()) this.kick(reviewer.id, false);
    return { ok: true, value: keptOutcome(check.row, statusInCopy(check.row.poId)) };
  }

  // --- replay and refresh, one supervisor at a time ---

  /** Replays and refreshes for every reviewer signed in here, or only those whose window called lately. */
  private kickEveryone(which: 'all' | 'in use'): void {
    if (this.closed) return;
    const since = this.clock() - (this.options.activeWithinMs ?? ACTIVE_WITHIN_MS);
    for (const reviewer of this.sessions.reviewers()) {
      const sessionKey = this.sessions.sessionOf(reviewer.id);
      if (which === 'in use' && (sessionKey === undefined || (this.lastCallAt.get(sessionKey) ?? 0) < since)) continue;
      this.kick(reviewer.id, true);
    }
  }

  /** Asks for a replay (always) and a refresh of one supervisor's copy; runs after what is running now, never beside it. */
  private kick(operatorId: number, refresh: boolean): void {
    if (this.closed) return;
    let worker = this.workers.get(operatorId);
    if (!worker) {
      worker = { replay: false, refresh: false, running: null };
      this.workers.set(operatorId, worker);
    }
    worker.replay = true;
    if (refresh) worker.refresh = true;
    if (!worker.running) worker.running = this.work(operatorId, worker);
  }

  private async work(operatorId: number, worker: Worker): Promise<void> {
    // Never finishes before kick() has stored it as running.
    await undefined;
    try {
      while (!this.closed && (worker.replay || worker.refresh)) {
        // Away: nothing can be sent or taken; the server's return kicks again.
        if (!this.options.reachable()) break;
        if (worker.replay) {
          worker.replay = false;
          if ((await this.replay(operatorId)) > 0) worker.refresh = true;
        } else {
          worker.refresh = false;
          await this.refresh(operatorId);
        }
      }
    } catch (error) {
      if (!this.closed) this.log(`The review copy of operator ${operatorId} could not be brought up to date`, error);
    } finally {
      worker.running = null;
      worker.replay = false;
      worker.refresh = false;
    }
  }

  /** Sends the supervisor's outbox oldest first, one decision at a time; answers how many rows it settled. */
  private async replay(operatorId: number): Promise<number> {
    const owner = this.ownerOf(operatorId);
    let settled = 0;
    for (;;) {
      if (this.closed) return settled;
      const row = this.file.nextToSend(owner);
      if (!row) return settled;
      // Only the supervisor who took a decision sends it; signed out, it waits for their next sign-in.
      const sessionKey = this.sessions.sessionOf(operatorId);
      if (!sessionKey) return settled;
      this.file.markSending(row.decisionId);
      const answer = await this.options.send(sessionKey, 'decideReview', replayInput(row));
      if (this.closed) return settled;
      const verdict = replayVerdict(answer);
      if (verdict.kind === 'retry-later') {
        this.log(`Decision ${row.decisionId} on ${row.poNumber} stays in the outbox: ${verdict.message}`);
        return settled;
      }
      if (verdict.kind === 'signed-out') {
        this.sessions.gone(sessionKey);
        continue;
      }
      if (verdict.kind === 'sent') this.file.markSent(row.decisionId, this.now());
      else this.file.moveToConflicts(owner, row, verdict.outcome, verdict.message, this.now());
      settled++;
      this.options.notifyChange(REVIEW_CHANGED);
    }
  }

  /** Takes the supervisor's copy again: the queue and every PO's review, as the server makes them now. */
  private async refresh(operatorId: number): Promise<void> {
    const sessionKey = this.sessions.sessionOf(operatorId);
    const operator = sessionKey === undefined ? undefined : this.sessions.operatorOf(sessionKey);
    if (!sessionKey || !operator) return;
    const owner = this.ownerOf(operatorId);
    const startedAt = this.now();
    const queue = await this.options.send(sessionKey, 'reviewQueue', {});
    const reviewPackage = queue.ok ? await this.options.send(sessionKey, 'reviewPackage', {}) : queue;
    if (this.closed) return;
    if (!reviewPackage.ok || !queue.ok) {
      const error = (reviewPackage.ok ? queue : reviewPackage) as { ok: false; error: AppError };
      this.refreshFailed(sessionKey, owner, error.error);
      return;
    }
    this.file.saveCopy(owner, operator.signInName, makeCopy(queue.value.rows, reviewPackage.value));
    // Decisions applied before this copy was begun are in it: the copy no longer shows their POs.
    this.file.forgetSentBefore(owner, startedAt);
    this.options.notifyChange(REVIEW_CHANGED);
  }

  private refreshFailed(sessionKey: string, owner: CopyOwner, error: AppError): void {
    if (error.code === 'unreachable') return;
    if (error.code === 'not-signed-in') {
      this.sessions.gone(sessionKey);
      return;
    }
    if (error.code === 'forbidden') {
      // No longer a reviewer on the server: a copy of POs they may not review is not kept.
      this.file.dropCopy(owner);
      this.options.notifyChange(REVIEW_CHANGED);
      return;
    }
    this.log(`The review copy could not be taken: ${error.message}`);
  }

  // --- helpers ---

  private reviewerOf(sessionKey: string): OperatorSummary | undefined {
    const operator = this.sessions.operatorOf(sessionKey);
    return operator && reviews(operator) ? operator : undefined;
  }

  private ownerOf(operatorId: number): CopyOwner {
    return { serverUrl: this.options.serverUrl, operatorId };
  }

  private copyOf(owner: CopyOwner): StoredCopy | null {
    const stored = this.file.readCopy(owner);
    if (stored === undefined) return null;
    const copy = parseStoredCopy(stored);
    if (!copy) this.log(`The review copy of operator ${owner.operatorId} in ${this.options.file} cannot be read by this version of the desk; it is taken again when the team server answers.`);
    return copy;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private clock(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private readonly log = (message: string, error?: unknown) => (this.options.log ?? console.warn)(message, error);
}

function copyFileFailed(file: string, name: ContractName, error: unknown): AppError {
  const why = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message:
      name === 'decideReview'
        ? `Your decision could not be kept on this workstation (${file}: ${why}). Press Enter to send it again, or decide again when the team server answers; if this keeps failing, free some disk space.`
        : `This workstation’s review copy (${file}) could not be read: ${why}.`,
  };
}

const isUnreachable = (answer: Result<unknown>): boolean => !answer.ok && answer.error.code === 'unreachable';

export type { OutboxRow };
