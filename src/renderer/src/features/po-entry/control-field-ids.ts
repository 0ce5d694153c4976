import type { FieldTarget } from './field-ids';

/**
 * The header fields of the purchasing controls (billing entity, project code, budget order): their
 * form keys, DOM ids and names, and the save-contract paths main names them by, so a refusal of
 * `projectCode` puts its message and the cursor on the project-code field.
 */
export type ControlField = 'billingEntity' | 'projectCode' | 'budgetOrder';

export const CONTROL_IDS: Record<ControlField, string> = {
  billingEntity: 'po-billing-entity',
  projectCode: 'po-project-code',
  budgetOrder: 'po-budget-order',
};

export const CONTROL_LABELS: Record<ControlField, string> = {
  billingEntity: 'Billing entity',
  projectCode: 'Project code',
  budgetOrder: 'Budget order',
};

const CONTROL_BY_CONTRACT: Record<string, ControlField> = {
  billingEntityCode: 'billingEntity',
  projectCode: 'projectCode',
  budgetOrderId: 'budgetOrder',
};

/** The control field a contract path names, or null for any other path. */
export function controlTargetOf(path: string | undefined): FieldTarget | null {
  const field = path ? CONTROL_BY_CONTRACT[path] : undefined;
  return field ? { key: field, id: CONTROL_IDS[field], label: CONTROL_LABELS[field] } : null;
}
