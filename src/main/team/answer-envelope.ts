import { z } from 'zod';
import type { ChangedEntity } from '../../shared/contracts';
import type { AppErrorCode } from '../../shared/result';

const APP_ERROR_CODES = [
  'invalid-input',
  'not-signed-in',
  'forbidden',
  'not-found',
  'refused',
  'conflict',
  'needs-confirmation',
  'unreachable',
  'internal',
] as const satisfies readonly AppErrorCode[];
// Fails to compile when AppErrorCode gains a code this list lacks.
type UnlistedCode = Exclude<AppErrorCode, (typeof APP_ERROR_CODES)[number]>;
export const EVERY_ERROR_CODE_LISTED: [UnlistedCode] extends [never] ? true : never = true;

/** An AppError as a server sends it; fields the desk does not know are dropped. */
const appErrorSchema = z.object({
  code: z.enum(APP_ERROR_CODES),
  message: z.string().max(10_000),
  field: z.string().max(500).optional(),
  issues: z.array(z.object({ path: z.string().max(500), message: z.string().max(10_000) })).max(1_000).optional(),
  confirmation: z.object({ kind: z.literal('large-po'), totalMinor: z.number().int(), thresholdMinor: z.number().int() }).optional(),
});

/** Every answer of a desk is a Result; the value is checked against the call's own contract afterwards. */
export const deskAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

const CHANGED_ENTITIES = ['purchase-orders', 'settings', 'session', 'audit', 'approval-rules', 'review'] as const satisfies readonly ChangedEntity[];

/** A change notice from the server's event stream. */
export const changeNoticeSchema = z.object({ entities: z.array(z.enum(CHANGED_ENTITIES)).max(16) });

/** What a workstation refetches after it was cut off: it may have missed any notice meanwhile. */
export const EVERYTHING_CHANGED = { entities: [...CHANGED_ENTITIES] };
