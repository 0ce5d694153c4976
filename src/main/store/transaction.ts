import type { Transaction } from 'kysely';
import type { Db } from './connect';
import { isRetryableConflict, isStoreUnreachable } from './dialect';
import type { Database } from './schema';

/** Runs of a transaction in all, the first included, before a serialization failure or deadlock is let through. */
const ATTEMPTS = 4;
/** Pause before the n-th retry: n times this, plus as much again at random, so the two losers of a deadlock do not meet again. */
const BACKOFF_MS = 15;

/**
 * The connection broke after the transaction's work was done, while it was being committed: the
 * server may have committed it or not, and this process cannot tell which.
 */
export class CommitOutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super('The connection to the database broke while a transaction was being committed; it may or may not have been saved.', { cause });
    this.name = 'CommitOutcomeUnknown';
  }
}

/**
 * `work` in a transaction, whole or not at all. PostgreSQL may roll a transaction back only
 * because another ran at the same time (a serialization failure, a deadlock); that one is run
 * again from the start, a few times, and then its error is let through for the caller to report
 * (isStoreBusy). SQLite never answers so: its write lock is taken at BEGIN and waited for.
 */
export async function inRetriedTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let workDone = false;
    try {
      return await db.transaction().execute(async (trx) => {
        const result = await work(trx);
        workDone = true;
        return result;
      });
    } catch (error) {
      if (workDone && isStoreUnreachable(error)) throw new CommitOutcomeUnknown(error);
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * attempt * (1 + Math.random())));
    }
  }
}
