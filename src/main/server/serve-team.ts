import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDeskServer } from './desk-server';
import { readServerConfig, ServerConfigError } from './server-config';

/** A database URL fit for a log line: no password. */
const redacted = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * `npm run server`: one instance of the team's desk server, configured from the environment
 * (see server-config.ts). Database credentials live only here.
 */
async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const tls = config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : undefined;
  const server = await startDeskServer({
    databaseUrl: config.databaseUrl,
    // Built beside this file by electron-vite: out/main/desk-server.js and out/renderer/.
    rendererDir: process.env.PURCHASING_DESK_RENDERER_DIR ?? join(__dirname, '../renderer'),
    listen: config.listen,
    tls,
    publicOrigin: config.publicOrigin,
    demoData: process.env.PURCHASING_DESK_DEMO === '1',
  });
  console.log(`Purchasing desk server is listening on ${config.listen.host}:${config.listen.port}${tls ? ' (HTTPS)' : ''}; browsers and workstations use ${server.url}`);
  console.log(`Database: ${redacted(config.databaseUrl)}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ServerConfigError) console.error(`The desk server was not started: ${error.message}`);
  else console.error('The desk server could not start:', error);
  process.exit(1);
});
