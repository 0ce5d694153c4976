/** The locales the desk parses and shows numbers and dates in; the installation picks one, an operator may override it. */
export const SUPPORTED_LOCALES = ['en-US', 'en-GB', 'sv-SE', 'de-DE', 'fr-FR'] as const;
export type LocaleCode = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: LocaleCode = 'en-US';

export const LOCALE_LABELS: Record<LocaleCode, string> = {
  'en-US': 'English (United States)',
  'en-GB': 'English (United Kingdom)',
  'sv-SE': 'Svenska (Sverige)',
  'de-DE': 'Deutsch (Deutschland)',
  'fr-FR': 'Français (France)',
};

export const isSupportedLocale = (value: string): value is LocaleCode => (SUPPORTED_LOCALES as readonly string[]).includes(value);
