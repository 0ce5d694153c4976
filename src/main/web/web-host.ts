import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { type ChangeNotice, isConnectionContractName } from '../../shared/contracts';
import { dispatch, isContractName, STORE_UNREACHABLE } from '../ipc/dispatch';
import { sessionHash } from '../server/database-sessions';
import { type ChangeRelay, localChangeRelay, type RelayMessage } from '../server/change-relay';
import type { Desk } from '../services/desk';
import { isStoreBusy, isStoreUnreachable } from '../store/connect';
import { SESSION_ENDED_HEADER, SESSION_STARTERS, SESSION_TOKEN_HEADER } from '../team/wire';
import { CONTENT_SECURITY_POLICY } from '../window-security';
import { browserBridgeScript } from './browser-bridge';
import { browserConnectionAnswers, previewConnectionAnswers } from './connection-answers';
import { CLEARED_COOKIE, credentialsOf, newSession, type RequestCredentials, sessionCookie } from './request-credentials';

/**
 * Serves the built renderer and the main-process services to a browser on loopback, and the same
 * calls to a workstation in team mode (bearer token, no Origin; see request-credentials.ts). Only
 * the Electron shell differs from the desktop app: the same dispatcher validates and answers each call.
 */
export interface WebHost {
  url: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  desk: Desk;
  rendererDir: string;
  port?: number;
  /**
   * Tests only: answer the connection calls as a workstation on its first run does, so the choice
   * screen can be shown in a browser. The app never sets it.
   */
  connectionPreview?: boolean;
  /** The address to listen on; loopback unless a desk server is told otherwise. */
  listenHost?: string;
  /** Certificate and key (PEM): the host speaks HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * The origin browsers use to reach this host (for a desk server behind a reverse proxy, the
   * proxy's): the only Origin accepted, and its host the Host expected besides the listening address.
   */
  publicOrigin?: string;
  /** Carries change notices to and from other instances on the same database; by default, this host's own streams only. */
  relay?: ChangeRelay;
}

const MAX_BODY_BYTES = 1_000_000;
/** Change-notice streams held open at once; each is a socket and a timer's worth of work. */
const MAX_EVENT_STREAMS = 32;
/** A comment on every open stream this often, so a workstation (and any proxy between) can tell a quiet stream from a dead one. */
const KEEP_ALIVE_MS = 15_000;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { desk, rendererDir } = options;
  /** Open change-notice streams and the session key each belongs to, so sign-out can close them. */
  const eventStreams = new Map<ServerResponse, string>();
  const relay = options.relay ?? localChangeRelay();
  const notify = (notice: ChangeNotice) => relay.publish({ notice });
  const hear = (message: RelayMessage) => {
    if ('notice' in message) {
      for (const stream of eventStreams.keys()) stream.write(`data: ${JSON.stringify(message.notice)}\n\n`);
    } else {
      // Signed out on another instance: this one's streams of that session end too.
      for (const [stream, owner] of eventStreams) if (sessionHash(owner) === message.sessionEnded) stream.end();
    }
  };
  const unsubscribe = relay.subscribe(hear);
  const keepAlive = setInterval(() => {
    for (const stream of eventStreams.keys()) stream.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  /**
   * Session keys of the cookies and tokens this host handed out at a sign-in and not yet forgotten;
   * any other cookie or token is no session at all. Only sign-ins add to it, so requests from
   * anywhere cannot make it grow.
   */
  const issuedSessions = new Set<string>();
  let origin = '';
  const answerConnection = options.connectionPreview ? previewConnectionAnswers() : browserConnectionAnswers(() => origin);
  /** Both loopback spellings of this host, as Host headers and as Origins. */
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      console.error('web host request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  };
  const server: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, listener) : createServer(listener);
  /** Browsers drop a Secure cookie over plain HTTP, so it is marked so only where the page is served over HTTPS. */
  let secureCookie = false;
  let wrongHostMessage = 'This desk answers only on its own loopback address.';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another name that resolves here (DNS rebinding) gets nothing, not even the start page.
    if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 421, 'text/plain', wrongHostMessage);
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
    const credentials = credentialsOf(request);
    if (credentials.kind === 'refused') return sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: credentials.message } });
    // Same-origin JSON only: a page elsewhere cannot drive the desk through this port. A workstation sends no Origin at all.
    const originAccepted = credentials.kind === 'workstation' || allowedOrigins.has(request.headers.origin ?? '');
    if (!originAccepted || !request.headers['content-type']?.startsWith('application/json')) {
      return sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused.' } });
    }
    if (!isContractName(name) && !isConnectionContractName(name)) return sendJson(response, 404, { ok: false, error: { code: 'not-found', message: 'The desk has no such call.' } });
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
    if (isConnectionContractName(name)) return sendJson(response, 200, await answerConnection(name, payload));

    let liveSession: string | undefined;
    try {
      liveSession = await liveSessionOf(credentials);
    } catch (error) {
      // Sessions live in the database: while it is out of reach no call can be checked, and none was run.
      if (!isStoreUnreachable(error) && !isStoreBusy(error)) throw error;
      console.error(`web host: the session for ${name} could not be checked; the database is out of reach`, error);
      return sendJson(response, 200, { ok: false, error: { code: 'internal', message: STORE_UNREACHABLE.message } });
    }
    // A sign-in always gets a session of its own, so an id or token known before it (or planted) is worth nothing after.
    const starting = SESSION_STARTERS.has(name);
    const fresh = starting || !liveSession ? newSession(credentials.kind) : undefined;
    const sessionKey = fresh?.sessionKey ?? (liveSession as string);
    const result = await dispatch(desk, sessionKey, name, payload, { notify, client: { address: request.socket.remoteAddress ?? 'unknown' } });
    const headers: Record<string, string> = {};
    if (starting && result.ok && fresh) {
      if (liveSession) await forget(liveSession);
      issuedSessions.add(fresh.sessionKey);
      if (credentials.kind === 'browser') headers['set-cookie'] = sessionCookie(fresh.secret, secureCookie);
      else headers[SESSION_TOKEN_HEADER] = fresh.secret;
    } else if (name === 'signOut' || (!liveSession && credentials.presented)) {
      // Signed out, or holding an id or token that is unknown or has expired: the caller drops it.
      if (liveSession) await forget(liveSession);
      if (credentials.kind === 'browser') headers['set-cookie'] = CLEARED_COOKIE;
      else headers[SESSION_ENDED_HEADER] = 'true';
    }
    sendJson(response, 200, result, headers);
  }

  /** Ends the session (revoked in the store before the caller is answered) and its streams, here and on every other instance. */
  async function forget(sessionKey: string): Promise<void> {
    issuedSessions.delete(sessionKey);
    for (const [stream, owner] of eventStreams) if (owner === sessionKey) stream.end();
    await desk.sessions.end(sessionKey);
    if (desk.sessions.shared) relay.publish({ sessionEnded: sessionHash(sessionKey) });
  }

  /**
   * The caller's session key when its session is live (not idle too long, not too old, not revoked).
   * A memory store's sessions must also have been issued by this host; a shared store's are every
   * instance's, and an unknown key costs one indexed look-up that finds nothing.
   */
  async function liveSessionOf(credentials: Exclude<RequestCredentials, { kind: 'refused' }>): Promise<string | undefined> {
    const key = credentials.sessionKey;
    if (key === undefined || (!desk.sessions.shared && !issuedSessions.has(key))) return undefined;
    if (await desk.sessions.get(key)) return key;
    if (desk.sessions.shared) return undefined;
    await forget(key);
    return undefined;
  }

  async function openEventStream(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const credentials = credentialsOf(request);
    if (credentials.kind === 'refused') return send(response, 403, 'text/plain', credentials.message);
    // EventSource sends an Origin only across origins; a stream asked for by another page is refused.
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) return send(response, 403, 'text/plain', 'Cross-origin request refused.');
    let sessionKey: string | undefined;
    try {
      sessionKey = await liveSessionOf(credentials);
    } catch (error) {
      if (!isStoreUnreachable(error) && !isStoreBusy(error)) throw error;
      return send(response, 503, 'text/plain', 'The desk’s database cannot be reached right now; change notices resume once it is back.');
    }
    if (!sessionKey) return send(response, 403, 'text/plain', 'Sign in to receive change notices.');
    if (eventStreams.size >= MAX_EVENT_STREAMS) return send(response, 503, 'text/plain', 'Too many open change-notice streams.');
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.set(response, sessionKey);
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

  const listenHost = options.listenHost ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  const listening = hostPort(listenHost, port);
  const loopback = listenHost === '127.0.0.1' || listenHost === 'localhost';
  const ownHosts = loopback ? [`127.0.0.1:${port}`, `localhost:${port}`] : [listening];
  if (options.publicOrigin) {
    // Behind a proxy the Host is the public one, or the listening address when the proxy rewrites it.
    const publicUrl = new URL(options.publicOrigin);
    origin = publicUrl.origin;
    allowedHosts = new Set([publicUrl.host, ...ownHosts]);
    allowedOrigins = new Set([origin]);
    wrongHostMessage = `This desk answers only at ${origin}.`;
  } else {
    origin = `${scheme}://${ownHosts[0]}`;
    allowedHosts = new Set(ownHosts);
    allowedOrigins = new Set(ownHosts.map((host) => `${scheme}://${host}`));
  }
  secureCookie = origin.startsWith('https:');

  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(keepAlive);
        for (const stream of eventStreams.keys()) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}


/** host:port as a Host header carries it; an IPv6 address in brackets. */
const hostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

function tooLarge(response: ServerResponse): void {
  // The rest of an oversized upload is not read; the connection closes once the answer is sent.
  response.setHeader('connection', 'close');
  sendJson(response, 413, { ok: false, error: { code: 'invalid-input', message: 'The request is larger than 1 MB; nothing was done.' } });
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
