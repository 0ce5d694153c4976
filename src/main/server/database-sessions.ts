import { createHash } from 'node:crypto';
import type { Db } from '../store/connect';
import { deleteSessionsEndedBefore, insertSession, revokeSession, stickSessionCostCenter, touchLiveSession } from '../store/repositories/session-repo';
import { DEFAULT_SESSION_LIMITS, type DeskSessions, type Session, type SessionLimits } from '../services/sessions';

/** The hash a session is stored and announced under; a browser's key holds its cookie, which must never be written. */
export const sessionHash = (key: string): string => createHash('sha256').update(key).digest('base64url');

/** Sessions past their absolute end are deleted this long afterwards, at most once per interval per instance. */
const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;
const CLEAN_EVERY_MS = 60 * 60 * 1000;

/**
 * Sessions in the desk's database, so several server instances serve one team: a session made
 * on one is live on all, and revoked on all at sign-out. Each call checks and touches the row in
 * one statement. Times come from this process's clock; instances are expected to keep theirs in
 * step (NTP), as a few seconds' skew only moves an expiry by as much.
 */
export class DatabaseSessionStore implements DeskSessions {
  readonly shared = true;
  /** Starts not yet written: a caller that did not wait for one still finds the session. */
  private readonly starting = new Map<string, Promise<unknown>>();
  private lastCleanAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string): Promise<Session | undefined> {
    const hash = sessionHash(key);
    await this.starting.get(hash);
    const now = this.clock();
    return touchLiveSession(this.db, hash, iso(now), iso(now + this.limits.idleMs));
  }

  start(key: string, operatorId: number): Promise<Session> {
    const hash = sessionHash(key);
    const now = this.clock();
    const written = this.cleanUp(now).then(() =>
      insertSession(this.db, {
        token_hash: hash,
        operator_id: operatorId,
        created_at: iso(now),
        last_seen_at: iso(now),
        idle_expires_at: iso(now + this.limits.idleMs),
        expires_at: iso(now + this.limits.maxAgeMs),
      }),
    );
    // Marked handled at once: a caller that does not wait must not crash the process if the write fails.
    const settled = written.catch(() => undefined);
    this.starting.set(hash, settled);
    void settled.then(() => {
      if (this.starting.get(hash) === settled) this.starting.delete(hash);
    });
    return written.then(() => ({ operatorId, stickyCostCenterCode: null }));
  }

  async end(key: string): Promise<void> {
    const hash = sessionHash(key);
    await this.starting.get(hash);
    await revokeSession(this.db, hash, iso(this.clock()));
  }

  async stickCostCenter(key: string, code: string): Promise<void> {
    await stickSessionCostCenter(this.db, sessionHash(key), code);
  }

  private async cleanUp(now: number): Promise<void> {
    if (now - this.lastCleanAt < CLEAN_EVERY_MS) return;
    this.lastCleanAt = now;
    await deleteSessionsEndedBefore(this.db, iso(now - KEEP_ENDED_MS));
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
