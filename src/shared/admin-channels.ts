/** Master-data maintenance: lists, records and exports for each kind (issue 12). */
export const adminChannels = {} as const;
