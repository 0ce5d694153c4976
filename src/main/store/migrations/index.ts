import type { Migration, MigrationProvider } from 'kysely/migration';
import * as foundation from './0001-foundation';
import * as lineDistributions from './0002-line-distributions';
import * as entryTrust from './0003-entry-trust';
import * as auditContext from './0004-audit-context';
import * as signInGuard from './0006-sign-in-guard';
import * as poListIndexes from './0007-po-list-indexes';
import * as deskSessions from './0008-desk-sessions';
import * as poLifeCycle from './0009-po-life-cycle';
import * as purchasingControls from './0010-purchasing-controls';
import * as rowCoding from './0011-row-coding';
import * as supplierInvoices from './0012-supplier-invoices';
import * as masterDataAdmin from './0013-master-data-admin';
import * as operatorAccounts from './0014-operator-accounts';

/**
 * Migrations are imported statically because the bundled main process has no migrations folder
 * to scan. Append new ones; never change what a released one does. One set serves both stores:
 * column types and triggers come from ../dialect, so the same migration builds the PostgreSQL
 * schema while SQLite gets exactly the schema it always got (store-migrations.test.ts compares
 * sqlite_master with the released one).
 */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-line-distributions': lineDistributions,
  '0003-entry-trust': entryTrust,
  '0004-audit-context': auditContext,
  '0006-sign-in-guard': signInGuard,
  '0007-po-list-indexes': poListIndexes,
  '0008-desk-sessions': deskSessions,
  '0009-po-life-cycle': poLifeCycle,
  '0010-purchasing-controls': purchasingControls,
  '0011-row-coding': rowCoding,
  '0012-supplier-invoices': supplierInvoices,
  '0013-master-data-admin': masterDataAdmin,
  '0014-operator-accounts': operatorAccounts,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
