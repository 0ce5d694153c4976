/** Order-row coding: dimensions, groups, the purchase-account matrix, chart of accounts and row coding (issue 11). Built with `contract` from ./contract; never imports ./contracts. */
export const codingContracts = {} as const;
