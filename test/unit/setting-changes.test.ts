import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/shared/contracts';
import {
  describeSettingChanges,
  type InstallationEdits,
  largePoText,
  readInstallationDraft,
  readLargePo,
  sentenceOf,
} from '../../src/renderer/src/features/settings/setting-changes';

const stored: Settings = { codingMode: 'cost-centers', costCentersEnabled: true, budgetOrderRequired: false, locale: 'en-US', largePoAmountMinor: 10_000_000 };

describe('the large-PO field', () => {
  it.each([
    ['', 'en-US', null],
    ['   ', 'de-DE', null],
    ['50000', 'en-US', 5_000_000],
    ['50,000.00', 'en-US', 5_000_000],
    ['50.000,00', 'de-DE', 5_000_000],
    ['50 000,5', 'fr-FR', 5_000_050],
    ['0', 'en-GB', 0],
  ] as const)('%j in %s reads as %j (blank never asks)', (text, locale, value) => {
    expect(readLargePo(text, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ['1.234,50', 'en-US', /^Large-PO amount 1\.234,50 is not a number in English \(United States\).*Write 1,234\.50\.$/],
    ['12,5', 'en-US', /groups thousands there/],
    ['1.5', 'sv-SE', /Write 1,5/],
    ['-5', 'en-US', /cannot be negative/],
    ['10 EUR', 'de-DE', /use digits only/],
    ['1.005', 'en-US', /at most 2 decimals.*nothing is rounded/],
  ] as const)('%j in %s is refused with the parser’s message', (text, locale, message) => {
    const reading = readLargePo(text, locale);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(message);
  });

  it.each([
    [null, 'en-US', ''],
    [10_000_000, 'en-US', '100,000.00'],
    [10_000_000, 'de-DE', '100.000,00'],
  ] as const)('%j is shown as %j in %s', (minor, locale, text) => {
    expect(largePoText(minor, locale)).toBe(text);
  });
});

describe('reading the installation form', () => {
  it.each<[string, InstallationEdits, object]>([
    ['nothing touched', {}, {}],
    ['edits equal to what is stored', { costCentersEnabled: true, locale: 'en-US', largePo: { text: '100,000.00', locale: 'en-US' } }, {}],
    ['cost centers off', { costCentersEnabled: false }, { costCentersEnabled: false }],
    ['another locale', { locale: 'sv-SE' }, { locale: 'sv-SE' }],
    ['a new amount typed in de-DE', { largePo: { text: '50.000', locale: 'de-DE' } }, { largePoAmountMinor: 5_000_000 }],
    ['a blank amount', { largePo: { text: '', locale: 'en-US' } }, { largePoAmountMinor: null }],
    [
      'all three',
      { costCentersEnabled: false, locale: 'fr-FR', largePo: { text: '1', locale: 'en-US' } },
      { costCentersEnabled: false, locale: 'fr-FR', largePoAmountMinor: 100 },
    ],
  ])('%s → only what differs from the stored settings', (_case, edits, change) => {
    expect(readInstallationDraft(stored, edits)).toEqual({ ok: true, change });
  });

  it('refuses an amount its locale cannot read, naming the field, and asks nothing', () => {
    expect(readInstallationDraft(stored, { costCentersEnabled: false, largePo: { text: '1,5', locale: 'en-US' } })).toEqual({
      ok: false,
      field: 'largePoAmountMinor',
      message: expect.stringMatching(/^Large-PO amount 1,5 is not a number/),
    });
  });
});

describe('what the confirmation says', () => {
  it.each<[string, Settings, Parameters<typeof describeSettingChanges>[1], string[]]>([
    ['nothing', stored, {}, []],
    ['a value equal to the stored one', stored, { costCentersEnabled: true }, []],
    [
      'cost centers off',
      stored,
      { costCentersEnabled: false },
      ['Cost centers in use: on → off. Every workstation stops showing and checking cost centers.'],
    ],
    [
      'cost centers on',
      { ...stored, costCentersEnabled: false },
      { costCentersEnabled: true },
      ['Cost centers in use: off → on. Every workstation shows cost centers again and checks them on every save.'],
    ],
    [
      'the installation locale',
      stored,
      { locale: 'de-DE' },
      ['Installation number and date format: English (United States) → Deutsch (Deutschland). Operators who follow the installation read and type numbers and dates this way.'],
    ],
    [
      'a lower amount',
      stored,
      { largePoAmountMinor: 5_000_000 },
      ['Large-PO amount: 100,000.00 → 50,000.00. Saving a PO whose total is above 50,000.00 asks the operator to confirm it.'],
    ],
    [
      'never ask',
      stored,
      { largePoAmountMinor: null },
      ['Large-PO amount: 100,000.00 → never ask. No save asks the operator to confirm a large total.'],
    ],
    [
      'asking again',
      { ...stored, largePoAmountMinor: null },
      { largePoAmountMinor: 0 },
      ['Large-PO amount: never ask → 0.00. Saving a PO whose total is above 0.00 asks the operator to confirm it.'],
    ],
  ])('%s', (_case, before, change, sentences) => {
    expect(describeSettingChanges(before, change, 'en-US').map(sentenceOf)).toEqual(sentences);
  });

  it('writes amounts in the admin’s own format', () => {
    const [description] = describeSettingChanges(stored, { largePoAmountMinor: 123_456_789 }, 'de-DE');
    expect(description?.summary).toBe('Large-PO amount: 100.000,00 → 1.234.567,89');
  });
});
