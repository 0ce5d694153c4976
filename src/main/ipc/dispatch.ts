import type { z } from 'zod';
import { type ChangeNotice, type ContractName, contracts, type OutputOf } from '../../shared/contracts';
import type { AppError, FieldIssue, Result } from '../../shared/result';
import { AppFailure } from '../services/app-failure';
import { requireCaller } from '../services/auth-service';
import type { Desk } from '../services/desk';
import { handlers } from './handlers';

export interface DispatchOptions {
  /** Called after a successful write with what changed, so every renderer can refetch. */
  notify?: (notice: ChangeNotice) => void;
  log?: (message: string, error: unknown) => void;
}

/** The handler table with its per-contract types erased; the contract's zod schemas guard both ends. */
interface ErasedHandler {
  access: 'anyone' | 'signed-in';
  changes?: ChangeNotice['entities'];
  run: (desk: Desk, who: unknown, input: unknown) => Promise<unknown>;
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
  const contract = contracts[name];
  const parsed = contract.input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  try {
    const handler = handlers[name] as unknown as ErasedHandler;
    const who = handler.access === 'anyone' ? sessionKey : await requireCaller(desk, sessionKey);
    const output = await handler.run(desk, who, parsed.data);
    const value = contract.output.parse(output) as OutputOf<K>;
    if (handler.changes) options.notify?.({ entities: handler.changes });
    return { ok: true, value };
  } catch (failure) {
    if (failure instanceof AppFailure) {
      // A refusal is audited even though nothing else changed; an open audit log should see it.
      if (handlers[name].changes?.includes('audit')) options.notify?.({ entities: ['audit'] });
      return { ok: false, error: failure.error };
    }
    (options.log ?? console.error)(`IPC ${name} failed`, failure);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong in the app; nothing was saved. Try again.' } };
  }
}

function invalidInput(error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message:
      issue.code === 'unrecognized_keys'
        ? `Main does not accept ${issue.keys.join(', ')} here; the operator and totals always come from main itself.`
        : issue.message,
  }));
  const first = issues[0];
  return {
    code: 'invalid-input',
    message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'The request was not valid.',
    ...(first?.path ? { field: first.path } : {}),
    issues,
  };
}
