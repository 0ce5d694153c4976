import { join } from 'node:path';

export const DATABASE_FILE_NAME = 'purchasing-desk.sqlite';

export interface DataLocation {
  userDataDir: string;
  databaseFile: string;
}

/**
 * Where the app keeps its data. PURCHASING_DESK_DB points at another database file in any mode;
 * PURCHASING_DESK_USER_DATA moves the whole user-data directory, but only in test mode, so a stray
 * variable cannot redirect a workstation's real data.
 */
export function resolveDataLocation(env: NodeJS.ProcessEnv, defaultUserDataDir: string): DataLocation {
  const testMode = env.PURCHASING_DESK_TEST === '1';
  const userDataDir = testMode && env.PURCHASING_DESK_USER_DATA ? env.PURCHASING_DESK_USER_DATA : defaultUserDataDir;
  const databaseFile = env.PURCHASING_DESK_DB || join(userDataDir, DATABASE_FILE_NAME);
  return { userDataDir, databaseFile };
}

/** A new database gets the demo world unless PURCHASING_DESK_DEMO=0; then its first user sets up the administrator. */
export const wantsDemoData = (env: NodeJS.ProcessEnv): boolean => env.PURCHASING_DESK_DEMO !== '0';
