import { z } from 'zod';
import { CHANGE_CHANNEL, type ChannelName, channels } from './channels';
import { MAX_QUANTITY_MILLI, MAX_UNIT_COST_MINOR } from './money';

/**
 * The whole IPC surface, defined once: each contract names its channel, the input main accepts
 * and the output it promises. Preload builds `window.api` from this table and main validates
 * against it, so the two sides cannot drift apart.
 */
export interface Contract<I extends z.ZodType, O extends z.ZodType> {
  channel: string;
  input: I;
  output: O;
}

const contract = <I extends z.ZodType, O extends z.ZodType>(name: ChannelName, input: I, output: O): Contract<I, O> => ({
  channel: channels[name],
  input,
  output,
});

const code = (what: string) =>
  z
    .string()
    .trim()
    .max(32, `${what} is at most 32 characters`)
    .transform((value) => value.toUpperCase());

const optionalCode = (what: string) => code(what).nullable();

export const roleSchema = z.enum(['operator', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const operatorSummarySchema = z.object({
  id: z.number().int(),
  signInName: z.string(),
  displayName: z.string(),
  role: roleSchema,
  schemeName: z.string().nullable(),
});
export type OperatorSummary = z.infer<typeof operatorSummarySchema>;

export const settingsSchema = z.object({ costCentersEnabled: z.boolean() });
export type Settings = z.infer<typeof settingsSchema>;

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

export const costCenterSourceSchema = z.enum(['sticky', 'operator-single', 'vendor-single', 'entered', 'none']);
export type CostCenterSource = z.infer<typeof costCenterSourceSchema>;

export const headerResolutionSchema = z.object({
  costCentersEnabled: z.boolean(),
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
  /** Cost centers the operator may pick for this header: effective list ∩ vendor's shared list. */
  choices: z.array(costCenterOptionSchema),
});
export type HeaderResolution = z.infer<typeof headerResolutionSchema>;

export const headerDraftSchema = z.strictObject({
  vendorCode: code('Vendor code'),
  warehouseCode: code('Warehouse code'),
  /** What the operator has in the field; null asks main for the default. */
  costCenterCode: optionalCode('Cost center code'),
});
export type HeaderDraft = z.input<typeof headerDraftSchema>;

export const poLineInputSchema = z.strictObject({
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
});
export type PoLineInput = z.infer<typeof poLineInputSchema>;

export const savePoInputSchema = z.strictObject({
  /** Absent for a new PO. */
  id: z.number().int().positive().optional(),
  /** The version the edit started from; required when id is given. */
  version: z.number().int().nonnegative().optional(),
  vendorCode: code('Vendor code').pipe(z.string().min(1, 'Choose a vendor')),
  warehouseCode: code('Warehouse code').pipe(z.string().min(1, 'Choose a warehouse')),
  costCenterCode: optionalCode('Cost center code'),
  /** True when the operator typed or picked the cost center rather than accepting a default (rule 4a). */
  costCenterEntered: z.boolean().default(false),
  lines: z.array(poLineInputSchema).max(500, 'A PO has at most 500 lines'),
});
export type SavePoInput = z.input<typeof savePoInputSchema>;

export const poStatusSchema = z.enum(['draft', 'open', 'closed']);
export type PoStatus = z.infer<typeof poStatusSchema>;

export const poLineSchema = z.object({
  id: z.number().int(),
  lineNumber: z.number().int(),
  itemCode: z.string().nullable(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unitCostMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type PoLine = z.infer<typeof poLineSchema>;

export const poSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  vendorCode: z.string(),
  vendorName: z.string(),
  warehouseCode: z.string(),
  costCenterCode: z.string().nullable(),
  status: poStatusSchema,
  totalMinor: z.number().int(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type PoSummary = z.infer<typeof poSummarySchema>;

export const poDetailSchema = poSummarySchema.extend({
  version: z.number().int(),
  lines: z.array(poLineSchema),
});
export type PoDetail = z.infer<typeof poDetailSchema>;

export const itemOptionSchema = z.object({
  code: z.string(),
  description: z.string(),
  unitCostMinor: z.number().int(),
});
export type ItemOption = z.infer<typeof itemOptionSchema>;

const empty = z.strictObject({});
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
  currentOperator: contract('currentOperator', empty, operatorSummarySchema.nullable()),
  getSettings: contract('getSettings', empty, settingsSchema),
  setCostCentersEnabled: contract('setCostCentersEnabled', z.strictObject({ enabled: z.boolean() }), settingsSchema),
  searchVendors: contract('searchVendors', searchText, z.array(vendorOptionSchema)),
  listWarehouses: contract('listWarehouses', empty, z.array(warehouseOptionSchema)),
  searchItems: contract('searchItems', searchText, z.array(itemOptionSchema)),
  resolveHeader: contract('resolveHeader', headerDraftSchema, headerResolutionSchema),
  savePo: contract('savePo', savePoInputSchema, poDetailSchema),
  getPo: contract('getPo', z.strictObject({ id: z.number().int().positive() }), poDetailSchema),
  listPos: contract('listPos', empty, z.array(poSummarySchema)),
} as const;

export type Contracts = typeof contracts;
export type ContractName = keyof Contracts;
export type InputOf<K extends ContractName> = z.input<Contracts[K]['input']>;
export type ParsedInputOf<K extends ContractName> = z.output<Contracts[K]['input']>;
export type OutputOf<K extends ContractName> = z.output<Contracts[K]['output']>;

export { CHANGE_CHANNEL };
export type ChangedEntity = 'purchase-orders' | 'settings' | 'session';
export interface ChangeNotice {
  entities: ChangedEntity[];
}
