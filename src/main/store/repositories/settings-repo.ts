import { sql } from 'kysely';
import { type CodingMode, storedCodingMode } from '../../domain/coding-mode';
import type { Db } from '../connect';
import { precompiled } from './precompiled';

/** Before the coding mode (migration 0010) said it: 'false' meant off. Kept in step with coding_mode for older readers. */
export const COST_CENTERS_ENABLED = 'cost_centers_enabled';
export const CODING_MODE = 'coding_mode';
export const BUDGET_ORDER_REQUIRED = 'budget_order_required';
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

/** The organisation's coding mode; an installation that never chose one follows its old cost-center switch. */
export async function readCodingMode(db: Db): Promise<CodingMode> {
  const [mode, legacy] = await Promise.all([readSetting(db, CODING_MODE), readSetting(db, COST_CENTERS_ENABLED)]);
  return storedCodingMode(mode, legacy);
}

/** Cost centers are in use exactly when the coding mode is cost centers. */
export async function readCostCentersEnabled(db: Db): Promise<boolean> {
  return (await readCodingMode(db)) === 'cost-centers';
}

/**
 * Moves the counter on by one in a single statement and answers its new value (2 when it was
 * missing). The row it writes stays locked until the transaction ends: SQLite's write lock covers
 * it anyway; on PostgreSQL a concurrent save waits for the row and then counts on from the value
 * this one committed, so desks on any number of servers never take the same number, and a save
 * that rolls back leaves no gap.
 */
const advancePoCounter = precompiled((db, key: string) =>
  db
    .insertInto('settings')
    .values({ key, value: '2' })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: sql<string>`cast(cast(${sql.ref('settings.value')} as bigint) + 1 as text)` }))
    .returning('value'),
);

/** Takes the next PO number; call inside the saving transaction so numbers never repeat. */
export async function takeNextPoNumber(db: Db): Promise<string> {
  const [row] = await advancePoCounter(db, NEXT_PO_NUMBER);
  const taken = Number(row?.value) - 1;
  if (!Number.isSafeInteger(taken) || taken < 1) throw new Error(`The PO number counter holds "${row?.value}", not a number.`);
  return `PO-${String(taken).padStart(6, '0')}`;
}
