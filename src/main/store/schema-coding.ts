/** Tables of order-row coding (migration 0011). Columns of existing tables stay in ./schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CodingTables {}
