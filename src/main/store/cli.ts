// Prepares a team database before the desk server first starts, from PURCHASING_DESK_DATABASE_URL:
//   npm run db:migrate   brings the schema up to date (under the same advisory lock the server takes)
//   npm run db:demo      the same, then fills the demo world if the database holds no operator yet
// A SQLite file path works too, for trying the commands on one computer.
import { openStore } from '../open-store';
import { isPostgresUrl, migrateToLatest, openPostgres, openSqlite } from './connect';
import { isEmptyDatabase } from './demo-data';
import { DEMO_DATABASE, readSetting } from './repositories/settings-repo';

export const DATABASE_URL_VARIABLE = 'PURCHASING_DESK_DATABASE_URL';

/** A database address fit for a message: no password. */
export const redactedLocation = (location: string): string => location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

type Say = (line: string) => void;

export async function migrateCommand(location: string, say: Say): Promise<void> {
  const db = isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
  try {
    const applied = await migrateToLatest(db);
    say(applied.length === 0 ? `${redactedLocation(location)} is up to date.` : `${redactedLocation(location)}: applied ${applied.join(', ')}.`);
  } finally {
    await db.destroy();
  }
}

export async function demoCommand(location: string, say: Say): Promise<void> {
  const db = await openStore(location, { demoData: true });
  try {
    const mark = await readSetting(db, DEMO_DATABASE);
    if (mark === 'true') say(`${redactedLocation(location)} holds the demo world; every demo operator's password is "demo".`);
    else if (await isEmptyDatabase(db)) say(`${redactedLocation(location)} was first opened without demo data, so it gets none; the first person to open the desk sets up its administrator.`);
    else say(`${redactedLocation(location)} already holds data of its own; no demo data was added.`);
  } finally {
    await db.destroy();
  }
}

const COMMANDS: Record<string, (location: string, say: Say) => Promise<void>> = { migrate: migrateCommand, demo: demoCommand };

async function main(): Promise<number> {
  const [name = ''] = process.argv.slice(2);
  const command = COMMANDS[name];
  const location = process.env[DATABASE_URL_VARIABLE];
  if (!command) {
    console.error(`Usage: ${DATABASE_URL_VARIABLE}=postgres://user:password@host/database npm run db:migrate | db:demo`);
    return 2;
  }
  if (!location) {
    console.error(`Set ${DATABASE_URL_VARIABLE} to the team database, e.g. postgres://desk:secret@db.example:5432/purchasing.`);
    return 2;
  }
  try {
    await command(location, (line) => console.log(line));
    return 0;
  } catch (error) {
    console.error(`db:${name} failed on ${redactedLocation(location)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run as a script (tsx src/main/store/cli.ts ...), not when a test imports the commands.
if (process.argv[1] && /store[\\/]cli\.ts$/.test(process.argv[1])) void main().then((code) => process.exit(code));
