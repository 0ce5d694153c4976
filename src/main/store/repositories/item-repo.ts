import { sql } from 'kysely';
import type { Db } from '../connect';
import { codesJson, inCodes } from './code-list';
import { precompiled } from './precompiled';
import { escapeLike } from './vendor-repo';

export interface ItemRecord {
  id: number;
  code: string;
  description: string;
  unitCostMinor: number;
}

const columns = ['id', 'code', 'description', 'unit_cost_minor as unitCostMinor'] as const;

export async function searchItems(db: Db, text: string, limit: number): Promise<ItemRecord[]> {
  const escaped = escapeLike(text.trim());
  return db
    .selectFrom('items')
    .select(columns)
    .where(
      sql<boolean>`(code like ${`${escaped.toUpperCase()}%`} escape '\\' or lower(description) like ${`%${escaped.toLowerCase()}%`} escape '\\')`,
    )
    // Codes that start with what was typed come first, so "g" offers GLOVE-L before FILTER-H's "cartridge".
    .orderBy(sql`case when code like ${`${escaped.toUpperCase()}%`} escape '\\' then 0 else 1 end`)
    .orderBy('code')
    .limit(limit)
    .execute();
}

/** An item's id by its code: all a saved line records. Read from the code index alone. */
export interface ItemRef {
  id: number;
  code: string;
}

const selectItemRefs = precompiled((db, codes: string) => db.selectFrom('items').select(['id', 'code']).where('code', 'in', inCodes(codes)));

export async function findItemRefsByCodes(db: Db, codes: readonly string[]): Promise<Map<string, ItemRef>> {
  if (codes.length === 0) return new Map();
  const rows = await selectItemRefs(db, codesJson([...new Set(codes)]));
  return new Map(rows.map((row) => [row.code, row]));
}
