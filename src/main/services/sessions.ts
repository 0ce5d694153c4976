/**
 * Sign-in sessions, one per renderer (an Electron window or a browser tab), held only in main's
 * memory: the renderer never names the operator it acts for. A session ends at sign-out, after
 * `idleMs` without a call, and `maxAgeMs` after sign-in whatever its use.
 */
export interface Session {
  operatorId: number;
  /** Rule 4a: the first cost center this operator entered on PO entry in this session. */
  stickyCostCenterCode: string | null;
}

export interface SessionLimits {
  idleMs: number;
  maxAgeMs: number;
}

/** A working day of use, with a long lunch away from the desk at most. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 2 * 60 * 60 * 1000, maxAgeMs: 12 * 60 * 60 * 1000 };

interface HeldSession {
  session: Session;
  startedAt: number;
  lastSeenAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, HeldSession>();

  constructor(
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The live session for the key, its idle clock restarted; an expired one is ended and not returned. */
  get(key: string): Session | undefined {
    const held = this.sessions.get(key);
    if (!held) return undefined;
    const now = this.clock();
    if (now - held.lastSeenAt > this.limits.idleMs || now - held.startedAt > this.limits.maxAgeMs) {
      this.sessions.delete(key);
      return undefined;
    }
    held.lastSeenAt = now;
    return held.session;
  }

  start(key: string, operatorId: number): Session {
    const now = this.clock();
    const session: Session = { operatorId, stickyCostCenterCode: null };
    this.sessions.set(key, { session, startedAt: now, lastSeenAt: now });
    return session;
  }

  end(key: string): void {
    this.sessions.delete(key);
  }
}
