import { contract } from './contract';
import {
  codeRowInputSchema,
  codeRowResultSchema,
  codingSetupInputSchema,
  codingSetupSchema,
  deleteDimensionTypeInputSchema,
  deleteDimensionValueInputSchema,
  deleteMatrixCellInputSchema,
  saveChartAccountInputSchema,
  saveDimensionTypeInputSchema,
  saveDimensionValueInputSchema,
  saveGroupInputSchema,
  saveItemCodingInputSchema,
  saveMatrixCellInputSchema,
  saveOrganisationInputSchema,
  saveRowCodingSettingsInputSchema,
  saveStandardAccountsInputSchema,
  saveVendorCodingInputSchema,
} from './coding-schemas';

/**
 * Order-row coding: dimensions, groups, the purchase-account matrix, chart of accounts and row coding
 * (issue 11). Built with `contract` from ./contract; never imports ./contracts. Shapes are in
 * ./coding-schemas.ts. Every admin write is for admins only (supervisors read codingSetup, operators
 * read it too because entry needs it, with rights.canEdit false), is audited before/after, refuses
 * beside the field it names (error.field) and answers the fresh setup of the same organisation.
 *
 * The PO save path carries coding too (./contracts.ts): savePo's `coding` (header) and each line's
 * `coding` (the PO row level); openPo/savePo answer `coding` on the PO and on each line.
 */
export const codingContracts = {
  /** Everything the admin screens and the entry screen need, with the caller's rights. */
  codingSetup: contract('codingSetup', codingSetupInputSchema, codingSetupSchema),
  /** The entry screen's question for one row: its coding by every level, with access, requirement and problems; writes nothing. */
  codeRow: contract('codeRow', codeRowInputSchema, codeRowResultSchema),
  saveDimensionType: contract('saveDimensionType', saveDimensionTypeInputSchema, codingSetupSchema),
  /** Only a type with no values left in the scope, that no PO, entry, vendor or matrix cell uses, and never a core one; a refusal names where it is used. */
  deleteDimensionType: contract('deleteDimensionType', deleteDimensionTypeInputSchema, codingSetupSchema),
  /** Adds or changes a value (by type and code); isDefault makes it the type's default. */
  saveDimensionValue: contract('saveDimensionValue', saveDimensionValueInputSchema, codingSetupSchema),
  /** Only a value nothing uses; a refusal names the POs, entries, vendors and matrix cells using it. Deleting the default clears the type's default. */
  deleteDimensionValue: contract('deleteDimensionValue', deleteDimensionValueInputSchema, codingSetupSchema),
  /** Adds an organisation (autoGenerate copies the global set with its defaults) or renames / (de)activates one. */
  saveOrganisation: contract('saveOrganisation', saveOrganisationInputSchema, codingSetupSchema),
  saveProductGroup: contract('saveProductGroup', saveGroupInputSchema, codingSetupSchema),
  saveSupplierGroup: contract('saveSupplierGroup', saveGroupInputSchema, codingSetupSchema),
  /** A vendor's supplier group, supplier type, payables account and vendor-level values (every dimension but the purchase account), checked against `organisationCode`'s set. */
  saveVendorCoding: contract('saveVendorCoding', saveVendorCodingInputSchema, codingSetupSchema),
  /** An item's product group and, for a setup price, its part. */
  saveItemCoding: contract('saveItemCoding', saveItemCodingInputSchema, codingSetupSchema),
  /** Adds or replaces the cell for product group × supplier group (null: every supplier group), the matrix checked as a whole; values checked against `organisationCode`'s set (null: the global set). */
  saveMatrixCell: contract('saveMatrixCell', saveMatrixCellInputSchema, codingSetupSchema),
  deleteMatrixCell: contract('deleteMatrixCell', deleteMatrixCellInputSchema, codingSetupSchema),
  /** A G/L account's use as a purchase account and its No / Yes / Mandatory per sub-object. */
  saveChartAccount: contract('saveChartAccount', saveChartAccountInputSchema, codingSetupSchema),
  /** Standard accounts (rows without a part number) and standard payables accounts, per supplier type. */
  saveStandardAccounts: contract('saveStandardAccounts', saveStandardAccountsInputSchema, codingSetupSchema),
  /** Only the settings given change; each change is audited. */
  saveRowCodingSettings: contract('saveRowCodingSettings', saveRowCodingSettingsInputSchema, codingSetupSchema),
} as const;
