/** The audit log’s actions and rules of master-data maintenance, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const ADMIN_AUDIT_ACTIONS = {
  'master-record-created': 'Master data added',
  'master-record-changed': 'Master data changed',
  'master-record-deleted': 'Master data deleted',
  'cost-center-deactivated': 'Cost center deactivated',
  'cost-center-reactivated': 'Cost center reactivated',
  'scheme-operator-assigned': 'Operator put on a scheme',
  'scheme-operator-unassigned': 'Operator taken off a scheme',
} as const;

/** One rule per kind of master data, so the audit view can pick, say, every scheme change. */
export const ADMIN_AUDIT_RULES = {
  'master-cost-center': 'Cost center record',
  'master-scheme': 'Cost-center scheme',
  'master-vendor': 'Vendor record',
  'master-warehouse': 'Warehouse record',
  'master-job': 'Job record',
  'master-work-order': 'Work order record',
  'master-gl-account': 'G/L account record',
  'master-item': 'Item record',
  'master-cost-type': 'Cost type record',
  'scheme-operator': "Operator's scheme",
} as const;
