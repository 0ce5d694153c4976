// One supervisor's team workstation for the offline-review kill -9 test: Electron main's
// DeskConnection in team mode, without Electron, on a user-data folder of its own. It prints one
// line per step (`event {json}`) so the test can SIGKILL it at an exact point.
//
//   decide <serverUrl> <userDataDir> <signInName>
//     signs in, waits for the review copy, loses the network, and approves every PO in the copy;
//     prints `kept` after each answer.
//   replay <serverUrl> <userDataDir> <signInName> <holdMs>
//     signs in (which sends the outbox), prints `answered` when the server's answer to a replayed
//     decision arrives and holds it holdMs before the workstation may read it; prints `done` when
//     the outbox is empty.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CONNECTION_FILE_NAME } from '../../src/main/team/connection-choice';
import { DeskConnection } from '../../src/main/team/desk-connection';
import { REVIEW_COPY_FILE_NAME } from '../../src/main/team/review-copy/offline-review';

const say = (event: string, detail: unknown = {}) => console.log(`${event} ${JSON.stringify(detail)}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const [mode, serverUrl, userData, signInName, holdText] = process.argv.slice(2) as [string, string, string, string, string | undefined];
  const holdMs = Number(holdText ?? 0);
  let cut = false;

  const watchedFetch: typeof fetch = async (input, init) => {
    // The workstation's network is gone: every request fails as a refused connection does.
    if (cut) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const response = await fetch(input, init);
    if (String(input).endsWith('/api/decideReview')) {
      const sent = JSON.parse(String(init?.body)) as { decisionId: string };
      const answer = (await response.clone().json()) as { ok: boolean; value?: { outcome: string }; error?: { code: string } };
      say('answered', { decisionId: sent.decisionId, outcome: answer.ok ? answer.value?.outcome : answer.error?.code });
      // Applied on the server, not yet read here: a kill now leaves the row "sending".
      if (holdMs > 0) await sleep(holdMs);
    }
    return response;
  };

  const connection = await DeskConnection.open({
    choiceFile: join(userData, CONNECTION_FILE_NAME),
    defaultChoice: { mode: 'team', url: serverUrl },
    openLocalDesk: () => Promise.reject(new Error('a team workstation opens no database of its own')),
    notifyChange: () => undefined,
    notifyConnection: () => undefined,
    fetch: watchedFetch,
    retry: { firstDelayMs: 50, maxDelayMs: 200 },
    reviewCopyFile: join(userData, REVIEW_COPY_FILE_NAME),
    reviewCopyTiming: { noticeSettleMs: 50 },
    log: () => undefined,
  });
  const window = 'window-1';
  const state = async () => {
    const answer = await connection.answer('offlineReviewState', {}, window);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const signedIn = await connection.call(window, 'signIn', { signInName, password: 'demo' });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
  say('signed-in', await state());

  if (mode === 'decide') {
    while ((await state()).copiedAt === null) await sleep(20);
    cut = true;
    while (connection.state().reachable) {
      await connection.call(window, 'currentOperator', {});
      await sleep(20);
    }
    const queue = await connection.call(window, 'reviewQueue', {});
    if (!queue.ok) throw new Error(queue.error.message);
    say('offline', { queue: queue.value.rows.map((row) => row.number) });
    for (const row of queue.value.rows) {
      const decisionId = randomUUID();
      const answer = await connection.call(window, 'decideReview', { id: row.id, revision: row.revision, version: row.version, decision: 'approve', decisionId });
      if (!answer.ok) throw new Error(answer.error.message);
      say('kept', { decisionId, poNumber: row.number, message: answer.value.message });
    }
  } else if (mode === 'replay') {
    for (;;) {
      const now = await state();
      if (now.pending === 0) {
        say('done', now);
        break;
      }
      await sleep(50);
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
