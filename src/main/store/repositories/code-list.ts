import { type RawBuilder, sql } from 'kysely';

/**
 * The right-hand side of `code in (...)` for a list of codes given as one JSON array (see
 * `codesJson`): however many codes a payload names — a 200-line PO names hundreds — the statement
 * text stays the same, so it is prepared once, and no node is built per code.
 */
export const inCodes = (json: string): RawBuilder<string> => sql<string>`(select value from json_each(${json}))`;

/** The codes as the one parameter `inCodes` takes. */
export const codesJson = (codes: readonly string[]): string => JSON.stringify(codes);
