/** CSV imports of master data (issue 12). */
export const importChannels = {
  beginImport: 'imports:begin',
  sendImportChunk: 'imports:send-chunk',
  checkImport: 'imports:check',
  importProgress: 'imports:progress',
  importErrors: 'imports:errors',
  commitImport: 'imports:commit',
  rejectedImportRows: 'imports:rejected-rows',
  discardImport: 'imports:discard',
} as const;
