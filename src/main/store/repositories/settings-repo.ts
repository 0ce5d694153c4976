import type { Db } from '../connect';

export const COST_CENTERS_ENABLED = 'cost_centers_enabled';
const NEXT_PO_NUMBER = 'next_po_number';

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute();
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
