import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveDataLocation, wantsDemoData } from '../data-location';
import { openStore } from '../open-store';
import { createDesk } from '../services/desk';
import { startWebHost } from './web-host';

/**
 * Runs the purchasing desk without the Electron shell: the same services and the same built
 * renderer, served on loopback for a browser. Used where no Electron binary is available.
 */
async function main(): Promise<void> {
  // Same place Electron keeps its user data on Linux, so both shells share one database.
  const defaultUserData = join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'purchasing-desk');
  const location = resolveDataLocation(process.env, defaultUserData);
  const desk = createDesk(await openStore(location.databaseFile, { demoData: wantsDemoData(process.env) }));
  const host = await startWebHost({
    desk,
    rendererDir: join(__dirname, '../renderer'),
    port: Number(process.env.PURCHASING_DESK_PORT ?? 5174),
  });
  console.log(`Purchasing desk is running at ${host.url}`);
  console.log(`Database: ${location.databaseFile}`);
  const stop = () => void host.close().then(() => desk.db.destroy()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The purchasing desk could not start:', error);
  process.exit(1);
});
