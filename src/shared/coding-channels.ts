/** Order-row coding: dimensions, groups, the purchase-account matrix, chart of accounts and row coding (issue 11). */
export const codingChannels = {} as const;
