import { formatMoney, parseMoney } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';

export const LIMIT_FIELD_LABEL = 'Approval limit';

/** A limit as its field shows it: blank means no limit. */
export const limitText = (minor: number | null, locale: LocaleCode): string => (minor === null ? '' : formatMoney(minor, locale));

/** In words for the read-only table and the outcome sentence. */
export const limitWords = (minor: number | null, locale: LocaleCode): string => (minor === null ? 'No limit' : formatMoney(minor, locale));

export type LimitReading = { ok: true; value: number | null } | { ok: false; message: string };

/** Blank takes the limit away; anything else must be an amount the locale reads exactly. */
export function readLimit(text: string, locale: LocaleCode): LimitReading {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = parseMoney(text, locale, LIMIT_FIELD_LABEL);
  return parsed.ok ? parsed : { ok: false, message: parsed.message };
}
