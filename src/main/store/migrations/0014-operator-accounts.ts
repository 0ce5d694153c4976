import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Operators’ accounts: passwords to change at next sign-in. */
export async function up(_db: AnyDb): Promise<void> {}
