import { type Compilable, CompiledQuery } from 'kysely';
import type { Db } from '../connect';
import { prepareOnEveryConnection, type StoreKind, storeKindOf } from '../dialect';

/** Stands in for the index-th value while a query is compiled; never a real value. */
const placeholder = (index: number) => `\u0000precompiled-value-${index}\u0000`;
const PLACEHOLDER_MARK = '\u0000precompiled-value-';

/** Where each bound parameter of the compiled text comes from: a value's index, or a constant the builder wrote itself. */
type Slot = { value: number } | { constant: unknown };

/**
 * A query written with Kysely's builder, compiled once and then run with new values. The builder
 * rebuilds and recompiles a query on every call, which on a save (a couple of dozen small queries)
 * costs more than the database's own work; here the first call compiles the query with placeholders, and
 * later calls bind their values into the same text, which the connection's statement cache has
 * already prepared. The text and its parameter order are Kysely's, so the SQL is exactly what the
 * builder would have sent.
 *
 * `build` must use each value it is given only as a bound value — compared, inserted or set, never
 * branched on, transformed or inlined — and declare one parameter per value after `db`. Anything
 * else is caught on the first call.
 */
export function precompiled<V extends unknown[], R>(build: (db: Db, ...values: V) => Compilable<R>): (db: Db, ...values: V) => Promise<R[]> {
  const arity = build.length - 1;
  // Compiled once per store kind: the same query is `?`-marked SQLite text or `$n`-marked PostgreSQL text.
  const compiledFor: Partial<Record<StoreKind, { text: string; slots: Slot[] }>> = {};

  const compile = (db: Db) => {
    const placeholders = Array.from({ length: arity }, (_, index) => placeholder(index)) as unknown as V;
    const query = build(db, ...placeholders).compile();
    const used = new Set<number>();
    const slots = query.parameters.map((parameter): Slot => {
      const index = typeof parameter === 'string' ? (placeholders as unknown[]).indexOf(parameter) : -1;
      if (index >= 0) {
        used.add(index);
        return { value: index };
      }
      if (parameter === undefined || (typeof parameter === 'string' && parameter.includes(PLACEHOLDER_MARK))) {
        throw new Error(`precompiled query: a value was transformed or left out while building: ${query.sql}`);
      }
      return { constant: parameter };
    });
    if (used.size !== arity || query.sql.includes(PLACEHOLDER_MARK)) {
      throw new Error(`precompiled query: every value must be bound exactly as given: ${query.sql}`);
    }
    return { text: query.sql, slots };
  };

  return async (db, ...values) => {
    const kind = storeKindOf(db);
    let compiled = compiledFor[kind];
    if (compiled === undefined) {
      compiled = compiledFor[kind] = compile(db);
      if (kind === 'postgres') prepareOnEveryConnection(compiled.text);
    }
    const parameters = compiled.slots.map((slot) => ('value' in slot ? values[slot.value] : slot.constant));
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.text, parameters));
    return result.rows;
  };
}
