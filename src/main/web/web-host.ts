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
/** Change-notice streams held open at once; each is a socket and a timer's worth of work. */
const MAX_EVENT_STREAMS = 32;
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
  /** Session ids this host handed out; any other cookie value is treated as no session at all. */
  const issuedSessions = new Set<string>();
  let origin = '';
  /** Both loopback spellings of this host, as Host headers and as Origins. */
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('web host request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another name that resolves here (DNS rebinding) gets nothing, not even the start page.
    if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 421, 'text/plain', 'This desk answers only on its own loopback address.');
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice(5));
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/events') return openEventStream(request, response);
    if (url.pathname === '/desk-bridge.js') return send(response, 200, CONTENT_TYPES['.js'] as string, browserBridgeScript());
    if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(request, response);
    return serveStatic(response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    // Same-origin JSON only: a page elsewhere cannot drive the desk through this port.
    if (!allowedOrigins.has(request.headers.origin ?? '') || !request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused.' } });
    }
    if (!isContractName(name)) return sendJson(response, 404, { ok: false, error: { code: 'not-found', message: `No such call: ${name}` } });
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        return sendJson(response, 413, { ok: false, error: { code: 'invalid-input', message: 'The request is larger than 1 MB; nothing was done.' } });
      }
      throw error;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } });
    }
    const cookieSession = issuedSessionOf(request);
    // A sign-in always gets a session id of its own, so an id known before it (or planted) is worth nothing after.
    const sessionId = name === 'signIn' ? randomUUID() : (cookieSession ?? randomUUID());
    const result = await dispatch(desk, sessionKeyFor(sessionId), name, payload, { notify, client: { address: request.socket.remoteAddress ?? 'unknown' } });
    const headers: Record<string, string> = {};
    if (name === 'signIn' && result.ok) {
      if (cookieSession) forget(cookieSession);
      headers['set-cookie'] = issueCookie(sessionId);
    } else if (name === 'signOut') {
      if (cookieSession) forget(cookieSession);
      headers['set-cookie'] = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
    } else if (!cookieSession) {
      headers['set-cookie'] = issueCookie(sessionId);
    }
    sendJson(response, 200, result, headers);
  }

  function issueCookie(sessionId: string): string {
    issuedSessions.add(sessionId);
    return `${SESSION_COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`;
  }

  function forget(sessionId: string): void {
    issuedSessions.delete(sessionId);
    desk.sessions.end(sessionKeyFor(sessionId));
  }

  function issuedSessionOf(request: IncomingMessage): string | undefined {
    const id = cookieValue(request);
    return id !== undefined && issuedSessions.has(id) ? id : undefined;
  }

  async function openEventStream(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const sessionId = issuedSessionOf(request);
    if (!sessionId || !desk.sessions.get(sessionKeyFor(sessionId))) return send(response, 403, 'text/plain', 'Sign in to receive change notices.');
    if (eventStreams.size >= MAX_EVENT_STREAMS) return send(response, 503, 'text/plain', 'Too many open change-notice streams.');
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  async function serveIndex(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const withBridge = html.replace('<head>', '<head>\n    <script src="/desk-bridge.js"></script>');
    const headers: Record<string, string> = {};
    if (!issuedSessionOf(request)) headers['set-cookie'] = issueCookie(randomUUID());
    send(response, 200, CONTENT_TYPES['.html'] as string, withBridge, headers);
  }

  async function serveStatic(response: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(response, 400, 'text/plain', 'Bad request: the path is not valid percent-encoding.');
    }
    const file = normalize(join(rendererDir, decoded));
    if (!file.startsWith(normalize(rendererDir) + sep)) return send(response, 403, 'text/plain', 'Forbidden');
    try {
      const body = await readFile(file);
      send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(response, 404, 'text/plain', 'Not found');
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

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

const sessionKeyFor = (sessionId: string) => `browser-${sessionId}`;

function cookieValue(request: IncomingMessage): string | undefined {
  const cookies = request.headers.cookie?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE && value) return value;
  }
  return undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(response, status, 'application/json', JSON.stringify(body), headers);
}

class BodyTooLarge extends Error {}

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
        // Stop collecting but let the upload finish, so the client reads the 413 instead of a reset.
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
