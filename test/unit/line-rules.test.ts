import { describe, expect, it } from 'vitest';
import type { LocaleCode } from '../../src/shared/locales';
import { descriptionTooLong, lineErrors, lineTotal, newLine, reformatted } from '../../src/renderer/src/features/po-entry/line-rules';

const line = (patch: Partial<ReturnType<typeof newLine>>) => ({ ...newLine(), glAccount: '5000', description: 'Bolts', ...patch });

describe('number cells are read in the operator’s locale, never re-read another way', () => {
  const cases: [LocaleCode, 'quantity' | 'unitCost', string, string][] = [
    ['en-US', 'quantity', '1000', '1,000'],
    ['en-US', 'quantity', '1,000', '1,000'],
    ['en-US', 'quantity', '1.5', '1.5'],
    ['en-US', 'quantity', '1,5', '1,5'],
    ['en-US', 'unitCost', '1,234.5', '1,234.50'],
    ['en-GB', 'unitCost', '1234.5', '1,234.50'],
    ['de-DE', 'quantity', '1,5', '1,5'],
    ['de-DE', 'unitCost', '1.234,5', '1.234,50'],
    ['de-DE', 'unitCost', '1,234.50', '1,234.50'],
    ['sv-SE', 'quantity', '1.5', '1.5'],
    ['fr-FR', 'quantity', '1 000,25', '1\u202f000,25'],
  ];
  it.each(cases)('%s %s "%s" shows as "%s" on leaving the cell', (locale, cell, typed, shown) => {
    expect(reformatted(cell, typed, locale)).toBe(shown);
  });

  it('"1,000" in en-US is a thousand, and the line total follows', () => {
    expect(lineTotal(line({ quantity: '1,000', unitCost: '1,234.50' }), 'en-US')).toBe(123_450_000);
  });
  it('"1,5" in en-US is refused with how it would read', () => {
    expect(lineErrors(line({ quantity: '1,5', unitCost: '2' }), 'en-US').quantity).toMatch(/groups thousands there.*For a decimal write 1\.5/);
  });
  it('"1,5" in de-DE is one and a half', () => {
    expect(lineTotal(line({ quantity: '1,5', unitCost: '2' }), 'de-DE')).toBe(300);
  });
  const limits: [string, Partial<ReturnType<typeof newLine>>, string, RegExp][] = [
    ['zero quantity', { quantity: '0', unitCost: '1' }, 'quantity', /more than zero/],
    ['quantity above a million', { quantity: '1000001', unitCost: '1' }, 'quantity', /at most 1,000,000/],
    ['four decimals', { quantity: '1.0001', unitCost: '1' }, 'quantity', /at most 3 decimals.*nothing is rounded/],
    ['unit cost above ten million', { quantity: '1', unitCost: '10,000,000.01' }, 'unitCost', /at most 10,000,000\.00/],
    ['three decimals of money', { quantity: '1', unitCost: '1.005' }, 'unitCost', /at most 2 decimals/],
  ];
  it.each(limits)('%s is refused', (_name, patch, cell, message) => {
    expect(lineErrors(line(patch), 'en-US')[cell as 'quantity']).toMatch(message);
  });
});

describe('descriptions are refused over the limit, never cut', () => {
  it.each([
    [200, undefined],
    [201, descriptionTooLong(201)],
    [250, descriptionTooLong(250)],
  ])('%i characters', (length, expected) => {
    expect(lineErrors(line({ description: 'x'.repeat(length), quantity: '1', unitCost: '1' }), 'en-US').description).toBe(expected);
  });
});
