import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ChangeNotice } from '../../shared/contracts';
import { dispatch, isContractName } from '../ipc/dispatch';
import type { Desk } from '../services/desk';
import { CONTENT_SECURITY_POLICY } from '../window-security';
import { browserBridgeScript } from './browser-bridge';

/**
 * Serves the built renderer and the main-process services to a browser on loopback. Only the
 * Electron shell differs from the desktop app: the same dispatcher validates and answers each call.
 */
export interface WebHost {
  url: string;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'desk_session';
const MAX_BODY_BYTES = 1_000_000;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function startWebHost(options: { desk: Desk; rendererDir: string; port?: number }): Promise<WebHost> {
  const { desk, rendererDir } = options;
  const eventStreams = new Set<ServerResponse>();
  const notify = (notice: ChangeNotice) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(notice)}\n\n`);
  };
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('web host request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice(5));
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/events') return openEventStream(response);
    if (url.pathname === '/desk-bridge.js') return send(response, 200, CONTENT_TYPES['.js'] as string, browserBridgeScript());
    if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(request, response);
    return serveStatic(response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    // Same-origin JSON only: a page elsewhere cannot drive the desk through this port.
    if (request.headers.origin !== origin || !request.headers['content-type']?.startsWith('application/json')) {
      return send(response, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused.' } }));
    }
    if (!isContractName(name)) return send(response, 404, 'application/json', JSON.stringify({ ok: false, error: { code: 'not-found', message: `No such call: ${name}` } }));
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(request));
    } catch {
      return send(response, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } }));
    }
    const sessionKey = sessionKeyOf(request);
    if (!sessionKey) {
      return send(response, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Open the desk from its start page first.' } }));
    }
    const result = await dispatch(desk, sessionKey, name, payload, { notify });
    send(response, 200, 'application/json', JSON.stringify(result));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  async function serveIndex(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const withBridge = html.replace('<head>', '<head>\n    <script src="/desk-bridge.js"></script>');
    const headers: Record<string, string> = {};
    if (!sessionKeyOf(request)) headers['set-cookie'] = `${SESSION_COOKIE}=${randomUUID()}; HttpOnly; SameSite=Strict; Path=/`;
    send(response, 200, CONTENT_TYPES['.html'] as string, withBridge, headers);
  }

  async function serveStatic(response: ServerResponse, pathname: string): Promise<void> {
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!file.startsWith(normalize(rendererDir) + sep)) return send(response, 403, 'text/plain', 'Forbidden');
    try {
      const body = await readFile(file);
      send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(response, 404, 'text/plain', 'Not found');
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sessionKeyOf(request: IncomingMessage): string | undefined {
  const cookies = request.headers.cookie?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE && value) return `browser-${value}`;
  }
  return undefined;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
