// No runtime import of vitest here: the global setup and Playwright's fixture load this too.
/** What the integration project's global setup provides: where the test server is and what to copy. */
export interface PostgresTestServer {
  /** A URL on the server's maintenance database, for creating and dropping test databases. */
  adminUrl: string;
  /** A migrated database with the demo world, copied for every test desk. */
  demoTemplate: string;
  /** Part of every database name this run makes. */
  runId: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** null when PURCHASING_DESK_SKIP_POSTGRES=1. */
    postgres: PostgresTestServer | null;
  }
}

export const POSTGRES_SKIP_VARIABLE = 'PURCHASING_DESK_SKIP_POSTGRES';

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
