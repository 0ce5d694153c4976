import { request } from 'node:http';
import { bearer, CLIENT_HEADER, CLIENT_MARKER, SESSION_ENDED_HEADER, SESSION_TOKEN_HEADER } from '../../src/main/team/wire';

/** One answer of the desk server: the dispatcher's result and the headers that matter to a workstation. */
export interface ServerAnswer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  sessionEnded: boolean;
}

/**
 * A workstation talking to a desk server as the Electron app's main process does (wire.ts): no
 * Origin, the client marker, a bearer token once signed in. Plain fetch, so what is tested is the wire.
 */
export class WireWorkstation {
  token: string | null = null;

  constructor(public baseUrl: string) {}

  headers(): Record<string, string> {
    return { [CLIENT_HEADER]: CLIENT_MARKER, ...(this.token ? { authorization: bearer(this.token) } : {}) };
  }

  async call(name: string, input: unknown = {}): Promise<ServerAnswer> {
    const response = await fetch(new URL(`api/${name}`, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers() },
      body: JSON.stringify(input),
    });
    this.token = response.headers.get(SESSION_TOKEN_HEADER) ?? this.token;
    return { status: response.status, body: (await response.json()) as ServerAnswer['body'], sessionEnded: response.headers.get(SESSION_ENDED_HEADER) === 'true' };
  }

  async value<T = Record<string, unknown>>(name: string, input: unknown = {}): Promise<T> {
    const answer = await this.call(name, input);
    if (!answer.body.ok) throw new Error(`${name} refused: ${answer.body.error?.code}: ${answer.body.error?.message}`);
    return answer.body.value as T;
  }

  async signIn(signInName: string, password = 'demo'): Promise<this> {
    await this.value('signIn', { signInName, password });
    return this;
  }

  /** Opens /events and collects what arrives. */
  async events(): Promise<EventFeed> {
    const controller = new AbortController();
    const response = await fetch(new URL('events', this.baseUrl), { headers: this.headers(), signal: controller.signal });
    return new EventFeed(response, controller);
  }
}

export class EventFeed {
  readonly notices: unknown[] = [];
  readonly ended: Promise<void>;
  private waiters: (() => void)[] = [];

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.ended = response.ok && response.body ? this.read(response.body) : Promise.resolve();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) if (event.startsWith('data: ')) this.notices.push(JSON.parse(event.slice(6)));
        for (const wake of this.waiters.splice(0)) wake();
      }
    } catch {
      // aborted by close()
    }
  }

  /** Resolves once a notice satisfying `test` has arrived; fails after `timeoutMs`. */
  async waitFor(test: (notice: unknown) => boolean, timeoutMs = 5_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notices.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such change notice within ${timeoutMs} ms; got ${JSON.stringify(this.notices)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}

/** A raw HTTP exchange, for what fetch will not send (another Host header). */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
