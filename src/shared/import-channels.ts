/** CSV imports of master data (issue 12). */
export const importChannels = {} as const;
