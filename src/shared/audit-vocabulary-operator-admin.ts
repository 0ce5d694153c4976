/** The audit log’s actions and rules of operators’ accounts and passwords, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const OPERATOR_ADMIN_AUDIT_ACTIONS = {
  'operator-created': 'Operator added',
  'operator-changed': 'Operator changed',
  'operator-deactivated': 'Operator deactivated',
  'operator-reactivated': 'Operator reactivated',
  'operator-change-refused': 'Operator change refused',
  'password-reset': 'Password reset by an admin',
  'password-changed': 'Password changed',
  'password-change-refused': 'Password change refused',
} as const;

export const OPERATOR_ADMIN_AUDIT_RULES = {
  'operator-record': 'Operator record rules',
  'operator-change': 'Operator change',
  'own-account': 'Own account',
  'last-admin': 'Last active admin',
  'password-rules': 'Password rules',
  'current-password': 'Current password',
  'password-must-change': 'Password must change',
} as const;
