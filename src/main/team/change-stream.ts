import type { ChangeNotice } from '../../shared/contracts';
import { changeNoticeSchema } from './answer-envelope';

/** Why a stream ended without being closed by its owner. */
export type StreamEnd =
  /** The server turned the token away (401/403): the session is over. */
  | 'refused'
  /** The connection broke, the server ended it, or it fell silent past the idle limit. */
  | 'lost';

export interface ChangeStreamOptions {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  onNotice: (notice: ChangeNotice) => void;
  onEnd: (how: StreamEnd) => void;
  /** The server sends a comment every 15 s; this long without a byte means the connection is dead. */
  idleTimeoutMs: number;
  log: (message: string, error?: unknown) => void;
}

/**
 * One server-sent-events stream of change notices, read over fetch in main (an EventSource is a
 * browser's). It reports its end once, unless its owner closed it; reconnecting is the owner's call.
 */
export class ChangeStream {
  private readonly controller = new AbortController();
  private closedByOwner = false;
  private ended = false;
  private idleTimer: NodeJS.Timeout | undefined;
  openedAt: number | null = null;

  constructor(private readonly options: ChangeStreamOptions) {}

  start(): void {
    void this.run();
  }

  close(): void {
    this.closedByOwner = true;
    clearTimeout(this.idleTimer);
    this.controller.abort();
  }

  private async run(): Promise<void> {
    try {
      const response = await this.options.fetch(this.options.url, { headers: this.options.headers, signal: this.controller.signal, redirect: 'error' });
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        return this.end('refused');
      }
      if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream') || !response.body) {
        await response.body?.cancel();
        return this.end('lost');
      }
      this.openedAt = Date.now();
      await this.read(response.body);
      this.end('lost');
    } catch (error) {
      if (!this.closedByOwner) this.options.log('The team server’s change-notice stream broke', error);
      this.end('lost');
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    this.restartIdleTimer();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      this.restartIdleTimer();
      buffer += decoder.decode(value, { stream: true });
      // Events end at a blank line; a partial one waits for the rest.
      const events = buffer.split(/\r?\n\r?\n/);
      buffer = events.pop() ?? '';
      for (const event of events) this.deliver(event);
    }
  }

  private deliver(event: string): void {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data === '') return; // a comment, such as the keep-alive
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return this.options.log(`The team server sent a change notice that is not JSON: ${data.slice(0, 200)}`);
    }
    const notice = changeNoticeSchema.safeParse(json);
    if (notice.success) this.options.onNotice(notice.data);
    else this.options.log(`The team server sent a change notice this desk does not know: ${data.slice(0, 200)}`);
  }

  private restartIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.controller.abort(), this.options.idleTimeoutMs);
    this.idleTimer.unref();
  }

  private end(how: StreamEnd): void {
    clearTimeout(this.idleTimer);
    if (this.ended || this.closedByOwner) return;
    this.ended = true;
    this.options.onEnd(how);
  }
}
