import type { Db } from '../connect';
import { precompiled } from './precompiled';

export const COST_CENTERS_ENABLED = 'cost_centers_enabled';
export const LOCALE = 'locale';
/** Set when the database was filled with the demo world, whose operators all share the demo password. */
export const DEMO_DATABASE = 'demo_database';
export const LARGE_PO_AMOUNT = 'large_po_amount_minor';
const NEXT_PO_NUMBER = 'next_po_number';

const selectSetting = precompiled((db, key: string) => db.selectFrom('settings').select('value').where('key', '=', key));

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const [row] = await selectSetting(db, key);
  return row?.value;
}

const upsertSetting = precompiled((db, key: string, value: string) =>
  db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value })),
);

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await upsertSetting(db, key, value);
}

export async function readCostCentersEnabled(db: Db): Promise<boolean> {
  return (await readSetting(db, COST_CENTERS_ENABLED)) !== 'false';
}

/** Takes the next PO number; call inside the saving transaction so numbers never repeat. */
export async function takeNextPoNumber(db: Db): Promise<string> {
  const next = Number((await readSetting(db, NEXT_PO_NUMBER)) ?? '1');
  await writeSetting(db, NEXT_PO_NUMBER, String(next + 1));
  return `PO-${String(next).padStart(6, '0')}`;
}
