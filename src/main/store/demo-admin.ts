import type { Db } from './connect';

/** The demo’s administration data: cost groups. Runs inside the demo seed’s transaction, after every other demo record exists. */
export async function seedAdminDemo(_db: Db): Promise<void> {}
