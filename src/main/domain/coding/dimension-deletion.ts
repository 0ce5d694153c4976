import { capitalise, type DimensionSet, dimensionLabel, findType, findValue, isCoreDimension, sameCode } from './dimensions';

/** Whether a dimension type or value may be deleted from a scope, given where it is still used; a refusal names the uses and the way out. */

/**
 * Where a dimension value (or every value of a type) is still used, counted by the store for the
 * scope being changed: rows and headers of POs coded for that organisation, accounting entries of
 * their invoices, vendors' coding and matrix cells (those two are kept once for every organisation,
 * so they count whatever the scope).
 */
export interface DimensionUsage {
  purchaseOrders: number;
  accountingEntries: number;
  /** Vendor codes whose vendor-level coding names it. */
  vendors: readonly string[];
  /** "FASTENERS × every supplier group". */
  matrixCells: readonly string[];
}

export const NO_USAGE: DimensionUsage = { purchaseOrders: 0, accountingEntries: 0, vendors: [], matrixCells: [] };

export type DimensionDeletion =
  | { allowed: true; rule: 'coding-not-in-use'; reason: string }
  | { allowed: false; rule: 'coding-unknown' | 'coding-core-type' | 'coding-type-has-values' | 'coding-in-use'; reason: string };

const NAMES_SHOWN = 3;
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
const listed = (names: readonly string[], one: string, many: string) => {
  const unique = [...new Set(names)];
  if (unique.length <= NAMES_SHOWN) return `${unique.length === 1 ? one : many} ${andWords(unique)}`;
  return `${plural(unique.length, one, many)}, among them ${andWords(unique.slice(0, NAMES_SHOWN))}`;
};
function andWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "vendor BOLT's coding", "the coding of vendors ACME and BOLT". */
function vendorWords(vendors: readonly string[]): string {
  const unique = [...new Set(vendors)];
  return unique.length === 1 ? `vendor ${unique[0]}'s coding` : `the coding of ${listed(unique, 'vendor', 'vendors')}`;
}

/** "3 POs, 1 accounting entry, vendor BOLT and the matrix cell TYRES × every supplier group"; '' when unused. */
export function usageWords(usage: DimensionUsage): string {
  const parts = [
    usage.purchaseOrders > 0 ? plural(usage.purchaseOrders, 'PO', 'POs') : null,
    usage.accountingEntries > 0 ? plural(usage.accountingEntries, 'accounting entry', 'accounting entries') : null,
    usage.vendors.length > 0 ? vendorWords(usage.vendors) : null,
    usage.matrixCells.length > 0 ? listed(usage.matrixCells, 'the matrix cell', 'the matrix cells') : null,
  ].filter((part): part is string => part !== null);
  return andWords(parts);
}

const inUseRemedy = (usage: DimensionUsage) =>
  usage.purchaseOrders > 0 || usage.accountingEntries > 0
    ? 'make it inactive instead; POs and entries keep naming it.'
    : `take it off ${usage.vendors.length + usage.matrixCells.length === 1 ? 'there' : 'them'} first, or make it inactive.`;

/**
 * May a value be deleted from a set? Only one nothing uses.
 *
 * | the value                                  | verdict                                                          |
 * |--------------------------------------------|------------------------------------------------------------------|
 * | not in the set                             | refused: there is none                                           |
 * | used on POs or accounting entries          | refused, naming the counts: make it inactive instead (history)   |
 * | used only by vendors' coding or the matrix | refused, naming the vendors and cells: take it off them first    |
 * | unused, the type's default                 | allowed; the type is left without a default (said in the reason) |
 * | unused                                     | allowed                                                          |
 */
export function valueDeletion(set: DimensionSet, typeCode: string, code: string, usage: DimensionUsage, scopeName: string): DimensionDeletion {
  const label = dimensionLabel(typeCode, set);
  const value = findValue(set, typeCode, code);
  if (!value) return { allowed: false, rule: 'coding-unknown', reason: `There is no ${label} ${code} in ${scopeName}.` };
  const name = `${capitalise(label)} ${value.code} (${value.name})`;
  const used = usageWords(usage);
  if (used !== '') return { allowed: false, rule: 'coding-in-use', reason: `${name} is used by ${used}: ${inUseRemedy(usage)}` };
  const type = findType(set, value.typeCode);
  const wasDefault = type?.defaultValueCode !== null && type?.defaultValueCode !== undefined && sameCode(type.defaultValueCode, value.code);
  return { allowed: true, rule: 'coding-not-in-use', reason: `${name} is not used anywhere; it may be deleted from ${scopeName}.${wasDefault ? ` It is the default ${label}: rows get none from the organisation level after it.` : ''}` };
}

/**
 * May a type be deleted from a set? Never a core one, never one that still has values in the set
 * (delete those first, each checked on its own), never one rows or vendors are coded by.
 */
export function typeDeletion(set: DimensionSet, typeCode: string, usage: DimensionUsage, scopeName: string): DimensionDeletion {
  const type = findType(set, typeCode);
  if (!type) return { allowed: false, rule: 'coding-unknown', reason: `There is no dimension type ${typeCode} in ${scopeName}.` };
  if (isCoreDimension(type.code)) return { allowed: false, rule: 'coding-core-type', reason: `${type.name} is a core dimension; every row is coded by it, so it cannot be deleted.` };
  const values = set.values.filter((value) => sameCode(value.typeCode, type.code)).map((value) => value.code);
  if (values.length > 0) {
    const shown = values.length <= NAMES_SHOWN ? andWords(values) : `among them ${andWords(values.slice(0, NAMES_SHOWN))}`;
    return { allowed: false, rule: 'coding-type-has-values', reason: `Dimension type ${type.code} (${type.name}) has ${plural(values.length, 'value', 'values')} in ${scopeName} (${shown}): delete them first, or make the type inactive.` };
  }
  const used = usageWords(usage);
  if (used !== '') return { allowed: false, rule: 'coding-in-use', reason: `Dimension type ${type.code} (${type.name}) is used by ${used}: ${inUseRemedy(usage)}` };
  return { allowed: true, rule: 'coding-not-in-use', reason: `Dimension type ${type.code} (${type.name}) has no values and is not used; it may be deleted from ${scopeName}.` };
}
