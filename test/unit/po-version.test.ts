import { describe, expect, it } from 'vitest';
import { checkVersion } from '../../src/main/domain/po-version';

describe('rule 7: optimistic concurrency', () => {
  it.each<[string, number, number | undefined, 'ok' | 'missing' | 'stale', string[]]>([
    ['the version that is stored', 3, 3, 'ok', []],
    ['no version sent', 3, undefined, 'missing', ['PO-000001', 'needs the version you opened']],
    ['an older version', 3, 2, 'stale', ['Someone saved PO-000001 after you opened it', 'you opened version 2; it is now 3', 'nothing of yours was saved']],
    ['a version from the future (forged)', 3, 7, 'stale', ['PO-000001 is at version 3, not 7', 'nothing of yours was saved']],
    ['version 0 against 1', 1, 0, 'stale', ['you opened version 0; it is now 1']],
  ])('%s', (_name, stored, sent, kind, phrases) => {
    const verdict = checkVersion('PO-000001', stored, sent);
    if (kind === 'ok') {
      expect(verdict).toEqual({ ok: true });
      return;
    }
    expect(verdict).toMatchObject({ ok: false, kind });
    if (!verdict.ok) for (const phrase of phrases) expect(verdict.reason).toContain(phrase);
  });
});
