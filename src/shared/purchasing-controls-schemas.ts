import { z } from 'zod';

/**
 * The account-level purchasing controls as the contracts carry them: the coding mode, billing
 * entities and user groups, project codes and budget orders. Kept apart from contracts.ts so that
 * file stays the table of calls. Money is integer minor units, dates ISO (yyyy-mm-dd).
 *
 * Change notices: admin changes to billing entities and user groups announce 'settings'; budget
 * orders and everything that moves their figures (PO saves and steps) announce 'purchase-orders'.
 */

export const CODING_MODES = ['cost-centers', 'project-codes', 'off'] as const;
/** How an organisation codes its POs: cost centers (the default), typed project codes, or neither. Never both. */
export const codingModeSchema = z.enum(CODING_MODES, { error: 'Choose cost centers, project codes or neither' });
export type CodingMode = z.infer<typeof codingModeSchema>;

const upperCode = (what: string, max = 32) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `Enter the ${what.toLowerCase()}`)
    .max(max, `${what} is at most ${max} characters`)
    .transform((value) => value.toUpperCase());

/** The customer's own PO number, as the customer writes it: kept as typed (trimmed); blank means none. */
export const customerPoNumberSchema = z
  .string({ error: 'The customer PO number must be text' })
  .trim()
  .max(40, 'A customer PO number is at most 40 characters')
  .nullable()
  .transform((value) => (value === null || value === '' ? null : value));

/**
 * A project code as typed at PO entry. Main trims it and judges it (blank, length, characters) by the
 * project-code rule and says why beside the field 'projectCode'; this bound only keeps a forged
 * payload small.
 */
export const projectCodeInputSchema = z.string({ error: 'A project code must be text' }).max(200, 'A project code is at most 200 characters').nullable();

const isoDate = (what: string) => z.iso.date(`${what} must be a date (yyyy-mm-dd)`);

// --- At PO entry ---

export const billingEntityOptionSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Put on a PO that chooses this entity, and printed on its document. */
  customerPoNumber: z.string().nullable(),
});
export type BillingEntityOption = z.infer<typeof billingEntityOptionSchema>;

/**
 * The header's billing entity as main judges it: one the operator's user groups see. A PO may carry
 * one in every coding mode (it says who is billed); only in cost-center mode does it narrow the
 * cost centers. `blank`: none chosen, which is allowed.
 */
export const billingEntityVerdictSchema = z.object({
  status: z.enum(['blank', 'ok', 'refused']),
  code: z.string(),
  name: z.string().nullable(),
  customerPoNumber: z.string().nullable(),
  reason: z.string(),
});
export type BillingEntityVerdict = z.infer<typeof billingEntityVerdictSchema>;

/**
 * How the cost-center list was made from the scheme's list, the billing entity's and the vendor's,
 * in words. "None" (no header cost center; each line then carries its own) is offered only where
 * the operator's scheme does not require a header cost center.
 */
export const costCenterListSchema = z.object({
  noneOffered: z.boolean(),
  /** The sentence beside the field: which lists apply and how they combine; '' without a billing entity. */
  reason: z.string(),
  /** Codes one list offered and another removed, each with the list that removed it and why. */
  removed: z.array(
    z.object({
      code: z.string(),
      removedBy: z.enum(['scheme', 'billing-entity', 'vendor']),
      why: z.enum(['not-linked-to-entity', 'entity-not-visible', 'outside-scheme', 'inactive', 'not-used-by-vendor']),
      reason: z.string(),
    }),
  ),
});
export type CostCenterList = z.infer<typeof costCenterListSchema>;

export const projectCodeVerdictSchema = z.object({
  /** `not-used` outside project-code mode; `blank` asks for one (it is mandatory in that mode). */
  status: z.enum(['not-used', 'blank', 'ok', 'refused']),
  /** The code as it will be stored (trimmed), or null. */
  code: z.string().nullable(),
  reason: z.string(),
});
export type ProjectCodeVerdict = z.infer<typeof projectCodeVerdictSchema>;

// --- Budget orders ---

export const BUDGET_ORDER_STATUSES = ['open', 'closed'] as const;
/** open: POs may draw on it (within its validity); closed: no PO may newly take it or raise its amount on it. */
export const budgetOrderStatusSchema = z.enum(BUDGET_ORDER_STATUSES, { error: 'A budget order is open or closed' });
export type BudgetOrderStatus = z.infer<typeof budgetOrderStatusSchema>;

/**
 * A budget order with its figures. Allocated: POs submitted, approved, released or closed on it, and
 * for a change order still a draft the revision last approved. Provisional: drafts (for a change
 * order, what it adds above the approved amount). Unallocated = total − allocated. A save refuses a
 * draft above the unallocated amount and submit checks again, both inside their transaction with
 * the budget order locked, so the sum allocated never exceeds the total; a cancelled PO holds nothing.
 */
export const budgetFiguresSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  customerPoNumber: z.string().nullable(),
  totalMinor: z.number().int(),
  validFrom: z.string(),
  validTo: z.string(),
  status: budgetOrderStatusSchema,
  allocatedMinor: z.number().int(),
  provisionalMinor: z.number().int(),
  unallocatedMinor: z.number().int(),
});
export type BudgetFigures = z.infer<typeof budgetFiguresSchema>;

export const budgetPickerInputSchema = z.strictObject({
  /** The PO being changed: its own amount is left out of the figures, and its date is the PO date. */
  poId: z.number().int().positive().optional(),
  /** The PO date to pick for; absent: the PO's own entry date, or today for a new PO. */
  date: isoDate('The PO date').optional(),
});
export type BudgetPickerInput = z.input<typeof budgetPickerInputSchema>;

export const budgetPickerSchema = z.object({
  /** The PO date the options are valid on. */
  date: z.string(),
  /** The installation asks for a budget order before a PO is submitted. */
  required: z.boolean(),
  /** Open budget orders valid on the date; figures leave out the PO named by poId, so unallocated is what it may take. */
  options: z.array(budgetFiguresSchema),
});
export type BudgetPicker = z.infer<typeof budgetPickerSchema>;

export const budgetHeadroomInputSchema = z.strictObject({
  budgetOrderId: z.number().int().positive(),
  poId: z.number().int().positive().optional(),
  /** The PO's total as typed so far. */
  totalMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type BudgetHeadroomInput = z.input<typeof budgetHeadroomInputSchema>;

/**
 * What the PO as typed would leave unallocated, counting other drafts as provisional, with the
 * warning to show (the budget-typing rule: near-limit from 90% used, or when it fits alone but not
 * with the other drafts; over when a save would be refused).
 */
export const budgetHeadroomSchema = z.object({
  budgetOrderId: z.number().int(),
  number: z.string(),
  totalMinor: z.number().int(),
  /** Allocated to other POs (a change order's own approved amount left out). */
  allocatedMinor: z.number().int(),
  /** Other POs' drafts on the budget order. */
  otherProvisionalMinor: z.number().int(),
  /** What this PO may take at save: total − allocated to other POs. */
  unallocatedMinor: z.number().int(),
  /** total − allocated − other drafts − this PO as typed; negative when they would not all fit. */
  leavesMinor: z.number().int(),
  level: z.enum(['ok', 'near-limit', 'over']),
  message: z.string(),
});
export type BudgetHeadroom = z.infer<typeof budgetHeadroomSchema>;

/** The budget order on a stored PO, and whether it may still be changed. */
export const poBudgetOrderSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  customerPoNumber: z.string().nullable(),
  /** From approval on the budget order is locked: a change order keeps it. */
  locked: z.boolean(),
  reason: z.string(),
});
export type PoBudgetOrder = z.infer<typeof poBudgetOrderSchema>;

export const budgetUsePoSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.string(),
  vendorCode: z.string(),
  operatorName: z.string(),
  totalMinor: z.number().int(),
  /** How the PO counts against the budget order now. */
  counts: z.enum(['allocated', 'provisional']),
  updatedAt: z.string(),
});
export type BudgetUsePo = z.infer<typeof budgetUsePoSchema>;

export const budgetViewRowSchema = budgetFiguresSchema.extend({
  pos: z.array(budgetUsePoSchema),
  /**
   * Use over time for a chart: one point per day (yyyy-mm-dd, UTC) on which a PO's share changed, oldest
   * first, with the cumulative amount allocated, and provisional, on the budget order at the end of that day.
   */
  usage: z.array(z.object({ date: z.string(), allocatedMinor: z.number().int(), provisionalMinor: z.number().int() })),
});
export type BudgetViewRow = z.infer<typeof budgetViewRowSchema>;

export const budgetViewSchema = z.object({
  budgets: z.array(budgetViewRowSchema),
  /** Only administrators change budget orders; the screen offers editing when this is true. */
  canEdit: z.boolean(),
});
export type BudgetView = z.infer<typeof budgetViewSchema>;

export const budgetOrderInputSchema = z.strictObject({
  /** Absent for a new budget order. */
  id: z.number().int().positive().optional(),
  number: upperCode('Budget order number'),
  customerPoNumber: customerPoNumberSchema,
  totalMinor: z
    .number({ error: 'The total must be a number' })
    .int('The total has at most 2 decimals')
    .nonnegative('The total cannot be negative')
    .max(Number.MAX_SAFE_INTEGER, 'The total is too large'),
  validFrom: isoDate('Valid from'),
  validTo: isoDate('Valid to'),
  status: budgetOrderStatusSchema,
});
export type BudgetOrderInput = z.input<typeof budgetOrderInputSchema>;

// --- Billing entities and user groups (admin) ---

export const billingEntityInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  code: upperCode('Billing entity code'),
  name: z.string().trim().min(1, 'Name the billing entity').max(100, 'A billing entity’s name is at most 100 characters'),
  customerPoNumber: customerPoNumberSchema,
  active: z.boolean(),
  /** The cost centers the entity is linked to (a cost center may be linked to several entities). */
  costCenterCodes: z.array(upperCode('Cost center code')).max(500),
});
export type BillingEntityInput = z.input<typeof billingEntityInputSchema>;

export const userGroupInputSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, 'Name the user group').max(64, 'A user group’s name is at most 64 characters'),
  description: z.string().trim().max(200, 'A description is at most 200 characters'),
  memberIds: z.array(z.number().int().positive()).max(2000),
  billingEntityCodes: z.array(upperCode('Billing entity code')).max(500),
});
export type UserGroupInput = z.input<typeof userGroupInputSchema>;

export const billingEntityViewSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  customerPoNumber: z.string().nullable(),
  active: z.boolean(),
  costCenterCodes: z.array(z.string()),
  /** Names of the user groups that see it. */
  groups: z.array(z.string()),
  /** POs that carry it: such an entity is deactivated, not deleted. */
  poCount: z.number().int(),
});
export type BillingEntityView = z.infer<typeof billingEntityViewSchema>;

export const userGroupViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  members: z.array(z.object({ id: z.number().int(), displayName: z.string() })),
  billingEntityCodes: z.array(z.string()),
});
export type UserGroupView = z.infer<typeof userGroupViewSchema>;

export const purchasingControlsViewSchema = z.object({
  billingEntities: z.array(billingEntityViewSchema),
  userGroups: z.array(userGroupViewSchema),
  /** Every cost center, for the entity's links. */
  costCenters: z.array(z.object({ code: z.string(), description: z.string(), active: z.boolean() })),
  /** Every operator who can sign in, for the groups' members. */
  operators: z.array(z.object({ id: z.number().int(), displayName: z.string(), signInName: z.string(), role: z.enum(['operator', 'supervisor', 'admin']) })),
  /** Only administrators change them; supervisors read. */
  canEdit: z.boolean(),
});
export type PurchasingControlsView = z.infer<typeof purchasingControlsViewSchema>;
