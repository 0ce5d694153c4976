import { type ChangeNotice, type ContractName, contracts, type OutputOf } from '../../shared/contracts';
import type { Result } from '../../shared/result';
import { AppFailure } from '../services/app-failure';
import { requireCaller } from '../services/auth-service';
import type { Desk } from '../services/desk';
import { appendAudit } from '../store/repositories/audit-repo';
import { isStoreBusy, isStoreUnreachable } from '../store/connect';
import { CommitOutcomeUnknown } from '../store/transaction';
import type { SignInClient } from '../services/sign-in-service';
import { handlers } from './handlers';
import { invalidInput } from './validation-messages';

export interface DispatchOptions {
  /** Called after a successful write with what changed, so every renderer can refetch. */
  notify?: (notice: ChangeNotice) => void;
  log?: (message: string, error: unknown) => void;
  /** Where the call comes from, for sign-in throttling per address; Electron's window is this computer. */
  client?: SignInClient;
}

const THIS_COMPUTER: SignInClient = { address: 'this computer' };

/** The handler table with its per-contract types erased; the contract's zod schemas guard both ends. */
interface ErasedHandler {
  access: 'anyone' | 'signed-in';
  changes?: ChangeNotice['entities'];
  run: (desk: Desk, who: unknown, input: unknown, client: SignInClient) => Promise<unknown>;
}

export const isContractName = (name: string): name is ContractName => Object.hasOwn(contracts, name);

/**
 * The one way into main from any renderer: validate the payload against the contract, find the
 * operator from main's own session, run the handler, and answer with a typed result.
 */
export async function dispatch<K extends ContractName>(
  desk: Desk,
  sessionKey: string,
  name: K,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Result<OutputOf<K>>> {
  let operatorId: number | null = null;
  try {
    const contract = contracts[name];
    const handler = handlers[name] as unknown as ErasedHandler;
    // Who asks is settled before the payload is read: a caller who is not signed in learns nothing about its fields.
    const who = handler.access === 'anyone' ? sessionKey : await requireCaller(desk, sessionKey);
    if (typeof who !== 'string') operatorId = who.operator.id;
    const input = payload ?? {};
    const parsed = contract.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, input) };
    const output = await handler.run(desk, who, parsed.data, options.client ?? THIS_COMPUTER);
    const value = contract.output.parse(output) as OutputOf<K>;
    if (handler.changes) options.notify?.({ entities: handler.changes });
    return { ok: true, value };
  } catch (failure) {
    if (failure instanceof AppFailure) {
      // A refusal is audited even though nothing else changed; an open audit log should see it.
      if (handlers[name].changes?.includes('audit')) options.notify?.({ entities: ['audit'] });
      return { ok: false, error: failure.error };
    }
    if (isStoreBusy(failure)) return storeBusy(desk, name, operatorId, options);
    if (failure instanceof CommitOutcomeUnknown) return storeTrouble(desk, name, operatorId, options, COMMIT_OUTCOME_UNKNOWN, failure);
    if (isStoreUnreachable(failure)) return storeTrouble(desk, name, operatorId, options, STORE_UNREACHABLE, failure);
    (options.log ?? console.error)(`IPC ${name} failed`, failure);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in the app; nothing was saved. Try again.' } };
  }
}

/**
 * Another desk kept the rows this call needed locked past the busy timeout (SQLite's write lock,
 * PostgreSQL's row locks), or PostgreSQL's deadlocks outlasted the save's retries. Nothing of this call was
 * written (its transaction never began or was rolled back); the operator is told so in words at
 * once, and the audit row follows as soon as the database lets it be written.
 */
function storeBusy(desk: Desk, name: ContractName, operatorId: number | null, options: DispatchOptions): Result<never> {
  const at = desk.now();
  const audit = () => appendAudit(desk.db, { operatorId, action: 'store-busy', detail: `${name}: another desk held the database; nothing was saved.` }, at);
  void retry(audit, BUSY_AUDIT_ATTEMPTS, BUSY_AUDIT_PAUSE_MS).then(
    () => options.notify?.({ entities: ['audit'] }),
    (error: unknown) => (options.log ?? console.error)(`IPC ${name}: the database stayed busy; the refusal could not be audited`, error),
  );
  return { ok: false, error: { code: 'conflict', message: 'Another desk is saving right now, so nothing of yours was saved. Try again in a moment.' } };
}

/** What the operator is told when the database itself is out of reach, and what the audit log keeps of it. */
interface StoreTrouble {
  action: string;
  detail: string;
  message: string;
}

export const STORE_UNREACHABLE: StoreTrouble = {
  action: 'store-unreachable',
  detail: 'the database could not be reached; nothing was saved.',
  message: 'The desk’s database cannot be reached right now, so nothing of yours was saved. Try again in a moment.',
};

const COMMIT_OUTCOME_UNKNOWN: StoreTrouble = {
  action: 'store-outcome-unknown',
  detail: 'the connection to the database broke while the change was being committed; it may or may not have been saved.',
  message: 'The connection to the desk’s database broke just as your change was being saved, so the desk cannot tell whether it was. Reopen it to see what is stored.',
};

/**
 * The database could not be reached (PostgreSQL down, restarting, or the network between): the
 * operator is told in words and the log gets the cause; the audit row follows once the database is
 * back, as for a busy one.
 */
function storeTrouble(desk: Desk, name: ContractName, operatorId: number | null, options: DispatchOptions, trouble: StoreTrouble, failure: unknown): Result<never> {
  (options.log ?? console.error)(`IPC ${name}: ${trouble.detail}`, failure);
  const at = desk.now();
  const audit = () => appendAudit(desk.db, { operatorId, action: trouble.action, detail: `${name}: ${trouble.detail}` }, at);
  void retry(audit, BUSY_AUDIT_ATTEMPTS, BUSY_AUDIT_PAUSE_MS, (error) => isStoreBusy(error) || isStoreUnreachable(error)).then(
    () => options.notify?.({ entities: ['audit'] }),
    (error: unknown) => (options.log ?? console.error)(`IPC ${name}: the database stayed out of reach; the failure could not be audited`, error),
  );
  return { ok: false, error: { code: 'internal', message: trouble.message } };
}

const BUSY_AUDIT_ATTEMPTS = 20;
const BUSY_AUDIT_PAUSE_MS = 250;

async function retry(action: () => Promise<void>, attempts: number, pauseMs: number, retryable: (error: unknown) => boolean = isStoreBusy): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
