import type { ChangeNotice, ContractName, InputOf, OutputOf } from './contracts';
import type { Result } from './result';

/** The one object preload exposes as `window.api`. */
export type DeskApi = {
  [K in ContractName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
} & {
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
};
