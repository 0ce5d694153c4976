/** The audit log’s actions and rules of supplier invoices and accounting entries, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const INVOICE_AUDIT_ACTIONS = {} as const;

export const INVOICE_AUDIT_RULES = {} as const;
