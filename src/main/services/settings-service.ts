import type { OperatorSummary, Settings, SettingsChange } from '../../shared/contracts';
import { DEFAULT_LOCALE, isSupportedLocale, type LocaleCode } from '../../shared/locales';
import type { Db } from '../store/connect';
import { appendAuditEntries } from '../store/repositories/audit-repo';
import { findOperatorById, updateOperatorLocale } from '../store/repositories/operator-repo';
import { COST_CENTERS_ENABLED, LARGE_PO_AMOUNT, LOCALE, readSetting, writeSetting } from '../store/repositories/settings-repo';
import { toSummary } from './auth-service';
import { forbidden, notFound } from './app-failure';
import type { Caller, Desk } from './desk';

/** 1,000,000.00: above this a save asks the operator to confirm the total, unless an admin sets another amount. */
export const DEFAULT_LARGE_PO_AMOUNT_MINOR = 100_000_000;

export async function getSettings(db: Db): Promise<Settings> {
  const [enabled, locale, largePo] = await Promise.all([
    readSetting(db, COST_CENTERS_ENABLED),
    readSetting(db, LOCALE),
    readSetting(db, LARGE_PO_AMOUNT),
  ]);
  return {
    costCentersEnabled: enabled !== 'false',
    locale: locale !== undefined && isSupportedLocale(locale) ? locale : DEFAULT_LOCALE,
    // Never set: the installation default; set to '' by an admin: never ask.
    largePoAmountMinor: largePo === undefined ? DEFAULT_LARGE_PO_AMOUNT_MINOR : largePo === '' ? null : Number(largePo),
  };
}

/** How each setting is stored and named in the audit log. */
const SETTING_KEYS: { [K in keyof Settings]: { key: string; label: string; text: (value: Settings[K]) => string } } = {
  costCentersEnabled: { key: COST_CENTERS_ENABLED, label: 'Cost centers in use', text: (value) => String(value) },
  locale: { key: LOCALE, label: 'Number and date format', text: (value) => value },
  largePoAmountMinor: { key: LARGE_PO_AMOUNT, label: 'Large-PO amount', text: (value) => (value === null ? '' : String(value)) },
};

/** Admins only; every setting that changes writes one audit row with its value before and after. */
export async function updateSettings(desk: Desk, caller: Caller, change: SettingsChange): Promise<Settings> {
  if (caller.operator.role !== 'admin') throw forbidden('Only an administrator can change installation settings.');
  await desk.db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    const audits = [];
    for (const name of Object.keys(change) as (keyof Settings)[]) {
      const value = change[name];
      if (value === undefined || value === before[name]) continue;
      const { key, label, text } = SETTING_KEYS[name] as { key: string; label: string; text: (value: unknown) => string };
      await writeSetting(trx, key, text(value));
      audits.push({
        operatorId: caller.operator.id,
        action: 'setting-changed',
        rule: key,
        before: text(before[name]),
        after: text(value),
        detail: `${label} changed by ${caller.operator.displayName}.`,
      });
    }
    await appendAuditEntries(trx, audits, desk.now());
  });
  return getSettings(desk.db);
}

/** Every operator may choose their own number and date format, or follow the installation's. */
export async function setMyLocale(desk: Desk, caller: Caller, locale: LocaleCode | null): Promise<OperatorSummary> {
  await updateOperatorLocale(desk.db, caller.operator.id, locale);
  const operator = await findOperatorById(desk.db, caller.operator.id);
  if (!operator) throw notFound('Your operator record no longer exists.');
  return toSummary(operator);
}
