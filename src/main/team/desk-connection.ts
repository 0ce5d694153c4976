import {
  type ChangeNotice,
  type ConnectionChoice,
  type ConnectionContractName,
  connectionContracts,
  type ConnectionState,
  type ContractName,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/contracts';
import type { Result } from '../../shared/result';
import { dispatch } from '../ipc/dispatch';
import { invalidInput } from '../ipc/validation-messages';
import type { Desk } from '../services/desk';
import { EVERYTHING_CHANGED } from './answer-envelope';
import { readStoredChoice, writeStoredChoice } from './connection-file';
import type { RetryPolicy } from './retry-policy';
import { NO_REVIEW_COPY } from './no-review-copy';
import { OfflineReview, type ReviewCopyTiming } from './review-copy/offline-review';
import { probeTeamServer } from './server-probe';
import { TeamClient } from './team-client';

/** Where this workstation's desk calls go: its own database, or a team server. */
interface Backend {
  call<K extends ContractName>(sessionKey: string, name: K, payload: unknown): Promise<Result<OutputOf<K>>>;
  /** The renderer session is gone (its window closed). */
  sessionGone(sessionKey: string): void;
  reachable(): boolean;
  /** A team workstation's review copy and outbox; null in local mode, or when no copy file is given or it cannot be opened. */
  review: OfflineReview | null;
  close(): Promise<void>;
}

export interface DeskConnectionOptions {
  /** connection.json in the user-data folder. */
  choiceFile: string;
  /** Used when the file holds no choice; null asks the operator (the first-run screen). */
  defaultChoice: ConnectionChoice | null;
  /** Opens this computer's own database, as the app always has; called only in local mode. */
  openLocalDesk: () => Promise<Desk>;
  notifyChange: (notice: ChangeNotice) => void;
  notifyConnection: (state: ConnectionState) => void;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /**
   * review-copy.sqlite in the user-data folder: in team mode a supervisor's review copy and the
   * outbox of decisions taken while the server is away. Without it the review desk works online only.
   */
  reviewCopyFile?: string;
  /** When the copy is taken again; tests make the pauses shorter. */
  reviewCopyTiming?: ReviewCopyTiming;
  log?: (message: string, error?: unknown) => void;
}

const NOT_CHOSEN = {
  ok: false as const,
  error: { code: 'unreachable' as const, message: 'This computer is not connected to a desk yet: choose “This computer only” or “Team server” first.' },
};

/**
 * The workstation's connection, owned by Electron main: the stored choice, the desk it leads to,
 * and the connection calls, which main answers itself and never forwards. Local mode opens the
 * SQLite desk and dispatches to it exactly as the app always has; team mode opens no local database
 * and forwards every desk call to the team server.
 */
export class DeskConnection {
  private choice: ConnectionChoice | null = null;
  private backend: Backend | null = null;
  private problem: string | null = null;
  /** Choices are applied one at a time. */
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: DeskConnectionOptions) {}

  /** Reads the stored choice and opens its desk; a failing local database fails the start, as it always has. */
  static async open(options: DeskConnectionOptions): Promise<DeskConnection> {
    const connection = new DeskConnection(options);
    const stored = await readStoredChoice(options.choiceFile);
    const choice = stored === undefined ? options.defaultChoice : stored.ok ? stored.choice : null;
    if (stored && !stored.ok) connection.problem = stored.problem;
    if (choice) {
      connection.backend = await connection.backendFor(choice);
      connection.choice = choice;
    }
    return connection;
  }

  state(): ConnectionState {
    const choice = this.choice;
    return {
      mode: choice ? choice.mode : 'unchosen',
      serverUrl: choice?.mode === 'team' ? choice.url : null,
      reachable: this.backend?.reachable() ?? true,
      canChoose: true,
      problem: this.problem,
    };
  }

  /** A desk call from a renderer session: to this computer's database, or to the team server. */
  call<K extends ContractName>(sessionKey: string, name: K, payload: unknown): Promise<Result<OutputOf<K>>> {
    if (!this.backend) return Promise.resolve(NOT_CHOSEN);
    return this.backend.call(sessionKey, name, payload);
  }

  /**
   * A window closed. Its team-server token and change-notice stream go with it; this computer's
   * own desk keeps the session until it idles out, as it always has.
   */
  sessionGone(sessionKey: string): void {
    this.backend?.sessionGone(sessionKey);
  }

  /**
   * A connection call, answered here. The review copy's calls answer for the window that asks when
   * its session is given, else for the supervisor signed in last on this workstation.
   */
  async answer<K extends ConnectionContractName>(name: K, payload: unknown, sessionKey?: string): Promise<Result<OutputOf<K>>> {
    const input = payload ?? {};
    const parsed = connectionContracts[name].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, input) };
    if (name === 'connectionState') return { ok: true, value: this.state() as OutputOf<K> };
    if (name === 'offlineReviewState' || name === 'dismissReviewConflict') {
      const review = this.backend?.review;
      if (!review) return { ok: true, value: NO_REVIEW_COPY as OutputOf<K> };
      try {
        const state =
          name === 'offlineReviewState' ? review.state(sessionKey) : review.dismissConflict((parsed.data as ParsedInputOf<'dismissReviewConflict'>).decisionId, sessionKey);
        return { ok: true, value: state as OutputOf<K> };
      } catch (error) {
        this.log(`The review copy ${this.options.reviewCopyFile ?? ''} could not be read`, error);
        return { ok: false, error: { code: 'internal', message: `This workstation’s review copy (${this.options.reviewCopyFile ?? ''}) could not be read: ${(error as Error).message}.` } };
      }
    }
    if (name === 'testConnection') {
      const { url } = parsed.data as ParsedInputOf<'testConnection'>;
      return { ok: true, value: (await probeTeamServer(url, { fetch: this.options.fetch })) as OutputOf<K> };
    }
    const next = this.switching.then(() => this.choose(parsed.data as ConnectionChoice));
    this.switching = next.catch(() => undefined);
    return (await next) as Result<OutputOf<K>>;
  }

  async close(): Promise<void> {
    await this.backend?.close();
    this.backend = null;
  }

  private async choose(choice: ConnectionChoice): Promise<Result<ConnectionState>> {
    if (sameChoice(choice, this.choice) && this.backend) {
      this.problem = null;
      return { ok: true, value: this.state() };
    }
    if (choice.mode === 'team') {
      // A choice that leads nowhere would leave the operator at a sign-in that cannot work.
      const found = await probeTeamServer(choice.url, { fetch: this.options.fetch });
      if (!found.found) return { ok: false, error: { code: 'unreachable', message: `Nothing was changed: ${found.message}` } };
    }
    let backend: Backend;
    try {
      backend = await this.backendFor(choice);
    } catch (error) {
      this.log('The database on this computer could not be opened', error);
      return { ok: false, error: { code: 'internal', message: `Nothing was changed: the database on this computer could not be opened (${(error as Error).message}).` } };
    }
    try {
      await writeStoredChoice(this.options.choiceFile, choice);
    } catch (error) {
      await backend.close();
      return { ok: false, error: { code: 'internal', message: `Nothing was changed: the choice could not be stored in ${this.options.choiceFile} (${(error as Error).message}).` } };
    }
    const previous = this.backend;
    this.backend = backend;
    this.choice = choice;
    this.problem = null;
    await previous?.close();
    this.options.notifyConnection(this.state());
    // Another desk: nobody is signed in to it yet, and every screen shows its data instead.
    this.options.notifyChange(EVERYTHING_CHANGED);
    return { ok: true, value: this.state() };
  }

  private async backendFor(choice: ConnectionChoice): Promise<Backend> {
    if (choice.mode === 'local') {
      const desk = await this.options.openLocalDesk();
      return {
        call: (sessionKey, name, payload) => dispatch(desk, sessionKey, name, payload, { notify: this.options.notifyChange }),
        sessionGone: () => {},
        reachable: () => true,
        review: null,
        close: () => desk.db.destroy(),
      };
    }
    const client: TeamClient = new TeamClient({
      serverUrl: choice.url,
      fetch: this.options.fetch,
      retry: this.options.retry,
      log: this.options.log,
      onChange: (notice) => {
        if (this.backend !== backendOfClient) return;
        this.options.notifyChange(notice);
        review?.noticed(notice);
      },
      onReachability: (reachable) => {
        if (this.backend !== backendOfClient) return;
        this.options.notifyConnection(this.state());
        review?.reachabilityChanged(reachable);
      },
    });
    const review = this.openReviewCopy(client);
    const backendOfClient: Backend = {
      call: (sessionKey, name, payload) => (review ? review.call(sessionKey, name, payload) : client.call(sessionKey, name, payload)),
      sessionGone: (sessionKey) => {
        client.forgetSession(sessionKey);
        review?.sessionGone(sessionKey);
      },
      reachable: () => client.reachable,
      review,
      close: async () => {
        await client.close();
        await review?.close();
      },
    };
    return backendOfClient;
  }

  /** The review copy beside a team server; a copy file that cannot be opened leaves the review desk online only, and says why in the log. */
  private openReviewCopy(client: TeamClient): OfflineReview | null {
    const file = this.options.reviewCopyFile;
    if (!file) return null;
    try {
      return OfflineReview.open({
        file,
        serverUrl: client.serverUrl,
        send: (sessionKey, name, payload) => client.call(sessionKey, name, payload),
        reachable: () => client.reachable,
        notifyChange: (notice) => this.options.notifyChange(notice),
        ...this.options.reviewCopyTiming,
        log: this.log,
      });
    } catch (error) {
      this.log(`The review copy ${file} could not be opened; the review desk works only while the team server answers`, error);
      return null;
    }
  }

  private readonly log = (message: string, error?: unknown) => (this.options.log ?? console.error)(message, error);
}

const sameChoice = (a: ConnectionChoice, b: ConnectionChoice | null): boolean =>
  b !== null && a.mode === b.mode && (a.mode === 'local' || (b.mode === 'team' && a.url === b.url));
