import { contract } from './contract';
import {
  beginImportInputSchema,
  beginImportOutputSchema,
  commitImportInputSchema,
  discardImportOutputSchema,
  importChunkInputSchema,
  importChunkOutputSchema,
  importErrorsInputSchema,
  importErrorsPageSchema,
  importJobInputSchema,
  importOutcomeSchema,
  importPreviewSchema,
  importProgressSchema,
  rejectedRowsFileSchema,
} from './import-schemas';

/** CSV imports of master data (issue 12). Built with `contract` from ./contract; never imports ./contracts. */
export const importContracts = {
  /** Starts an import of one kind of master data; admins only. */
  beginImport: contract('beginImport', beginImportInputSchema, beginImportOutputSchema),
  /** The next piece of the file, at the offset main has received up to. */
  sendImportChunk: contract('sendImportChunk', importChunkInputSchema, importChunkOutputSchema),
  /** Reads the whole file and checks every row against the store: the preview. Writes nothing. */
  checkImport: contract('checkImport', importJobInputSchema, importPreviewSchema),
  /** How far the job is; answered while main reads, checks or writes. */
  importProgress: contract('importProgress', importJobInputSchema, importProgressSchema),
  /** A page of the preview's errors. */
  importErrors: contract('importErrors', importErrorsInputSchema, importErrorsPageSchema),
  /** Writes the checked file as the admin chose, in one transaction, and audits it. */
  commitImport: contract('commitImport', commitImportInputSchema, importOutcomeSchema),
  /** The rejected rows as CSV, with an errors column, to fix and import again. */
  rejectedImportRows: contract('rejectedImportRows', importJobInputSchema, rejectedRowsFileSchema),
  /** Drops the job and its file from main's memory. */
  discardImport: contract('discardImport', importJobInputSchema, discardImportOutputSchema),
} as const;
