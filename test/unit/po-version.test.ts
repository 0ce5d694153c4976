import { describe, expect, it } from 'vitest';
import { checkVersion } from '../../src/main/domain/po-version';

describe('rule 7: optimistic concurrency', () => {
  it.each<[string, number]>([
    ['version 1', 1],
    ['version 3', 3],
    ['version 0', 0],
  ])('accepts the version that is stored (%s)', (_name, version) => {
    expect(checkVersion('PO-000001', version, version)).toEqual({ ok: true });
  });

  it.each<[string, string, number, number | undefined, 'missing' | 'stale', string]>([
    ['no version sent', 'PO-000001', 3, undefined, 'missing', 'Saving PO-000001 needs the version you opened.'],
    ['no version sent for another PO', 'PO-000042', 1, undefined, 'missing', 'Saving PO-000042 needs the version you opened.'],
    [
      'an older version',
      'PO-000001',
      3,
      2,
      'stale',
      'Someone saved PO-000001 after you opened it (you opened version 2; it is now 3). Reopen it to see the stored PO; nothing of yours was saved.',
    ],
    [
      'a much older version',
      'PO-000042',
      12,
      1,
      'stale',
      'Someone saved PO-000042 after you opened it (you opened version 1; it is now 12). Reopen it to see the stored PO; nothing of yours was saved.',
    ],
    [
      'version 0 against 1',
      'PO-000001',
      1,
      0,
      'stale',
      'Someone saved PO-000001 after you opened it (you opened version 0; it is now 1). Reopen it to see the stored PO; nothing of yours was saved.',
    ],
    [
      'a version from the future (forged)',
      'PO-000001',
      3,
      7,
      'stale',
      'PO-000001 is at version 3, not 7. Reopen it to see the stored PO; nothing of yours was saved.',
    ],
    [
      'one version ahead (forged)',
      'PO-000042',
      3,
      4,
      'stale',
      'PO-000042 is at version 3, not 4. Reopen it to see the stored PO; nothing of yours was saved.',
    ],
  ])('refuses %s', (_name, poNumber, stored, sent, kind, reason) => {
    expect(checkVersion(poNumber, stored, sent)).toEqual({ ok: false, kind, reason });
  });

  it.each<[string, number, number]>([
    ['older', 5, 4],
    ['newer', 5, 9],
  ])('a stale refusal (%s) names the PO and both versions', (_name, stored, sent) => {
    const verdict = checkVersion('PO-000123', stored, sent);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.kind).toBe('stale');
    expect(verdict.reason).toContain('PO-000123');
    expect(verdict.reason).toMatch(new RegExp(`\\b${stored}\\b`));
    expect(verdict.reason).toMatch(new RegExp(`\\b${sent}\\b`));
  });
});
