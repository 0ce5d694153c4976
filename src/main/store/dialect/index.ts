/**
 * Everything that differs between the two stores, in one place; repositories, services and
 * migrations are written once and ask this module where the SQL of SQLite and PostgreSQL part:
 *
 * - connections: SQLite's file driver with BEGIN IMMEDIATE and a statement cache (sqlite.ts);
 *   pg's pool with 64-bit integers read as numbers, lock_timeout as the busy timeout (postgres.ts)
 *   and the hot statements prepared on each connection (prepared-statements.ts)
 * - schema: 64-bit integers, byte-wise text, identity keys, bytes, append-only triggers, and how a
 *   CHECK is replaced (SQLite rebuilds the table with foreign-key actions off) (schema-types.ts)
 * - queries: code lists bound as one parameter, case-ignoring LIKE, parameter marks and limits,
 *   locks for writers over rows that may not exist yet, and row locks for a check-then-write (queries.ts)
 * - errors: busy, retryable and unreachable (errors.ts)
 *
 * Alike on both and so not here: flags are 0/1 integers on both; upserts are `on conflict ... do
 * update` on both; `returning` works on both; timestamps are ISO-8601 text on both; the PO row's
 * version is checked by a conditional UPDATE, which on PostgreSQL also takes the row lock.
 */
export { type StoreKind, storeKindOf } from './kind';
export { type CheckReplacement, makeAppendOnly, replaceCheck, type SchemaTypes, schemaTypes, withoutForeignKeyActions } from './schema-types';
export { type CodeList, codeList, escapeLike, isOneOf, likeIgnoringCase, lockKeysForTransaction, lockRowsForUpdate, maxBoundParameters, parameterMark } from './queries';
export { isRetryableConflict, isStoreBusy, isStoreUnreachable } from './errors';
export { prepareOnEveryConnection } from './prepared-statements';
