import type { ClientBase } from 'pg';

/**
 * PostgreSQL's counterpart of the SQLite connection's statement cache. The hot statements — the
 * precompiled queries and the bulk inserts, whose texts are fixed — are registered here; every
 * connection then runs them as named prepared statements, parsed and planned once per connection
 * instead of on every call (pg sends the Parse the first time a connection meets a name). Other
 * statements run as before. Registered texts name their columns, so a later migration that adds a
 * column cannot change a prepared statement's result.
 */
const names = new Map<string, string>();
/** Enough for every fixed text the app has; past it, new texts simply run unprepared. */
const MOST_NAMES = 1_000;

export function prepareOnEveryConnection(text: string): void {
  if (!names.has(text) && names.size < MOST_NAMES) names.set(text, `desk_${names.size + 1}`);
}

/** Makes a new pg client run registered texts as named statements. */
export function runRegisteredTextsPrepared(client: ClientBase): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' && rest.length <= 1 ? names.get(text) : undefined;
    return name === undefined ? query(text, ...rest) : query({ name, text, values: rest[0] });
  };
}
