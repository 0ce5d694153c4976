import type { ChangedEntity, ContractName, OutputOf, ParsedInputOf } from '../../shared/contracts';
import type { Caller, Desk } from '../services/desk';
import type { SignInClient } from '../services/sign-in-service';

/** Who may call a contract, what it changes (announced after it succeeds), and what answers it. */
export type Handler<K extends ContractName> =
  | {
      access: 'anyone';
      changes?: ChangedEntity[];
      run: (desk: Desk, sessionKey: string, input: ParsedInputOf<K>, client: SignInClient) => Promise<OutputOf<K>>;
    }
  | { access: 'signed-in'; changes?: ChangedEntity[]; run: (desk: Desk, caller: Caller, input: ParsedInputOf<K>) => Promise<OutputOf<K>> };

export type HandlerTable = { [K in ContractName]: Handler<K> };

/** One feature's handlers: exactly its own contracts. */
export type FeatureHandlers<C> = { [K in keyof C & ContractName]: Handler<K> };
