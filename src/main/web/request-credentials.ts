import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CLIENT_HEADER, CLIENT_MARKER } from '../team/wire';

/**
 * Who a request says it is. A browser carries the HttpOnly session cookie and is judged by its
 * Origin. A workstation (the Electron app's main process) marks itself, sends no Origin and carries
 * a bearer token. The two never mix: a request with a token or the marker that also looks like a
 * browser's (any Origin, a browser's fetch metadata) is refused outright, so a page cannot use a token
 * to get around the Origin check, and a workstation's cookie header is never read.
 */
export type RequestCredentials =
  | { kind: 'browser'; sessionKey: string | undefined; presented: boolean }
  | { kind: 'workstation'; sessionKey: string | undefined; presented: boolean }
  | { kind: 'refused'; message: string };

const SESSION_COOKIE = 'desk_session';
const BEARER = /^Bearer (\S+)$/;
/** 32 random bytes in base64url: what this host hands out; anything else is nobody's, and not worth a lookup. */
const TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;

export function credentialsOf(request: IncomingMessage): RequestCredentials {
  const headers = request.headers;
  if (headers.authorization === undefined && headers[CLIENT_HEADER] === undefined) {
    const id = cookieValue(request);
    return { kind: 'browser', sessionKey: id === undefined ? undefined : browserKey(id), presented: id !== undefined };
  }
  // Browsers send an Origin with every POST and fetch metadata (Sec-Fetch-Site, -Dest) with every request; Node's fetch sends only Sec-Fetch-Mode.
  const fromBrowser = headers.origin !== undefined || headers['sec-fetch-site'] !== undefined || headers['sec-fetch-dest'] !== undefined;
  if (fromBrowser) return { kind: 'refused', message: 'A browser page cannot use a workstation’s credentials; sign in on the page itself.' };
  if (headers[CLIENT_HEADER] !== CLIENT_MARKER) return { kind: 'refused', message: `A workstation marks its requests with ${CLIENT_HEADER}: ${CLIENT_MARKER}.` };
  if (headers.authorization === undefined) return { kind: 'workstation', sessionKey: undefined, presented: false };
  const token = BEARER.exec(headers.authorization)?.[1];
  if (!token) return { kind: 'refused', message: 'The Authorization header must be “Bearer” and the session token this desk handed out.' };
  return { kind: 'workstation', sessionKey: TOKEN_FORM.test(token) ? workstationKey(token) : undefined, presented: true };
}

/** A new session for the kind of caller: its key in main's session store, and what the caller keeps. */
export function newSession(kind: 'browser' | 'workstation'): { sessionKey: string; secret: string } {
  if (kind === 'browser') {
    const id = randomUUID();
    return { sessionKey: browserKey(id), secret: id };
  }
  const token = randomBytes(32).toString('base64url');
  return { sessionKey: workstationKey(token), secret: token };
}

/** `secure`: the page is served over HTTPS, so the cookie must never travel over plain HTTP. */
export const sessionCookie = (id: string, secure = false) => `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
export const CLEARED_COOKIE = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;

const browserKey = (id: string) => `browser-${id}`;
/** Keyed by the token's hash, so main's session table and its logs never hold a usable token. */
const workstationKey = (token: string) => `workstation-${createHash('sha256').update(token).digest('base64url')}`;

function cookieValue(request: IncomingMessage): string | undefined {
  const cookies = request.headers.cookie?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE && value) return value;
  }
  return undefined;
}
