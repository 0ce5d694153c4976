/** The audit log’s actions and rules of CSV imports, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const IMPORT_AUDIT_ACTIONS = {
  'master-data-imported': 'Master data imported',
  'master-data-import-record': 'Record imported',
  'master-data-import-refused': 'Import refused',
  'master-data-import-failed': 'Import failed, nothing written',
} as const;

export const IMPORT_AUDIT_RULES = {
  'import-all': 'Import: every row valid',
  'import-valid-rows': 'Import: valid rows only',
  'import-refused': 'Import: rows with errors',
  'import-file-refused': 'Import: file refused',
  'import-nothing-valid': 'Import: no valid row',
  'import-no-rows': 'Import: no rows',
  'import-store-changed': 'Import: the store changed since the preview',
  'import-write-failed': 'Import: the write failed',
} as const;
