/** Operators’ accounts, passwords and the access simulator (issue 12). */
export const operatorAdminChannels = {} as const;
