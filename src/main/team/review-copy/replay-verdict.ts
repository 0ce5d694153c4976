import type { ReviewOutcome } from '../../../shared/lifecycle-schemas';
import type { Result } from '../../../shared/result';

/** What the replay does with one outbox row after the server's answer to it. */
export type ReplayVerdict =
  /** Applied now, or applied before under the same decision id (a row resent after a crash): done. */
  | { kind: 'sent'; outcome: ReviewOutcome }
  /** Not applied and never will be as it stands: the supervisor sees why and decides again. */
  | { kind: 'conflict'; outcome: 'conflict' | 'refused'; message: string }
  /** The session is gone on the server: the row waits for the same supervisor to sign in again. */
  | { kind: 'signed-out' }
  /** The server is away, or failed without deciding anything: stop, keep the row, try again later. */
  | { kind: 'retry-later'; message: string };

/**
 * The server checks a replayed decision against the revision and version it was made on and
 * applies a decision id once, so every answer falls in one of four cases. Only an answer that
 * says nothing was decided and nothing will be (a conflict, a refusal by the rules, a PO gone)
 * takes the row out of the outbox; whatever leaves the outcome open keeps it.
 */
export function replayVerdict(answer: Result<ReviewOutcome>): ReplayVerdict {
  if (answer.ok) return { kind: 'sent', outcome: answer.value };
  const { code, message } = answer.error;
  switch (code) {
    case 'conflict':
      return { kind: 'conflict', outcome: 'conflict', message };
    case 'refused':
    case 'forbidden':
    case 'not-found':
    case 'invalid-input':
    case 'needs-confirmation':
      return { kind: 'conflict', outcome: 'refused', message };
    case 'not-signed-in':
      return { kind: 'signed-out' };
    case 'unreachable':
    case 'internal':
      return { kind: 'retry-later', message };
  }
}
