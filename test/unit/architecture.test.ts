import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => (match[1] ?? match[2]) as string,
  );
}

/** Each layer and the folders it must never reach into. */
const forbidden: [layer: string, banned: string[], bannedPackages: string[]][] = [
  ['renderer', ['main', 'preload'], ['electron', 'better-sqlite3', 'kysely']],
  ['main/domain', ['main/store', 'main/services', 'main/ipc', 'renderer'], ['electron', 'better-sqlite3', 'kysely', 'node:fs']],
  ['main/store', ['main/services', 'main/ipc', 'renderer'], ['electron']],
  ['main/services', ['main/ipc', 'renderer'], ['electron']],
  ['shared', ['main', 'renderer', 'preload'], ['electron', 'better-sqlite3', 'kysely']],
  ['preload', ['main', 'renderer'], ['zod', 'kysely']],
];

describe('architecture', () => {
  it.each(forbidden)('%s imports nothing it must not', (layer, bannedDirs, bannedPackages) => {
    const offences: string[] = [];
    for (const file of sourceFiles(join(src, layer))) {
      for (const spec of importsOf(file)) {
        const target = spec.startsWith('.') ? relative(src, resolve(file, '..', spec)) : undefined;
        if (target && bannedDirs.some((dir) => target === dir || target.startsWith(`${dir}/`))) offences.push(`${relative(src, file)} → ${spec}`);
        if (!target && bannedPackages.some((pkg) => spec === pkg || spec.startsWith(`${pkg}/`))) offences.push(`${relative(src, file)} → ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
