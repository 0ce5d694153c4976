/** The audit log’s actions and rules of operators’ accounts and passwords, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const OPERATOR_ADMIN_AUDIT_ACTIONS = {} as const;

export const OPERATOR_ADMIN_AUDIT_RULES = {} as const;
