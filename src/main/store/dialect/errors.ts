/**
 * What a failed statement means for the caller, on either store. Nothing here is app policy: the
 * dispatcher decides what to tell the operator, the save decides what to retry.
 */
const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** PostgreSQL SQLSTATEs a transaction can be rolled back with only because another one ran at the same time. */
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';
/** lock_timeout ran out: another transaction held the rows, as SQLite's busy_timeout running out. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Another writer kept the store from doing this work now; trying again later can succeed and
 * nothing of the failed transaction was written. SQLite: the write lock stayed taken past
 * busy_timeout. PostgreSQL: a lock wait past lock_timeout, or a serialization failure or
 * deadlock that outlasted the save's own retries.
 */
export function isStoreBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED || code === LOCK_NOT_AVAILABLE);
}

/** A serialization failure or deadlock: PostgreSQL rolled the transaction back and running it again is the cure. */
export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
}

/** Socket errors Node reports when the server cannot be reached or the connection drops. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATE class 08 (connection exception), and the server shutting down or starting up (57P01–57P03). */
const SERVER_GONE = /^(08...|57P0[123])$/;
/** pg's own errors for a pool or client whose connection is gone; they carry no code. */
const PG_CONNECTION_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * The PostgreSQL server could not be reached, or the connection broke. Before COMMIT was sent the
 * transaction is rolled back with the connection; a break during COMMIT itself leaves the outcome
 * unknown to this process (the server's own log knows).
 */
export function isStoreUnreachable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (SOCKET_CODES.has(code) || SERVER_GONE.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isStoreUnreachable);
  return error instanceof Error && code === undefined && PG_CONNECTION_MESSAGES.test(error.message);
}
