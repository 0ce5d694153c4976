import type { ColumnType, Generated } from 'kysely';
import type { AdminTables } from './schema-admin';
import type { CodingTables } from './schema-coding';
import type { InvoiceTables } from './schema-invoices';

/**
 * Kysely's view of the database, on either store. Money is integer minor units (64-bit on both);
 * timestamps are ISO-8601 text.
 */
/** Later features describe their own tables in ./schema-<feature>.ts; this interface gathers them. */
export interface Database extends CodingTables, InvoiceTables, AdminTables {
  settings: SettingsTable;
  schemes: SchemesTable;
  cost_centers: CostCentersTable;
  scheme_cost_centers: SchemeCostCentersTable;
  scheme_overrides: SchemeOverridesTable;
  scheme_override_cost_centers: SchemeOverrideCostCentersTable;
  operators: OperatorsTable;
  vendors: VendorsTable;
  vendor_cost_centers: VendorCostCentersTable;
  warehouses: WarehousesTable;
  gl_accounts: GlAccountsTable;
  cost_types: CostTypesTable;
  jobs: JobsTable;
  work_orders: WorkOrdersTable;
  items: ItemsTable;
  purchase_orders: PurchaseOrdersTable;
  po_lines: PoLinesTable;
  po_line_distributions: PoLineDistributionsTable;
  audit_log: AuditLogTable;
  sign_in_attempts: SignInAttemptsTable;
  desk_sessions: DeskSessionsTable;
  approval_bands: ApprovalBandsTable;
  approval_band_approvers: ApprovalBandApproversTable;
  po_approvals: PoApprovalsTable;
  po_revision_editors: PoRevisionEditorsTable;
  po_revisions: PoRevisionsTable;
  review_decisions: ReviewDecisionsTable;
  billing_entities: BillingEntitiesTable;
  billing_entity_cost_centers: BillingEntityCostCentersTable;
  user_groups: UserGroupsTable;
  user_group_members: UserGroupMembersTable;
  user_group_billing_entities: UserGroupBillingEntitiesTable;
  budget_orders: BudgetOrdersTable;
  budget_order_shares: BudgetOrderSharesTable;
  po_purchasing_controls: PoPurchasingControlsTable;
}

export interface SignInAttemptsTable {
  scope: string;
  subject: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export type CostCenterSourceColumn = 'entered' | 'sticky' | 'operator-single' | 'vendor-single' | 'none' | 'unrecorded';

/** SQLite has no boolean type; 0/1 integers stand in, on PostgreSQL too, so every read compares with 1 alike. */
type Flag = number;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SchemesTable {
  id: Generated<number>;
  name: string;
  description: string;
  /** Whether a PO's header needs a cost center (migration 0010); where not, "None" is offered. */
  cost_center_required: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface CostCentersTable {
  id: Generated<number>;
  code: string;
  description: string;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  /** Groups cost centers so a scheme's list can take a whole group at once; null when in none. */
  cost_group: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SchemeCostCentersTable {
  scheme_id: number;
  cost_center_id: number;
  position: number;
}

export type OverrideKind = 'warehouse' | 'site' | 'gl-wip';

export interface SchemeOverridesTable {
  id: Generated<number>;
  scheme_id: number;
  kind: OverrideKind;
  /** Warehouse code, site address or G/L account code, depending on kind. */
  override_key: string;
}

export interface SchemeOverrideCostCentersTable {
  override_id: number;
  cost_center_id: number;
  position: number;
}

export type RoleColumn = 'operator' | 'supervisor' | 'admin';

export interface OperatorsTable {
  id: Generated<number>;
  sign_in_name: string;
  display_name: string;
  role: RoleColumn;
  password_hash: string;
  scheme_id: number | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  locale: ColumnType<string | null, string | null | undefined, string | null>;
  approval_limit_minor: ColumnType<number | null, number | null | undefined, number | null>;
  /** Set when an admin resets the password: the operator must choose a new one at next sign-in. */
  must_change_password: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface VendorsTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface VendorCostCentersTable {
  vendor_id: number;
  cost_center_id: number;
}

export interface WarehousesTable {
  id: Generated<number>;
  code: string;
  name: string;
}

export interface GlAccountsTable {
  id: Generated<number>;
  code: string;
  description: string;
  /** Work-in-progress accounts bring the scheme's G/L WIP override into play. */
  wip: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface CostTypesTable {
  id: Generated<number>;
  code: string;
  description: string;
}

export interface JobsTable {
  id: Generated<number>;
  code: string;
  description: string;
  site_address: string;
}

export interface WorkOrdersTable {
  id: Generated<number>;
  code: string;
  job_id: number | null;
  cost_center_id: number;
  site_address: string;
  description: ColumnType<string, string | undefined, string>;
}

export interface ItemsTable {
  id: Generated<number>;
  code: string;
  description: string;
  unit_cost_minor: number;
}

export type PoStatusColumn = 'draft' | 'submitted' | 'approved' | 'released' | 'closed' | 'cancelled';

export interface PurchaseOrdersTable {
  id: Generated<number>;
  number: string;
  vendor_id: number;
  warehouse_id: number;
  cost_center_id: number | null;
  status: PoStatusColumn;
  created_by: number;
  version: number;
  total_minor: number;
  cost_center_source: ColumnType<CostCenterSourceColumn, CostCenterSourceColumn | undefined, CostCenterSourceColumn>;
  cost_center_entered_by: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
  updated_at: string;
  revision: ColumnType<number, number | undefined, number>;
  last_released_revision: ColumnType<number | null, number | null | undefined, number | null>;
  status_note: ColumnType<string | null, string | null | undefined, string | null>;
  status_changed_at: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_band: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PoLinesTable {
  id: Generated<number>;
  po_id: number;
  line_number: number;
  item_id: number | null;
  description: string;
  quantity_milli: number;
  unit_cost_minor: number;
  total_minor: number;
}

export interface PoLineDistributionsTable {
  id: Generated<number>;
  line_id: number;
  cost_center_id: number | null;
  job_id: number | null;
  work_order_id: number | null;
  amount_minor: number;
  distribution_type: ColumnType<DistributionTypeColumn, DistributionTypeColumn | undefined, DistributionTypeColumn>;
  gl_account_id: number | null;
  cost_type_id: number | null;
}

export type DistributionTypeColumn = 'expense' | 'job-cost' | 'direct-wo-cost';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator_id: number | null;
  action: string;
  po_id: number | null;
  line_id: number | null;
  line_number: number | null;
  rule: string | null;
  before_value: string | null;
  after_value: string | null;
  detail: string;
  vendor_code: ColumnType<string | null, string | null | undefined, string | null>;
  warehouse_code: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Sessions of the desk server (migration 0008). Timestamps are ISO-8601 text, which sorts as time does. */
export interface DeskSessionsTable {
  token_hash: string;
  operator_id: number;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  revoked_at: string | null;
  sticky_cost_center_code: string | null;
}

/** Approval bands and the life cycle (migration 0009). */
export interface ApprovalBandsTable {
  id: Generated<number>;
  cost_center_id: number | null;
  from_minor: number;
  approver_kind: 'role' | 'named';
  approver_role: 'supervisor' | 'admin' | null;
  approvals_required: number;
  admin_required: Flag;
  updated_at: string;
}

export interface ApprovalBandApproversTable {
  band_id: number;
  operator_id: number;
}

export interface PoApprovalsTable {
  id: Generated<number>;
  po_id: number;
  revision: number;
  approver_id: number;
  approver_role: RoleColumn;
  at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface PoRevisionEditorsTable {
  po_id: number;
  revision: number;
  operator_id: number;
}

export interface PoRevisionsTable {
  po_id: number;
  revision: number;
  snapshot: string;
  total_minor: number;
  released_at: string;
  document: Buffer | null;
}

export interface ReviewDecisionsTable {
  decision_id: string;
  po_id: number;
  decided_by: number;
  decision: 'approve' | 'reject';
  applied_at: string;
  outcome: string;
}

/** Purchasing controls (migration 0010). */
export interface BillingEntitiesTable {
  id: Generated<number>;
  code: string;
  name: string;
  customer_po_number: string | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  updated_at: string;
}

export interface BillingEntityCostCentersTable {
  billing_entity_id: number;
  cost_center_id: number;
  position: number;
}

export interface UserGroupsTable {
  id: Generated<number>;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  updated_at: string;
}

export interface UserGroupMembersTable {
  group_id: number;
  operator_id: number;
}

export interface UserGroupBillingEntitiesTable {
  group_id: number;
  billing_entity_id: number;
}

export type BudgetOrderStatusColumn = 'open' | 'closed';

export interface BudgetOrdersTable {
  id: Generated<number>;
  number: string;
  customer_po_number: string | null;
  total_minor: number;
  valid_from: string;
  valid_to: string;
  status: BudgetOrderStatusColumn;
  updated_at: string;
}

/** What one PO held on one budget order from `at` on; the newest row per PO and budget order is its share now. */
export interface BudgetOrderSharesTable {
  id: Generated<number>;
  budget_order_id: number;
  po_id: number;
  at: string;
  allocated_minor: number;
  provisional_minor: number;
}

/** A PO's purchasing controls, one row per PO that carries any (migration 0010). */
export interface PoPurchasingControlsTable {
  po_id: number;
  billing_entity_id: number | null;
  customer_po_number: string | null;
  project_code: string | null;
  budget_order_id: number | null;
}
