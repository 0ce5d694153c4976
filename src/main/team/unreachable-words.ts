import type { ContractName } from '../../shared/contracts';
import type { AppError } from '../../shared/result';
import type { NetworkFailure } from './network-failure';

/** The calls that store something the operator did; the others only read (and perhaps audit the reading). */
export const SAVING_CALLS: ReadonlySet<ContractName> = new Set([
  'savePo',
  'updateSettings',
  'setMyLocale',
  'unlockSignIn',
  'setUpFirstAdmin',
  'changePoStatus',
  'decideReview',
  'importReviewDecisions',
  'saveApprovalBand',
  'deleteApprovalBand',
  'setApprovalLimit',
  'commitImport',
]);

/**
 * What the operator is told when the team server did not answer. The server saves each change in one
 * transaction, so a save is whole or absent: when the request never left, it is absent; when it left
 * and no answer came, this computer cannot know which, and says so instead of guessing.
 */
export function unreachableError(serverUrl: string, name: ContractName, failure: NetworkFailure): AppError {
  const saving = SAVING_CALLS.has(name);
  if (failure.sent && saving) {
    return {
      code: 'unreachable',
      message: `The team server at ${serverUrl} stopped answering after your change was sent, so this computer cannot tell whether it was saved. A change is saved whole or not at all: when the server is back, look at it again to see which.`,
    };
  }
  return {
    code: 'unreachable',
    message: saving
      ? `The team server at ${serverUrl} cannot be reached. Nothing was saved; try again when it is back.`
      : `The team server at ${serverUrl} cannot be reached; try again when it is back.`,
  };
}

/** A gateway in front of the server (502, 503) said the desk behind it is away: nothing reached the desk. */
export const NOT_SENT_GATEWAY: NetworkFailure = { sent: false, kind: 'refused', code: 'gateway' };
/** A gateway gave up waiting for the desk (504): the desk may have acted on it. */
export const SENT_GATEWAY_TIMEOUT: NetworkFailure = { sent: true, kind: 'timeout', code: 'gateway-timeout' };
