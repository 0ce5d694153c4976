import { adminChannels } from './admin-channels';
import { codingChannels } from './coding-channels';
import { importChannels } from './import-channels';
import { invoiceChannels } from './invoice-channels';
import { operatorAdminChannels } from './operator-admin-channels';

/**
 * IPC channel names, kept free of zod so the sandboxed preload and the browser bridge
 * can be built from them without bundling validation code.
 */
export const channels = {
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  unlockSignIn: 'session:unlock-sign-in',
  currentOperator: 'session:current',
  setupState: 'setup:state',
  setUpFirstAdmin: 'setup:first-admin',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  setMyLocale: 'session:set-locale',
  searchVendors: 'vendors:search',
  listWarehouses: 'warehouses:list',
  searchItems: 'items:search',
  resolveHeader: 'po:resolve-header',
  resolveLine: 'po:resolve-line',
  savePo: 'po:save',
  openPo: 'po:open',
  listPos: 'po:list',
  listDistributionCodes: 'distribution-codes:list',
  listAudit: 'audit:list',
  auditVocabulary: 'audit:vocabulary',
  changePoStatus: 'po:change-status',
  reviewQueue: 'review:queue',
  openReview: 'review:open',
  decideReview: 'review:decide',
  reviewPackage: 'review:package',
  importReviewDecisions: 'review:import-decisions',
  poDocument: 'po:document',
  poRevision: 'po:revision',
  listApprovalRules: 'approval-rules:list',
  saveApprovalBand: 'approval-rules:save-band',
  deleteApprovalBand: 'approval-rules:delete-band',
  setApprovalLimit: 'approval-rules:set-limit',
  budgetOrderPicker: 'budget-orders:picker',
  budgetOrderHeadroom: 'budget-orders:headroom',
  budgetView: 'budget-orders:view',
  saveBudgetOrder: 'budget-orders:save',
  listPurchasingControls: 'purchasing-controls:list',
  saveBillingEntity: 'purchasing-controls:save-billing-entity',
  deleteBillingEntity: 'purchasing-controls:delete-billing-entity',
  saveUserGroup: 'purchasing-controls:save-user-group',
  deleteUserGroup: 'purchasing-controls:delete-user-group',
  // Each later feature keeps its channels beside its contracts.
  ...codingChannels,
  ...invoiceChannels,
  ...adminChannels,
  ...operatorAdminChannels,
  ...importChannels,
  // Answered by the shell itself (Electron main, or the web host), never by a desk: how this screen reaches its desk.
  connectionState: 'connection:state',
  testConnection: 'connection:test',
  chooseConnection: 'connection:choose',
  offlineReviewState: 'review:offline-state',
  dismissReviewConflict: 'review:dismiss-conflict',
} as const;

export type ChannelName = keyof typeof channels;

/** Main → renderer: what changed after a write, so stores know what to refetch. */
export const CHANGE_CHANNEL = 'app:changed';
/** Main → renderer: the connection's state changed (a team server stopped or started answering, or another was chosen). */
export const CONNECTION_CHANNEL = 'app:connection';
