import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Supplier invoices against released POs and the accounting entries they make. */
export async function up(_db: AnyDb): Promise<void> {}
