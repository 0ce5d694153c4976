import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore } from '../../src/main/open-store';

const SAVES_PER_PROCESS = 200;

/** Runs one saver process to its end and parses its report. */
function runSaver(file: string, signInName: string): Promise<{ numbers: string[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/concurrent-saver.ts'), file, String(SAVES_PER_PROCESS), signInName], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`saver for ${signInName} exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop() as string));
    });
  });
}

it('two processes saving new POs at once on one SQLite file: every save succeeds with its own number', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-writers-'));
  const file = join(dir, 'shared.sqlite');
  try {
    // Created, migrated and seeded once, as the first desk to start would.
    await (await openStore(file)).destroy();
    const [first, second] = await Promise.all([runSaver(file, 'alice'), runSaver(file, 'pat')]);
    expect(first.failures).toEqual([]);
    expect(second.failures).toEqual([]);
    const numbers = [...first.numbers, ...second.numbers];
    expect(numbers).toHaveLength(2 * SAVES_PER_PROCESS);
    expect(new Set(numbers).size).toBe(2 * SAVES_PER_PROCESS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
