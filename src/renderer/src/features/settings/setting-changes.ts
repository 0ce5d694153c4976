import type { CodingMode, Settings, SettingsChange } from '../../../../shared/contracts';
import { formatMoney, parseMoney } from '../../../../shared/locale-format';
import { LOCALE_LABELS, type LocaleCode } from '../../../../shared/locales';

/** The large-PO amount as the admin's field shows it: blank means "never ask". */
export const largePoText = (minor: number | null, locale: LocaleCode): string => (minor === null ? '' : formatMoney(minor, locale));

/** What the admin has touched on the installation form; untouched settings follow the stored ones. */
export interface InstallationEdits {
  /** The older switch (on: cost centers, off: neither); the form now edits the coding mode itself. */
  costCentersEnabled?: boolean;
  codingMode?: CodingMode;
  budgetOrderRequired?: boolean;
  locale?: LocaleCode;
  /** The text as typed, with the locale it was typed in, so its meaning never depends on a later switch. */
  largePo?: { text: string; locale: LocaleCode };
}

export type LargePoReading = { ok: true; value: number | null } | { ok: false; message: string };

export const LARGE_PO_FIELD = 'Large-PO amount';

/** A blank field never asks; anything else must be an amount in the locale it was typed in. */
export function readLargePo(text: string, locale: LocaleCode): LargePoReading {
  if (text.trim() === '') return { ok: true, value: null };
  const parsed = parseMoney(text, locale, LARGE_PO_FIELD);
  return parsed.ok ? parsed : { ok: false, message: parsed.message };
}

export type DraftReading = { ok: true; change: SettingsChange } | { ok: false; field: 'largePoAmountMinor'; message: string };

/** Only the settings whose edited value differs from the stored one; a large-PO text that does not read is refused. */
export function readInstallationDraft(current: Settings, edits: InstallationEdits): DraftReading {
  const change: SettingsChange = {};
  if (edits.costCentersEnabled !== undefined && edits.costCentersEnabled !== current.costCentersEnabled) {
    change.costCentersEnabled = edits.costCentersEnabled;
  }
  if (edits.codingMode !== undefined && edits.codingMode !== current.codingMode) change.codingMode = edits.codingMode;
  if (edits.budgetOrderRequired !== undefined && edits.budgetOrderRequired !== current.budgetOrderRequired) {
    change.budgetOrderRequired = edits.budgetOrderRequired;
  }
  if (edits.locale !== undefined && edits.locale !== current.locale) change.locale = edits.locale;
  if (edits.largePo !== undefined) {
    const reading = readLargePo(edits.largePo.text, edits.largePo.locale);
    if (!reading.ok) return { ok: false, field: 'largePoAmountMinor', message: reading.message };
    if (reading.value !== current.largePoAmountMinor) change.largePoAmountMinor = reading.value;
  }
  return { ok: true, change };
}

const onOff = (enabled: boolean) => (enabled ? 'on' : 'off');

/** The coding modes as the settings form names them. */
export const CODING_MODE_LABELS: Readonly<Record<CodingMode, string>> = {
  'cost-centers': 'Cost centers',
  'project-codes': 'Project codes',
  off: 'Off',
};

/** What each mode means at PO entry, for the form's hints and the confirmation. */
export const CODING_MODE_EFFECTS: Readonly<Record<CodingMode, string>> = {
  'cost-centers': 'POs and lines are coded by cost center, checked against each operator’s scheme and billing entities.',
  'project-codes': 'Every PO carries a project code typed at entry, in place of the cost center; a PO without one is refused.',
  off: 'POs carry neither cost centers nor project codes.',
};

/** Which stored codes a switch away from `from` leaves alone, said plainly: nothing stored is ever rewritten. */
const STORED_POS_KEEP: Readonly<Record<CodingMode, string>> = {
  'cost-centers': 'Stored POs keep the cost centers they were saved with.',
  'project-codes': 'Stored POs keep the project codes they were saved with.',
  off: 'Stored POs keep whatever they were saved with.',
};
const amountText = (minor: number | null, locale: LocaleCode) => (minor === null ? 'never ask' : formatMoney(minor, locale));

export interface SettingChangeDescription {
  /** The setting with its value before and after: "Cost centers in use: on → off". */
  summary: string;
  /** What that does to the desk. */
  effect: string;
}

export const sentenceOf = ({ summary, effect }: SettingChangeDescription): string => `${summary}. ${effect}`;

/** One description per changed setting, in the admin's own number format. */
export function describeSettingChanges(before: Settings, change: SettingsChange, locale: LocaleCode): SettingChangeDescription[] {
  const descriptions: SettingChangeDescription[] = [];
  if (change.costCentersEnabled !== undefined && change.costCentersEnabled !== before.costCentersEnabled) {
    const after = change.costCentersEnabled;
    descriptions.push({
      summary: `Cost centers in use: ${onOff(before.costCentersEnabled)} → ${onOff(after)}`,
      effect: after
        ? 'Every workstation shows cost centers again and checks them on every save.'
        : 'Every workstation stops showing and checking cost centers.',
    });
  }
  if (change.codingMode !== undefined && change.codingMode !== before.codingMode) {
    const after = change.codingMode;
    descriptions.push({
      summary: `Coding mode: ${CODING_MODE_LABELS[before.codingMode].toLowerCase()} → ${CODING_MODE_LABELS[after].toLowerCase()}`,
      effect: `${CODING_MODE_EFFECTS[after]} ${STORED_POS_KEEP[before.codingMode]}`,
    });
  }
  if (change.budgetOrderRequired !== undefined && change.budgetOrderRequired !== before.budgetOrderRequired) {
    const after = change.budgetOrderRequired;
    descriptions.push({
      summary: `Budget order required: ${onOff(before.budgetOrderRequired)} → ${onOff(after)}`,
      effect: after
        ? 'A PO cannot be submitted without a budget order valid on its date; drafts can still be saved without one.'
        : 'POs may be submitted without a budget order.',
    });
  }
  if (change.locale !== undefined && change.locale !== before.locale) {
    descriptions.push({
      summary: `Installation number and date format: ${LOCALE_LABELS[before.locale]} → ${LOCALE_LABELS[change.locale]}`,
      effect: 'Operators who follow the installation read and type numbers and dates this way.',
    });
  }
  if (change.largePoAmountMinor !== undefined && change.largePoAmountMinor !== before.largePoAmountMinor) {
    const after = change.largePoAmountMinor;
    descriptions.push({
      summary: `Large-PO amount: ${amountText(before.largePoAmountMinor, locale)} → ${amountText(after, locale)}`,
      effect:
        after === null
          ? 'No save asks the operator to confirm a large total.'
          : `Saving a PO whose total is above ${formatMoney(after, locale)} asks the operator to confirm it.`,
    });
  }
  return descriptions;
}
