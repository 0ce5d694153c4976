import type { Db } from '../store/connect';
import type { Session } from './sessions';
import { SessionStore } from './sessions';
import type { OperatorRecord } from '../store/repositories/operator-repo';

/** Everything a use case needs from the running app. */
export interface Desk {
  db: Db;
  sessions: SessionStore;
  now: () => string;
}

export function createDesk(db: Db, now: () => string = () => new Date().toISOString()): Desk {
  return { db, sessions: new SessionStore(), now };
}

/** The operator a call acts for, as main's own session knows them. */
export interface Caller {
  sessionKey: string;
  session: Session;
  operator: OperatorRecord;
}
