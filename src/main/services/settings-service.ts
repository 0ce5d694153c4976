import type { OperatorSummary, Settings, SettingsChange } from '../../shared/contracts';
import { DEFAULT_LOCALE, isSupportedLocale, type LocaleCode } from '../../shared/locales';
import type { Db } from '../store/connect';
import { appendAuditEntries } from '../store/repositories/audit-repo';
import { findOperatorById, updateOperatorLocale } from '../store/repositories/operator-repo';
import { checkModeChange, MODE_LABEL } from '../domain/coding-mode';
import { BUDGET_ORDER_REQUIRED, CODING_MODE, COST_CENTERS_ENABLED, LARGE_PO_AMOUNT, LOCALE, readCodingMode, readSetting, writeSetting } from '../store/repositories/settings-repo';
import { toSummary } from './auth-service';
import { forbidden, notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';

/** 1,000,000.00: above this a save asks the operator to confirm the total, unless an admin sets another amount. */
export const DEFAULT_LARGE_PO_AMOUNT_MINOR = 100_000_000;

export async function getSettings(db: Db): Promise<Settings> {
  const [codingMode, budgetRequired, locale, largePo] = await Promise.all([
    readCodingMode(db),
    readSetting(db, BUDGET_ORDER_REQUIRED),
    readSetting(db, LOCALE),
    readSetting(db, LARGE_PO_AMOUNT),
  ]);
  return {
    codingMode,
    costCentersEnabled: codingMode === 'cost-centers',
    budgetOrderRequired: budgetRequired === 'true',
    locale: locale !== undefined && isSupportedLocale(locale) ? locale : DEFAULT_LOCALE,
    // Never set: the installation default; set to '' by an admin: never ask.
    largePoAmountMinor: largePo === undefined ? DEFAULT_LARGE_PO_AMOUNT_MINOR : largePo === '' ? null : Number(largePo),
  };
}

/** How each stored setting is stored and named in the audit log; costCentersEnabled is the coding mode seen as a switch. */
type StoredSetting = Exclude<keyof Settings, 'costCentersEnabled'>;
const SETTING_KEYS: { [K in StoredSetting]: { key: string; label: string; text: (value: Settings[K]) => string } } = {
  codingMode: { key: CODING_MODE, label: 'Coding mode', text: (value) => value },
  budgetOrderRequired: { key: BUDGET_ORDER_REQUIRED, label: 'Budget order required', text: (value) => String(value) },
  locale: { key: LOCALE, label: 'Number and date format', text: (value) => value },
  largePoAmountMinor: { key: LARGE_PO_AMOUNT, label: 'Large-PO amount', text: (value) => (value === null ? '' : String(value)) },
};

/**
 * The coding mode a change asks for: codingMode, or the old switch (on: cost centers, off: neither).
 * Asking for project codes with cost centers on, or cost centers with the switch off, is asking for
 * both or for a contradiction, and is refused with the coding-mode rule's sentence; stored POs are
 * never rewritten by a switch.
 */
function requestedMode(current: Settings['codingMode'], change: SettingsChange): { mode: Settings['codingMode']; reason: string } | null {
  if (change.codingMode === undefined && change.costCentersEnabled === undefined) return null;
  if (change.codingMode !== undefined && change.costCentersEnabled !== undefined && change.costCentersEnabled !== (change.codingMode === 'cost-centers')) {
    const switches = { costCenters: change.costCentersEnabled, projectCodes: change.codingMode === 'project-codes' };
    const verdict = checkModeChange(current, switches);
    const reason = verdict.allowed
      ? `Cost centers ${change.costCentersEnabled ? 'on' : 'off'} and coding mode ${MODE_LABEL[change.codingMode].toLowerCase()} contradict each other; choose one coding mode.`
      : verdict.reason;
    throw refused(`Nothing was changed. ${reason}`, 'codingMode');
  }
  // The old switch alone is a partial request: the coding-mode rule keeps the other switch as it is.
  const verdict = checkModeChange(current, change.codingMode ?? { costCenters: change.costCentersEnabled });
  if (!verdict.allowed) throw refused(`Nothing was changed. ${verdict.reason}`, 'codingMode');
  return { mode: verdict.to, reason: verdict.reason };
}

/** Admins only; every setting that changes writes one audit row with its value before and after. */
export async function updateSettings(desk: Desk, caller: Caller, change: SettingsChange): Promise<Settings> {
  if (caller.operator.role !== 'admin') throw forbidden('Only an administrator can change installation settings.');
  await desk.db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    const audits = [];
    const mode = requestedMode(before.codingMode, change);
    const wanted: Partial<Settings> = { ...change, codingMode: mode?.mode };
    for (const name of Object.keys(SETTING_KEYS) as StoredSetting[]) {
      const value = wanted[name];
      if (value === undefined || value === before[name]) continue;
      const { key, label, text } = SETTING_KEYS[name] as { key: string; label: string; text: (value: unknown) => string };
      await writeSetting(trx, key, text(value));
      audits.push({
        operatorId: caller.operator.id,
        action: 'setting-changed',
        rule: key,
        before: text(before[name]),
        after: text(value),
        detail: name === 'codingMode' && mode ? `${mode.reason} Changed by ${caller.operator.displayName}.` : `${label} changed by ${caller.operator.displayName}.`,
      });
      // The old switch follows the mode, so anything still reading it reads the same answer.
      if (name === 'codingMode') await writeSetting(trx, COST_CENTERS_ENABLED, String(value === 'cost-centers'));
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
