/** CSV imports of master data (issue 12). Built with `contract` from ./contract; never imports ./contracts. */
export const importContracts = {} as const;
