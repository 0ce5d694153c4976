/**
 * Which value of a dimension a row (or one of its distributions) is coded with, pure. Values can be
 * set at five levels, from the least specific to the most:
 *
 *   organisation → vendor → PO header → PO row → distribution
 *
 * and the most specific level with a value wins. Every resolved value says the level it came from
 * and which less specific values it set aside, so the coding box can show "from the PO row (the
 * vendor's 220 set aside)".
 *
 * | levels holding a value                    | resolved                                 |
 * |-------------------------------------------|------------------------------------------|
 * | none                                      | no value, level null                     |
 * | organisation only                         | the organisation's                       |
 * | organisation and vendor                   | the vendor's; the organisation's set aside |
 * | vendor and PO row                         | the row's; the vendor's set aside        |
 * | every level                               | the distribution's                       |
 * | a level with the same value as one above  | the more specific level; nothing set aside (the value is the same) |
 * | a level holding null, '' or only spaces   | as if it held nothing: the next level up decides |
 *
 * Why a blank never hides a value above it: "most specific level *with a value* wins", so a row cannot
 * take away the header's project by leaving the field empty; to drop it, change the level that set it
 * (or put another value on the row). Codes are kept exactly as each level holds them.
 */

export const CODING_LEVELS = ['organisation', 'vendor', 'po-header', 'po-row', 'distribution'] as const;
export type CodingLevel = (typeof CODING_LEVELS)[number];

export const LEVEL_TEXT: Readonly<Record<CodingLevel, string>> = {
  organisation: 'the organisation',
  vendor: 'the vendor',
  'po-header': 'the PO header',
  'po-row': 'the PO row',
  distribution: 'the distribution',
};

/** One level's values: dimension code → value code; absent, null or blank means the level has none. */
export type LevelValues = Readonly<Record<string, string | null | undefined>>;
export type CodingLayers = Readonly<Partial<Record<CodingLevel, LevelValues>>>;

export interface ResolvedValue {
  dimension: string;
  value: string | null;
  /** The level the value came from; null when no level has one. */
  level: CodingLevel | null;
  /** Less specific levels whose different value this one set aside, most specific first. */
  setAside: readonly { level: CodingLevel; value: string }[];
}

export type ResolvedCoding = Readonly<Record<string, ResolvedValue>>;

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** The value of one dimension under the layers. */
export function resolveValue(layers: CodingLayers, dimension: string): ResolvedValue {
  const held = CODING_LEVELS.flatMap((level) => {
    const value = layers[level]?.[dimension];
    return present(value) ? [{ level, value }] : [];
  }).reverse();
  const [winner, ...rest] = held;
  if (!winner) return { dimension, value: null, level: null, setAside: [] };
  return { dimension, value: winner.value, level: winner.level, setAside: rest.filter((entry) => entry.value !== winner.value) };
}

/** Every dimension asked for, in the order asked. */
export function resolveCoding(layers: CodingLayers, dimensions: readonly string[]): Record<string, ResolvedValue> {
  const resolved: Record<string, ResolvedValue> = {};
  for (const dimension of dimensions) resolved[dimension] = resolveValue(layers, dimension);
  return resolved;
}

/** "Cost center 210, from the PO row (the vendor's 220 set aside)." — `label` names the dimension ("cost center"). */
export function sourceText(resolved: ResolvedValue, label: string): string {
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  if (resolved.level === null || resolved.value === null) return `${name}: none at any level.`;
  const aside = resolved.setAside.map((entry) => `${LEVEL_TEXT[entry.level]}'s ${entry.value}`);
  const note = aside.length === 0 ? '' : ` (${aside.join(', ')} set aside)`;
  return `${name} ${resolved.value}, from ${LEVEL_TEXT[resolved.level]}${note}.`;
}
