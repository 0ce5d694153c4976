import type { importContracts } from '../../shared/import-contracts';
import {
  beginImport,
  checkImport,
  commitImport,
  discardImport,
  importErrors,
  importProgress,
  rejectedImportRows,
  sendImportChunk,
} from '../services/import-service';
import type { FeatureHandlers } from './handler-types';

/** CSV imports: admins only (checked in the service); only the write changes anything. */
export const importHandlers: FeatureHandlers<typeof importContracts> = {
  beginImport: { access: 'signed-in', run: async (desk, caller, input) => beginImport(desk, caller, input) },
  sendImportChunk: { access: 'signed-in', run: async (desk, caller, input) => sendImportChunk(desk, caller, input) },
  checkImport: { access: 'signed-in', run: (desk, caller, input) => checkImport(desk, caller, input) },
  // Answered from memory with the session's own check: the caller's row is not read, so SQLite's
  // connection, held by an import being written, does not keep the progress from being answered.
  importProgress: { access: 'anyone', run: (desk, sessionKey, input) => importProgress(desk, sessionKey, input) },
  importErrors: { access: 'signed-in', run: async (desk, caller, input) => importErrors(desk, caller, input) },
  commitImport: { access: 'signed-in', changes: ['master-data', 'operators', 'audit'], run: (desk, caller, input) => commitImport(desk, caller, input) },
  rejectedImportRows: { access: 'signed-in', run: async (desk, caller, input) => rejectedImportRows(desk, caller, input) },
  discardImport: { access: 'signed-in', run: async (desk, caller, input) => discardImport(desk, caller, input) },
};
