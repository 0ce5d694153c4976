/**
 * Sign-in sessions, one per renderer (an Electron window or a browser tab), held only in main's
 * memory: the renderer never names the operator it acts for.
 */
export interface Session {
  operatorId: number;
  /** Rule 4a: the first cost center this operator entered on PO entry in this session. */
  stickyCostCenterCode: string | null;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  get(key: string): Session | undefined {
    return this.sessions.get(key);
  }

  start(key: string, operatorId: number): Session {
    const session: Session = { operatorId, stickyCostCenterCode: null };
    this.sessions.set(key, session);
    return session;
  }

  end(key: string): void {
    this.sessions.delete(key);
  }
}
