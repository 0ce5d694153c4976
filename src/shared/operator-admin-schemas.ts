import { z } from 'zod';
import { poStatusSchema } from './lifecycle-schemas';
import { SUPPORTED_LOCALES } from './locales';

/**
 * Operators' accounts, passwords, entry readiness and the access simulator as the contracts carry
 * them (issue 12). Kept apart from ./contracts.ts, which this file must not import. The bounds here
 * only keep a forged payload small; main judges every field by the domain's operator rules
 * (src/main/domain/admin/operator-rules.ts) and names the field it refuses.
 *
 * Change notices: every write announces 'operators' (and 'audit'); a scheme or role change also
 * reaches the operator's own screen through 'session'.
 */

/** The same three roles as ./contracts' roleSchema, least to most trusted; repeated here because that file may not be imported. */
export const operatorRoleSchema = z.enum(['operator', 'supervisor', 'admin'], { error: 'Choose operator, supervisor or admin' });

const text = (what: string, max: number) => z.string({ error: `${what} must be text` }).max(max, `${what} is at most ${max} characters`);
const password = (what: string) => z.string({ error: `${what} must be text` }).max(256, `${what} is at most 256 characters`);
const schemeCode = text('Scheme', 32).nullable();
const id = z.number().int().positive();

export const operatorStatusFilterSchema = z.enum(['active', 'inactive', 'all']);

export const operatorListQuerySchema = z.strictObject({
  /** Matches any part of a sign-in name or display name. */
  search: text('Search text', 64).trim().optional(),
  role: operatorRoleSchema.optional(),
  /** Only operators on this scheme; '' for operators without one. */
  schemeCode: text('Scheme', 32).trim().toUpperCase().optional(),
  status: operatorStatusFilterSchema.default('active'),
  page: z.number().int().positive().default(1),
  pageSize: z.number().int().min(5).max(200).default(25),
});
export type OperatorListQuery = z.input<typeof operatorListQuerySchema>;

export const operatorAccountSchema = z.object({
  id: z.number().int(),
  signInName: z.string(),
  displayName: z.string(),
  role: operatorRoleSchema,
  schemeCode: z.string().nullable(),
  active: z.boolean(),
  /** A reset password waits to be replaced at the next sign-in. */
  mustChangePassword: z.boolean(),
  /** Kept on Settings → Approval rules; shown here, never changed here. */
  approvalLimitMinor: z.number().int().nullable(),
  locale: z.enum(SUPPORTED_LOCALES).nullable(),
  /** POs entered, approvals or audit entries: such an operator is deactivated, never deleted. */
  hasHistory: z.boolean(),
  /** Whether they can enter POs now, and why not in words (no scheme while cost centers are in use). */
  entry: z.object({ allowed: z.boolean(), reason: z.string() }),
});
export type OperatorAccount = z.infer<typeof operatorAccountSchema>;

export const schemeChoiceSchema = z.object({ code: z.string(), description: z.string() });

export const operatorListPageSchema = z.object({
  rows: z.array(operatorAccountSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  schemes: z.array(schemeChoiceSchema),
  /** Admins change operators; supervisors only read. */
  canEdit: z.boolean(),
  /** The signed-in admin's own id, so the screen can say why they cannot deactivate themselves. */
  callerId: z.number().int(),
  costCentersEnabled: z.boolean(),
});
export type OperatorListPage = z.infer<typeof operatorListPageSchema>;

/** What an admin's save did, with the notes the rules add ("has no cost-center scheme: …"). */
export const operatorSavedSchema = z.object({ operator: operatorAccountSchema, reason: z.string(), notes: z.array(z.string()) });
export type OperatorSaved = z.infer<typeof operatorSavedSchema>;

export const createOperatorInputSchema = z.strictObject({
  signInName: text('Sign-in name', 200),
  displayName: text('Name', 200),
  role: text('Role', 32),
  schemeCode,
  /** The first password; the operator must choose their own at the first sign-in. */
  initialPassword: password('The initial password'),
});
export type CreateOperatorInput = z.input<typeof createOperatorInputSchema>;

export const updateOperatorInputSchema = z.strictObject({
  id,
  displayName: text('Name', 200),
  role: text('Role', 32),
  schemeCode,
});
export type UpdateOperatorInput = z.input<typeof updateOperatorInputSchema>;

export const setOperatorActiveInputSchema = z.strictObject({ id, active: z.boolean({ error: 'Say whether the operator is active' }) });
export const resetPasswordInputSchema = z.strictObject({ id, temporaryPassword: password('The temporary password') });

export const changeMyPasswordInputSchema = z.strictObject({
  currentPassword: password('Your current password'),
  newPassword: password('The new password'),
  repeatPassword: password('The repeated password'),
});
export type ChangeMyPasswordInput = z.input<typeof changeMyPasswordInputSchema>;

export const passwordRulesSchema = z.object({ minLength: z.number().int(), maxLength: z.number().int(), rules: z.array(z.string()) });

/** The signed-in operator's own account state; null when nobody is signed in. */
export const myAccountSchema = z
  .object({
    mustChangePassword: z.boolean(),
    /** Why, in words: "An administrator set a temporary password …". */
    reason: z.string(),
    passwordRules: passwordRulesSchema,
  })
  .nullable();
export type MyAccount = z.infer<typeof myAccountSchema>;

export const passwordChangedSchema = z.object({ changed: z.literal(true), reason: z.string() });

export const entryReadinessSchema = z.object({
  allowed: z.boolean(),
  rule: z.enum(['cost-centers-off', 'scheme-allows', 'no-scheme', 'scheme-empty']),
  codes: z.array(z.string()),
  reason: z.string(),
});
export type EntryReadinessView = z.infer<typeof entryReadinessSchema>;

const decidingListSchema = z.object({
  rule: z.string(),
  label: z.string(),
  codes: z.array(z.string()),
  override: z.object({ kind: z.enum(['warehouse', 'site', 'gl-wip']), key: z.string() }).nullable(),
});
const answerSchema = z.object({ allowed: z.boolean(), rule: z.string(), reason: z.string(), list: decidingListSchema.nullable() });
export type SimulatorAnswer = z.infer<typeof answerSchema>;

export const simulateAccessInputSchema = z.strictObject({
  operatorId: id,
  vendorCode: text('Vendor code', 32).trim().toUpperCase().nullable().optional(),
  warehouseCode: text('Warehouse code', 32).trim().toUpperCase().nullable().optional(),
  /** A stored PO by its number; its lines are judged one by one. */
  poNumber: text('PO number', 32).trim().toUpperCase().nullable().optional(),
  /** Only this line of the PO; absent: every line. */
  lineNumber: z.number().int().positive().max(500).nullable().optional(),
});
export type SimulateAccessInput = z.input<typeof simulateAccessInputSchema>;

const lineAnswerSchema = z.object({
  lineNumber: z.number().int(),
  costCenterCode: z.string().nullable(),
  security: answerSchema,
  change: answerSchema,
  delete: answerSchema,
  costCenterEditable: z.boolean(),
});

export const accessSimulationSchema = z.object({
  operator: z.object({ id: z.number().int(), displayName: z.string(), signInName: z.string(), role: operatorRoleSchema, schemeCode: z.string().nullable(), active: z.boolean() }),
  inactiveNote: z.string().nullable(),
  entry: entryReadinessSchema,
  list: decidingListSchema,
  costCenters: z.array(answerSchema.extend({ code: z.string(), description: z.string() })),
  vendors: z.array(answerSchema.extend({ code: z.string(), name: z.string(), shared: z.array(z.string()) })),
  warehouses: z.array(answerSchema.extend({ code: z.string(), name: z.string(), overrideApplied: z.boolean() })),
  /** With a vendor or warehouse chosen: the header as PO entry would resolve it. */
  header: z
    .object({
      vendor: z.object({ status: z.string(), reason: z.string() }),
      warehouse: z.object({ status: z.string(), reason: z.string() }),
      costCenter: z.object({ code: z.string().nullable(), status: z.string(), reason: z.string() }),
      choices: z.array(z.string()),
    })
    .nullable(),
  po: z.object({ number: z.string(), status: poStatusSchema, change: answerSchema, lines: z.array(lineAnswerSchema) }).nullable(),
});
export type AccessSimulation = z.infer<typeof accessSimulationSchema>;

export const simulatorChoicesSchema = z.object({
  operators: z.array(z.object({ id: z.number().int(), signInName: z.string(), displayName: z.string(), schemeCode: z.string().nullable(), active: z.boolean() })),
  vendors: z.array(z.object({ code: z.string(), name: z.string() })),
  warehouses: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Open POs (neither closed nor cancelled), newest first, with their line numbers. */
  pos: z.array(z.object({ number: z.string(), status: poStatusSchema, lineNumbers: z.array(z.number().int()) })),
  schemes: z.array(schemeChoiceSchema),
});
export type SimulatorChoices = z.infer<typeof simulatorChoicesSchema>;

export const compareSchemeMoveInputSchema = z.strictObject({ operatorId: id, schemeCode });
export type CompareSchemeMoveInput = z.input<typeof compareSchemeMoveInputSchema>;

const poAccessChangeSchema = z.object({ number: z.string(), status: poStatusSchema, before: z.string(), after: z.string() });
const lineAccessChangeSchema = z.object({ number: z.string(), lineNumbers: z.array(z.number().int()) });

export const schemeComparisonSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  changed: z.boolean(),
  costCenters: z.object({ gained: z.array(z.string()), lost: z.array(z.string()), kept: z.array(z.string()) }),
  vendors: z.object({ gained: z.array(z.string()), lost: z.array(z.string()) }),
  warehouses: z.object({ opened: z.array(z.string()), closed: z.array(z.string()) }),
  pos: z.object({ gained: z.array(poAccessChangeSchema), lost: z.array(poAccessChangeSchema), kept: z.number().int() }),
  lines: z.object({ gained: z.array(lineAccessChangeSchema), lost: z.array(lineAccessChangeSchema) }),
  summary: z.string(),
  /** Whether they could enter POs under the new scheme. */
  entryAfter: entryReadinessSchema,
});
export type SchemeComparisonView = z.infer<typeof schemeComparisonSchema>;
