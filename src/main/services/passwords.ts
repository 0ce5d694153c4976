import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

/** scrypt's cost (N; r = 8, p = 1): OWASP's current recommendation, 2^17 (128 MiB, a few hundred ms). */
export const RECOMMENDED_PASSWORD_COST = 2 ** 17;
const BLOCK_SIZE = 8;

function derive(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  // scrypt needs 128 · N · r bytes; Node refuses more than 32 MiB unless told.
  const maxmem = 256 * cost * BLOCK_SIZE;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: cost, r: BLOCK_SIZE, p: 1, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** "scrypt$N$salt$hash", salt and hash in base64, so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string, cost: number = RECOMMENDED_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether a stored value is a hash this desk can check a password against ("scrypt$N$salt$hash"). */
export function isPasswordHash(stored: string): boolean {
  const [scheme, cost, salt, hash] = stored.split('$');
  return scheme === 'scrypt' && Number.isInteger(Number(cost)) && Number(cost) > 1 && !!salt && !!hash;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!isPasswordHash(stored)) return false;
  const [, cost, salt, hash] = stored.split('$') as [string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(cost));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash made at a lower cost than the desk now uses; rehashed at the next successful sign-in. */
export function needsRehash(stored: string, cost: number): boolean {
  const [, storedCost] = stored.split('$');
  return Number(storedCost) < cost;
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * A hash of nothing anyone can type, at the desk's cost: an unknown sign-in name is checked against
 * it, so it takes as long to refuse as a known name with a wrong password.
 */
export function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = hashPassword(randomBytes(32).toString('base64'), cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}
