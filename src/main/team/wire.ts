/**
 * How a workstation talks to its desk server over HTTP, beside what a browser does. A browser
 * holds an HttpOnly cookie and is checked by its Origin; a workstation (the Electron app's main
 * process) sends no Origin, marks itself, and carries a bearer token that only main holds.
 */

/** Sent by the workstation on every request. Not a secret: a browser page elsewhere cannot send it without a CORS preflight, which the server never grants. */
export const CLIENT_HEADER = 'x-desk-client';
export const CLIENT_MARKER = 'workstation';
/** Answer to a workstation's sign-in (or first administrator set-up): its new session's token. */
export const SESSION_TOKEN_HEADER = 'x-desk-session-token';
/** Answer to a workstation whose token is unknown, expired or revoked: forget it. */
export const SESSION_ENDED_HEADER = 'x-desk-session-ended';

/** The calls that start a session; each answers with a new token, whatever the caller held before. */
export const SESSION_STARTERS: ReadonlySet<string> = new Set(['signIn', 'setUpFirstAdmin']);

export const bearer = (token: string) => `Bearer ${token}`;
