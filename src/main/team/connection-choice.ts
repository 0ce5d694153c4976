import { type ConnectionChoice, connectionChoiceSchema } from '../../shared/contracts';
import { checkTeamServerUrl } from '../../shared/team-server-url';
import { deskSentence } from '../ipc/validation-messages';

/** The file in the user-data folder that keeps how this workstation reaches its desk. */
export const CONNECTION_FILE_NAME = 'connection.json';

export type StoredChoice = { ok: true; choice: ConnectionChoice } | { ok: false; problem: string };

/**
 * The stored file's text, read as a choice: `{"mode":"local"}` or `{"mode":"team","url":"https://…"}`
 * and nothing else. Anything else is a problem in words, and the workstation asks again.
 */
export function parseStoredChoice(text: string, where: string): StoredChoice {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `The connection choice in ${where} is not readable (it is not JSON), so this computer asks again.` };
  }
  const parsed = connectionChoiceSchema.safeParse(json);
  if (parsed.success) return { ok: true, choice: parsed.data };
  const [issue] = parsed.error.issues;
  const why = issue ? deskSentence(issue, json).replace(/\.?$/, '.') : 'It is not a choice.';
  return { ok: false, problem: `The connection choice in ${where} cannot be used: ${why} This computer asks again.` };
}

/** The file's text for a choice, as people can read and repair it. */
export const storedChoiceText = (choice: ConnectionChoice): string => `${JSON.stringify(choice, null, 2)}\n`;

/**
 * The choice to use when none is stored, or null to ask. An installation from before team mode (a
 * database already on this computer, or one named by PURCHASING_DESK_DB) keeps working as it did.
 * Test runs start on this computer's database unless PURCHASING_DESK_CONNECTION says `ask` or names
 * a team server, so the end-to-end specs need no first-run step; outside test mode the variable is ignored.
 */
export function defaultChoice(env: NodeJS.ProcessEnv, databaseExists: boolean): ConnectionChoice | null {
  if (env.PURCHASING_DESK_TEST === '1') {
    const wanted = env.PURCHASING_DESK_CONNECTION?.trim();
    if (wanted === 'ask') return null;
    if (wanted && wanted !== 'local') {
      const checked = checkTeamServerUrl(wanted);
      return checked.ok ? { mode: 'team', url: checked.url } : null;
    }
    return { mode: 'local' };
  }
  if (env.PURCHASING_DESK_DB || databaseExists) return { mode: 'local' };
  return null;
}
