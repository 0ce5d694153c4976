import { useMemo } from 'react';
import type { OperatorSummary, Settings } from '../../../shared/contracts';
import { formatDate, formatDateTime, formatMoney, formatQuantity, parseMoney, parseQuantity } from '../../../shared/locale-format';
import { DEFAULT_LOCALE, type LocaleCode } from '../../../shared/locales';
import { useSessionStore } from '../stores/session-store';

/** The operator's own locale, else the installation's, else the default. */
export const effectiveLocale = (operator: OperatorSummary | null, settings: Settings | null): LocaleCode =>
  operator?.locale ?? settings?.locale ?? DEFAULT_LOCALE;

/** The same, for store code outside React. */
export const currentLocale = (): LocaleCode => {
  const { operator, settings } = useSessionStore.getState();
  return effectiveLocale(operator, settings);
};

/** Formatting and parsing bound to the signed-in operator's locale. */
export function useLocaleFormat() {
  const locale = useSessionStore((s) => effectiveLocale(s.operator, s.settings));
  return useMemo(
    () => ({
      locale,
      formatMoney: (minor: number) => formatMoney(minor, locale),
      formatQuantity: (milli: number) => formatQuantity(milli, locale),
      formatDate: (iso: string) => formatDate(iso, locale),
      formatDateTime: (iso: string) => formatDateTime(iso, locale),
      parseQuantity: (text: string) => parseQuantity(text, locale),
      parseMoney: (text: string, field?: string) => parseMoney(text, locale, field),
    }),
    [locale],
  );
}
