import { channels } from '../../shared/channels';
import { EVERYTHING_CHANGED } from '../team/answer-envelope';
import { DEFAULT_RETRY } from '../team/retry-policy';
import { SAVING_CALLS } from '../team/unreachable-words';

/**
 * The browser stand-in for the preload script: the same `window.api` shape, one function per
 * contract, carried over same-origin fetch instead of IPC. Served as a file so the strict CSP holds.
 *
 * It also does in the page what main's team client does for a workstation: when the server stops
 * answering, calls say so in words, the page is told the connection is down, the server is tried
 * again with growing pauses, and once it answers the page is told it is back and refetches.
 */
export function browserBridgeScript(): string {
  return `(() => {
  const names = ${JSON.stringify(Object.keys(channels))};
  const saving = new Set(${JSON.stringify([...SAVING_CALLS])});
  const everything = ${JSON.stringify(EVERYTHING_CHANGED.entities)};
  const firstDelayMs = ${DEFAULT_RETRY.firstDelayMs};
  const maxDelayMs = ${DEFAULT_RETRY.maxDelayMs};
  const here = location.origin;
  const listeners = new Set();
  const connectionListeners = new Set();
  let source = null;
  let reachable = true;
  let retryTimer = null;
  let attempt = 0;

  const state = () => ({ mode: 'browser', serverUrl: here, reachable, canChoose: false, problem: null });
  const unreachable = (name, wasReachable) => ({
    ok: false,
    error: {
      code: 'unreachable',
      // A save already on its way when the server went may or may not have been stored; one sent to a server known to be away was not.
      message: saving.has(name) && wasReachable
        ? 'The desk server at ' + here + ' stopped answering while your change was on its way, so this page cannot tell whether it was saved. A change is saved whole or not at all: when the server is back, look at it again to see which.'
        : saving.has(name)
          ? 'The desk server at ' + here + ' cannot be reached. Nothing was saved; try again when it is back.'
          : 'The desk server at ' + here + ' cannot be reached; try again when it is back.',
    },
  });
  const setReachable = (value) => {
    if (reachable === value) return;
    reachable = value;
    for (const each of connectionListeners) each(state());
    if (!value) return;
    attempt = 0;
    // Notices sent while the page was cut off are lost: every screen refetches what it shows.
    for (const each of listeners) each({ entities: everything });
    listen();
  };
  const answers = async () => {
    try {
      const response = await fetch('/api/connectionState', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });
      return response.status < 500;
    } catch {
      return false;
    }
  };
  const retry = () => {
    if (retryTimer !== null) return;
    const pause = Math.min(maxDelayMs, firstDelayMs * 2 ** attempt++) * (0.8 + 0.4 * Math.random());
    retryTimer = setTimeout(async () => {
      const back = await answers();
      retryTimer = null;
      if (back) setReachable(true);
      else retry();
    }, pause);
  };
  const lost = () => {
    setReachable(false);
    retry();
  };
  // The host streams change notices to signed-in sessions only, and refuses a stream before sign-in;
  // a refused EventSource does not retry, so any answered call opens it again when it is closed.
  const listen = () => {
    if (listeners.size === 0 || !reachable || (source && source.readyState !== EventSource.CLOSED)) return;
    const opened = new EventSource('/events');
    source = opened;
    opened.onmessage = (message) => { for (const each of listeners) each(JSON.parse(message.data)); };
    opened.onerror = () => {
      // CLOSED: refused (not signed in). CONNECTING: the connection broke; find out whether the server is away.
      if (opened.readyState !== EventSource.CONNECTING) return;
      opened.close();
      void answers().then((back) => (back ? listen() : lost()));
    };
  };
  const call = async (name, input) => {
    const wasReachable = reachable;
    try {
      const response = await fetch('/api/' + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
        credentials: 'same-origin',
      });
      if (response.status === 502 || response.status === 503 || response.status === 504) throw new Error('gateway');
      const result = await response.json();
      setReachable(true);
      if (name === 'signOut' && source) source.close();
      else if (result && result.ok) listen();
      return result;
    } catch {
      lost();
      return unreachable(name, wasReachable);
    }
  };
  const api = {};
  for (const name of names) api[name] = (input) => call(name, input);
  api.onChanged = (listener) => {
    listeners.add(listener);
    listen();
    return () => { listeners.delete(listener); };
  };
  api.onConnectionChanged = (listener) => {
    connectionListeners.add(listener);
    return () => { connectionListeners.delete(listener); };
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
})();
`;
}
