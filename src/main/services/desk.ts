import type { Db } from '../store/connect';
import type { Session } from './sessions';
import { RECOMMENDED_PASSWORD_COST } from './passwords';
import { SessionStore } from './sessions';
import type { OperatorRecord } from '../store/repositories/operator-repo';

/** Everything a use case needs from the running app. */
export interface Desk {
  db: Db;
  sessions: SessionStore;
  now: () => string;
  /** scrypt cost for new and upgraded password hashes. */
  passwordCost: number;
}

export interface DeskOptions {
  now?: () => string;
  /** Tests use a cheap cost so hundreds of sign-ins stay fast; the app always uses the recommended one. */
  passwordCost?: number;
}

export function createDesk(db: Db, options: DeskOptions = {}): Desk {
  return {
    db,
    sessions: new SessionStore(),
    now: options.now ?? (() => new Date().toISOString()),
    passwordCost: options.passwordCost ?? RECOMMENDED_PASSWORD_COST,
  };
}

/** The operator a call acts for, as main's own session knows them. */
export interface Caller {
  sessionKey: string;
  session: Session;
  operator: OperatorRecord;
}
