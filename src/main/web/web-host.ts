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
/** The calls that start a session; each gets a session id of its own, whatever the browser held before. */
const SESSION_STARTERS: ReadonlySet<string> = new Set(['signIn', 'setUpFirstAdmin']);
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
  /** Open change-notice streams and the session each belongs to, so sign-out can close them. */
  const eventStreams = new Map<ServerResponse, string>();
  const notify = (notice: ChangeNotice) => {
    for (const stream of eventStreams.keys()) stream.write(`data: ${JSON.stringify(notice)}\n\n`);
  };
  /**
   * Session ids this host handed out at a sign-in and not yet forgotten; any other cookie value is
   * no session at all. Only sign-ins add to it, so requests from anywhere cannot make it grow.
   */
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
    const url = URL.parse(request.url ?? '/', origin);
    if (!url) return send(response, 400, 'text/plain', 'Bad request: the address is not a valid URL.');
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice(5));
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/events') return openEventStream(request, response);
    if (url.pathname === '/desk-bridge.js') return send(response, 200, CONTENT_TYPES['.js'] as string, browserBridgeScript());
    if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(response);
    return serveStatic(response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    // Same-origin JSON only: a page elsewhere cannot drive the desk through this port.
    if (!allowedOrigins.has(request.headers.origin ?? '') || !request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused.' } });
    }
    if (!isContractName(name)) return sendJson(response, 404, { ok: false, error: { code: 'not-found', message: 'The desk has no such call.' } });
    // A declared size over the limit is answered before a byte of it is read.
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(response);
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) return tooLarge(response);
      throw error;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } });
    }
    const cookieSession = liveSessionOf(request);
    // A sign-in always gets a session id of its own, so an id known before it (or planted) is worth nothing after.
    const starting = SESSION_STARTERS.has(name);
    const sessionId = starting || !cookieSession ? randomUUID() : cookieSession;
    const result = await dispatch(desk, sessionKeyFor(sessionId), name, payload, { notify, client: { address: request.socket.remoteAddress ?? 'unknown' } });
    const headers: Record<string, string> = {};
    if (starting && result.ok) {
      if (cookieSession) forget(cookieSession);
      issuedSessions.add(sessionId);
      headers['set-cookie'] = `${SESSION_COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`;
    } else if (name === 'signOut' || (!cookieSession && cookieValue(request) !== undefined)) {
      // Signed out, or holding an id that is unknown or has expired: the browser drops the cookie.
      if (cookieSession) forget(cookieSession);
      headers['set-cookie'] = CLEARED_COOKIE;
    }
    sendJson(response, 200, result, headers);
  }

  function forget(sessionId: string): void {
    issuedSessions.delete(sessionId);
    desk.sessions.end(sessionKeyFor(sessionId));
    for (const [stream, owner] of eventStreams) if (owner === sessionId) stream.end();
  }

  /** The cookie's session id when this host issued it and its session is still live (not idle too long, not too old). */
  function liveSessionOf(request: IncomingMessage): string | undefined {
    const id = cookieValue(request);
    if (id === undefined || !issuedSessions.has(id)) return undefined;
    if (desk.sessions.get(sessionKeyFor(id))) return id;
    forget(id);
    return undefined;
  }

  async function openEventStream(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // EventSource sends an Origin only across origins; a stream asked for by another page is refused.
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) return send(response, 403, 'text/plain', 'Cross-origin request refused.');
    const sessionId = liveSessionOf(request);
    if (!sessionId) return send(response, 403, 'text/plain', 'Sign in to receive change notices.');
    if (eventStreams.size >= MAX_EVENT_STREAMS) return send(response, 503, 'text/plain', 'Too many open change-notice streams.');
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.set(response, sessionId);
    response.on('close', () => eventStreams.delete(response));
  }

  async function serveIndex(response: ServerResponse): Promise<void> {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const withBridge = html.replace('<head>', '<head>\n    <script src="/desk-bridge.js"></script>');
    send(response, 200, CONTENT_TYPES['.html'] as string, withBridge);
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
        for (const stream of eventStreams.keys()) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sessionKeyFor = (sessionId: string) => `browser-${sessionId}`;
const CLEARED_COOKIE = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;

function tooLarge(response: ServerResponse): void {
  // The rest of an oversized upload is not read; the connection closes once the answer is sent.
  response.setHeader('connection', 'close');
  sendJson(response, 413, { ok: false, error: { code: 'invalid-input', message: 'The request is larger than 1 MB; nothing was done.' } });
}

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
