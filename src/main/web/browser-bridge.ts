import { channels } from '../../shared/channels';

/**
 * The browser stand-in for the preload script: the same `window.api` shape, one function per
 * contract, carried over same-origin fetch instead of IPC. Served as a file so the strict CSP holds.
 */
export function browserBridgeScript(): string {
  return `(() => {
  const names = ${JSON.stringify(Object.keys(channels))};
  const unreachable = { ok: false, error: { code: 'internal', message: 'The purchasing desk service is not reachable.' } };
  const listeners = new Set();
  let source = null;
  // The host streams change notices to signed-in sessions only, and refuses a stream before sign-in;
  // a refused EventSource does not retry, so any answered call opens it again when it is closed.
  const listen = () => {
    if (listeners.size === 0 || (source && source.readyState !== EventSource.CLOSED)) return;
    source = new EventSource('/events');
    source.onmessage = (message) => { for (const each of listeners) each(JSON.parse(message.data)); };
  };
  const call = async (name, input) => {
    try {
      const response = await fetch('/api/' + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
        credentials: 'same-origin',
      });
      const result = await response.json();
      if (name === 'signOut' && source) source.close();
      else if (result && result.ok) listen();
      return result;
    } catch {
      return unreachable;
    }
  };
  const api = {};
  for (const name of names) api[name] = (input) => call(name, input);
  api.onChanged = (listener) => {
    listeners.add(listener);
    listen();
    return () => { listeners.delete(listener); };
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
})();
`;
}
