import type { CallName, ChangeNotice, ConnectionState, InputOf, OutputOf } from './contracts';
import type { Result } from './result';

/** The one object preload exposes as `window.api`. */
export type DeskApi = {
  [K in CallName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
} & {
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
  /** The connection's state after every change: a server stopped or started answering, another connection was chosen. */
  onConnectionChanged(listener: (state: ConnectionState) => void): () => void;
};
