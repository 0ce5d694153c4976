import type { DeskApi } from '../../shared/api';
import type { CallName, ChangeNotice, ConnectionState, InputOf, OutputOf } from '../../shared/contracts';
import type { AppError, Result } from '../../shared/result';

/**
 * The renderer's only door to main. Every call answers with a Result; a bridge that is missing or
 * throws (it should not) is turned into an `internal` error so screens never deal with exceptions.
 */
const UNREACHABLE: AppError = { code: 'internal', message: 'The purchasing desk service is not reachable.' };

export const hasApi = (): boolean => typeof window !== 'undefined' && typeof window.api === 'object' && window.api !== null;

async function call<K extends CallName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  if (!hasApi()) return { ok: false, error: UNREACHABLE };
  try {
    const fn = window.api[name] as (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
    const result = await fn(input);
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') return { ok: false, error: UNREACHABLE };
    return result;
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

type Calls = { [K in CallName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>> };

export const api: Calls & Pick<DeskApi, 'onChanged' | 'onConnectionChanged'> = {
  signIn: (input) => call('signIn', input),
  signOut: (input) => call('signOut', input),
  unlockSignIn: (input) => call('unlockSignIn', input),
  currentOperator: (input) => call('currentOperator', input),
  setupState: (input) => call('setupState', input),
  setUpFirstAdmin: (input) => call('setUpFirstAdmin', input),
  getSettings: (input) => call('getSettings', input),
  updateSettings: (input) => call('updateSettings', input),
  setMyLocale: (input) => call('setMyLocale', input),
  searchVendors: (input) => call('searchVendors', input),
  listWarehouses: (input) => call('listWarehouses', input),
  searchItems: (input) => call('searchItems', input),
  resolveHeader: (input) => call('resolveHeader', input),
  resolveLine: (input) => call('resolveLine', input),
  savePo: (input) => call('savePo', input),
  openPo: (input) => call('openPo', input),
  listPos: (input) => call('listPos', input),
  listDistributionCodes: (input) => call('listDistributionCodes', input),
  listAudit: (input) => call('listAudit', input),
  auditVocabulary: (input) => call('auditVocabulary', input),
  changePoStatus: (input) => call('changePoStatus', input),
  reviewQueue: (input) => call('reviewQueue', input),
  openReview: (input) => call('openReview', input),
  decideReview: (input) => call('decideReview', input),
  reviewPackage: (input) => call('reviewPackage', input),
  importReviewDecisions: (input) => call('importReviewDecisions', input),
  poDocument: (input) => call('poDocument', input),
  poRevision: (input) => call('poRevision', input),
  listApprovalRules: (input) => call('listApprovalRules', input),
  saveApprovalBand: (input) => call('saveApprovalBand', input),
  deleteApprovalBand: (input) => call('deleteApprovalBand', input),
  setApprovalLimit: (input) => call('setApprovalLimit', input),
  budgetOrderPicker: (input) => call('budgetOrderPicker', input),
  budgetOrderHeadroom: (input) => call('budgetOrderHeadroom', input),
  budgetView: (input) => call('budgetView', input),
  saveBudgetOrder: (input) => call('saveBudgetOrder', input),
  listPurchasingControls: (input) => call('listPurchasingControls', input),
  saveBillingEntity: (input) => call('saveBillingEntity', input),
  deleteBillingEntity: (input) => call('deleteBillingEntity', input),
  saveUserGroup: (input) => call('saveUserGroup', input),
  deleteUserGroup: (input) => call('deleteUserGroup', input),
  connectionState: (input) => call('connectionState', input),
  testConnection: (input) => call('testConnection', input),
  chooseConnection: (input) => call('chooseConnection', input),
  offlineReviewState: (input) => call('offlineReviewState', input),
  dismissReviewConflict: (input) => call('dismissReviewConflict', input),
  onChanged(listener: (notice: ChangeNotice) => void): () => void {
    if (!hasApi()) return () => {};
    return window.api.onChanged(listener);
  },
  /** Main (or the browser bridge) says when the desk's server stops or starts answering, or another connection is chosen. */
  onConnectionChanged(listener: (state: ConnectionState) => void): () => void {
    if (!hasApi() || typeof window.api.onConnectionChanged !== 'function') return () => {};
    return window.api.onConnectionChanged(listener);
  },
};
