import { contracts, type ConnectionTest } from '../../shared/contracts';
import { describeNetworkFailure } from './network-failure';
import { deskAnswerSchema } from './answer-envelope';
import { CLIENT_HEADER, CLIENT_MARKER } from './wire';

export interface ProbeOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Asks the address what it is, as a workstation would (setupState needs no sign-in), and says in
 * words what answered: a purchasing desk, something else, or nothing and why. Never throws.
 */
export async function probeTeamServer(url: string, options: ProbeOptions = {}): Promise<ConnectionTest> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(`${url}/api/setupState`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: CLIENT_MARKER },
      body: '{}',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { found: false, url, message: whyNothingAnswered(url, error, timeoutMs) };
  }
  const answer = parseJson(text);
  const envelope = deskAnswerSchema.safeParse(answer);
  if (!envelope.success) {
    return { found: false, url, message: `Something answers at ${url}, but it is not a purchasing desk (it answered HTTP ${response.status}). Check the address: it is the one the desk server shows when it starts.` };
  }
  if (!envelope.data.ok) {
    return { found: false, url, message: `The purchasing desk at ${url} refused this workstation: ${envelope.data.error.message}` };
  }
  const setup = contracts.setupState.output.safeParse(envelope.data.value);
  if (!setup.success) {
    return { found: false, url, message: `A purchasing desk answers at ${url}, but it speaks another version of the desk than this app. Update this app or the server so both are the same version.` };
  }
  if (setup.data.needsFirstAdmin) return { found: true, url, message: `A purchasing desk answers at ${url}. It has no administrator yet: the first person to sign in through it sets one up.` };
  if (setup.data.demoDatabase) return { found: true, url, message: `A purchasing desk answers at ${url}. It holds the demo database, whose operators all sign in with the password “demo”.` };
  return { found: true, url, message: `A purchasing desk answers at ${url}. Use it, then sign in with your own sign-in name.` };
}

/** True when a purchasing desk answers at the address: what the retries ask while a server is away. */
export const deskAnswers = async (url: string, options: ProbeOptions = {}): Promise<boolean> => (await probeTeamServer(url, options)).found;

function whyNothingAnswered(url: string, error: unknown, timeoutMs: number): string {
  const failure = describeNetworkFailure(error);
  const host = new URL(url).host;
  switch (failure.kind) {
    case 'refused':
      return `Nothing answers at ${url}: no desk server is running there, or a firewall turns this computer away. Check the address, and that the server is started.`;
    case 'no-such-host':
      return `No computer called “${new URL(url).hostname}” is known to this network. Check the spelling of the address.`;
    case 'no-route':
    case 'connect-timeout':
      return `This computer cannot reach ${host} over the network (${failure.code}). Check that this computer is on the network the server is on.`;
    case 'certificate':
      return `${url} answered with a certificate this computer does not trust (${failure.code}), so nothing was sent to it. Ask your administrator for a certificate from an authority this computer trusts.`;
    case 'timeout':
      return `${url} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check the address, or try again when the server is less busy.`;
    default:
      return `The connection to ${url} broke before it answered (${failure.code}). Try again; if it keeps happening, check the address with your administrator.`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
