/** The audit log’s actions and rules of order-row coding, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const CODING_AUDIT_ACTIONS = {} as const;

export const CODING_AUDIT_RULES = {} as const;
