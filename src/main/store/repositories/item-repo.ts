import { sql } from 'kysely';
import type { Db } from '../connect';
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
    .orderBy('code')
    .limit(limit)
    .execute();
}

export async function findItemsByCodes(db: Db, codes: readonly string[]): Promise<Map<string, ItemRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('items').select(columns).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((row) => [row.code, row]));
}
