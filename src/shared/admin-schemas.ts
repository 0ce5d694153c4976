import { z } from 'zod';

/**
 * Master-data records as the admin screens send and receive them. Fields arrive as typed: main's
 * domain rules (src/main/domain/admin) trim, upper-case codes and refuse, naming the field; these
 * schemas only bound sizes so a forged payload cannot make main read megabytes.
 */

export const MASTER_DATA_KINDS = ['cost-center', 'scheme', 'vendor', 'warehouse', 'job', 'work-order', 'gl-account', 'item', 'cost-type'] as const;
export const masterDataKindSchema = z.enum(MASTER_DATA_KINDS, { error: `Choose one of ${MASTER_DATA_KINDS.join(', ')}` });
export type MasterDataKind = z.infer<typeof masterDataKindSchema>;

const typed = z.string().max(1_000, 'At most 1,000 characters');
const codeList = z.array(z.string().max(100, 'A code is at most 100 characters')).max(100_000, 'At most 100,000 codes in one list');

export const overrideKindSchema = z.enum(['warehouse', 'site', 'gl-wip']);
export type SchemeOverrideKind = z.infer<typeof overrideKindSchema>;

export const schemeOverrideSchema = z.strictObject({ kind: overrideKindSchema, key: typed, costCenterCodes: codeList });
export type SchemeOverride = z.infer<typeof schemeOverrideSchema>;

export const costCenterFieldsSchema = z.strictObject({ kind: z.literal('cost-center'), code: typed, description: typed, active: z.boolean(), costGroup: typed.nullable() });
export const schemeFieldsSchema = z.strictObject({
  kind: z.literal('scheme'),
  code: typed,
  description: typed,
  /** Whether a PO's header needs a cost center; where not, "None" is offered. */
  costCenterRequired: z.boolean(),
  costCenterCodes: codeList,
  overrides: z.array(schemeOverrideSchema).max(10_000),
});
export const vendorFieldsSchema = z.strictObject({ kind: z.literal('vendor'), code: typed, name: typed, costCenterCodes: codeList });
export const warehouseFieldsSchema = z.strictObject({ kind: z.literal('warehouse'), code: typed, name: typed });
export const jobFieldsSchema = z.strictObject({ kind: z.literal('job'), code: typed, description: typed, siteAddress: typed });
export const workOrderFieldsSchema = z.strictObject({
  kind: z.literal('work-order'),
  code: typed,
  description: typed,
  jobCode: typed.nullable(),
  costCenterCode: typed,
  siteAddress: typed,
});
export const glAccountFieldsSchema = z.strictObject({ kind: z.literal('gl-account'), code: typed, description: typed, wip: z.boolean() });
export const itemFieldsSchema = z.strictObject({
  kind: z.literal('item'),
  code: typed,
  description: typed,
  /** Integer minor units; the screen parses what was typed in the operator's number format. */
  unitCostMinor: z.number({ error: 'Unit cost must be a number' }),
});
export const costTypeFieldsSchema = z.strictObject({ kind: z.literal('cost-type'), code: typed, description: typed });

export const masterRecordSchema = z.discriminatedUnion('kind', [
  costCenterFieldsSchema,
  schemeFieldsSchema,
  vendorFieldsSchema,
  warehouseFieldsSchema,
  jobFieldsSchema,
  workOrderFieldsSchema,
  glAccountFieldsSchema,
  itemFieldsSchema,
  costTypeFieldsSchema,
]);
export type MasterRecord = z.infer<typeof masterRecordSchema>;
export type MasterRecordOf<K extends MasterDataKind> = Extract<MasterRecord, { kind: K }>;

const filterText = z.string().max(200, 'The filter is at most 200 characters');

export const masterListInputSchema = z.strictObject({
  kind: masterDataKindSchema,
  /** Matches the code, description or name, ignoring capitals; blank: every record. */
  filter: filterText.default(''),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const masterListSchema = z.object({
  kind: masterDataKindSchema,
  rows: z.array(masterRecordSchema),
  /** Every record matching the filter, on all pages. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  canEdit: z.boolean(),
});
export type MasterList = z.infer<typeof masterListSchema>;

export const masterKeySchema = z.strictObject({ kind: masterDataKindSchema, code: typed });

export const masterRecordViewSchema = z.object({
  record: masterRecordSchema,
  /** Where the record is used, in words ("Cost center 210 is used by 14 POs and scheme NORTH…"), or that it is not. */
  usage: z.string(),
  deletable: z.boolean(),
  canEdit: z.boolean(),
});
export type MasterRecordView = z.infer<typeof masterRecordViewSchema>;

export const saveMasterRecordInputSchema = z.strictObject({
  /** The stored record's code when changing one; null adds a new record. */
  originalCode: typed.nullable(),
  record: masterRecordSchema,
});

export const savedMasterRecordSchema = z.object({
  record: masterRecordSchema,
  /** What the rules said without refusing ("stored as ACME", "inactive cost center kept on the list"). */
  notes: z.array(z.string()),
  reason: z.string(),
});

export const masterOutcomeSchema = z.object({ reason: z.string() });

export const setCostCenterActiveInputSchema = z.strictObject({ code: typed, active: z.boolean() });

export const masterExportInputSchema = z.strictObject({ kind: masterDataKindSchema, filter: filterText.default('') });
export const masterExportSchema = z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() });

export const schemeEditorInputSchema = z.strictObject({ code: typed.nullable() });
export const catalogueCostCenterSchema = z.object({ code: z.string(), description: z.string(), active: z.boolean(), costGroup: z.string().nullable() });
export const schemeEditorSchema = z.object({
  scheme: schemeFieldsSchema.nullable(),
  /** Every operator, with the scheme each is on, so the editor assigns and unassigns. */
  operators: z.array(z.object({ signInName: z.string(), displayName: z.string(), role: z.enum(['operator', 'supervisor', 'admin']), active: z.boolean(), schemeCode: z.string().nullable() })),
  costCenters: z.array(catalogueCostCenterSchema),
  costGroups: z.array(z.string()),
  warehouses: z.array(z.object({ code: z.string(), name: z.string() })),
  siteAddresses: z.array(z.string()),
  wipGlAccounts: z.array(z.object({ code: z.string(), description: z.string() })),
  canEdit: z.boolean(),
});
export type SchemeEditorView = z.infer<typeof schemeEditorSchema>;

export const listPickSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('all') }),
  z.strictObject({ by: z.literal('cost-group'), groups: codeList }),
  z.strictObject({ by: z.literal('one-by-one'), codes: codeList }),
]);
export type ListPickInput = z.infer<typeof listPickSchema>;

export const pickSchemeCostCentersInputSchema = z.strictObject({
  current: codeList,
  pick: listPickSchema,
  /** How the list is named in the answer: "scheme NORTH", "the override for warehouse HARBOUR". */
  owner: z.string().max(300),
});
export const listEditSchema = z.object({
  codes: z.array(z.string()),
  added: z.array(z.string()),
  skipped: z.array(z.object({ code: z.string(), why: z.enum(['already-listed', 'inactive', 'unknown', 'empty-group']) })),
  reason: z.string(),
});
export type ListEditView = z.infer<typeof listEditSchema>;

export const assignSchemeOperatorInputSchema = z.strictObject({ schemeCode: typed, signInName: typed, assigned: z.boolean() });
