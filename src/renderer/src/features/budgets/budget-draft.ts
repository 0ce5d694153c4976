import { formatMoney, parseMoney } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';
import type { BudgetOrderInput, BudgetOrderStatus, BudgetViewRow } from '../../../../shared/purchasing-controls-schemas';

/**
 * The budget-order form as typed. The total is kept as text with the locale it was typed in, so its
 * meaning never depends on a later switch of format; main judges every field and says why.
 */
export interface BudgetDraft {
  id: number | null;
  number: string;
  customerPoNumber: string;
  total: { text: string; locale: LocaleCode };
  validFrom: string;
  validTo: string;
  status: BudgetOrderStatus;
}
export type BudgetField = 'number' | 'customerPoNumber' | 'totalMinor' | 'validFrom' | 'validTo' | 'status';
export const BUDGET_FIELDS: readonly BudgetField[] = ['number', 'customerPoNumber', 'totalMinor', 'validFrom', 'validTo', 'status'];

export const TOTAL_FIELD = 'Total';

/** Today in the operator's own calendar, as an ISO date. */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A new budget order starts valid for the rest of this calendar year. */
export function newBudgetDraft(locale: LocaleCode, now = new Date()): BudgetDraft {
  return { id: null, number: '', customerPoNumber: '', total: { text: '', locale }, validFrom: todayIso(now), validTo: `${now.getFullYear()}-12-31`, status: 'open' };
}

export const draftOfBudget = (row: BudgetViewRow, locale: LocaleCode): BudgetDraft => ({
  id: row.id,
  number: row.number,
  customerPoNumber: row.customerPoNumber ?? '',
  total: { text: formatMoney(row.totalMinor, locale), locale },
  validFrom: row.validFrom,
  validTo: row.validTo,
  status: row.status,
});

export type TotalReading = { ok: true; value: number } | { ok: false; message: string };

/** The total must be an amount in the format it was typed in; blank is not a total. */
export function readTotal(total: BudgetDraft['total']): TotalReading {
  if (total.text.trim() === '') return { ok: false, message: 'Enter the total: what the customer has agreed to spend on this budget order.' };
  const parsed = parseMoney(total.text, total.locale, TOTAL_FIELD);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
}

export type DraftReading = { ok: true; input: BudgetOrderInput } | { ok: false; field: 'totalMinor'; message: string };

export function budgetInputOf(draft: BudgetDraft): DraftReading {
  const total = readTotal(draft.total);
  if (!total.ok) return { ok: false, field: 'totalMinor', message: total.message };
  return {
    ok: true,
    input: {
      ...(draft.id !== null ? { id: draft.id } : {}),
      number: draft.number,
      customerPoNumber: draft.customerPoNumber.trim() === '' ? null : draft.customerPoNumber,
      totalMinor: total.value,
      validFrom: draft.validFrom,
      validTo: draft.validTo,
      status: draft.status,
    },
  };
}

/** Whether the form still holds what it was opened with. */
export function sameBudgetDraft(a: BudgetDraft, b: BudgetDraft): boolean {
  const totalA = readTotal(a.total);
  const totalB = readTotal(b.total);
  const sameTotal = totalA.ok && totalB.ok ? totalA.value === totalB.value : a.total.text === b.total.text;
  return a.number === b.number && a.customerPoNumber === b.customerPoNumber && sameTotal && a.validFrom === b.validFrom && a.validTo === b.validTo && a.status === b.status;
}
