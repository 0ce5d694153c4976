/** Operators’ accounts, passwords and the access simulator (issue 12). Built with `contract` from ./contract; never imports ./contracts. */
export const operatorAdminContracts = {} as const;
