/** The audit log’s actions and rules of CSV imports, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const IMPORT_AUDIT_ACTIONS = {} as const;

export const IMPORT_AUDIT_RULES = {} as const;
