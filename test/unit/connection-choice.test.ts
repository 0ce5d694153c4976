import { describe, expect, it } from 'vitest';
import { defaultChoice, parseStoredChoice, storedChoiceText } from '../../src/main/team/connection-choice';
import { describeNetworkFailure } from '../../src/main/team/network-failure';
import { retryDelayMs } from '../../src/main/team/retry-policy';
import { connectionContracts } from '../../src/shared/contracts';
import { checkTeamServerUrl, isLoopbackHostname } from '../../src/shared/team-server-url';

const FILE = '/home/op/.config/purchasing-desk/connection.json';

describe('a team server’s address', () => {
  it.each([
    ['https://desk.example.com', 'https://desk.example.com'],
    ['  https://desk.example.com/  ', 'https://desk.example.com'],
    ['HTTPS://Desk.Example.COM:8443/', 'https://desk.example.com:8443'],
    ['https://proxy.example.com/purchasing/desk/', 'https://proxy.example.com/purchasing/desk'],
    ['http://127.0.0.1:5174', 'http://127.0.0.1:5174'],
    ['http://localhost:5174/', 'http://localhost:5174'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('%s is accepted as %s', (typed, stored) => {
    expect(checkTeamServerUrl(typed)).toEqual({ ok: true, url: stored });
  });

  it.each([
    ['', /Enter the team server’s address/],
    ['   ', /Enter the team server’s address/],
    ['desk.example.com', /not a full address: start it with https:\/\/, for example https:\/\/desk\.example\.com\./],
    ['http://desk.example.com', /must use https:\/\/.*try https:\/\/desk\.example\.com\. http:\/\/ is only for a server on this computer/],
    ['http://192.168.1.20:5174/desk', /must use https:\/\/.*try https:\/\/192\.168\.1\.20:5174\/desk\./],
    ['http://localhost.evil.example', /must use https:\/\//],
    ['http://0.0.0.0:5174', /must use https:\/\//],
    ['ftp://desk.example.com', /starts with https:\/\/, not ftp:\/\//],
    ['https://alice:secret@desk.example.com', /Leave the sign-in name and password out/],
    ['https://desk.example.com/?token=1', /leave out anything from “\?” or “#” on/],
    ['https://desk.example.com/#x', /leave out anything from “\?” or “#” on/],
    ['https://exa mple.com', /is not a web address/],
  ])('%j is refused in words', (typed, message) => {
    const checked = checkTeamServerUrl(typed);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });

  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.0.1', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['::1', false],
  ])('%s is this computer: %s', (hostname, loopback) => {
    expect(isLoopbackHostname(hostname)).toBe(loopback);
  });

  it('the contracts take the same rule, and hand on the stored form', () => {
    expect(connectionContracts.testConnection.input.safeParse({ url: 'https://desk.example.com/' })).toEqual({ success: true, data: { url: 'https://desk.example.com' } });
    const refused = connectionContracts.chooseConnection.input.safeParse({ mode: 'team', url: 'http://desk.example.com' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/must use https:\/\//);
  });
});

describe('the stored connection choice', () => {
  it.each([
    ['this computer only', '{"mode":"local"}', { mode: 'local' }],
    ['a team server', '{"mode":"team","url":"https://desk.example.com"}', { mode: 'team', url: 'https://desk.example.com' }],
    ['a team server, written by hand with a trailing slash', '{ "mode": "team", "url": "https://desk.example.com/" }\n', { mode: 'team', url: 'https://desk.example.com' }],
    ['a team server on this computer', '{"mode":"team","url":"http://127.0.0.1:5174"}', { mode: 'team', url: 'http://127.0.0.1:5174' }],
  ])('%s is read back', (_what, text, choice) => {
    expect(parseStoredChoice(text, FILE)).toEqual({ ok: true, choice });
  });

  it.each([
    ['not JSON', '{mode: local}', /is not readable \(it is not JSON\), so this computer asks again\./],
    ['an empty file', '', /is not readable/],
    ['another mode', '{"mode":"cloud"}', /cannot be used: Choose “This computer only” or “Team server”\. This computer asks again\./],
    ['a team server without its address', '{"mode":"team"}', /cannot be used: Enter the team server’s address\. This computer asks again\./],
    ['an http address on the network', '{"mode":"team","url":"http://desk.example.com"}', /cannot be used: A team server on another computer must use https:\/\//],
    ['a field the desk does not know', '{"mode":"local","database":"/tmp/other.sqlite"}', /cannot be used: The desk does not accept “database”/],
    ['an address with local mode', '{"mode":"local","url":"https://desk.example.com"}', /does not accept “url”/],
    ['a list', '[]', /cannot be used/],
    ['null', 'null', /cannot be used/],
  ])('%s is a problem in words, naming the file', (_what, text, problem) => {
    const stored = parseStoredChoice(text, FILE);
    expect(stored.ok).toBe(false);
    if (!stored.ok) {
      expect(stored.problem).toContain(FILE);
      expect(stored.problem).toMatch(problem);
    }
  });

  it('is written as it is read', () => {
    for (const choice of [{ mode: 'local' as const }, { mode: 'team' as const, url: 'https://desk.example.com' }]) {
      expect(parseStoredChoice(storedChoiceText(choice), FILE)).toEqual({ ok: true, choice });
    }
  });
});

describe('the choice when none is stored', () => {
  it.each([
    ['a new installation asks', {}, false, null],
    ['an installation from before team mode keeps its database', {}, true, { mode: 'local' }],
    ['a database named by PURCHASING_DESK_DB is this computer’s', { PURCHASING_DESK_DB: '/srv/desk.sqlite' }, false, { mode: 'local' }],
    ['PURCHASING_DESK_CONNECTION is ignored outside test mode', { PURCHASING_DESK_CONNECTION: 'https://desk.example.com' }, false, null],
    ['test runs use this computer’s database', { PURCHASING_DESK_TEST: '1' }, false, { mode: 'local' }],
    ['a test run may ask', { PURCHASING_DESK_TEST: '1', PURCHASING_DESK_CONNECTION: 'ask' }, true, null],
    ['a test run may name a team server', { PURCHASING_DESK_TEST: '1', PURCHASING_DESK_CONNECTION: 'http://127.0.0.1:5999/' }, false, { mode: 'team', url: 'http://127.0.0.1:5999' }],
    ['a test run naming a bad address asks', { PURCHASING_DESK_TEST: '1', PURCHASING_DESK_CONNECTION: 'http://desk.example.com' }, false, null],
  ])('%s', (_what, env, databaseExists, choice) => {
    expect(defaultChoice(env as NodeJS.ProcessEnv, databaseExists)).toEqual(choice);
  });
});

describe('retries while the server is away', () => {
  const policy = { firstDelayMs: 500, maxDelayMs: 10_000 };
  it.each([
    [0, 0.5, 500],
    [1, 0.5, 1_000],
    [2, 0.5, 2_000],
    [4, 0.5, 8_000],
    [5, 0.5, 10_000],
    [50, 0.5, 10_000],
    [0, 0, 400],
    [0, 1, 600],
    [9, 0, 8_000],
    [-1, 0.5, 500],
  ])('try %i (spread %d) waits %i ms', (attempt, random, delay) => {
    expect(retryDelayMs(attempt, policy, () => random)).toBe(delay);
  });
});

describe('what a failed request says about the server', () => {
  const failed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
  it.each([
    ['ECONNREFUSED', failed('ECONNREFUSED'), { sent: false, kind: 'refused' }],
    ['ENOTFOUND', failed('ENOTFOUND'), { sent: false, kind: 'no-such-host' }],
    ['EHOSTUNREACH', failed('EHOSTUNREACH'), { sent: false, kind: 'no-route' }],
    ['UND_ERR_CONNECT_TIMEOUT', failed('UND_ERR_CONNECT_TIMEOUT'), { sent: false, kind: 'connect-timeout' }],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', failed('DEPTH_ZERO_SELF_SIGNED_CERT'), { sent: false, kind: 'certificate' }],
    ['ERR_TLS_CERT_ALTNAME_INVALID', failed('ERR_TLS_CERT_ALTNAME_INVALID'), { sent: false, kind: 'certificate' }],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', failed('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), { sent: false, kind: 'certificate' }],
    ['ECONNRESET', failed('ECONNRESET'), { sent: true, kind: 'broken' }],
    ['UND_ERR_SOCKET', failed('UND_ERR_SOCKET'), { sent: true, kind: 'broken' }],
    ['a timeout', new DOMException('timed out', 'TimeoutError'), { sent: true, kind: 'timeout' }],
    ['anything else', new Error('something else'), { sent: true, kind: 'broken' }],
  ])('%s', (_what, error, expected) => {
    expect(describeNetworkFailure(error)).toMatchObject(expected);
  });
});
