import type { HandlerTable } from './handler-types';
import { adminHandlers } from './admin-handlers';
import { codingHandlers } from './coding-handlers';
import { importHandlers } from './import-handlers';
import { invoiceHandlers } from './invoice-handlers';
import { operatorAdminHandlers } from './operator-admin-handlers';
import { findCaller, signOut, toSummary } from '../services/auth-service';
import { setUpFirstAdmin, setupState } from '../services/first-admin-service';
import { signIn, unlockSignIn } from '../services/sign-in-service';
import { resolvePoHeader } from '../services/header-service';
import { listWarehouses, searchItems, searchVendors } from '../services/lookup-service';
import { listAuditEntries, listAuditVocabulary } from '../services/audit-service';
import { resolveDraftLine } from '../services/line-service';
import { openPurchaseOrder } from '../services/po-access-service';
import { listPurchaseOrders } from '../services/po-list-service';
import { saveAndReopen } from '../services/po-service';
import { listDistributionCodes } from '../store/repositories/distribution-code-repo';
import { getSettings, setMyLocale, updateSettings } from '../services/settings-service';
import { deleteApprovalBand, listApprovalRules, saveApprovalBand, setApprovalLimit } from '../services/approval-rules-service';
import { changePoStatus } from '../services/lifecycle-service';
import { poDocument, readPoRevision } from '../services/po-document-service';
import { decideReview, importReviewDecisions, listReviewQueue, makeReviewPackage, openReview } from '../services/review-service';
import { budgetOrderHeadroom, budgetOrderPicker, budgetView, saveBudgetOrder } from '../services/budget-service';
import { deleteBillingEntity, deleteUserGroup, listPurchasingControls, saveBillingEntity, saveUserGroup } from '../services/purchasing-controls-service';

/**
 * How main answers each contract: who may call it, what it changes, and the service it calls.
 * Thin on purpose — validation happens before, rules live in services and domain. Later features
 * keep their handlers beside each other in their own files, spread in at the end.
 */
export const handlers: HandlerTable = {
  signIn: {
    access: 'anyone',
    changes: ['session', 'audit'],
    run: (desk, key, input, client) => signIn(desk, key, input.signInName, input.password, client),
  },
  unlockSignIn: { access: 'signed-in', changes: ['audit'], run: (desk, caller, input) => unlockSignIn(desk, caller, input.signInName) },
  signOut: {
    access: 'anyone',
    changes: ['session'],
    run: async (desk, key) => {
      signOut(desk, key);
      return { signedOut: true as const };
    },
  },
  currentOperator: {
    access: 'anyone',
    run: async (desk, key) => {
      const caller = await findCaller(desk, key);
      return caller ? toSummary(caller.operator) : null;
    },
  },
  setupState: { access: 'anyone', run: (desk) => setupState(desk) },
  setUpFirstAdmin: { access: 'anyone', changes: ['session', 'audit'], run: (desk, key, input) => setUpFirstAdmin(desk, key, input) },
  getSettings: { access: 'anyone', run: (desk) => getSettings(desk.db) },
  updateSettings: { access: 'signed-in', changes: ['settings', 'audit'], run: (desk, caller, input) => updateSettings(desk, caller, input) },
  setMyLocale: { access: 'signed-in', changes: ['session'], run: (desk, caller, input) => setMyLocale(desk, caller, input.locale) },
  searchVendors: { access: 'signed-in', run: (desk, caller, input) => searchVendors(desk.db, caller, input.query) },
  listWarehouses: { access: 'signed-in', run: (desk) => listWarehouses(desk.db) },
  searchItems: { access: 'signed-in', run: (desk, _caller, input) => searchItems(desk.db, input.query) },
  resolveHeader: { access: 'signed-in', run: (desk, caller, input) => resolvePoHeader(desk.db, caller, input) },
  resolveLine: { access: 'signed-in', changes: ['audit'], run: (desk, caller, input) => resolveDraftLine(desk, caller, input) },
  savePo: { access: 'signed-in', changes: ['purchase-orders', 'audit'], run: (desk, caller, input) => saveAndReopen(desk, caller, input) },
  openPo: { access: 'signed-in', changes: ['audit'], run: (desk, caller, input) => openPurchaseOrder(desk, caller, input.id, input.mode) },
  listPos: { access: 'signed-in', run: (desk, caller, input) => listPurchaseOrders(desk, caller, input) },
  listDistributionCodes: { access: 'signed-in', run: (desk) => listDistributionCodes(desk.db) },
  listAudit: { access: 'signed-in', run: (desk, caller, input) => listAuditEntries(desk, caller, input) },
  auditVocabulary: { access: 'signed-in', run: (desk, caller) => listAuditVocabulary(desk, caller) },
  changePoStatus: { access: 'signed-in', changes: ['purchase-orders', 'review', 'audit'], run: (desk, caller, input) => changePoStatus(desk, caller, input) },
  reviewQueue: { access: 'signed-in', run: (desk, caller) => listReviewQueue(desk, caller) },
  openReview: { access: 'signed-in', run: (desk, caller, input) => openReview(desk, caller, input.id) },
  decideReview: { access: 'signed-in', changes: ['purchase-orders', 'review', 'audit'], run: (desk, caller, input) => decideReview(desk, caller, input) },
  reviewPackage: { access: 'signed-in', run: (desk, caller) => makeReviewPackage(desk, caller) },
  importReviewDecisions: { access: 'signed-in', changes: ['purchase-orders', 'review', 'audit'], run: (desk, caller, input) => importReviewDecisions(desk, caller, input) },
  poDocument: { access: 'signed-in', run: (desk, caller, input) => poDocument(desk, caller, input) },
  poRevision: { access: 'signed-in', run: (desk, caller, input) => readPoRevision(desk, caller, input) },
  listApprovalRules: { access: 'signed-in', run: (desk, caller) => listApprovalRules(desk, caller) },
  saveApprovalBand: { access: 'signed-in', changes: ['approval-rules', 'review', 'audit'], run: (desk, caller, input) => saveApprovalBand(desk, caller, input) },
  deleteApprovalBand: { access: 'signed-in', changes: ['approval-rules', 'review', 'audit'], run: (desk, caller, input) => deleteApprovalBand(desk, caller, input.id) },
  setApprovalLimit: { access: 'signed-in', changes: ['approval-rules', 'review', 'audit'], run: (desk, caller, input) => setApprovalLimit(desk, caller, input) },
  // Budget orders move with every PO save and step, so their changes are announced as the POs' own.
  budgetOrderPicker: { access: 'signed-in', run: (desk, caller, input) => budgetOrderPicker(desk, caller, input) },
  budgetOrderHeadroom: { access: 'signed-in', run: (desk, caller, input) => budgetOrderHeadroom(desk, caller, input) },
  budgetView: { access: 'signed-in', run: (desk, caller) => budgetView(desk, caller) },
  saveBudgetOrder: { access: 'signed-in', changes: ['purchase-orders', 'audit'], run: (desk, caller, input) => saveBudgetOrder(desk, caller, input) },
  // Billing entities and user groups are installation master data, announced with the settings.
  listPurchasingControls: { access: 'signed-in', run: (desk, caller) => listPurchasingControls(desk, caller) },
  saveBillingEntity: { access: 'signed-in', changes: ['settings', 'audit'], run: (desk, caller, input) => saveBillingEntity(desk, caller, input) },
  deleteBillingEntity: { access: 'signed-in', changes: ['settings', 'audit'], run: (desk, caller, input) => deleteBillingEntity(desk, caller, input.id) },
  saveUserGroup: { access: 'signed-in', changes: ['settings', 'audit'], run: (desk, caller, input) => saveUserGroup(desk, caller, input) },
  deleteUserGroup: { access: 'signed-in', changes: ['settings', 'audit'], run: (desk, caller, input) => deleteUserGroup(desk, caller, input.id) },
  ...codingHandlers,
  ...invoiceHandlers,
  ...adminHandlers,
  ...operatorAdminHandlers,
  ...importHandlers,
};
