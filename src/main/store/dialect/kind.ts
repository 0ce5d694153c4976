import { type Kysely, sql } from 'kysely';

/** The two stores the desk runs on: an embedded SQLite file, or a team's PostgreSQL server. */
export type StoreKind = 'sqlite' | 'postgres';

/** By dialect adapter: a Kysely instance and every transaction or connection taken from it share one. */
const kinds = new WeakMap<object, StoreKind>();

/**
 * Which store a Kysely instance (or a transaction or connection taken from one) talks to: every
 * query that differs between the stores asks this. Told by how the dialect marks a parameter
 * (`$1` or `?`), not by `instanceof`, which a second copy of Kysely (its ESM and CommonJS builds
 * loaded side by side, as by kysely-postgres-js) would fool; asked once per instance.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function storeKindOf(db: Kysely<any>): StoreKind {
  const adapter = db.getExecutor().adapter;
  let kind = kinds.get(adapter);
  if (kind === undefined) {
    kind = sql`select ${0}`.compile(db).sql.includes('$1') ? 'postgres' : 'sqlite';
    kinds.set(adapter, kind);
  }
  return kind;
}
