/**
 * Sign-in sessions, one per renderer (an Electron window or a browser tab) or per workstation
 * token: the renderer never names the operator it acts for. A session ends at sign-out, after
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

/**
 * Where a desk keeps its sessions: in this process's memory (one computer, `SessionStore`), or in
 * the database so every instance of a team's desk server knows them (`DatabaseSessionStore` in
 * src/main/server). Callers await every answer; the memory store answers at once.
 */
export interface DeskSessions {
  /** True when a session started by one host is live on every host on the same database. */
  readonly shared: boolean;
  /** The live session for the key, its idle clock restarted; an expired, idle or revoked one is not returned. */
  get(key: string): Session | undefined | Promise<Session | undefined>;
  start(key: string, operatorId: number): Session | Promise<Session>;
  /** Ends (revokes) the session; the key is nobody's from then on. */
  end(key: string): void | Promise<void>;
  /** Rule 4a: sticks the cost center unless one already stuck in this session. */
  stickCostCenter(key: string, code: string): void | Promise<void>;
  /**
   * Ends every session of the operator but `exceptKey` (a reset or changed password, a
   * deactivation). A store without it keeps its sessions in the database's desk_sessions, which
   * operator-admin-sessions.ts revokes directly.
   */
  endAllOf?(operatorId: number, exceptKey?: string): void | Promise<void>;
}

interface HeldSession {
  session: Session;
  startedAt: number;
  lastSeenAt: number;
}

/** Sessions in this process's memory: the single-computer desk and the browser mode's loopback host. */
export class SessionStore implements DeskSessions {
  readonly shared = false;
  private readonly sessions = new Map<string, HeldSession>();

  constructor(
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

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

  stickCostCenter(key: string, code: string): void {
    const held = this.sessions.get(key);
    if (held && held.session.stickyCostCenterCode === null) held.session.stickyCostCenterCode = code;
  }

  endAllOf(operatorId: number, exceptKey?: string): void {
    for (const [key, held] of this.sessions) {
      if (held.session.operatorId === operatorId && key !== exceptKey) this.sessions.delete(key);
    }
  }
}
