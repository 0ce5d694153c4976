import type { ColumnType, Generated } from 'kysely';

/** Tables of order-row coding (migration 0011). Columns of existing tables stay in ./schema.ts. */
type Flag = number;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
export type SupplierTypeColumn = 'domestic' | 'eu' | 'import';
export type RequirementColumn = 'no' | 'yes' | 'mandatory';
export type RowViaColumn = 'matrix' | 'row-above' | 'standard-account' | 'setup-part' | 'entered';

export interface CodingTables {
  coding_organisations: { id: Generated<number>; code: string; name: string; active: Defaulted<Flag>; is_default: Defaulted<Flag> };
  /** scope_id 0: the global set; else an organisation's id. */
  coding_dimension_types: { scope_id: number; code: string; name: string; origin: 'global' | 'organisation'; active: Defaulted<Flag>; default_value_code: string | null; position: number };
  coding_dimension_values: { scope_id: number; type_code: string; code: string; name: string; origin: 'global' | 'organisation'; active: Defaulted<Flag> };
  coding_product_groups: { id: Generated<number>; code: string; name: string; active: Defaulted<Flag> };
  coding_supplier_groups: { id: Generated<number>; code: string; name: string; active: Defaulted<Flag> };
  coding_vendors: { vendor_id: number; supplier_group_id: number | null; supplier_type: SupplierTypeColumn; payables_account_id: number | null };
  coding_vendor_values: { vendor_id: number; dimension_code: string; value_code: string };
  coding_items: { item_id: number; product_group_id: number | null; setup_part_item_id: number | null };
  /** supplier_group_id 0: every supplier group. Accounts and defaults are codes. */
  coding_matrix_cells: {
    product_group_id: number;
    supplier_group_id: number;
    domestic_account: string | null;
    eu_account: string | null;
    import_account: string | null;
    cost_center: string | null;
    cost_unit: string | null;
    project: string | null;
  };
  coding_chart_accounts: { gl_account_id: number; active: Defaulted<Flag>; cost_center: RequirementColumn; cost_unit: RequirementColumn; project: RequirementColumn };
  coding_supplier_type_accounts: { supplier_type: SupplierTypeColumn; standard_account_id: number | null; payables_account_id: number | null };
  po_coding: { po_id: number; organisation_id: number };
  po_header_coding: { po_id: number; dimension_code: string; value_code: string };
  po_line_coding: { line_id: number; dimension_code: string; value_code: string; via: RowViaColumn };
}
