/** The audit log’s actions and rules of master-data maintenance, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const ADMIN_AUDIT_ACTIONS = {} as const;

export const ADMIN_AUDIT_RULES = {} as const;
