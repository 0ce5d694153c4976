import { LOCALE_LABELS, type LocaleCode } from './locales';

/**
 * Numbers and dates as the operator reads and types them, one module for main and renderer.
 * Separators come from Intl.NumberFormat; values are scaled integers (minor units, thousandths)
 * computed from the digits themselves, never through a float.
 *
 * How typed text is read, per locale (D = decimal separator, G = group separator):
 *
 * | text                                  | read as                                               |
 * |---------------------------------------|-------------------------------------------------------|
 * | digits, at most one D                 | the number; "5." is 5, ".5" is 0.5                    |
 * | G between groups of exactly 3 digits  | thousands: en-US 1,234.5 · de-DE 1.234,5 · fr-FR 1 234,5 |
 * | G anywhere else (en-US "1,5")         | refused: says G groups thousands there, suggests 1.5   |
 * | '.' or ',' that the locale never uses | refused: says how it could be meant, e.g. sv-SE "1.5"  |
 * |   in numbers (sv-SE, fr-FR '.')       |   → "write 1,5"; "1.000" → "1 000 or 1,000"          |
 * | more fraction digits than the field   | refused, never rounded: "at most 3 decimals"          |
 * | a sign, letters, currency, exponent   | refused                                               |
 * | above Number.MAX_SAFE_INTEGER scaled  | refused as too large                                  |
 * In sv-SE and fr-FR the group separator is a no-break space; an ordinary or thin space counts too.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };
export interface NumberSeparators {
  decimal: string;
  group: string;
}

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];
const separatorCache = new Map<LocaleCode, NumberSeparators>();

export function separatorsOf(locale: LocaleCode): NumberSeparators {
  let separators = separatorCache.get(locale);
  if (!separators) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    separators = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separatorCache.set(locale, separators);
  }
  return separators;
}

/** Characters that group thousands in this locale; a space-grouping locale takes every kind of space. */
function groupCharacters(locale: LocaleCode): string[] {
  const { group } = separatorsOf(locale);
  return SPACES.includes(group) ? SPACES : [group];
}

const lower = (field: string) => field.charAt(0).toLowerCase() + field.slice(1);
const localeName = (locale: LocaleCode) => LOCALE_LABELS[locale];
const visible = (separator: string) => (SPACES.includes(separator) ? 'a space' : `'${separator}'`);

interface Digits {
  whole: string;
  fraction: string;
}

/** The digits of text written with `decimal` and `groups`, or null when it does not follow them. */
function readDigits(text: string, decimal: string, groups: readonly string[]): Digits | null {
  const pieces = text.split(decimal);
  if (pieces.length > 2) return null;
  const [wholeText = '', fraction = ''] = pieces;
  if (!/^\d*$/.test(fraction) || (wholeText === '' && fraction === '')) return null;
  if (/^\d*$/.test(wholeText)) return { whole: wholeText, fraction };
  const used = [...new Set([...wholeText].filter((character) => !/\d/.test(character)))];
  if (used.length !== 1 || !groups.includes(used[0] as string)) return null;
  const blocks = wholeText.split(used[0] as string);
  const [first = '', ...rest] = blocks;
  if (!/^\d{1,3}$/.test(first) || rest.some((block) => !/^\d{3}$/.test(block))) return null;
  return { whole: blocks.join(''), fraction };
}

function scaled(digits: Digits, decimals: number): bigint {
  return BigInt(digits.whole || '0') * 10n ** BigInt(decimals) + BigInt(digits.fraction.padEnd(decimals, '0') || '0');
}

/** How the text would be written in this locale if its one foreign separator meant `meaning`. */
function rewrite(text: string, foreign: string, meaning: 'decimal' | 'group', locale: LocaleCode): string {
  const { decimal, group } = separatorsOf(locale);
  return text.split(foreign).join(meaning === 'decimal' ? decimal : SPACES.includes(group) ? ' ' : group);
}

/** A refusal that says how the text could have been meant and what to type instead. */
function explainRefusal(text: string, locale: LocaleCode, decimals: number, field: string): string {
  const { decimal } = separatorsOf(locale);
  const groups = groupCharacters(locale);
  const where = `in ${localeName(locale)}`;
  if (text.includes('.') && text.includes(',')) {
    const swapped = text.replace(/[.,]/g, (separator) => (separator === '.' ? ',' : '.'));
    const swappedDigits = readDigits(swapped, decimal, groups);
    if (swappedDigits && swappedDigits.fraction.length <= decimals) {
      return `${field} ${text} is not a number ${where}: there ${visible(separatorsOf(locale).group)} groups thousands and ${visible(decimal)} marks decimals. Write ${swapped}.`;
    }
  }
  const foreign = ['.', ','].find((separator) => separator !== decimal && !groups.includes(separator) && text.includes(separator));
  if (foreign) {
    const readings: string[] = [];
    const asDecimal = rewrite(text, foreign, 'decimal', locale);
    const decimalDigits = readDigits(asDecimal, decimal, groups);
    if (decimalDigits && decimalDigits.fraction.length <= decimals) readings.push(asDecimal);
    const asGroup = rewrite(text, foreign, 'group', locale);
    if (readDigits(asGroup, decimal, groups)) readings.push(asGroup);
    const suggestion = readings.length > 0 ? ` Write ${readings.join(' or ')}.` : '';
    return `${field} ${text} is not a number ${where}: ${visible(foreign)} is not used in numbers there, and its decimal separator is ${visible(decimal)}.${suggestion}`;
  }
  const group = groups.find((separator) => text.includes(separator));
  if (group && group !== ' ' && text.split(decimal).length <= 2) {
    const asDecimal = text.split(group).join(decimal);
    const digits = readDigits(asDecimal, decimal, groups);
    const suggestion = digits && text.split(group).length === 2 && !text.includes(decimal) ? ` For a decimal write ${asDecimal}.` : '';
    return `${field} ${text} is not a number ${where}: ${visible(group)} groups thousands there, in threes (as in ${formatScaled(1000, 0, locale)}).${suggestion}`;
  }
  return `${field} ${text} is not a number ${where}; write it like ${formatScaled(1234567, 2, locale, { minDecimals: 2 })}.`;
}

/** A non-negative decimal typed in `locale` → integer scaled by 10^decimals, exactly, or why not. */
export function parseScaledNumber(text: string, locale: LocaleCode, decimals: number, field: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Enter the ${lower(field)}.` };
  if (/^[-−]/.test(trimmed)) return { ok: false, message: `${field} cannot be negative: ${trimmed}.` };
  if (!/^[\d.,\s\u00a0\u202f\u2009]+$/.test(trimmed)) return { ok: false, message: `${field} ${trimmed} is not a number: use digits only, without letters or signs.` };
  const digits = readDigits(trimmed, separatorsOf(locale).decimal, groupCharacters(locale));
  if (!digits) return { ok: false, message: explainRefusal(trimmed, locale, decimals, field) };
  if (digits.fraction.length > decimals) {
    return { ok: false, message: `${field} has at most ${decimals} decimal${decimals === 1 ? '' : 's'}: ${trimmed} has ${digits.fraction.length}; nothing is rounded.` };
  }
  const value = scaled(digits, decimals);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: `${field} ${trimmed} is too large to record.` };
  return { ok: true, value: Number(value) };
}

export const parseQuantity = (text: string, locale: LocaleCode): ParsedNumber => parseScaledNumber(text, locale, 3, 'Quantity');
export const parseMoney = (text: string, locale: LocaleCode, field = 'Amount'): ParsedNumber => parseScaledNumber(text, locale, 2, field);

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A scaled integer as the locale writes it; exact for every safe integer (Intl reads the decimal string, not a float). */
export function formatScaled(value: number, decimals: number, locale: LocaleCode, options: { minDecimals?: number; grouping?: boolean } = {}): string {
  const minDecimals = options.minDecimals ?? 0;
  const grouping = options.grouping ?? true;
  const key = `${locale}|${decimals}|${minDecimals}|${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: decimals, useGrouping: grouping });
    numberFormats.set(key, format);
  }
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const decimal = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return format.format(`${sign}${decimal}` as unknown as number);
}

export const formatQuantity = (milli: number, locale: LocaleCode): string => formatScaled(milli, 3, locale);
export const formatMoney = (minor: number, locale: LocaleCode): string => formatScaled(minor, 2, locale, { minDecimals: 2 });

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: LocaleCode, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** The date part of an ISO instant or date, in the machine's time zone; unreadable input is shown as it came. */
export function formatDate(iso: string, locale: LocaleCode): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat(locale, false).format(date);
}

export function formatDateTime(iso: string, locale: LocaleCode): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat(locale, true).format(date);
}
