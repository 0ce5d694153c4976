import type { Db } from '../store/connect';
import type { Session } from './sessions';
import { RECOMMENDED_PASSWORD_COST } from './passwords';
import { type DeskSessions, SessionStore } from './sessions';
import type { OperatorRecord } from '../store/repositories/operator-repo';

/** Everything a use case needs from the running app. */
export interface Desk {
  db: Db;
  /** In memory on one computer; in the database on a team's desk server (see DeskSessions). */
  sessions: DeskSessions;
  now: () => string;
  /** scrypt cost for new and upgraded password hashes. */
  passwordCost: number;
}

export interface DeskOptions {
  now?: () => string;
  /** Tests use a cheap cost so hundreds of sign-ins stay fast; the app always uses the recommended one. */
  passwordCost?: number;
  /** Where sessions are kept; in this process's memory unless a desk server passes its database's. */
  sessions?: (db: Db) => DeskSessions;
}

/** A desk with its sessions in this process's memory, whose answers come at once. */
export type LocalDesk = Omit<Desk, 'sessions'> & { sessions: SessionStore };

export function createDesk(db: Db, options?: DeskOptions & { sessions?: undefined }): LocalDesk;
export function createDesk(db: Db, options: DeskOptions): Desk;
export function createDesk(db: Db, options: DeskOptions = {}): Desk {
  return {
    db,
    sessions: options.sessions?.(db) ?? new SessionStore(),
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
