/** Master-data maintenance: lists, records and exports for each kind (issue 12). Built with `contract` from ./contract; never imports ./contracts. */
export const adminContracts = {} as const;
