import { z } from 'zod';
import { CHANGE_CHANNEL } from './channels';
import { contract, emptyInput } from './contract';
import { adminContracts } from './admin-contracts';
import { codingContracts } from './coding-contracts';
import { headerCodingInputSchema, poHeaderCodingSchema, poLineCodingSchema, rowCodingValuesSchema } from './coding-schemas';
import { importContracts } from './import-contracts';
import { invoiceContracts } from './invoice-contracts';
import { operatorAdminContracts } from './operator-admin-contracts';
import { SUPPORTED_LOCALES } from './locales';
import { MAX_QUANTITY_MILLI, MAX_UNIT_COST_MINOR } from './money';
import { checkTeamServerUrl } from './team-server-url';
import {
  approvalBandInputSchema,
  approvalRulesViewSchema,
  carriedOutcomeSchema,
  changePoStatusInputSchema,
  decideReviewInputSchema,
  decisionsFileSchema,
  offlineReviewStateSchema,
  poDocumentInputSchema,
  poDocumentSchema,
  poStandingSchema,
  poStatusSchema,
  REVIEW_PACKAGE_FORMAT,
  reviewOutcomeSchema,
  reviewQueueRowSchema,
  setApprovalLimitInputSchema,
} from './lifecycle-schemas';
import {
  billingEntityInputSchema,
  billingEntityOptionSchema,
  billingEntityVerdictSchema,
  budgetHeadroomInputSchema,
  budgetHeadroomSchema,
  budgetOrderInputSchema,
  budgetPickerInputSchema,
  budgetPickerSchema,
  budgetViewSchema,
  codingModeSchema,
  costCenterListSchema,
  poBudgetOrderSchema,
  projectCodeInputSchema,
  projectCodeVerdictSchema,
  purchasingControlsViewSchema,
  userGroupInputSchema,
} from './purchasing-controls-schemas';

export { poStatusSchema, type PoStatus } from './lifecycle-schemas';
export { codingModeSchema, type CodingMode } from './purchasing-controls-schemas';

export { type Contract, contract } from './contract';

const code = (what: string) =>
  z
    .string()
    .trim()
    .max(32, `${what} is at most 32 characters`)
    .transform((value) => value.toUpperCase());

const optionalCode = (what: string) => code(what).nullable();

export const localeSchema = z.enum(SUPPORTED_LOCALES, { error: `Choose one of ${SUPPORTED_LOCALES.join(', ')}` });

export const roleSchema = z.enum(['operator', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const operatorSummarySchema = z.object({
  id: z.number().int(),
  signInName: z.string(),
  displayName: z.string(),
  role: roleSchema,
  schemeName: z.string().nullable(),
  /** The operator's own number and date locale; null follows the installation's. */
  locale: localeSchema.nullable(),
});
export type OperatorSummary = z.infer<typeof operatorSummarySchema>;

export const settingsSchema = z.object({
  /** The organisation's coding mode: cost centers (the default), project codes, or neither. */
  codingMode: codingModeSchema,
  /** Read-only view of the mode, kept for screens that only ask whether cost centers are in use: codingMode === 'cost-centers'. */
  costCentersEnabled: z.boolean(),
  /** A PO cannot be submitted without a budget order. */
  budgetOrderRequired: z.boolean(),
  /** The installation's number and date locale. */
  locale: localeSchema,
  /** A PO whose total is above this asks for confirmation before it is saved; null never asks. */
  largePoAmountMinor: z.number().int().nonnegative().nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * An admin's change to installation settings: only the fields given change; each change is audited.
 * costCentersEnabled true means codingMode 'cost-centers', false means 'off'; a change naming both that
 * disagree (project codes with cost centers on, say) is refused with the reason: never both at once.
 */
export const settingsChangeSchema = z
  .strictObject({
    codingMode: codingModeSchema.optional(),
    costCentersEnabled: z.boolean().optional(),
    budgetOrderRequired: z.boolean().optional(),
    locale: localeSchema.optional(),
    largePoAmountMinor: z
      .number({ error: 'The large-PO amount must be a number' })
      .int('The large-PO amount has at most 2 decimals')
      .nonnegative('The large-PO amount cannot be negative')
      .max(Number.MAX_SAFE_INTEGER, 'The large-PO amount is too large')
      .nullable()
      .optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'Change at least one setting');
export type SettingsChange = z.input<typeof settingsChangeSchema>;

export const costCenterOptionSchema = z.object({ code: z.string(), description: z.string() });
export type CostCenterOption = z.infer<typeof costCenterOptionSchema>;

export const vendorOptionSchema = z.object({
  code: z.string(),
  name: z.string(),
  costCenters: z.array(z.string()),
  allowed: z.boolean(),
  reason: z.string(),
});
export type VendorOption = z.infer<typeof vendorOptionSchema>;

export const warehouseOptionSchema = z.object({ code: z.string(), name: z.string() });
export type WarehouseOption = z.infer<typeof warehouseOptionSchema>;

const verdictStatus = z.enum(['blank', 'ok', 'refused']);

/** Where a header's cost center came from; `stored` is a saved PO's own, as its origin records. */
export const costCenterSourceSchema = z.enum(['sticky', 'operator-single', 'vendor-single', 'entered', 'stored', 'none']);
export type CostCenterSource = z.infer<typeof costCenterSourceSchema>;

export const headerResolutionSchema = z.object({
  /** codingMode === 'cost-centers'. */
  costCentersEnabled: z.boolean(),
  codingMode: codingModeSchema,
  vendor: z.object({ status: verdictStatus, code: z.string(), name: z.string().nullable(), reason: z.string() }),
  warehouse: z.object({
    status: verdictStatus,
    code: z.string(),
    name: z.string().nullable(),
    reason: z.string(),
    overrideApplied: z.boolean(),
  }),
  costCenter: z.object({
    code: z.string().nullable(),
    source: costCenterSourceSchema,
    status: z.enum(['ok', 'refused', 'missing', 'not-used']),
    reason: z.string(),
  }),
  /**
   * Cost centers the operator may pick for this header: effective list ∩ vendor's shared list, and
   * with a billing entity chosen, as costCenterList says (its lists, whether "None" is offered).
   */
  choices: z.array(costCenterOptionSchema),
  costCenterList: costCenterListSchema,
  /** The billing entities the operator's user groups see (cost-center mode only). */
  billingEntities: z.array(billingEntityOptionSchema),
  billingEntity: billingEntityVerdictSchema,
  projectCode: projectCodeVerdictSchema,
});
export type HeaderResolution = z.infer<typeof headerResolutionSchema>;

export const headerDraftSchema = z.strictObject({
  /** The stored PO being changed, so an unchanged cost center is explained by its recorded origin. */
  poId: z.number().int().positive().optional(),
  vendorCode: code('Vendor code'),
  warehouseCode: code('Warehouse code'),
  /** What the operator has in the field; null asks main for the default. */
  costCenterCode: optionalCode('Cost center code'),
  /** The billing entity chosen; null or absent: none. */
  billingEntityCode: optionalCode('Billing entity code').optional(),
  /** The project code typed (project-code mode); null or absent: none yet. */
  projectCode: projectCodeInputSchema.optional(),
  /** The operator chose "None" for the header cost center: main proposes no default (refused where one is required). */
  noCostCenter: z.boolean().optional(),
});
export type HeaderDraft = z.input<typeof headerDraftSchema>;

export const distributionTypeSchema = z.enum(['expense', 'job-cost', 'direct-wo-cost']);
export type DistributionType = z.infer<typeof distributionTypeSchema>;

/** How a line is coded: distribution type, job, work order, cost type, G/L account and cost center. */
const lineCodingShape = {
  distributionType: distributionTypeSchema.default('expense'),
  jobCode: optionalCode('Job code').default(null),
  workOrderCode: optionalCode('Work order code').default(null),
  costTypeCode: optionalCode('Cost type code').default(null),
  glAccountCode: optionalCode('G/L account code').default(null),
  /** null asks main for the derived cost center: the work order's, else the PO's. */
  costCenterCode: optionalCode('Cost center code').default(null),
};

export const poLineInputSchema = z.strictObject({
  /** The stored line this row edits; absent for a line added in this edit. */
  id: z.number().int().positive().optional(),
  itemCode: optionalCode('Item code'),
  description: z.string().trim().min(1, 'Describe what is ordered').max(200, 'Description is at most 200 characters'),
  quantityMilli: z
    .number({ error: 'Quantity must be a number' })
    .int('Quantity has at most 3 decimals')
    .positive('Quantity must be more than zero')
    .max(MAX_QUANTITY_MILLI, 'Quantity is at most 1,000,000'),
  unitCostMinor: z
    .number({ error: 'Unit cost must be a number' })
    .int('Unit cost has at most 2 decimals')
    .nonnegative('Unit cost cannot be negative')
    .max(MAX_UNIT_COST_MINOR, 'Unit cost is at most 10,000,000.00'),
  ...lineCodingShape,
  /** The PO row level of order-row coding (issue 11): dimension → value and how it got there; absent: none on the row. */
  coding: rowCodingValuesSchema.optional(),
});
export type PoLineInput = z.infer<typeof poLineInputSchema>;

export const savePoInputSchema = z.strictObject({
  /** Absent for a new PO. */
  id: z.number().int().positive().optional(),
  /** The version the edit started from; required when id is given. */
  version: z.number().int().nonnegative().optional(),
  vendorCode: code('Vendor code').pipe(z.string().min(1, 'Choose a vendor')),
  warehouseCode: code('Warehouse code').pipe(z.string().min(1, 'Choose a warehouse')),
  /** null: no header cost center ("None"), accepted only where the scheme does not require one; each line then carries its own. */
  costCenterCode: optionalCode('Cost center code'),
  /** True when the operator typed or picked the cost center rather than accepting a default (rule 4a). */
  costCenterEntered: z.boolean().default(false),
  lines: z.array(poLineInputSchema).max(500, 'A PO has at most 500 lines'),
  /** The total the operator confirmed when it is above the large-PO amount; a different total asks again. */
  confirmedLargeTotalMinor: z.number().int().nonnegative().optional(),
  /** Cost-center mode: the billing entity the PO is for; its customer PO number goes on the PO. */
  billingEntityCode: optionalCode('Billing entity code').default(null),
  /** Project-code mode: the project code, mandatory there; refused in the other modes. */
  projectCode: projectCodeInputSchema.default(null),
  /** The budget order the PO draws on; locked from approval on. */
  budgetOrderId: z.number().int().positive().nullable().default(null),
  /** Order-row coding (issue 11): the organisation and the PO header level; absent: the default organisation, no header values. */
  coding: headerCodingInputSchema.default({ organisationCode: null, values: {} }),
});
export type SavePoInput = z.input<typeof savePoInputSchema>;

/** How a stored PO's cost center was set, recorded at save: typed or picked (by whom), or the default rule that gave it. */
export const poCostCenterOriginSchema = z.object({
  source: z.enum(['entered', 'sticky', 'operator-single', 'vendor-single', 'none', 'unrecorded']),
  /** Display name of the operator who entered it, for source `entered`. */
  enteredBy: z.string().nullable(),
  /** The sentence the screen shows, e.g. "Entered by Pat Nguyen" or "Default: Bob Lindqvist's only cost center". */
  text: z.string(),
});
export type PoCostCenterOrigin = z.infer<typeof poCostCenterOriginSchema>;


export const poLineSchema = z.object({
  id: z.number().int(),
  lineNumber: z.number().int(),
  itemCode: z.string().nullable(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unitCostMinor: z.number().int(),
  totalMinor: z.number().int(),
  distributionType: distributionTypeSchema,
  jobCode: z.string().nullable(),
  workOrderCode: z.string().nullable(),
  costTypeCode: z.string().nullable(),
  glAccountCode: z.string().nullable(),
  glAccountWip: z.boolean(),
  costCenterCode: z.string().nullable(),
  /** Order-row coding (issue 11): present on every line openPo and savePo answer; absent in older revision snapshots. */
  coding: poLineCodingSchema.optional(),
});
export type PoLine = z.infer<typeof poLineSchema>;

export const poModeSchema = z.enum(['view', 'change']);
export type PoMode = z.infer<typeof poModeSchema>;

export const lineAccessSchema = z.object({
  lineId: z.number().int(),
  /** The line is within the operator's cost-center security, whatever the mode. */
  withinSecurity: z.boolean(),
  /** Editable now: change mode, change allowed, and within security (rules 5 and 6). */
  editable: z.boolean(),
  /** False for direct work-order cost lines (rule 2) and for lines that are not editable. */
  costCenterEditable: z.boolean(),
  reason: z.string(),
  /** Why this operator may not delete the line, or null when a change may delete it. */
  deleteRefusal: z.string().nullable(),
});
export type LineAccess = z.infer<typeof lineAccessSchema>;

/** What the signed-in operator may do with a stored PO; computed by main for that operator. */
export const poAccessSchema = z.object({
  mode: poModeSchema,
  /** Whether change mode is open to this operator (rule 5); the reason says why or why not. */
  canChange: z.boolean(),
  reason: z.string(),
  lines: z.array(lineAccessSchema),
});
export type PoAccess = z.infer<typeof poAccessSchema>;

export const poSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  vendorCode: z.string(),
  vendorName: z.string(),
  warehouseCode: z.string(),
  costCenterCode: z.string().nullable(),
  status: poStatusSchema,
  /** 1 when entered; each change order adds one. */
  revision: z.number().int(),
  /** Why the PO stands where it does, in words (a rejection's reason, who must still approve). */
  statusNote: z.string().nullable(),
  totalMinor: z.number().int(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type PoSummary = z.infer<typeof poSummarySchema>;

export const poDetailSchema = poSummarySchema.extend({
  version: z.number().int(),
  costCenterOrigin: poCostCenterOriginSchema,
  billingEntity: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The customer's PO number, put on the PO from its billing entity when saved; printed on its document. */
  customerPoNumber: z.string().nullable(),
  projectCode: z.string().nullable(),
  budgetOrder: poBudgetOrderSchema.nullable(),
  lines: z.array(poLineSchema),
  access: poAccessSchema,
  standing: poStandingSchema,
  /** Order-row coding (issue 11): the organisation and the header, vendor and organisation levels. */
  coding: poHeaderCodingSchema.optional(),
});
export type PoDetail = z.infer<typeof poDetailSchema>;

export const itemOptionSchema = z.object({
  code: z.string(),
  description: z.string(),
  unitCostMinor: z.number().int(),
});
export type ItemOption = z.infer<typeof itemOptionSchema>;

export const lineResolutionSchema = z.object({
  status: z.enum(['ok', 'refused']),
  /** The line field a refusal blames, as named in the save contract. */
  field: z.string().nullable(),
  reason: z.string(),
  /** The cost center the line takes; on refusal, the one it keeps. */
  costCenterCode: z.string().nullable(),
  costCenterOrigin: z.enum(['direct-work-order', 'work-order', 'entered', 'header', 'none']),
  costCenterEditable: z.boolean(),
  jobCode: z.string().nullable(),
});
export type LineResolution = z.infer<typeof lineResolutionSchema>;

export const resolveLineInputSchema = z.strictObject({
  /** The stored PO in change mode; absent while entering a new PO. */
  poId: z.number().int().positive().optional(),
  warehouseCode: code('Warehouse code'),
  headerCostCenterCode: optionalCode('Cost center code'),
  lineNumber: z.number().int().positive().max(500),
  line: poLineInputSchema,
  /** What the row showed before this change, so a refusal can say what the line keeps. */
  previous: z.strictObject({ workOrderCode: optionalCode('Work order code'), costCenterCode: optionalCode('Cost center code') }).optional(),
});
export type ResolveLineInput = z.input<typeof resolveLineInputSchema>;

export const codeOptionSchema = z.object({ code: z.string(), description: z.string() });
export type CodeOption = z.infer<typeof codeOptionSchema>;

export const distributionCodesSchema = z.object({
  glAccounts: z.array(codeOptionSchema.extend({ wip: z.boolean() })),
  jobs: z.array(codeOptionSchema.extend({ siteAddress: z.string() })),
  workOrders: z.array(codeOptionSchema.extend({ costCenterCode: z.string(), jobCode: z.string().nullable(), siteAddress: z.string() })),
  costTypes: z.array(codeOptionSchema),
});
export type DistributionCodes = z.infer<typeof distributionCodesSchema>;

export const poListSortSchema = z.enum(['number', 'vendor', 'warehouse', 'costCenter', 'status', 'total', 'createdBy', 'updatedAt']);
export type PoListSort = z.infer<typeof poListSortSchema>;

/** One page of the PO list, sorted and filtered in main. */
export const poListQuerySchema = z.strictObject({
  page: z.number().int().positive().default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
  sort: poListSortSchema.default('number'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  status: poStatusSchema.optional(),
  /** Matches the start of a PO number or vendor code, or any part of a vendor name. */
  search: z.string().trim().max(64, 'Search text is at most 64 characters').optional(),
  /** Only POs the signed-in operator entered. */
  mine: z.boolean().default(false),
});
export type PoListQuery = z.input<typeof poListQuerySchema>;

export const poListPageSchema = z.object({
  rows: z.array(poSummarySchema),
  /** POs matching the filter, over all pages. */
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type PoListPage = z.infer<typeof poListPageSchema>;

export const auditVocabularySchema = z.object({
  actions: z.array(z.object({ value: z.string(), label: z.string() })),
  rules: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type AuditVocabulary = z.infer<typeof auditVocabularySchema>;

export const auditFilterSchema = z.strictObject({
  poNumber: z.string().trim().toUpperCase().max(32).optional(),
  signInName: z.string().trim().toLowerCase().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  rule: z.string().trim().max(64).optional(),
  /** ISO dates (yyyy-mm-dd), inclusive. */
  from: z.iso.date('From must be a date (yyyy-mm-dd)').optional(),
  to: z.iso.date('To must be a date (yyyy-mm-dd)').optional(),
  limit: z.number().int().positive().max(2000).default(500),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operator: z.string().nullable(),
  action: z.string(),
  poNumber: z.string().nullable(),
  lineNumber: z.number().int().nullable(),
  rule: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  detail: z.string(),
  vendorCode: z.string().nullable(),
  warehouseCode: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A PO as the review desk shows it: read-only, every line with the reason for its cost center, and its audit trail. */
export const reviewDetailSchema = z.object({
  po: poDetailSchema,
  /** Why the header and each line carry their cost center, in words. */
  costCenterReasons: z.array(z.object({ lineNumber: z.number().int().nullable(), costCenterCode: z.string().nullable(), reason: z.string() })),
  audit: z.array(auditEntrySchema),
  canApprove: z.object({ allowed: z.boolean(), reason: z.string() }),
  canReject: z.object({ allowed: z.boolean(), reason: z.string() }),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

/** Everything a supervisor needs to review away from the desk: written to a file, or kept as a workstation's copy. */
export const reviewPackageSchema = z.object({
  format: z.literal(REVIEW_PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  supervisor: z.object({ id: z.number().int(), signInName: z.string(), displayName: z.string() }),
  madeAt: z.string(),
  items: z.array(reviewDetailSchema),
});
export type ReviewPackage = z.infer<typeof reviewPackageSchema>;

export const poRevisionSchema = z.object({
  poId: z.number().int(),
  number: z.string(),
  revision: z.number().int(),
  /** The PO as it stood when this revision was released (or, for the current draft, now). */
  snapshot: poSummarySchema.extend({ lines: z.array(poLineSchema) }),
  releasedAt: z.string().nullable(),
});
export type PoRevision = z.infer<typeof poRevisionSchema>;

const empty = emptyInput;
const searchText = z.strictObject({ query: z.string().max(100, 'Search text is at most 100 characters') });

export const contracts = {
  signIn: contract(
    'signIn',
    z.strictObject({
      signInName: z.string().trim().min(1, 'Enter your sign-in name').max(64),
      password: z.string().min(1, 'Enter your password').max(256),
    }),
    operatorSummarySchema,
  ),
  signOut: contract('signOut', empty, z.object({ signedOut: z.literal(true) })),
  unlockSignIn: contract(
    'unlockSignIn',
    z.strictObject({ signInName: z.string().trim().min(1, 'Enter the sign-in name to unlock').max(64, 'A sign-in name is at most 64 characters') }),
    z.object({ unlocked: z.boolean() }),
  ),
  currentOperator: contract('currentOperator', empty, operatorSummarySchema.nullable()),
  setupState: contract(
    'setupState',
    empty,
    /** demoDatabase: the demo world with its shared demo password, so the sign-in screen may name them. */
    z.object({ needsFirstAdmin: z.boolean(), demoDatabase: z.boolean() }),
  ),
  setUpFirstAdmin: contract(
    'setUpFirstAdmin',
    z.strictObject({
      signInName: z
        .string()
        .trim()
        .min(2, 'A sign-in name has at least 2 characters')
        .max(64, 'A sign-in name is at most 64 characters')
        .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes and underscores in a sign-in name'),
      displayName: z.string().trim().min(1, 'Enter your name as colleagues should see it').max(100, 'A name is at most 100 characters'),
      password: z
        .string()
        .min(12, 'Choose a password of at least 12 characters')
        .max(256, 'A password is at most 256 characters')
        .refine((password) => !/^(.)\1*$/.test(password), 'Choose a password that is more than one character repeated'),
    }),
    operatorSummarySchema,
  ),
  getSettings: contract('getSettings', empty, settingsSchema),
  updateSettings: contract('updateSettings', settingsChangeSchema, settingsSchema),
  setMyLocale: contract('setMyLocale', z.strictObject({ locale: localeSchema.nullable() }), operatorSummarySchema),
  searchVendors: contract('searchVendors', searchText, z.array(vendorOptionSchema)),
  listWarehouses: contract('listWarehouses', empty, z.array(warehouseOptionSchema)),
  searchItems: contract('searchItems', searchText, z.array(itemOptionSchema)),
  resolveHeader: contract('resolveHeader', headerDraftSchema, headerResolutionSchema),
  resolveLine: contract('resolveLine', resolveLineInputSchema, lineResolutionSchema),
  savePo: contract('savePo', savePoInputSchema, poDetailSchema),
  openPo: contract('openPo', z.strictObject({ id: z.number().int().positive(), mode: poModeSchema.default('view') }), poDetailSchema),
  listPos: contract('listPos', poListQuerySchema, poListPageSchema),
  listDistributionCodes: contract('listDistributionCodes', empty, distributionCodesSchema),
  listAudit: contract('listAudit', auditFilterSchema, z.array(auditEntrySchema)),
  auditVocabulary: contract('auditVocabulary', empty, auditVocabularySchema),
  changePoStatus: contract('changePoStatus', changePoStatusInputSchema, poDetailSchema),
  reviewQueue: contract('reviewQueue', empty, z.object({ rows: z.array(reviewQueueRowSchema) })),
  openReview: contract('openReview', z.strictObject({ id: z.number().int().positive() }), reviewDetailSchema),
  decideReview: contract('decideReview', decideReviewInputSchema, reviewOutcomeSchema),
  reviewPackage: contract('reviewPackage', empty, reviewPackageSchema),
  importReviewDecisions: contract('importReviewDecisions', z.strictObject({ file: decisionsFileSchema }), z.object({ results: z.array(carriedOutcomeSchema) })),
  poDocument: contract('poDocument', poDocumentInputSchema, poDocumentSchema),
  poRevision: contract('poRevision', z.strictObject({ id: z.number().int().positive(), revision: z.number().int().positive() }), poRevisionSchema),
  listApprovalRules: contract('listApprovalRules', empty, approvalRulesViewSchema),
  saveApprovalBand: contract('saveApprovalBand', approvalBandInputSchema, approvalRulesViewSchema),
  deleteApprovalBand: contract('deleteApprovalBand', z.strictObject({ id: z.number().int().positive() }), approvalRulesViewSchema),
  setApprovalLimit: contract('setApprovalLimit', setApprovalLimitInputSchema, approvalRulesViewSchema),
  budgetOrderPicker: contract('budgetOrderPicker', budgetPickerInputSchema, budgetPickerSchema),
  budgetOrderHeadroom: contract('budgetOrderHeadroom', budgetHeadroomInputSchema, budgetHeadroomSchema),
  budgetView: contract('budgetView', empty, budgetViewSchema),
  saveBudgetOrder: contract('saveBudgetOrder', budgetOrderInputSchema, budgetViewSchema),
  listPurchasingControls: contract('listPurchasingControls', empty, purchasingControlsViewSchema),
  saveBillingEntity: contract('saveBillingEntity', billingEntityInputSchema, purchasingControlsViewSchema),
  deleteBillingEntity: contract('deleteBillingEntity', z.strictObject({ id: z.number().int().positive() }), purchasingControlsViewSchema),
  saveUserGroup: contract('saveUserGroup', userGroupInputSchema, purchasingControlsViewSchema),
  deleteUserGroup: contract('deleteUserGroup', z.strictObject({ id: z.number().int().positive() }), purchasingControlsViewSchema),
  // Each later feature keeps its contracts in its own file; they must not import this one.
  ...codingContracts,
  ...invoiceContracts,
  ...adminContracts,
  ...operatorAdminContracts,
  ...importContracts,
} as const;

/**
 * How this screen reaches its desk: this computer's own database (`local`), a team server (`team`),
 * not chosen yet (`unchosen`, the Electron app's first run), or the server a browser page came from.
 */
export const connectionModeSchema = z.enum(['unchosen', 'local', 'team', 'browser']);
export type ConnectionMode = z.infer<typeof connectionModeSchema>;

export const connectionStateSchema = z.object({
  mode: connectionModeSchema,
  /** The team server, or the server the page came from; null for this computer only and before a choice. */
  serverUrl: z.string().nullable(),
  /** False while that server does not answer; the connection retries by itself and says when it is back. */
  reachable: z.boolean(),
  /** The Electron app lets its operator choose; a browser page uses the server it was opened from. */
  canChoose: z.boolean(),
  /** Why a stored choice could not be used, in words; null when nothing went wrong. */
  problem: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** A team server's address, checked (https://, or http:// to this computer) and stored without a trailing slash. */
export const teamServerUrlSchema = z
  .string({ error: 'Enter the team server’s address' })
  .max(2048, 'A team server’s address is at most 2,048 characters')
  .transform((text, context) => {
    const checked = checkTeamServerUrl(text);
    if (checked.ok) return checked.url;
    context.issues.push({ code: 'custom', message: checked.message, input: text });
    return z.NEVER;
  });

/** What a workstation keeps in its user data and what the choice screen sends. */
export const connectionChoiceSchema = z.discriminatedUnion(
  'mode',
  [z.strictObject({ mode: z.literal('local') }), z.strictObject({ mode: z.literal('team'), url: teamServerUrlSchema })],
  { error: 'Choose “This computer only” or “Team server”' },
);
export type ConnectionChoice = z.output<typeof connectionChoiceSchema>;

/** What a connection test found at an address, in words; `found` is true when a purchasing desk answered there. */
export const connectionTestSchema = z.object({ found: z.boolean(), url: z.string(), message: z.string() });
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

/**
 * Calls the shell answers itself — Electron main, or the web host for a browser — and never
 * forwards to a desk or a team server: the renderer asks them the same way everywhere.
 */
export const connectionContracts = {
  connectionState: contract('connectionState', empty, connectionStateSchema),
  testConnection: contract('testConnection', z.strictObject({ url: teamServerUrlSchema }), connectionTestSchema),
  chooseConnection: contract('chooseConnection', connectionChoiceSchema, connectionStateSchema),
  /** A team workstation's review copy and outbox; elsewhere it says the copy is not available. */
  offlineReviewState: contract('offlineReviewState', empty, offlineReviewStateSchema),
  dismissReviewConflict: contract('dismissReviewConflict', z.strictObject({ decisionId: z.string().max(64) }), offlineReviewStateSchema),
} as const;

/** The desk's calls: answered by the dispatcher, forwarded as they are to a team server. */
export type Contracts = typeof contracts;
export type ContractName = keyof Contracts;
export type ConnectionContracts = typeof connectionContracts;
export type ConnectionContractName = keyof ConnectionContracts;
/** Every call a renderer can make: the desk's and the shell's own. */
export type CallName = ContractName | ConnectionContractName;
type AllContracts = Contracts & ConnectionContracts;
export type InputOf<K extends CallName> = z.input<AllContracts[K]['input']>;
export type ParsedInputOf<K extends CallName> = z.output<AllContracts[K]['input']>;
export type OutputOf<K extends CallName> = z.output<AllContracts[K]['output']>;

export const isConnectionContractName = (name: string): name is ConnectionContractName => Object.hasOwn(connectionContracts, name);

export { CHANGE_CHANNEL };
export type ChangedEntity = 'purchase-orders' | 'settings' | 'session' | 'audit' | 'approval-rules' | 'review' | 'master-data' | 'coding' | 'invoices' | 'operators';
export interface ChangeNotice {
  entities: ChangedEntity[];
}
