/**
 * Coding dimensions, pure: the types a PO row is coded by (at least purchase account, cost center,
 * cost unit and project) and their values. An admin keeps the global set; a new organisation may copy
 * it ("auto-generate" on creation); an organisation adds types and values of its own. Every function
 * takes a set and returns a new one or the problems; the store only keeps what comes out.
 *
 * | situation                                         | outcome                                                       |
 * |---------------------------------------------------|---------------------------------------------------------------|
 * | new organisation, auto-generate on                | every active global type and active value, with each type's default value when that value is copied too |
 * | new organisation, auto-generate off               | the four core types only (names from the global set), no values, no defaults |
 * | a core type missing from the global set           | created with its standard name: coding cannot work without it |
 * | a type or value code already in the set           | refused, compared without case ("p1" is "P1")                 |
 * | a code with a character other than letters, digits, '-', '_', '/', '.' | refused, the characters named        |
 * | a core type made inactive                         | refused: rows are always coded by it                          |
 * | a default value that is not an active value of its type | refused                                                 |
 *
 * Why codes compare without case: a value list where "P1" and "p1" are different projects invites
 * booking on the wrong one, and the accounting system we export to does not tell them apart either.
 * Why inactive values stay in the set: rows and entries already booked on them must still show them.
 */

export const PURCHASE_ACCOUNT = 'purchase-account';
export const COST_CENTER = 'cost-center';
export const COST_UNIT = 'cost-unit';
export const PROJECT = 'project';

/** The dimensions every organisation codes by, in the order the coding box and the export show them. */
export const CORE_DIMENSIONS = [PURCHASE_ACCOUNT, COST_CENTER, COST_UNIT, PROJECT] as const;
export type CoreDimension = (typeof CORE_DIMENSIONS)[number];

/** The dimensions the chart of accounts governs (No / Yes / Mandatory) per purchase account. */
export const SUB_OBJECTS = [COST_CENTER, COST_UNIT, PROJECT] as const;
export type SubObject = (typeof SUB_OBJECTS)[number];

export const CORE_LABEL: Readonly<Record<CoreDimension, string>> = {
  [PURCHASE_ACCOUNT]: 'purchase account',
  [COST_CENTER]: 'cost center',
  [COST_UNIT]: 'cost unit',
  [PROJECT]: 'project',
};

const CORE_NAME: Readonly<Record<CoreDimension, string>> = {
  [PURCHASE_ACCOUNT]: 'Purchase account',
  [COST_CENTER]: 'Cost center',
  [COST_UNIT]: 'Cost unit',
  [PROJECT]: 'Project',
};

export const isCoreDimension = (code: string): code is CoreDimension => (CORE_DIMENSIONS as readonly string[]).includes(code);

/** global: kept by the admin and copied into organisations (a copy keeps the mark); organisation: the organisation's own. */
export type DimensionOrigin = 'global' | 'organisation';

export interface DimensionType {
  code: string;
  name: string;
  origin: DimensionOrigin;
  active: boolean;
  /** The value the organisation level gives every row (precedence.ts); null: none. */
  defaultValueCode: string | null;
}

export interface DimensionValue {
  typeCode: string;
  code: string;
  name: string;
  origin: DimensionOrigin;
  active: boolean;
}

export interface DimensionSet {
  types: readonly DimensionType[];
  values: readonly DimensionValue[];
}

export const EMPTY_SET: DimensionSet = { types: [], values: [] };

export const CODE_MAX_LENGTH = 20;
const CODE_CHARACTER = /^[\p{L}0-9\-_/.]$/u;

export const sameCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function findType(set: DimensionSet, code: string): DimensionType | undefined {
  return set.types.find((type) => sameCode(type.code, code));
}

export function findValue(set: DimensionSet, typeCode: string, code: string): DimensionValue | undefined {
  return set.values.find((value) => sameCode(value.typeCode, typeCode) && sameCode(value.code, code));
}

/** How a dimension reads in a sentence: "cost center", or an organisation type's own name as given. */
export function dimensionLabel(code: string, set: DimensionSet = EMPTY_SET): string {
  if (isCoreDimension(code)) return CORE_LABEL[code];
  return findType(set, code)?.name ?? code;
}

/** The dimensions a row is coded by in this set: the core ones first, then the active others in the set's order. */
export function codingDimensions(set: DimensionSet): string[] {
  const others = set.types.filter((type) => type.active && !isCoreDimension(type.code)).map((type) => type.code);
  return [...CORE_DIMENSIONS, ...others];
}

/** Problems with a code as typed; empty when it is usable. */
export function codeProblems(code: string, what: string): string[] {
  if (code.trim() === '') return [`Enter the ${what} code.`];
  if (code !== code.trim()) return [`The ${what} code "${code}" has spaces around it; remove them.`];
  const problems: string[] = [];
  if ([...code].length > CODE_MAX_LENGTH) problems.push(`The ${what} code ${code} has ${[...code].length} characters; at most ${CODE_MAX_LENGTH} are allowed.`);
  const bad = [...new Set([...code].filter((character) => !CODE_CHARACTER.test(character)))];
  if (bad.length > 0) {
    const named = bad.map((character) => (character === ' ' ? 'a space' : `'${character}'`)).join(', ');
    problems.push(`The ${what} code ${code} may hold only letters, digits, '-', '_', '/' and '.'; it has ${named}.`);
  }
  return problems;
}

/** What the admin screen refuses in a new type for this set. */
export function dimensionTypeProblems(set: DimensionSet, type: DimensionType): string[] {
  const problems = codeProblems(type.code, 'dimension type');
  if (type.name.trim() === '') problems.push(`Enter a name for the dimension type ${type.code}.`);
  const existing = findType(set, type.code);
  if (existing) problems.push(`There is already a dimension type ${existing.code} (${existing.name}).`);
  if (isCoreDimension(type.code) && !type.active) problems.push(`${CORE_NAME[type.code]} is a core dimension; every row is coded by it, so it stays active.`);
  if (type.defaultValueCode !== null) problems.push(`Add the values of ${type.code} before choosing its default value.`);
  return problems;
}

/** What the admin screen refuses in a new value for this set. */
export function dimensionValueProblems(set: DimensionSet, value: DimensionValue): string[] {
  const type = findType(set, value.typeCode);
  if (!type) return [`There is no dimension type ${value.typeCode} to add the value ${value.code} to.`];
  const label = dimensionLabel(type.code, set);
  const problems = codeProblems(value.code, label);
  if (value.name.trim() === '') problems.push(`Enter a name for the ${label} ${value.code}.`);
  const existing = findValue(set, type.code, value.code);
  if (existing) problems.push(`There is already a ${label} ${existing.code} (${existing.name}).`);
  return problems;
}

export type SetChange = { ok: true; set: DimensionSet } | { ok: false; problems: string[] };

export function addDimensionType(set: DimensionSet, type: DimensionType): SetChange {
  const problems = dimensionTypeProblems(set, type);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, set: { ...set, types: [...set.types, type] } };
}

export function addDimensionValue(set: DimensionSet, value: DimensionValue): SetChange {
  const problems = dimensionValueProblems(set, value);
  if (problems.length > 0) return { ok: false, problems };
  // The value is stored under the type's own spelling of its code, so lookups never depend on case.
  const typeCode = (findType(set, value.typeCode) as DimensionType).code;
  return { ok: true, set: { ...set, values: [...set.values, { ...value, typeCode }] } };
}

/** Choose (or clear, with null) the value the organisation level gives every row for a type. */
export function setDefaultValue(set: DimensionSet, typeCode: string, valueCode: string | null): SetChange {
  const type = findType(set, typeCode);
  if (!type) return { ok: false, problems: [`There is no dimension type ${typeCode}.`] };
  const label = dimensionLabel(type.code, set);
  if (valueCode !== null) {
    const value = findValue(set, type.code, valueCode);
    if (!value) return { ok: false, problems: [`There is no ${label} ${valueCode} to make the default.`] };
    if (!value.active) return { ok: false, problems: [`The ${label} ${value.code} is inactive; an inactive value cannot be the default.`] };
    valueCode = value.code;
  }
  return { ok: true, set: { ...set, types: set.types.map((t) => (t === type ? { ...t, defaultValueCode: valueCode } : t)) } };
}

export type ValueVerdict = { allowed: true; rule: 'coding-value-known'; value: DimensionValue; reason: string } | { allowed: false; rule: 'coding-type-unknown' | 'coding-value-unknown' | 'coding-value-inactive'; reason: string };

/** May a row be coded with this value? It must be an active value of an active type of the organisation. */
export function checkDimensionValue(set: DimensionSet, typeCode: string, valueCode: string): ValueVerdict {
  const type = findType(set, typeCode);
  if (!type || !type.active) return { allowed: false, rule: 'coding-type-unknown', reason: `The organisation does not code by ${dimensionLabel(typeCode, set)}.` };
  const label = dimensionLabel(type.code, set);
  const value = findValue(set, type.code, valueCode);
  if (!value) return { allowed: false, rule: 'coding-value-unknown', reason: `There is no ${label} ${valueCode}.` };
  if (!value.active) return { allowed: false, rule: 'coding-value-inactive', reason: `The ${label} ${value.code} (${value.name}) is inactive; choose an active one.` };
  return { allowed: true, rule: 'coding-value-known', value, reason: `${capitalise(label)} ${value.code}: ${value.name}.` };
}

/** Problems that make a global set unusable as the source of new organisations. */
export function globalSetProblems(set: DimensionSet): string[] {
  const problems: string[] = [];
  for (const core of CORE_DIMENSIONS) {
    const type = findType(set, core);
    if (!type) problems.push(`The global set has no ${CORE_LABEL[core]} dimension.`);
    else if (!type.active) problems.push(`The global ${CORE_LABEL[core]} dimension is inactive; every row is coded by it.`);
  }
  for (const type of set.types) {
    if (type.defaultValueCode === null) continue;
    const value = findValue(set, type.code, type.defaultValueCode);
    if (!value || !value.active) problems.push(`The default ${dimensionLabel(type.code, set)} ${type.defaultValueCode} is not an active value of it.`);
  }
  return problems;
}

export interface NewOrganisationSet {
  set: DimensionSet;
  reason: string;
}

/**
 * The dimension set a new organisation starts with. Auto-generate copies the global set as it is
 * active (types, values, defaults); without it the organisation gets the core types alone and its
 * admin adds the values. Copies keep origin 'global' so the admin screen can tell them from the
 * organisation's own.
 */
export function newOrganisationSet(global: DimensionSet, autoGenerate: boolean): NewOrganisationSet {
  const coreType = (code: CoreDimension): DimensionType => {
    const fromGlobal = findType(global, code);
    return { code, name: fromGlobal?.name ?? CORE_NAME[code], origin: 'global', active: true, defaultValueCode: null };
  };
  if (!autoGenerate) {
    return { set: { types: CORE_DIMENSIONS.map(coreType), values: [] }, reason: 'The organisation starts with the core dimensions and no values: auto-generate is off.' };
  }
  const others = global.types.filter((type) => type.active && !isCoreDimension(type.code));
  const typeCodes = [...CORE_DIMENSIONS, ...others.map((type) => type.code)];
  const values = global.values
    .filter((value) => value.active && typeCodes.some((code) => sameCode(code, value.typeCode)))
    .map((value) => ({ ...value, typeCode: typeCodes.find((code) => sameCode(code, value.typeCode)) as string, origin: 'global' as const }));
  const copied: DimensionSet = { types: [], values };
  const withDefault = (type: DimensionType): DimensionType => {
    const wanted = findType(global, type.code)?.defaultValueCode ?? null;
    const value = wanted === null ? undefined : findValue(copied, type.code, wanted);
    return { ...type, defaultValueCode: value ? value.code : null };
  };
  const types = [...CORE_DIMENSIONS.map(coreType), ...others.map((type) => ({ ...type, origin: 'global' as const }))].map(withDefault);
  const defaults = types.filter((type) => type.defaultValueCode !== null).length;
  return {
    set: { types, values },
    reason: `The organisation starts with the global set: ${types.length} dimension types, ${values.length} values and ${defaults} default values.`,
  };
}

/** The organisation level of precedence: each active type's default value. */
export function organisationDefaults(set: DimensionSet): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const type of set.types) if (type.active && type.defaultValueCode !== null) defaults[type.code] = type.defaultValueCode;
  return defaults;
}
