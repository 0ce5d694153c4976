import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { channels } from '../../src/shared/channels';
import { type ChangeNotice, type ConnectionState, isConnectionContractName, type ContractName } from '../../src/shared/contracts';
import { CONNECTION_FILE_NAME } from '../../src/main/team/connection-choice';
import { DeskConnection } from '../../src/main/team/desk-connection';
import { REVIEW_COPY_FILE_NAME, type ReviewCopyTiming } from '../../src/main/team/review-copy/offline-review';

/**
 * Tests only: a team workstation without Electron. The built renderer runs in a browser page whose
 * `window.api` (a stand-in for the preload script) posts each call to this host, and the host hands
 * it to Electron main's own DeskConnection in team mode, review copy included, exactly as the IPC
 * handlers do. Main → renderer messages (change notices, connection state) come back over one
 * event stream. The page is the workstation's window, so stopping the desk server behind the
 * connection shows what a supervisor sees when the team server goes away.
 */
export interface WorkstationHost {
  url: string;
  connection: DeskConnection;
  close(): Promise<void>;
}

export interface WorkstationHostOptions {
  rendererDir: string;
  /** The team server, without a trailing slash. */
  serverUrl: string;
  /** The workstation's user-data folder: connection.json and review-copy.sqlite. */
  userData: string;
  reviewCopyTiming?: ReviewCopyTiming;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** What the preload script gives the renderer, over this host instead of IPC; one session per page load. */
function bridgeScript(): string {
  return `(() => {
  const names = ${JSON.stringify(Object.keys(channels))};
  const windowKey = 'window-' + crypto.randomUUID();
  const changeListeners = new Set();
  const connectionListeners = new Set();
  const source = new EventSource('/events?window=' + encodeURIComponent(windowKey));
  source.addEventListener('change', (event) => { for (const each of changeListeners) each(JSON.parse(event.data)); });
  source.addEventListener('connection', (event) => { for (const each of connectionListeners) each(JSON.parse(event.data)); });
  const call = async (name, input) => {
    const response = await fetch('/api/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-window': windowKey },
      body: JSON.stringify(input === undefined ? {} : input),
    });
    return response.json();
  };
  const api = {};
  for (const name of names) api[name] = (input) => call(name, input);
  api.onChanged = (listener) => { changeListeners.add(listener); return () => { changeListeners.delete(listener); }; };
  api.onConnectionChanged = (listener) => { connectionListeners.add(listener); return () => { connectionListeners.delete(listener); }; };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
})();
`;
}

export async function startWorkstationHost(options: WorkstationHostOptions): Promise<WorkstationHost> {
  const streams = new Set<ServerResponse>();
  const broadcast = (event: 'change' | 'connection', message: ChangeNotice | ConnectionState) => {
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(message)}\n\n`);
  };
  const connection = await DeskConnection.open({
    choiceFile: join(options.userData, CONNECTION_FILE_NAME),
    defaultChoice: { mode: 'team', url: options.serverUrl },
    openLocalDesk: () => Promise.reject(new Error('a team workstation opens no database of its own')),
    notifyChange: (notice) => broadcast('change', notice),
    notifyConnection: (state) => broadcast('connection', state),
    retry: { firstDelayMs: 100, maxDelayMs: 500 },
    reviewCopyFile: join(options.userData, REVIEW_COPY_FILE_NAME),
    reviewCopyTiming: options.reviewCopyTiming,
    log: () => undefined,
  });

  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice(5);
      const windowKey = String(request.headers['x-window'] ?? 'window-unknown');
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
      const result = isConnectionContractName(name)
        ? await connection.answer(name, payload, windowKey)
        : Object.hasOwn(channels, name)
          ? await connection.call(windowKey, name as ContractName, payload)
          : { ok: false, error: { code: 'not-found', message: `No such call: ${name}` } };
      return send(response, 200, 'application/json', JSON.stringify(result));
    }
    if (url.pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      streams.add(response);
      response.on('close', () => {
        streams.delete(response);
        const windowKey = url.searchParams.get('window');
        if (windowKey) connection.sessionGone(windowKey);
      });
      return;
    }
    if (url.pathname === '/workstation-bridge.js') return send(response, 200, CONTENT_TYPES['.js'] as string, bridgeScript());
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
      return send(response, 200, CONTENT_TYPES['.html'] as string, html.replace('<head>', '<head>\n    <script src="/workstation-bridge.js"></script>'));
    }
    const file = normalize(join(options.rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(response, 403, 'text/plain', 'Forbidden');
    try {
      return send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      return send(response, 404, 'text/plain', 'Not found');
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    connection,
    async close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await connection.close();
    },
  };
}
