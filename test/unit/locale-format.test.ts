import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatQuantity,
  formatScaled,
  parseMoney,
  parseQuantity,
  parseScaledNumber,
  separatorsOf,
} from '../../src/shared/locale-format';
import { SUPPORTED_LOCALES, type LocaleCode } from '../../src/shared/locales';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('separators come from Intl', () => {
  it.each([
    ['en-US', '.', ','],
    ['en-GB', '.', ','],
    ['sv-SE', ',', NBSP],
    ['de-DE', ',', '.'],
    ['fr-FR', ',', NNBSP],
  ] as const)('%s: decimal %j, group %j', (locale, decimal, group) => {
    expect(separatorsOf(locale)).toEqual({ decimal, group });
  });
});

describe('quantities typed in each locale', () => {
  it.each([
    // The defect: "1,000" in en-US is one thousand, never one.
    ['en-US', '1,000', 1_000_000],
    ['en-US', '1,234.5', 1_234_500],
    ['en-US', '1000', 1_000_000],
    ['en-US', '0.125', 125],
    ['en-US', '.5', 500],
    ['en-US', '5.', 5_000],
    ['en-US', '  7  ', 7_000],
    ['en-US', '1,000,000', 1_000_000_000],
    ['en-GB', '1,000', 1_000_000],
    ['en-GB', '2.75', 2_750],
    ['de-DE', '1.000', 1_000_000],
    ['de-DE', '1,5', 1_500],
    ['de-DE', '1.234,567', 1_234_567],
    ['de-DE', '1000,5', 1_000_500],
    ['de-DE', '1,000', 1_000],
    ['sv-SE', '1,5', 1_500],
    ['sv-SE', `1${NBSP}000`, 1_000_000],
    ['sv-SE', '1 000', 1_000_000],
    ['sv-SE', '12 345,678', 12_345_678],
    ['fr-FR', `1${NNBSP}234,5`, 1_234_500],
    ['fr-FR', '1 234,5', 1_234_500],
    ['fr-FR', '1\u2009234', 1_234_000],
    ['fr-FR', '0,001', 1],
  ] as const)('%s reads %j as %i thousandths', (locale, text, value) => {
    expect(parseQuantity(text, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ['en-US', '1,5', "Quantity 1,5 is not a number in English (United States): ',' groups thousands there, in threes (as in 1,000). For a decimal write 1.5."],
    ['en-US', '1,50', "Quantity 1,50 is not a number in English (United States): ',' groups thousands there, in threes (as in 1,000). For a decimal write 1.50."],
    ['en-US', '12,34,567', "Quantity 12,34,567 is not a number in English (United States): ',' groups thousands there, in threes (as in 1,000)."],
    ['en-US', '1.234,50', "Quantity 1.234,50 is not a number in English (United States): there ',' groups thousands and '.' marks decimals. Write 1,234.50."],
    ['de-DE', '1.5', "Quantity 1.5 is not a number in Deutsch (Deutschland): '.' groups thousands there, in threes (as in 1.000). For a decimal write 1,5."],
    ['de-DE', '1,234.5', "Quantity 1,234.5 is not a number in Deutsch (Deutschland): there '.' groups thousands and ',' marks decimals. Write 1.234,5."],
    ['sv-SE', '1.5', "Quantity 1.5 is not a number in Svenska (Sverige): '.' is not used in numbers there, and its decimal separator is ','. Write 1,5."],
    ['sv-SE', '1.000', "Quantity 1.000 is not a number in Svenska (Sverige): '.' is not used in numbers there, and its decimal separator is ','. Write 1,000 or 1 000."],
    ['fr-FR', '2.5', "Quantity 2.5 is not a number in Français (France): '.' is not used in numbers there, and its decimal separator is ','. Write 2,5."],
    ['en-US', '1.2345', 'Quantity has at most 3 decimals: 1.2345 has 4; nothing is rounded.'],
    ['en-US', '1.2.3', "Quantity 1.2.3 is not a number in English (United States); write it like 12,345.67."],
    ['en-US', '-3', 'Quantity cannot be negative: -3.'],
    ['en-US', '3 kg', 'Quantity 3 kg is not a number: use digits only, without letters or signs.'],
    ['en-US', '1e3', 'Quantity 1e3 is not a number: use digits only, without letters or signs.'],
    ['en-US', '', 'Enter the quantity.'],
    ['en-US', '   ', 'Enter the quantity.'],
    ['en-US', '9007199254741', 'Quantity 9007199254741 is too large to record.'],
  ] as const)('%s refuses %j, saying how it would read', (locale, text, message) => {
    expect(parseQuantity(text, locale)).toEqual({ ok: false, message });
  });
});

describe('money typed in each locale', () => {
  it.each([
    ['en-US', '1,234.50', 123_450],
    ['en-GB', '0.99', 99],
    ['de-DE', '1.234,50', 123_450],
    ['sv-SE', '1 234,50', 123_450],
    ['fr-FR', '1 234,5', 123_450],
    ['en-US', '10,000,000.00', 1_000_000_000],
  ] as const)('%s reads %j as %i minor units', (locale, text, value) => {
    expect(parseMoney(text, locale, 'Unit cost')).toEqual({ ok: true, value });
  });

  it('refuses a third decimal instead of rounding it', () => {
    expect(parseMoney('1.005', 'en-US', 'Unit cost')).toEqual({ ok: false, message: 'Unit cost has at most 2 decimals: 1.005 has 3; nothing is rounded.' });
  });

  it('names the field it was given', () => {
    expect(parseMoney('', 'en-US')).toEqual({ ok: false, message: 'Enter the amount.' });
    expect(parseScaledNumber('x', 'en-US', 0, 'Large-PO amount')).toMatchObject({ ok: false, message: expect.stringMatching(/^Large-PO amount x/) });
  });
});

describe('formatting', () => {
  it.each([
    ['en-US', '1,234,567.89', '1,000.5', '0.001'],
    ['en-GB', '1,234,567.89', '1,000.5', '0.001'],
    ['sv-SE', `1${NBSP}234${NBSP}567,89`, `1${NBSP}000,5`, '0,001'],
    ['de-DE', '1.234.567,89', '1.000,5', '0,001'],
    ['fr-FR', `1${NNBSP}234${NNBSP}567,89`, `1${NNBSP}000,5`, '0,001'],
  ] as const)('%s: money %j, quantities %j and %j', (locale, money, quantity, tiny) => {
    expect(formatMoney(123_456_789, locale)).toBe(money);
    expect(formatQuantity(1_000_500, locale)).toBe(quantity);
    expect(formatQuantity(1, locale)).toBe(tiny);
  });

  it('is exact for the largest safe integer and shows negative amounts', () => {
    expect(formatScaled(Number.MAX_SAFE_INTEGER, 2, 'en-US', { minDecimals: 2 })).toBe('90,071,992,547,409.91');
    expect(formatMoney(-5, 'en-US')).toBe('-0.05');
    expect(formatMoney(0, 'de-DE')).toBe('0,00');
    expect(formatScaled(1234, 0, 'en-US', { grouping: false })).toBe('1234');
  });

  const values = [0, 1, 999, 1_000, 1_234_567, 1_000_000_000, 123_456_789_012, Number.MAX_SAFE_INTEGER];
  it.each(SUPPORTED_LOCALES.map((locale) => [locale]))('%s: what is shown reads back as the same value', (locale: LocaleCode) => {
    for (const value of values) {
      expect(parseQuantity(formatQuantity(value, locale), locale)).toEqual({ ok: true, value });
      expect(parseMoney(formatMoney(value, locale), locale)).toEqual({ ok: true, value });
    }
  });

  it.each([
    ['en-US', '11/24/2026'],
    ['en-GB', '24/11/2026'],
    ['sv-SE', '2026-11-24'],
    ['de-DE', '24.11.2026'],
    ['fr-FR', '24/11/2026'],
  ] as const)('%s shows dates as %s', (locale, date) => {
    expect(formatDate('2026-11-24', locale)).toBe(date);
    expect(formatDateTime('2026-11-24T10:05:00', locale)).toContain(date);
    expect(formatDateTime('2026-11-24T10:05:00', locale)).toMatch(/10:05/);
  });

  it('shows text it cannot read as a date unchanged', () => {
    expect(formatDate('not a date', 'en-US')).toBe('not a date');
  });
});
