import type { PoDetail } from '../../shared/contracts';
import { checkBudgetChange } from '../domain/budget-checks';
import type { Db } from '../store/connect';
import { findPoBudgetFacts } from '../store/repositories/budget-order-repo';
import { findPoControls } from '../store/repositories/po-controls-repo';

export type PoControlsView = Pick<PoDetail, 'billingEntity' | 'customerPoNumber' | 'projectCode' | 'budgetOrder'>;

/**
 * A stored PO's billing entity, customer PO number, project code and budget order, as the PO screen
 * shows them; whether the budget order may still change is the budget-change rule's answer.
 */
export async function loadPoControlsView(db: Db, poId: number): Promise<PoControlsView> {
  const [controls, budget] = await Promise.all([findPoControls(db, poId), findPoBudgetFacts(db, poId)]);
  if (!controls || !budget) return { billingEntity: null, customerPoNumber: null, projectCode: null, budgetOrder: null };
  let budgetOrder: PoControlsView['budgetOrder'] = null;
  if (controls.budgetOrderId !== null && controls.budgetOrderNumber !== null) {
    const verdict = checkBudgetChange({ poNumber: budget.number, poStatus: budget.status, lastReleasedRevision: budget.lastReleasedRevision, from: controls.budgetOrderNumber, to: null });
    const locked = verdict.rule === 'budget-locked';
    budgetOrder = {
      id: controls.budgetOrderId,
      number: controls.budgetOrderNumber,
      customerPoNumber: controls.budgetOrderCustomerPoNumber,
      locked,
      reason: verdict.allowed ? `While ${budget.number} is a draft that was never approved, its budget order may change.` : verdict.reason,
    };
  }
  return {
    billingEntity: controls.billingEntityCode === null || controls.billingEntityName === null ? null : { code: controls.billingEntityCode, name: controls.billingEntityName },
    customerPoNumber: controls.customerPoNumber,
    projectCode: controls.projectCode,
    budgetOrder,
  };
}
