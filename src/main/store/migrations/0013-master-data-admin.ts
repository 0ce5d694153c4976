import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Master-data maintenance: cost groups and what administration needs of existing tables. */
export async function up(_db: AnyDb): Promise<void> {}
