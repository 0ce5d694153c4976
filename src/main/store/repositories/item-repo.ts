import { sql } from 'kysely';
import type { Db } from '../connect';
import { type CodeList, codeList, escapeLike, isOneOf, likeIgnoringCase, storeKindOf } from '../dialect';
import { precompiled } from './precompiled';

export interface ItemRecord {
  id: number;
  code: string;
  description: string;
  unitCostMinor: number;
}

const columns = ['id', 'code', 'description', 'unit_cost_minor as unitCostMinor'] as const;

export async function searchItems(db: Db, text: string, limit: number): Promise<ItemRecord[]> {
  const escaped = escapeLike(text.trim());
  const kind = storeKindOf(db);
  const codeStarts = likeIgnoringCase(kind, sql.ref('code'), `${escaped.toUpperCase()}%`);
  return db
    .selectFrom('items')
    .select(columns)
    .where((eb) => eb.or([codeStarts, likeIgnoringCase(kind, sql.ref('description'), `%${escaped.toLowerCase()}%`)]))
    // Codes that start with what was typed come first, so "g" offers GLOVE-L before FILTER-H's "cartridge".
    .orderBy(sql`case when ${codeStarts} then 0 else 1 end`)
    .orderBy('code')
    .limit(limit)
    .execute();
}

/** An item's id by its code: all a saved line records. Read from the code index alone. */
export interface ItemRef {
  id: number;
  code: string;
}

const selectItemRefs = precompiled((db, codes: CodeList) => db.selectFrom('items').select(['id', 'code']).where(isOneOf(db, 'code', codes)));

export async function findItemRefsByCodes(db: Db, codes: readonly string[]): Promise<Map<string, ItemRef>> {
  if (codes.length === 0) return new Map();
  const rows = await selectItemRefs(db, codeList(db, [...new Set(codes)]));
  return new Map(rows.map((row) => [row.code, row]));
}
