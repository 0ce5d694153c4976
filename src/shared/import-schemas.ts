import { z } from 'zod';

/**
 * What a CSV import of master data sends and answers (issue 12). The file travels in chunks, so a
 * large one fits the desk server's request limit and the screen can show how far the upload got;
 * main keeps the import as a job in its memory, named by `jobId`, until it is written or dropped.
 */

/** The kinds of master data a file can hold; the same list as main's MASTER_KINDS (checked there). */
export const IMPORT_KINDS = ['cost-center', 'scheme', 'vendor', 'warehouse', 'job', 'work-order', 'gl-account', 'item', 'cost-type', 'operator'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  'cost-center': 'Cost centers',
  scheme: 'Cost-center schemes',
  vendor: 'Vendors',
  warehouse: 'Warehouses',
  job: 'Jobs',
  'work-order': 'Work orders',
  'gl-account': 'G/L accounts',
  item: 'Items',
  'cost-type': 'Cost types',
  operator: 'Operators',
};

/** Characters per chunk: even three bytes a character and JSON's escapes stay under the web host's 1 MB a request. */
export const IMPORT_CHUNK_CHARS = 200_000;
/** The largest file taken, in characters: some 400,000 rows of a few columns. */
export const IMPORT_MAX_CHARS = 40_000_000;
/** Errors a page of the preview holds. */
export const IMPORT_ERRORS_PAGE = 50;

export const importKindSchema = z.enum(IMPORT_KINDS, { error: 'Choose what the file holds: cost centers, vendors, items…' });
const jobIdSchema = z.string({ error: 'Name the import' }).regex(/^[A-Za-z0-9_-]{8,64}$/, 'That is not an import this desk started');

export const beginImportInputSchema = z.strictObject({
  kind: importKindSchema,
  fileName: z.string({ error: 'Name the file' }).trim().min(1, 'Name the file').max(255, 'A file name is at most 255 characters'),
  totalChars: z
    .number({ error: 'Say how long the file is' })
    .int('A file’s length is a whole number of characters')
    .min(0, 'A file’s length cannot be negative')
    .max(IMPORT_MAX_CHARS, `A file to import is at most ${IMPORT_MAX_CHARS.toLocaleString('en-US')} characters; split it`),
});

export const importChunkInputSchema = z.strictObject({
  jobId: jobIdSchema,
  /** Where the chunk starts in the file, in characters: a chunk lost or sent twice is refused, not glued on. */
  offset: z.number().int().min(0).max(IMPORT_MAX_CHARS),
  text: z.string().max(IMPORT_CHUNK_CHARS, `A chunk is at most ${IMPORT_CHUNK_CHARS.toLocaleString('en-US')} characters`),
});

export const importJobInputSchema = z.strictObject({ jobId: jobIdSchema });

export const importErrorsInputSchema = z.strictObject({
  jobId: jobIdSchema,
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
});

export const IMPORT_CHOICES = ['all-or-nothing', 'valid-rows'] as const;
export const commitImportInputSchema = z.strictObject({
  jobId: jobIdSchema,
  choice: z.enum(IMPORT_CHOICES, { error: 'Choose to import every row or only the valid ones' }),
});

export const importRowErrorSchema = z.object({
  line: z.number().int(),
  /** As the file's header names it; null for a problem of the whole row or file. */
  column: z.string().nullable(),
  columnNumber: z.number().int().nullable(),
  value: z.string(),
  rule: z.string(),
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const IMPORT_PHASES = ['receiving', 'reading', 'checking', 'checked', 'writing', 'written', 'failed'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** How far the job is: what main is doing, `done` of `total` (characters while receiving, rows after). */
export const importProgressSchema = z.object({
  jobId: z.string(),
  phase: z.enum(IMPORT_PHASES),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const beginImportOutputSchema = z.object({ jobId: z.string(), chunkChars: z.number().int() });
export const importChunkOutputSchema = z.object({ received: z.number().int(), total: z.number().int() });

const planSchema = z.object({ write: z.boolean(), rule: z.string(), reason: z.string() });

export const importPreviewSchema = z.object({
  jobId: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  /** The delimiter found: ',' or ';' (or a tab). */
  delimiter: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number().int(),
  validCount: z.number().int(),
  rejectedCount: z.number().int(),
  blankLineCount: z.number().int(),
  errorCount: z.number().int(),
  /** Rows refused because their code exists already: an import only adds records. */
  existingCount: z.number().int(),
  fileErrors: z.array(importRowErrorSchema),
  firstRows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()), valid: z.boolean() })),
  /** The first page of every error, file errors first. */
  errors: z.array(importRowErrorSchema),
  noteCount: z.number().int(),
  notes: z.array(z.object({ line: z.number().int(), note: z.string() })),
  /** What each choice would do, in words. */
  allOrNothing: planSchema,
  validRows: planSchema,
  /** How existing records are treated, in words. */
  existingRule: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importErrorsPageSchema = z.object({ total: z.number().int(), offset: z.number().int(), errors: z.array(importRowErrorSchema) });

export const importOutcomeSchema = z.object({
  kind: importKindSchema,
  fileName: z.string(),
  written: z.number().int(),
  rejected: z.number().int(),
  rule: z.string(),
  reason: z.string(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export const rejectedRowsFileSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });
export const discardImportOutputSchema = z.object({ discarded: z.boolean() });

/**
 * The columns each kind's file takes, for the screen's hint (main's import-columns.ts is the rule;
 * a unit test keeps the two the same). A trailing * marks a column the header must have.
 */
export const IMPORT_COLUMN_HINTS: Readonly<Record<ImportKind, readonly string[]>> = {
  'cost-center': ['code*', 'description*', 'active', 'cost_group'],
  scheme: ['code*', 'description', 'cost_centers'],
  vendor: ['code*', 'name*', 'cost_centers'],
  warehouse: ['code*', 'name*'],
  job: ['code*', 'description', 'site_address'],
  'work-order': ['code*', 'description', 'job', 'cost_center*', 'site_address'],
  'gl-account': ['code*', 'description*', 'wip'],
  item: ['code*', 'description*', 'unit_cost*'],
  'cost-type': ['code*', 'description*'],
  operator: ['sign_in_name*', 'display_name*', 'role*', 'scheme', 'active', 'approval_limit', 'locale'],
};
