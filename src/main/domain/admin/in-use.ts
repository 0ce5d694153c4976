/**
 * Deleting master data, pure: the kind, its code and where it is used (counted by the store) come
 * in; out goes whether it may be deleted and, if not, a sentence naming every use and what to do
 * instead: "Cost center 210 is used by 14 POs, scheme NORTH and vendor BOLT: deactivate it instead."
 *
 * | where it is used                     | history? | what the refusal tells the admin to do                                 |
 * |--------------------------------------|----------|------------------------------------------------------------------------|
 * | anything, for a cost center          | —        | deactivate it instead (it then allows nothing, and history keeps it)   |
 * | anything, for an operator            | —        | deactivate the operator instead (never delete one with history)        |
 * | POs, approvals or audit entries      | yes      | it cannot be deleted: those records name it                            |
 * | schemes, overrides, vendors, work orders, operators, approval bands, billing entities | no | take it off them first |
 *
 * Only cost centers and operators have an active flag in the store; every other kind in use by
 * history stays. Uses with a count of 0 do not count. Names are listed up to three per place
 * ("schemes NORTH, SOLO and WIDE"); beyond that the count and the first three ("5 schemes,
 * among them NORTH, SOLO and WIDE"). POs, approvals and audit entries are counted, never listed.
 */
import { DEFAULT_LOCALE, type LocaleCode } from '../../../shared/locales';
import { capitalise } from '../cost-center-rules';
import { andList, countOf } from './field-rules';
import { KIND_TEXT, type MasterKind } from './master-data-rules';

export const USAGE_PLACES = [
  'purchase-order',
  'approval',
  'audit-entry',
  'scheme',
  'scheme-override',
  'vendor',
  'work-order',
  'operator',
  'approval-band',
  'billing-entity',
  'row-coding',
] as const;
export type UsagePlace = (typeof USAGE_PLACES)[number];

export interface UsageEntry {
  place: UsagePlace;
  count: number;
  /** The records' names, for places that are named (schemes, vendors…); may be fewer than count. */
  names?: readonly string[];
}

interface PlaceText {
  one: string;
  many: string;
  /** Records that are history: they keep naming the record whatever the admin does now. */
  history: boolean;
  /** Named places list their records; counted ones only say how many. */
  named: boolean;
  /** What stands before listed names, when it is not the plain word: "the override for warehouse HARBOUR in scheme NORTH". */
  lead?: { one: string; many: string };
}

export const PLACE_TEXT: Readonly<Record<UsagePlace, PlaceText>> = {
  'purchase-order': { one: 'PO', many: 'POs', history: true, named: false },
  approval: { one: 'approval', many: 'approvals', history: true, named: false },
  'audit-entry': { one: 'audit entry', many: 'audit entries', history: true, named: false },
  scheme: { one: 'scheme', many: 'schemes', history: false, named: true },
  'scheme-override': { one: 'override', many: 'overrides', history: false, named: true, lead: { one: 'the override for', many: 'the overrides for' } },
  vendor: { one: 'vendor', many: 'vendors', history: false, named: true },
  'work-order': { one: 'work order', many: 'work orders', history: false, named: true },
  operator: { one: 'operator', many: 'operators', history: false, named: true },
  'approval-band': { one: 'approval band', many: 'approval bands', history: false, named: false },
  'billing-entity': { one: 'billing entity', many: 'billing entities', history: false, named: true },
  'row-coding': { one: 'row-coding setting', many: 'row-coding settings', history: false, named: true, lead: { one: '', many: '' } },
};

/** The kinds whose records can be deactivated instead of deleted. */
export const DEACTIVATABLE_KINDS: readonly MasterKind[] = ['cost-center', 'operator'];

const NAMES_SHOWN = 3;

/** "14 POs", "scheme NORTH", "vendors ACME and BOLT", "5 schemes, among them NORTH, SOLO and WIDE". */
export function usageText(entry: UsageEntry, locale: LocaleCode = DEFAULT_LOCALE): string {
  const text = PLACE_TEXT[entry.place];
  const names = text.named ? [...new Set(entry.names ?? [])] : [];
  // A count below the names given would contradict them: the names are what the admin can check.
  const total = Math.max(entry.count, names.length);
  if (names.length === 0) return countOf(total, text.one, text.many, locale);
  if (names.length === total && total <= NAMES_SHOWN) {
    const lead = text.lead ?? text;
    // A place whose names say what they are ("the matrix cell PAINT × MARINE") has an empty lead.
    return [total === 1 ? lead.one : lead.many, andList(names)].filter((part) => part !== '').join(' ');
  }
  return `${countOf(total, text.one, text.many, locale)}, among them ${andList(names.slice(0, NAMES_SHOWN))}`;
}

export type DeletionRemedy = 'deactivate' | 'detach' | 'keep';

export type DeletionVerdict =
  | { allowed: true; rule: 'not-in-use'; reason: string }
  | { allowed: false; rule: 'in-use'; remedy: DeletionRemedy; usedBy: UsageEntry[]; reason: string };

/** How the record is named at the start of the sentence: "Cost center 210", "Operator alice". */
const recordName = (kind: MasterKind, code: string) => `${capitalise(KIND_TEXT[kind].one)} ${code}`;

/** Whether the record may be deleted, given where it is used; a refusal names every use and the way out. */
export function checkDeletion(kind: MasterKind, code: string, usage: readonly UsageEntry[], locale: LocaleCode = DEFAULT_LOCALE): DeletionVerdict {
  const usedBy = usage.filter((entry) => entry.count > 0);
  const name = recordName(kind, code);
  if (usedBy.length === 0) return { allowed: true, rule: 'not-in-use', reason: `${name} is not used anywhere; it may be deleted.` };
  // Merge repeated places so the sentence names each once.
  const merged = new Map<UsagePlace, UsageEntry>();
  for (const entry of usedBy) {
    const known = merged.get(entry.place);
    merged.set(entry.place, known === undefined ? { ...entry } : { place: entry.place, count: known.count + entry.count, names: [...(known.names ?? []), ...(entry.names ?? [])] });
  }
  const entries = USAGE_PLACES.flatMap((place) => merged.get(place) ?? []);
  const history = entries.some((entry) => PLACE_TEXT[entry.place].history);
  const uses = andList(entries.map((entry) => usageText(entry, locale)));
  const [remedy, advice] = remedyOf(kind, history, entries);
  const reason = kind === 'operator' && history ? `${name} has history (${uses}): ${advice}` : `${name} is used by ${uses}: ${advice}`;
  return { allowed: false, rule: 'in-use', remedy, usedBy: entries, reason };
}

function remedyOf(kind: MasterKind, history: boolean, entries: readonly UsageEntry[]): [DeletionRemedy, string] {
  if (kind === 'operator') return ['deactivate', 'deactivate the operator instead; an operator with history is never deleted.'];
  if (DEACTIVATABLE_KINDS.includes(kind)) return ['deactivate', 'deactivate it instead.'];
  if (history) return ['keep', 'it cannot be deleted while those records name it.'];
  const onlyOperators = entries.every((entry) => entry.place === 'operator');
  if (kind === 'scheme' && onlyOperators) return ['detach', entries.length === 1 && entries[0]?.count === 1 ? 'assign that operator another scheme first.' : 'assign those operators another scheme first.'];
  return ['detach', entries.length === 1 && entries[0]?.count === 1 ? 'take it off there first.' : 'take it off them first.'];
}
