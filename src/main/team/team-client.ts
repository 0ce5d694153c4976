import { type ChangeNotice, type ContractName, contracts, type OutputOf } from '../../shared/contracts';
import type { AppError, Result } from '../../shared/result';
import { invalidInput } from '../ipc/validation-messages';
import { deskAnswerSchema, EVERYTHING_CHANGED } from './answer-envelope';
import { ChangeStream, type StreamEnd } from './change-stream';
import { describeNetworkFailure, type NetworkFailure } from './network-failure';
import { Reachability } from './reachability';
import { DEFAULT_RETRY, type RetryPolicy, retryDelayMs } from './retry-policy';
import { deskAnswers } from './server-probe';
import { NOT_SENT_GATEWAY, SENT_GATEWAY_TIMEOUT, unreachableError } from './unreachable-words';
import { bearer, CLIENT_HEADER, CLIENT_MARKER, SESSION_ENDED_HEADER, SESSION_STARTERS, SESSION_TOKEN_HEADER } from './wire';

export interface TeamClientOptions {
  /** The team server, as checked by checkTeamServerUrl (no trailing slash). */
  serverUrl: string;
  /** A change notice from the server, or EVERYTHING_CHANGED after being cut off. */
  onChange: (notice: ChangeNotice) => void;
  onReachability: (reachable: boolean) => void;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /** A call without an answer after this long counts as the server gone (its outcome unknown). */
  callTimeoutMs?: number;
  streamIdleTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const CALL_TIMEOUT_MS = 30_000;
const STREAM_IDLE_TIMEOUT_MS = 45_000;
/** A stream that stayed open this long was healthy; its next break starts the pauses from the beginning. */
const STREAM_STABLE_MS = 30_000;

/**
 * Main's side of team mode: forwards each contract call to the team server, checked by the same zod
 * contract before it leaves and after the answer comes back. Each renderer session's bearer token
 * lives here, in main's memory only; the renderer never sees it. Change notices from the server's
 * stream are handed on; while the server is away every call says so in words, the retries look for
 * it, and once it is back the streams reopen and every screen refetches what it may have missed.
 */
export class TeamClient {
  private readonly tokens = new Map<string, string>();
  private readonly streams = new Map<string, ChangeStream>();
  private readonly streamBreaks = new Map<string, number>();
  private readonly reachability: Reachability;
  private readonly fetch: typeof fetch;
  private closed = false;

  constructor(private readonly options: TeamClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.reachability = new Reachability({
      probe: () => deskAnswers(options.serverUrl, { fetch: this.fetch }),
      retry: options.retry ?? DEFAULT_RETRY,
      onChange: (reachable) => this.reachabilityChanged(reachable),
    });
    void this.reachability.check();
  }

  get serverUrl(): string {
    return this.options.serverUrl;
  }

  get reachable(): boolean {
    return this.reachability.reachable;
  }

  /** Sessions holding a token, for tests and for what the app shows; never the tokens themselves. */
  get signedInSessions(): number {
    return this.tokens.size;
  }

  async call<K extends ContractName>(sessionKey: string, name: K, payload: unknown): Promise<Result<OutputOf<K>>> {
    const contract = contracts[name];
    const input = payload ?? {};
    // Refused here as the server would refuse it, and never sent: a forged payload does not leave main.
    const parsed = contract.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, input) };

    let response: Response;
    let text: string;
    try {
      response = await this.fetch(`${this.options.serverUrl}/api/${name}`, {
        method: 'POST',
        headers: this.headersFor(sessionKey, { 'content-type': 'application/json' }),
        body: JSON.stringify(input),
        // A redirect would carry the token elsewhere; a team server answers where it is.
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.callTimeoutMs ?? CALL_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      return this.unreachable(sessionKey, name, describeNetworkFailure(error));
    }

    const envelope = deskAnswerSchema.safeParse(parseJson(text));
    if (!envelope.success) {
      if (response.status === 502 || response.status === 503) return this.unreachable(sessionKey, name, NOT_SENT_GATEWAY);
      if (response.status === 504) return this.unreachable(sessionKey, name, SENT_GATEWAY_TIMEOUT);
      return { ok: false, error: notADesk(this.options.serverUrl, response.status) };
    }
    this.reachability.answered();

    if (response.headers.get(SESSION_ENDED_HEADER)) this.forget(sessionKey);
    if (name === 'signOut') this.forget(sessionKey);
    const answer = envelope.data;
    if (!answer.ok) return { ok: false, error: answer.error };

    const output = contract.output.safeParse(answer.value);
    if (!output.success) return { ok: false, error: otherVersion(this.options.serverUrl, name) };
    if (SESSION_STARTERS.has(name)) {
      const token = response.headers.get(SESSION_TOKEN_HEADER);
      if (!token) return { ok: false, error: { code: 'internal', message: `The team server at ${this.options.serverUrl} signed you in but gave this computer no session to keep. Update the server, then sign in again.` } };
      this.adopt(sessionKey, token);
    }
    return { ok: true, value: output.data as OutputOf<K> };
  }

  /** The renderer session is gone: its token and stream are dropped here; the server ends the session when it idles out. */
  forgetSession(sessionKey: string): void {
    this.forget(sessionKey);
  }

  /** Stops the retries and the streams. Tokens are forgotten; the server ends their sessions when they idle out. */
  async close(): Promise<void> {
    this.closed = true;
    this.reachability.stop();
    for (const key of [...this.tokens.keys()]) this.forget(key);
  }

  private headersFor(sessionKey: string, extra: Record<string, string> = {}): Record<string, string> {
    const token = this.tokens.get(sessionKey);
    return { [CLIENT_HEADER]: CLIENT_MARKER, ...(token ? { authorization: bearer(token) } : {}), ...extra };
  }

  private unreachable<K extends ContractName>(sessionKey: string, name: K, failure: NetworkFailure): Result<OutputOf<K>> {
    this.reachability.lost();
    if (name === 'signOut') {
      // Signed out here whatever the server heard: this computer forgets the token, which then idles out there.
      this.forget(sessionKey);
      return { ok: true, value: { signedOut: true } as OutputOf<K> };
    }
    return { ok: false, error: unreachableError(this.options.serverUrl, name, failure) };
  }

  private adopt(sessionKey: string, token: string): void {
    this.forget(sessionKey);
    this.tokens.set(sessionKey, token);
    this.openStream(sessionKey);
  }

  private forget(sessionKey: string): void {
    this.tokens.delete(sessionKey);
    this.streamBreaks.delete(sessionKey);
    this.streams.get(sessionKey)?.close();
    this.streams.delete(sessionKey);
  }

  private openStream(sessionKey: string): void {
    if (this.closed || !this.tokens.has(sessionKey) || this.streams.has(sessionKey)) return;
    const stream: ChangeStream = new ChangeStream({
      url: `${this.options.serverUrl}/events`,
      headers: this.headersFor(sessionKey),
      fetch: this.fetch,
      idleTimeoutMs: this.options.streamIdleTimeoutMs ?? STREAM_IDLE_TIMEOUT_MS,
      onNotice: (notice) => this.options.onChange(notice),
      onEnd: (how) => this.streamEnded(sessionKey, stream, how),
      log: this.log,
    });
    this.streams.set(sessionKey, stream);
    stream.start();
  }

  private streamEnded(sessionKey: string, stream: ChangeStream, how: StreamEnd): void {
    if (this.streams.get(sessionKey) !== stream) return;
    this.streams.delete(sessionKey);
    if (how === 'refused') {
      // The server no longer knows the token (expired, revoked, or the server forgot it): the renderer asks who is signed in.
      this.forget(sessionKey);
      this.options.onChange({ entities: ['session'] });
      return;
    }
    const breaks = stream.openedAt !== null && Date.now() - stream.openedAt > STREAM_STABLE_MS ? 0 : (this.streamBreaks.get(sessionKey) ?? 0);
    this.streamBreaks.set(sessionKey, breaks + 1);
    void this.reachability.check();
    // Reopened after a pause while the server answers; when it is away, its return reopens every stream at once.
    setTimeout(() => {
      if (this.reachability.reachable) this.openStream(sessionKey);
    }, retryDelayMs(breaks, this.options.retry ?? DEFAULT_RETRY)).unref();
  }

  private reachabilityChanged(reachable: boolean): void {
    if (this.closed) return;
    this.options.onReachability(reachable);
    if (!reachable) return;
    for (const key of this.tokens.keys()) {
      this.streamBreaks.delete(key);
      this.openStream(key);
    }
    // Notices sent while this computer was cut off are lost: every screen refetches what it shows.
    this.options.onChange(EVERYTHING_CHANGED);
  }

  private readonly log = (message: string, error?: unknown) => (this.options.log ?? console.warn)(message, error);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function notADesk(serverUrl: string, status: number): AppError {
  return {
    code: 'internal',
    message: `Something at ${serverUrl} answered with HTTP ${status}, but it is not a purchasing desk, so nothing was saved there. Check the team server’s address (Settings, This workstation).`,
  };
}

function otherVersion(serverUrl: string, name: ContractName): AppError {
  return {
    code: 'internal',
    message: `The team server at ${serverUrl} answered ${name} in a form this app does not know: it runs another version of the desk. Update this app or the server so both are the same version.`,
  };
}
