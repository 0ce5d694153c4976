import type { DeskApi } from '../../shared/api';
import type { CallName, ChangeNotice, ConnectionState, InputOf, OutputOf } from '../../shared/contracts';
import type { AppError, Result } from '../../shared/result';
import { channels } from '../../shared/channels';

/**
 * The renderer's only door to main. Every call answers with a Result; a bridge that is missing or
 * throws (it should not) is turned into an `internal` error so screens never deal with exceptions.
 */
const UNREACHABLE: AppError = { code: 'internal', message: 'The purchasing desk service is not reachable.' };

export const hasApi = (): boolean => typeof window !== 'undefined' && typeof window.api === 'object' && window.api !== null;

async function call<K extends CallName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  if (!hasApi()) return { ok: false, error: UNREACHABLE };
  try {
    const fn = window.api[name] as (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
    const result = await fn(input);
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') return { ok: false, error: UNREACHABLE };
    return result;
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

type Calls = { [K in CallName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>> };

// One function per channel, so a new contract reaches the screens without being listed again here.
const calls = Object.fromEntries((Object.keys(channels) as CallName[]).map((name) => [name, (input: never) => call(name, input)])) as Calls;

export const api: Calls & Pick<DeskApi, 'onChanged' | 'onConnectionChanged'> = {
  ...calls,
  onChanged(listener: (notice: ChangeNotice) => void): () => void {
    if (!hasApi()) return () => {};
    return window.api.onChanged(listener);
  },
  /** Main (or the browser bridge) says when the desk's server stops or starts answering, or another connection is chosen. */
  onConnectionChanged(listener: (state: ConnectionState) => void): () => void {
    if (!hasApi() || typeof window.api.onConnectionChanged !== 'function') return () => {};
    return window.api.onConnectionChanged(listener);
  },
};
