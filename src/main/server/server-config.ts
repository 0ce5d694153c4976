/** How a desk server is told where its database is, where to listen, and how browsers reach it. */
export interface ServerConfig {
  databaseUrl: string;
  listen: { host: string; port: number };
  tls: { certFile: string; keyFile: string } | null;
  /** The origin browsers use (the reverse proxy's, if any): the only Origin accepted. */
  publicOrigin: string;
}

export const SERVER_VARIABLES = {
  databaseUrl: 'PURCHASING_DESK_DATABASE_URL',
  listen: 'PURCHASING_DESK_LISTEN',
  tlsCert: 'PURCHASING_DESK_TLS_CERT',
  tlsKey: 'PURCHASING_DESK_TLS_KEY',
  publicUrl: 'PURCHASING_DESK_PUBLIC_URL',
} as const;

export const DEFAULT_LISTEN = '127.0.0.1:5180';

export class ServerConfigError extends Error {}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Reads the server's configuration from the environment, refusing anything it would have to guess
 * at, with a sentence that names the variable and what to write.
 */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const v = SERVER_VARIABLES;
  const databaseUrl = env[v.databaseUrl]?.trim();
  if (!databaseUrl) throw new ServerConfigError(`${v.databaseUrl} is not set: give the team database as postgres://user:password@host:5432/database.`);
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) throw new ServerConfigError(`${v.databaseUrl} must be a postgres:// URL; a desk server keeps its team's data in PostgreSQL.`);

  const listenText = env[v.listen]?.trim() || DEFAULT_LISTEN;
  const listen = parseListen(listenText);

  const certFile = env[v.tlsCert]?.trim() || undefined;
  const keyFile = env[v.tlsKey]?.trim() || undefined;
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ServerConfigError(`${v.tlsCert} and ${v.tlsKey} go together: give both (HTTPS) or neither (plain HTTP, for loopback or behind a reverse proxy).`);
  }
  const tls = certFile && keyFile ? { certFile, keyFile } : null;

  const publicText = env[v.publicUrl]?.trim() || undefined;
  let publicOrigin: string;
  if (publicText !== undefined) {
    const parsed = URL.parse(publicText);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      throw new ServerConfigError(`${v.publicUrl} must be the address browsers open, such as https://desk.example.com; “${publicText}” is not one.`);
    }
    if (parsed.pathname !== '/' || parsed.search || parsed.hash || parsed.username) {
      throw new ServerConfigError(`${v.publicUrl} must be an origin only (scheme, host and port), such as https://desk.example.com; the desk is served from its root.`);
    }
    publicOrigin = parsed.origin;
  } else {
    if (WILDCARD_HOSTS.has(listen.host)) {
      throw new ServerConfigError(`${v.listen} is ${listenText}, every address of this computer, so ${v.publicUrl} must say which one browsers use, such as https://desk.example.com.`);
    }
    const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    publicOrigin = `${tls ? 'https' : 'http'}://${host}:${listen.port}`;
  }
  return { databaseUrl, listen, tls, publicOrigin };
}

function parseListen(text: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ServerConfigError(`${SERVER_VARIABLES.listen} must be host:port, such as 127.0.0.1:5180 or [::1]:5180; “${text}” is not.`);
  }
  return { host: (match[1] ?? match[2]) as string, port };
}
