import { readFile, rename, writeFile } from 'node:fs/promises';
import type { ConnectionChoice } from '../../shared/contracts';
import { parseStoredChoice, type StoredChoice, storedChoiceText } from './connection-choice';

/** The stored choice; `undefined` when this computer has never chosen. */
export async function readStoredChoice(file: string): Promise<StoredChoice | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { ok: false, problem: `The connection choice in ${file} could not be read (${(error as Error).message}), so this computer asks again.` };
  }
  return parseStoredChoice(text, file);
}

/** Written beside and renamed into place, so a crash mid-write leaves the old choice, never half a file. */
export async function writeStoredChoice(file: string, choice: ConnectionChoice): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, storedChoiceText(choice), { encoding: 'utf8', mode: 0o600 });
  await rename(partial, file);
}
