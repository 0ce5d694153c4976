import type { ApprovalBandInput, ApprovalBandView, ApprovalRulesView } from '../../../../shared/lifecycle-schemas';
import { formatMoney, parseMoney } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';
import type { AppError } from '../../../../shared/result';

/**
 * The add/edit form of an approval band as plain values: what the admin typed, read in the locale
 * it was typed in, turned into the contract's input, and main's refusals put beside their fields.
 */

export type ApproverChoice = 'supervisor' | 'admin' | 'named';

export interface BandDraft {
  /** null: a new band. */
  id: number | null;
  /** '' means all cost centers. */
  scope: string;
  /** The from amount as typed, with the locale it was typed in, so its meaning never depends on a later switch. */
  from: { text: string; locale: LocaleCode };
  approverChoice: ApproverChoice;
  namedIds: number[];
  approvalsRequired: number;
  adminRequired: boolean;
}

export type BandField = 'scope' | 'from' | 'approvers' | 'approvalsRequired' | 'adminRequired';

/** In the order the form shows them, so the cursor goes to the first refused one. */
export const BAND_FIELDS: readonly BandField[] = ['scope', 'from', 'approvalsRequired', 'approvers', 'adminRequired'];

export const FROM_FIELD_LABEL = 'From amount';

export const MAX_APPROVALS = 10;

export const newBandDraft = (locale: LocaleCode): BandDraft => ({
  id: null,
  scope: '',
  from: { text: '', locale },
  approverChoice: 'supervisor',
  namedIds: [],
  approvalsRequired: 1,
  adminRequired: false,
});

export const draftOfBand = (band: ApprovalBandView, locale: LocaleCode): BandDraft => ({
  id: band.id,
  scope: band.costCenterCode ?? '',
  from: { text: formatMoney(band.fromMinor, locale), locale },
  approverChoice: band.approvers.kind === 'named' ? 'named' : band.approvers.role,
  namedIds: band.approvers.kind === 'named' ? band.approvers.approvers.map((a) => a.id) : [],
  approvalsRequired: band.approvalsRequired,
  adminRequired: band.adminRequired,
});

export type FromReading = { ok: true; value: number } | { ok: false; message: string };

/** The from amount in minor units, refused (never guessed at) when the locale cannot read it exactly. */
export function readFrom(from: BandDraft['from']): FromReading {
  const parsed = parseMoney(from.text, from.locale, FROM_FIELD_LABEL);
  return parsed.ok ? parsed : { ok: false, message: parsed.message };
}

export type DraftReading = { ok: true; input: ApprovalBandInput } | { ok: false; field: BandField; message: string };

export function readBandDraft(draft: BandDraft): DraftReading {
  const from = readFrom(draft.from);
  if (!from.ok) return { ok: false, field: 'from', message: from.message };
  return {
    ok: true,
    input: {
      ...(draft.id === null ? {} : { id: draft.id }),
      costCenterCode: draft.scope === '' ? null : draft.scope,
      fromMinor: from.value,
      approvers: draft.approverChoice === 'named' ? { kind: 'named', operatorIds: draft.namedIds } : { kind: 'role', role: draft.approverChoice },
      approvalsRequired: draft.approvalsRequired,
      adminRequired: draft.adminRequired,
    },
  };
}

/** The form field a contract field (or a path inside it) belongs to. */
function formFieldOf(path: string | undefined): BandField | null {
  const head = path?.split('.')[0];
  switch (head) {
    case 'costCenterCode':
      return 'scope';
    case 'fromMinor':
      return 'from';
    case 'approvers':
      return 'approvers';
    case 'approvalsRequired':
      return 'approvalsRequired';
    case 'adminRequired':
      return 'adminRequired';
    default:
      return null;
  }
}

export interface PlacedRefusal {
  fieldErrors: Partial<Record<BandField, string>>;
  /** What belongs to no field (not allowed, a band gone meanwhile, the desk unreachable). */
  formMessage: string | null;
}

/** Main's refusal beside the fields it names: its own field first, then any further issues it lists. */
export function placeRefusal(error: AppError): PlacedRefusal {
  const fieldErrors: Partial<Record<BandField, string>> = {};
  const main = formFieldOf(error.field);
  if (main) fieldErrors[main] = error.issues?.find((issue) => formFieldOf(issue.path) === main)?.message ?? error.message;
  for (const issue of error.issues ?? []) {
    const field = formFieldOf(issue.path);
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { fieldErrors, formMessage: main ? null : error.message };
}

export const firstRefusedField = (errors: Partial<Record<BandField, string>>): BandField | null => BAND_FIELDS.find((field) => errors[field]) ?? null;

/** "Cost center 210 — Maintenance North", or "All cost centers". */
export function scopeWords(code: string | null, costCenters: ApprovalRulesView['costCenters']): string {
  if (code === null) return 'All cost centers';
  const description = costCenters.find((cc) => cc.code === code)?.description;
  return description ? `${code} — ${description}` : code;
}

/** Who approves, short, for the table's column. */
export function approversWords(band: ApprovalBandView): string {
  if (band.approvers.kind === 'role') return band.approvers.role === 'admin' ? 'Admins' : 'Supervisors or admins';
  return band.approvers.approvers.map((a) => a.displayName).join(', ') || 'Nobody named';
}

/** Whether the form holds something the stored band (or a blank new one) does not. */
export function draftDiffers(draft: BandDraft, view: ApprovalRulesView | null): boolean {
  const stored = draft.id === null ? null : view?.bands.find((band) => band.id === draft.id);
  const base = stored ? draftOfBand(stored, draft.from.locale) : newBandDraft(draft.from.locale);
  const sameFrom = (() => {
    if (draft.from.text.trim() === base.from.text.trim()) return true;
    const a = readFrom(draft.from);
    const b = readFrom(base.from);
    return a.ok && b.ok && a.value === b.value;
  })();
  const sameNamed = draft.approverChoice !== 'named' || [...draft.namedIds].sort().join() === [...base.namedIds].sort().join();
  return !(
    sameFrom &&
    sameNamed &&
    draft.scope === base.scope &&
    draft.approverChoice === base.approverChoice &&
    draft.approvalsRequired === base.approvalsRequired &&
    draft.adminRequired === base.adminRequired
  );
}
