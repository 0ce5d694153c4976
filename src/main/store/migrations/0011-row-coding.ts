import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Order-row coding: dimension types and values, organisations, product and supplier groups, the purchase-account matrix, chart of accounts, row coding. */
export async function up(_db: AnyDb): Promise<void> {}
