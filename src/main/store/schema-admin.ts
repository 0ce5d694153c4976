/** Tables added for administration (migrations 0013, 0014). Columns of existing tables stay in ./schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AdminTables {}
