import { z } from 'zod';

/**
 * Order-row coding as the contracts carry it (issue 11): dimensions and their values, organisations,
 * product and supplier groups, the purchase-account matrix, the chart of accounts' requirements,
 * row-coding settings, and the coding of a PO row. Kept apart from contracts.ts (which spreads the
 * contracts and imports these for the PO line/save schemas); it must not import contracts.ts.
 *
 * Codes:
 * - dimension type codes are kept as the admin typed them (trimmed); the core ones are exactly
 *   'purchase-account', 'cost-center', 'cost-unit', 'project'.
 * - value codes are trimmed, never upper-cased: they compare without case in main (dimensions.ts),
 *   which stores the spelling the value list holds.
 * - purchase-account values are the G/L account codes (`gl_accounts`): one list of accounts.
 * - cost-center values are the installation's cost-center codes; the Spectrum rules still decide
 *   which of them an operator may use on a row.
 *
 * Change notices: every admin write announces 'coding' (and 'audit'); savePo still announces
 * 'purchase-orders'.
 */

export const CORE_DIMENSION_CODES = ['purchase-account', 'cost-center', 'cost-unit', 'project'] as const;
export const CODING_LEVEL_VALUES = ['organisation', 'vendor', 'po-header', 'po-row', 'distribution'] as const;
export const codingLevelSchema = z.enum(CODING_LEVEL_VALUES);
export type CodingLevelName = z.infer<typeof codingLevelSchema>;

/** How a PO-row value got onto the row. */
export const rowViaSchema = z.enum(['matrix', 'row-above', 'standard-account', 'setup-part', 'entered']);
export type RowViaName = z.infer<typeof rowViaSchema>;

export const supplierTypeSchema = z.enum(['domestic', 'eu', 'import'], { error: 'Choose domestic, EU or import' });
export type SupplierTypeName = z.infer<typeof supplierTypeSchema>;

export const requirementSchema = z.enum(['no', 'yes', 'mandatory'], { error: 'Choose No, Yes or Mandatory' });
export type RequirementName = z.infer<typeof requirementSchema>;

const text = (what: string, max: number) => z.string({ error: `${what} must be text` }).trim().max(max, `${what} is at most ${max} characters`);
/** A code as typed, trimmed; main judges its characters and length (dimensions.ts codeProblems) and says why beside the field. */
export const codingCodeSchema = (what: string) => text(what, 40).min(1, `Enter the ${what.toLowerCase()}`);
/** A code or nothing: blank is read as null. */
export const optionalCodingCodeSchema = (what: string) =>
  text(what, 40)
    .nullable()
    .transform((value) => (value === null || value === '' ? null : value));
const name = (what: string) => text(what, 100).min(1, `Enter the ${what.toLowerCase()}`);

/** An organisation by code; null or absent: the global set (admin) or the default organisation (entry). */
const organisationRef = optionalCodingCodeSchema('Organisation code');

// --- The row's coding -------------------------------------------------------------------------

/** One PO-row value as stored and sent back on save: the value and how it got there. */
export const rowCodingValueSchema = z.strictObject({
  value: codingCodeSchema('Coding value'),
  via: rowViaSchema,
});
export type RowCodingValueInput = z.input<typeof rowCodingValueSchema>;

/** The PO row level: dimension code → value. A dimension absent has no row value (the levels above decide). */
export const rowCodingValuesSchema = z.record(z.string().trim().min(1).max(40), rowCodingValueSchema);
export type RowCodingValuesInput = z.input<typeof rowCodingValuesSchema>;

/** The PO header level and the organisation the PO is coded for, as savePo takes it. */
export const headerCodingInputSchema = z.strictObject({
  /** null: the default organisation. */
  organisationCode: organisationRef.default(null),
  /** Dimension code → value on the PO header; null or blank: none at this level. */
  values: z.record(z.string().trim().min(1).max(40), optionalCodingCodeSchema('Header coding value')).default({}),
});
export type HeaderCodingInput = z.input<typeof headerCodingInputSchema>;

/** Whether a coding field may be edited, and why not (row-coding-checks.ts codingFieldAccess). */
export const codingAccessSchema = z.object({
  editable: z.boolean(),
  rule: z.string(),
  reason: z.string(),
});
export type CodingAccess = z.infer<typeof codingAccessSchema>;

/** One dimension of a row as it resolves: the value, the level it came from, and why. */
export const resolvedDimensionSchema = z.object({
  dimension: z.string(),
  /** "purchase account", or an organisation dimension's own name. */
  label: z.string(),
  value: z.string().nullable(),
  /** The value's name in its list ("Materials and supplies"); null when none or unknown. */
  valueName: z.string().nullable(),
  level: codingLevelSchema.nullable(),
  /** How a PO-row value got there; null for the other levels. */
  via: rowViaSchema.nullable(),
  /** Less specific values this one set aside, most specific first. */
  setAside: z.array(z.object({ level: codingLevelSchema, value: z.string() })),
  /** A value the purchase account takes none of, dropped. */
  dropped: z.object({ level: codingLevelSchema, value: z.string() }).nullable(),
  /** One sentence: "Project P-100, from the PO row, by the purchase-account matrix." */
  reason: z.string(),
  /** What the row's purchase account asks of this dimension; 'yes' for the purchase account itself. */
  requirement: requirementSchema,
  access: codingAccessSchema,
  /**
   * Where an edit of this dimension goes: the PO row's coding (`coding` of the line), or — for the
   * purchase account and cost center held by the line's distribution — the line's own G/L account
   * (`glAccountCode`) or cost center (`costCenterCode`) field, which the Spectrum rules guard.
   */
  editAt: z.enum(['po-row', 'glAccountCode', 'costCenterCode']),
});
export type ResolvedDimension = z.infer<typeof resolvedDimensionSchema>;

export const rowCodingProblemSchema = z.object({ rowNumber: z.number().int(), dimension: z.string(), rule: z.string(), reason: z.string() });
export type RowCodingProblem = z.infer<typeof rowCodingProblemSchema>;

/** A stored line's coding, as openPo/savePo answer it on each line (`PoLine.coding`). */
export const poLineCodingSchema = z.object({
  /** The PO row level as stored: send it back unchanged in savePo's `lines[].coding`. */
  row: z.record(z.string(), z.object({ value: z.string(), via: rowViaSchema })),
  /** Every dimension in order (core first), resolved over every level. */
  resolved: z.array(resolvedDimensionSchema),
  /** The line has supplier-invoice rows: its coding is read-only. */
  invoiced: z.boolean(),
});
export type PoLineCoding = z.infer<typeof poLineCodingSchema>;

/** A stored PO's header coding (`PoDetail.coding`). */
export const poHeaderCodingSchema = z.object({
  organisationCode: z.string(),
  organisationName: z.string(),
  /** The PO header level: dimension → value. */
  values: z.record(z.string(), z.string()),
  /** The vendor level (vendor coding), shown read-only on the header. */
  vendorValues: z.record(z.string(), z.string()),
  /** The organisation level (each type's default value). */
  organisationValues: z.record(z.string(), z.string()),
});
export type PoHeaderCoding = z.infer<typeof poHeaderCodingSchema>;

// --- codeRow: the entry screen's question ---------------------------------------------------

/** What the row is: a part (item), a row without a part number, or a setup price of a part. */
export const rowSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('part'), itemCode: codingCodeSchema('Item code') }),
  z.strictObject({ kind: z.literal('additional') }),
  z.strictObject({
    kind: z.literal('setup-price'),
    /** The setup-price item itself (its own product group), when it has one. */
    itemCode: optionalCodingCodeSchema('Item code').default(null),
    /** The part the setup price is for. */
    partItemCode: codingCodeSchema('Part item code'),
    /** The part's own row on this PO, when it is there. */
    partRow: z.strictObject({ rowNumber: z.number().int().positive(), coding: rowCodingValuesSchema }).nullable().default(null),
  }),
]);
export type RowSubjectInput = z.input<typeof rowSubjectSchema>;

export const codeRowInputSchema = z.strictObject({
  /** The stored PO (change mode); absent for a new PO. */
  poId: z.number().int().positive().optional(),
  /** The stored line (po_lines.id) being recoded; absent for a new row. */
  lineId: z.number().int().positive().optional(),
  vendorCode: codingCodeSchema('Vendor code'),
  /** The PO's warehouse: its override can change which cost centers the Spectrum rules allow. '' : none chosen yet. */
  warehouseCode: text('Warehouse code', 40).default(''),
  /** The PO header's cost center (the PO-header level of cost center); null: none. */
  headerCostCenterCode: optionalCodingCodeSchema('Cost center code').default(null),
  header: headerCodingInputSchema.default({ organisationCode: null, values: {} }),
  rowNumber: z.number().int().positive().max(500),
  subject: rowSubjectSchema,
  /** The row above's PO-row coding; null for the first row. */
  rowAbove: z.strictObject({ rowNumber: z.number().int().positive(), coding: rowCodingValuesSchema }).nullable().default(null),
  /** The row's PO-row coding as it stands now (what the operator entered is kept and wins). */
  current: rowCodingValuesSchema.default({}),
  /** 'default': a new row, or its part/vendor/row above changed — defaults are applied, entered values kept. 'keep': only resolve what `current` holds. */
  defaulting: z.enum(['default', 'keep']).default('default'),
  /** The line's own distribution fields (the distribution level). */
  distribution: z
    .strictObject({ glAccountCode: optionalCodingCodeSchema('G/L account code').default(null), costCenterCode: optionalCodingCodeSchema('Cost center code').default(null) })
    .default({ glAccountCode: null, costCenterCode: null }),
  /** Where the fields are shown: the grid obeys "coding only in extra row info"; the coding box always edits. */
  place: z.enum(['grid', 'coding-box']).default('coding-box'),
  /** Optional: a change the operator asks for, judged by checkCodingChange; the answer's `change` says yes or why not. */
  change: z.strictObject({ dimension: z.string().trim().min(1).max(40), value: optionalCodingCodeSchema('Coding value') }).optional(),
});
export type CodeRowInput = z.input<typeof codeRowInputSchema>;

export const codeRowResultSchema = z.object({
  rowNumber: z.number().int(),
  /** The PO row level to keep on the line (send it in savePo's `lines[].coding`). */
  row: z.record(z.string(), z.object({ value: z.string(), via: rowViaSchema })),
  resolved: z.array(resolvedDimensionSchema),
  /** Under "mandatory coding on order rows", a part without a product group opens the coding box by itself. */
  openCodingBox: z.boolean(),
  /** How the defaults came about, one sentence each. */
  notes: z.array(z.string()),
  /** What a save would refuse on this row now (unknown values, Mandatory sub-objects missing under the setting…). */
  problems: z.array(rowCodingProblemSchema),
  /** The verdict on `change`, when one was asked; when allowed, `row` already holds it. */
  change: z.object({ allowed: z.boolean(), rule: z.string(), reason: z.string() }).nullable(),
  organisationCode: z.string(),
  supplier: z.object({ supplierGroupCode: z.string().nullable(), supplierType: supplierTypeSchema }),
});
export type CodeRowResult = z.infer<typeof codeRowResultSchema>;

// --- codingSetup: everything the admin screens and the entry screen read ---------------------

export const rowCodingSettingsSchema = z.strictObject({
  /** "Coding according to row above". */
  codingFromRowAbove: z.boolean(),
  /** "Coding only in extra row info": the grid shows coding read-only; the coding box edits it. */
  codingOnlyInExtraRowInfo: z.boolean(),
  /** "Mandatory coding on order rows". */
  mandatoryCoding: z.boolean(),
  /** Rows without a part number take their coding from the standard account, the row above, or nothing. */
  additionalRowCoding: z.enum(['standard-account', 'row-above', 'none']),
  /** Setup-price rows take their part's coding, or their own product group's. */
  setupPriceCoding: z.enum(['part', 'product-group']),
  /** Operators (not only supervisors and admins) may override a coded value on a row not yet invoiced. */
  operatorsMayOverrideCoding: z.boolean(),
});
export type RowCodingSettingsView = z.infer<typeof rowCodingSettingsSchema>;

export const organisationSchema = z.object({ code: z.string(), name: z.string(), active: z.boolean(), isDefault: z.boolean() });

export const dimensionTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** null: a global type; else the organisation's code. */
  organisationCode: z.string().nullable(),
  /** 'global' for a type copied from the global set, 'organisation' for one of the organisation's own. */
  origin: z.enum(['global', 'organisation']),
  core: z.boolean(),
  active: z.boolean(),
  defaultValueCode: z.string().nullable(),
});
export type DimensionTypeView = z.infer<typeof dimensionTypeSchema>;

export const dimensionValueSchema = z.object({
  typeCode: z.string(),
  code: z.string(),
  name: z.string(),
  organisationCode: z.string().nullable(),
  origin: z.enum(['global', 'organisation']),
  active: z.boolean(),
  isDefault: z.boolean(),
});
export type DimensionValueView = z.infer<typeof dimensionValueSchema>;

export const groupSchema = z.object({ code: z.string(), name: z.string(), active: z.boolean() });
export type CodingGroup = z.infer<typeof groupSchema>;

export const vendorCodingSchema = z.object({
  vendorCode: z.string(),
  vendorName: z.string(),
  supplierGroupCode: z.string().nullable(),
  supplierType: supplierTypeSchema,
  /** The vendor's own payables account; null falls back to the standard payables account for its supplier type. */
  payablesAccountCode: z.string().nullable(),
  /** The account an invoice from the vendor is credited to, after the fallback; null: none at all. */
  effectivePayablesAccountCode: z.string().nullable(),
  /** The vendor level of precedence: dimension → value. */
  values: z.record(z.string(), z.string()),
});
export type VendorCoding = z.infer<typeof vendorCodingSchema>;

export const itemCodingSchema = z.object({
  itemCode: z.string(),
  description: z.string(),
  productGroupCode: z.string().nullable(),
  /** This item is the setup price of that part; null: it is not a setup price. */
  setupPriceForItemCode: z.string().nullable(),
});
export type ItemCoding = z.infer<typeof itemCodingSchema>;

const supplierTypeAccounts = z.object({ domestic: z.string().nullable(), eu: z.string().nullable(), import: z.string().nullable() });

export const matrixCellSchema = z.object({
  productGroupCode: z.string(),
  /** null: every supplier group without a cell of its own. */
  supplierGroupCode: z.string().nullable(),
  accounts: supplierTypeAccounts,
  costCenterCode: z.string().nullable(),
  costUnitCode: z.string().nullable(),
  projectCode: z.string().nullable(),
});
export type MatrixCellView = z.infer<typeof matrixCellSchema>;

export const chartAccountSchema = z.object({
  /** A G/L account code: the chart is the installation's G/L accounts. */
  code: z.string(),
  name: z.string(),
  /** Usable as a purchase account. */
  active: z.boolean(),
  requirements: z.object({ 'cost-center': requirementSchema, 'cost-unit': requirementSchema, project: requirementSchema }),
  /** false: no requirement stored yet (everything reads Yes, asking nothing of the row above). */
  configured: z.boolean(),
});
export type ChartAccountView = z.infer<typeof chartAccountSchema>;

export const codingRightsSchema = z.object({
  /** Admins change the coding master data; supervisors read it; operators read only what entry needs. */
  canEdit: z.boolean(),
  /** May override a coded value on a row not yet invoiced. */
  mayOverrideCoding: z.boolean(),
  reason: z.string(),
});

export const codingSetupInputSchema = z.strictObject({
  /** The organisation whose set to show beside the global one; null or absent: the default organisation. */
  organisationCode: organisationRef.optional(),
});

export const codingSetupSchema = z.object({
  organisations: z.array(organisationSchema),
  /** The organisation shown (its types and values are listed with the global ones). */
  organisationCode: z.string(),
  /** Global types (organisationCode null) and the shown organisation's. */
  dimensionTypes: z.array(dimensionTypeSchema),
  dimensionValues: z.array(dimensionValueSchema),
  /** The organisation's coding dimensions in order (core first): what the coding box shows. */
  dimensions: z.array(z.object({ code: z.string(), label: z.string() })),
  productGroups: z.array(groupSchema),
  supplierGroups: z.array(groupSchema),
  vendors: z.array(vendorCodingSchema),
  items: z.array(itemCodingSchema),
  matrix: z.array(matrixCellSchema),
  chart: z.array(chartAccountSchema),
  /** Rows without a part number, per supplier type. */
  standardAccounts: supplierTypeAccounts,
  /** The standard payables account per supplier type (a vendor may have its own). */
  payablesAccounts: supplierTypeAccounts,
  /** The cost centers that may be cost-center values (the installation's active ones). */
  costCenters: z.array(z.object({ code: z.string(), description: z.string() })),
  settings: rowCodingSettingsSchema,
  rights: codingRightsSchema,
});
export type CodingSetup = z.infer<typeof codingSetupSchema>;

// --- Admin writes (admins only; each answers the fresh CodingSetup for the same organisation) ---

export const saveDimensionTypeInputSchema = z.strictObject({
  /** null: a global type. */
  organisationCode: organisationRef.default(null),
  code: codingCodeSchema('Dimension type code'),
  name: name('Dimension type name'),
  active: z.boolean().default(true),
});
export const deleteDimensionTypeInputSchema = z.strictObject({ organisationCode: organisationRef.default(null), code: codingCodeSchema('Dimension type code') });

export const saveDimensionValueInputSchema = z.strictObject({
  organisationCode: organisationRef.default(null),
  typeCode: codingCodeSchema('Dimension type code'),
  code: codingCodeSchema('Value code'),
  name: name('Value name'),
  active: z.boolean().default(true),
  /** Make this the type's default value (the organisation level); false on the current default clears it. */
  isDefault: z.boolean().default(false),
});
export const deleteDimensionValueInputSchema = z.strictObject({
  organisationCode: organisationRef.default(null),
  typeCode: codingCodeSchema('Dimension type code'),
  code: codingCodeSchema('Value code'),
});

export const saveOrganisationInputSchema = z.strictObject({
  code: codingCodeSchema('Organisation code'),
  name: name('Organisation name'),
  active: z.boolean().default(true),
  /** Only for a new organisation: copy the global types and values with their defaults ("auto-generate"). */
  autoGenerate: z.boolean().default(true),
});

export const saveGroupInputSchema = z.strictObject({ code: codingCodeSchema('Group code'), name: name('Group name'), active: z.boolean().default(true) });

export const saveVendorCodingInputSchema = z.strictObject({
  /** The organisation being edited: its set is what the values are checked against; null or absent: the global set. The answer shows it. */
  organisationCode: organisationRef.default(null),
  vendorCode: codingCodeSchema('Vendor code'),
  supplierGroupCode: optionalCodingCodeSchema('Supplier group code').default(null),
  supplierType: supplierTypeSchema,
  payablesAccountCode: optionalCodingCodeSchema('Payables account code').default(null),
  /**
   * The vendor level: dimension → value; null or blank drops it, a dimension left out keeps what is
   * stored. Every coding dimension but the purchase account, which the vendor level does not have
   * (the matrix gives it by supplier type; rows without a part number take the standard account).
   */
  values: z.record(z.string().trim().min(1).max(40), optionalCodingCodeSchema('Vendor coding value')).default({}),
});

export const saveItemCodingInputSchema = z.strictObject({
  itemCode: codingCodeSchema('Item code'),
  productGroupCode: optionalCodingCodeSchema('Product group code').default(null),
  setupPriceForItemCode: optionalCodingCodeSchema('Part item code').default(null),
});

const accountInput = (what: string) => optionalCodingCodeSchema(what).default(null);
const supplierTypeAccountsInput = z.strictObject({ domestic: accountInput('Domestic account'), eu: accountInput('EU account'), import: accountInput('Import account') });

export const saveMatrixCellInputSchema = z.strictObject({
  /** The organisation being edited: the cell's cost center, cost unit and project are checked against its set; null or absent: the global set. */
  organisationCode: organisationRef.default(null),
  productGroupCode: codingCodeSchema('Product group code'),
  supplierGroupCode: optionalCodingCodeSchema('Supplier group code').default(null),
  accounts: supplierTypeAccountsInput,
  costCenterCode: optionalCodingCodeSchema('Cost center code').default(null),
  costUnitCode: optionalCodingCodeSchema('Cost unit code').default(null),
  projectCode: optionalCodingCodeSchema('Project code').default(null),
});
export const deleteMatrixCellInputSchema = z.strictObject({
  productGroupCode: codingCodeSchema('Product group code'),
  supplierGroupCode: optionalCodingCodeSchema('Supplier group code').default(null),
});

export const saveChartAccountInputSchema = z.strictObject({
  /** An existing G/L account. */
  code: codingCodeSchema('Account code'),
  active: z.boolean().default(true),
  requirements: z.strictObject({ 'cost-center': requirementSchema, 'cost-unit': requirementSchema, project: requirementSchema }),
});

export const saveStandardAccountsInputSchema = z.strictObject({
  standardAccounts: supplierTypeAccountsInput,
  payablesAccounts: supplierTypeAccountsInput,
});

export const saveRowCodingSettingsInputSchema = rowCodingSettingsSchema.partial().refine((change) => Object.keys(change).length > 0, 'Change at least one setting');
