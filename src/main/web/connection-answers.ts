import { type ConnectionChoice, type ConnectionContractName, connectionContracts, type ConnectionState } from '../../shared/contracts';
import type { Result } from '../../shared/result';
import { invalidInput } from '../ipc/validation-messages';
import { NO_REVIEW_COPY } from '../team/no-review-copy';
import { probeTeamServer } from '../team/server-probe';

/** How the web host answers the connection calls; the renderer asks them the same way in every shell. */
export type ConnectionAnswers = (name: ConnectionContractName, payload: unknown) => Promise<Result<unknown>>;

/**
 * A browser page uses the server it was opened from; choosing or testing another is the desktop
 * app's business. The host never fetches an address a request names: that would let any page
 * make it probe the network behind it.
 */
export function browserConnectionAnswers(serverUrl: () => string): ConnectionAnswers {
  const state = (): ConnectionState => ({ mode: 'browser', serverUrl: serverUrl(), reachable: true, canChoose: false, problem: null });
  return async (name) => {
    if (name === 'connectionState') return { ok: true, value: state() };
    // A page cannot outlive its server, so it keeps no review copy: the review desk works online only here.
    if (name === 'offlineReviewState' || name === 'dismissReviewConflict') return { ok: true, value: NO_REVIEW_COPY };
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: 'This page uses the desk server it was opened from. The connection is chosen in the desktop app, on each workstation.',
      },
    };
  };
}

/**
 * Test only: the answers of a workstation that has not chosen yet, so the first-run choice can be
 * shown and used in a browser. A choice is only remembered; desk calls still go to this host.
 */
export function previewConnectionAnswers(): ConnectionAnswers {
  let choice: ConnectionChoice | null = null;
  const state = (): ConnectionState => ({
    mode: choice?.mode ?? 'unchosen',
    serverUrl: choice?.mode === 'team' ? choice.url : null,
    reachable: true,
    canChoose: true,
    problem: null,
  });
  return async (name, payload) => {
    const input = payload ?? {};
    const parsed = connectionContracts[name].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, input) };
    if (name === 'connectionState') return { ok: true, value: state() };
    if (name === 'offlineReviewState' || name === 'dismissReviewConflict') return { ok: true, value: NO_REVIEW_COPY };
    if (name === 'testConnection') return { ok: true, value: await probeTeamServer((parsed.data as { url: string }).url) };
    const chosen = parsed.data as ConnectionChoice;
    if (chosen.mode === 'team') {
      const found = await probeTeamServer(chosen.url);
      if (!found.found) return { ok: false, error: { code: 'unreachable', message: `Nothing was changed: ${found.message}` } };
    }
    choice = chosen;
    return { ok: true, value: state() };
  };
}
