/**
 * A PO row's coding, pure: the values a new row is defaulted with (the PO row level of
 * precedence.ts), and the coding the row resolves to once every level and the chart of accounts have
 * had their say. What may be changed, and the save check, are in row-coding-checks.ts.
 *
 * Where a new row's row-level values come from, by what the row is:
 * | row                                   | first source (it wins)                              | then, for what it leaves blank |
 * |---------------------------------------|-----------------------------------------------------|--------------------------------|
 * | a part                                | the matrix: its product group × the vendor's supplier group, for the vendor's supplier type | the row above, when "coding according to row above" is on |
 * | a part without a product group        | nothing (the coding box opens under "mandatory coding on order rows") | the row above, when the setting is on |
 * | no part number, setting "standard account" | the standard account for the supplier type     | the row above, when the setting is on |
 * | no part number, setting "row above"   | the row above, all of it                            | —                              |
 * | no part number, setting "none"        | nothing at all; only the levels above the row apply | —                              |
 * | a setup price, setting "part's coding", its part's row known | the part's row, all of it          | the row above, when the setting is on |
 * | a setup price, setting "part's coding", part's row not on the PO | the matrix with the part's product group | the row above, when the setting is on |
 * | a setup price, setting "product group" | the matrix with the setup price's own product group | the row above, when the setting is on |
 *
 * Then the chart of accounts, on the account the row resolves to (from whichever level):
 * - a sub-object the account asks for (Yes or Mandatory set on it) that the first source gave none
 *   of comes from the row above, whatever the row-above setting, as the chart rule says;
 * - a sub-object the account takes No of is not coded: the row level does not store it and a value
 *   from any other level is dropped, with the reason on the resolved value.
 *
 * Only the row above's own row-level values are copied, never what it got from the vendor or the
 * header: those levels apply to the new row anyway, and copying them would freeze them on the row.
 */
import { asksFor, type ChartOfAccounts, findAccount, requirementOf, takesNoText } from './chart-of-accounts';
import { dimensionLabel, type DimensionSet, PURCHASE_ACCOUNT } from './dimensions';
import { type CodingLevel, LEVEL_TEXT, type LevelValues, type ResolvedValue, resolveCoding } from './precedence';
import { lookupMatrix, type PurchaseAccountMatrix, standardAccountFor, type StandardAccounts, type SupplierFacts } from './purchase-account-matrix';

export type RowVia = 'matrix' | 'row-above' | 'standard-account' | 'setup-part' | 'entered';

export const VIA_TEXT: Readonly<Record<RowVia, string>> = {
  matrix: 'by the purchase-account matrix',
  'row-above': 'taken from the row above',
  'standard-account': "as the supplier type's standard account",
  'setup-part': "taken from the part's row",
  entered: 'entered by hand',
};

export interface RowValue {
  value: string;
  via: RowVia;
}

/** The PO row level as stored: dimension → its value and how it got there. */
export type RowCodingValues = Readonly<Record<string, RowValue | undefined>>;

export type AdditionalRowCoding = 'standard-account' | 'row-above' | 'none';
export type SetupPriceCoding = 'part' | 'product-group';

export interface RowCodingSettings {
  /** "Coding according to row above". */
  codingFromRowAbove: boolean;
  /** Where rows without a part number take their coding from. */
  additionalRowCoding: AdditionalRowCoding;
  /** Setup-price rows take their part's coding ('part') or their own product group's. */
  setupPriceCoding: SetupPriceCoding;
  /** "Coding only in extra row info": the grid shows coding read-only; the coding box edits it. */
  codingOnlyInExtraRowInfo: boolean;
  /** "Mandatory coding on order rows". */
  mandatoryCoding: boolean;
}

export const DEFAULT_ROW_CODING_SETTINGS: RowCodingSettings = {
  codingFromRowAbove: false,
  additionalRowCoding: 'standard-account',
  setupPriceCoding: 'product-group',
  codingOnlyInExtraRowInfo: false,
  mandatoryCoding: false,
};

/** The levels above the row, as plain values (the vendor's defaults, the PO header's coding…). */
export interface UpperLevels {
  organisation?: LevelValues;
  vendor?: LevelValues;
  poHeader?: LevelValues;
}

export interface RowResolvedValue extends ResolvedValue {
  /** How a PO-row value got onto the row; null for other levels. */
  via: RowVia | null;
  /** A value the purchase account takes none of ("No"), dropped from the coding. */
  dropped: { level: CodingLevel; value: string } | null;
  /** One sentence for the coding box: the value, its level and why. */
  reason: string;
}

export type RowResolvedCoding = Readonly<Record<string, RowResolvedValue>>;

export interface ResolveRowInput {
  upper: UpperLevels;
  row: RowCodingValues;
  /** The distribution's own values, when a distribution of the row is resolved. */
  distribution?: LevelValues;
  chart: ChartOfAccounts;
  /** The dimensions to resolve, in order (dimensions.ts codingDimensions). */
  dimensions: readonly string[];
  /** For the names of organisation-own dimensions in sentences. */
  set?: DimensionSet;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function plainValues(row: RowCodingValues): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [dimension, entry] of Object.entries(row)) if (entry) values[dimension] = entry.value;
  return values;
}

function describe(resolved: ResolvedValue, via: RowVia | null, label: string): string {
  const name = capitalise(label);
  if (resolved.level === null || resolved.value === null) return `No ${label} at any level.`;
  const how = via === null ? '' : `, ${VIA_TEXT[via]}`;
  const aside = resolved.setAside.map((entry) => `${LEVEL_TEXT[entry.level]}'s ${entry.value}`);
  const note = aside.length === 0 ? '' : ` (${aside.join(', ')} set aside)`;
  return `${name} ${resolved.value}, from ${LEVEL_TEXT[resolved.level]}${how}${note}.`;
}

/** The coding a row (or one of its distributions) resolves to: precedence, then the account's No. */
export function resolveRowCoding(input: ResolveRowInput): Record<string, RowResolvedValue> {
  const layers = {
    organisation: input.upper.organisation ?? {},
    vendor: input.upper.vendor ?? {},
    'po-header': input.upper.poHeader ?? {},
    'po-row': plainValues(input.row),
    distribution: input.distribution ?? {},
  };
  const plain = resolveCoding(layers, input.dimensions);
  const account = findAccount(input.chart, plain[PURCHASE_ACCOUNT]?.value ?? null);
  const result: Record<string, RowResolvedValue> = {};
  for (const dimension of input.dimensions) {
    const resolved = plain[dimension] as ResolvedValue;
    const via = resolved.level === 'po-row' ? (input.row[dimension]?.via ?? null) : null;
    const label = dimensionLabel(dimension, input.set);
    if (dimension !== PURCHASE_ACCOUNT && account && requirementOf(account, dimension) === 'no') {
      const dropped = resolved.level === null || resolved.value === null ? null : { level: resolved.level, value: resolved.value };
      const what = dropped === null ? '' : ` ${capitalise(label)} ${dropped.value} from ${LEVEL_TEXT[dropped.level]} is dropped.`;
      result[dimension] = { dimension, value: null, level: null, setAside: [], via: null, dropped, reason: `${takesNoText(account, dimension, input.set)}${what}` };
      continue;
    }
    result[dimension] = { ...resolved, via, dropped: null, reason: describe(resolved, via, label) };
  }
  return result;
}

export interface SetupPart {
  partNumber: string;
  productGroup: string | null;
  /** The part's own row on this PO, when it is there. */
  row: { rowNumber: number; values: RowCodingValues } | null;
}

export type RowSubject =
  | { kind: 'part'; partNumber: string; productGroup: string | null }
  /** A row without a part number. */
  | { kind: 'additional' }
  | { kind: 'setup-price'; productGroup: string | null; part: SetupPart };

export interface RowAbove {
  rowNumber: number;
  values: RowCodingValues;
}

export interface NewRowFacts {
  rowNumber: number;
  subject: RowSubject;
  settings: RowCodingSettings;
  supplier: SupplierFacts;
  matrix: PurchaseAccountMatrix;
  standardAccounts: StandardAccounts;
  chart: ChartOfAccounts;
  /** null for the first row. */
  rowAbove: RowAbove | null;
  upper: UpperLevels;
  dimensions: readonly string[];
  set?: DimensionSet;
}

export interface RowDefaults {
  /** The PO row level to store. */
  values: Record<string, RowValue>;
  resolved: Record<string, RowResolvedValue>;
  /** Under "mandatory coding on order rows", a part without a product group opens the coding box by itself. */
  openCodingBox: boolean;
  /** How the defaults came about, in order, one sentence each. */
  notes: string[];
}

interface FirstSource {
  values: Record<string, RowValue>;
  notes: string[];
  /** A matrix lookup had no product group to go by. */
  noProductGroup: boolean;
  /** The row above may fill what the first source left blank (false: "none", or the row above is the first source). */
  fillFromAbove: boolean;
  /** How the sentences name the first source: "the matrix". */
  name: string;
}

function fromMatrix(facts: NewRowFacts, productGroup: string | null, what: string): FirstSource {
  const lookup = lookupMatrix(facts.matrix, productGroup, facts.supplier);
  const values: Record<string, RowValue> = {};
  for (const [dimension, value] of Object.entries(lookup.values)) if (value !== undefined) values[dimension] = { value, via: 'matrix' };
  const noProductGroup = productGroup === null || productGroup.trim() === '';
  const reason = noProductGroup ? `${capitalise(what)} has no product group, so the purchase-account matrix gives nothing.` : lookup.reason;
  return { values, notes: [reason], noProductGroup, fillFromAbove: true, name: 'the matrix' };
}

function copyAbove(facts: NewRowFacts, via: RowVia, source: { rowNumber: number; values: RowCodingValues }, why: string): FirstSource {
  const values: Record<string, RowValue> = {};
  for (const dimension of facts.dimensions) {
    const entry = source.values[dimension];
    if (entry) values[dimension] = { value: entry.value, via };
  }
  return { values, notes: [why], noProductGroup: false, fillFromAbove: via !== 'row-above', name: via === 'setup-part' ? "the part's row" : 'the row above' };
}

function firstSource(facts: NewRowFacts): FirstSource {
  const { subject, settings } = facts;
  if (subject.kind === 'part') return fromMatrix(facts, subject.productGroup, `part ${subject.partNumber}`);
  if (subject.kind === 'setup-price') {
    if (settings.setupPriceCoding === 'product-group') return fromMatrix(facts, subject.productGroup, 'the setup price');
    const { part } = subject;
    if (part.row) return copyAbove(facts, 'setup-part', part.row, `The setup price takes the coding of part ${part.partNumber} on row ${part.row.rowNumber}.`);
    return fromMatrix(facts, part.productGroup, `part ${part.partNumber}`);
  }
  const nothing = (note: string): FirstSource => ({ values: {}, notes: [note], noProductGroup: false, fillFromAbove: false, name: 'nothing' });
  if (settings.additionalRowCoding === 'none') return nothing('A row without a part number is not coded by default here.');
  if (settings.additionalRowCoding === 'row-above') {
    if (!facts.rowAbove) return nothing('A row without a part number takes the coding of the row above; this is the first row.');
    return copyAbove(facts, 'row-above', facts.rowAbove, `A row without a part number takes the coding of row ${facts.rowAbove.rowNumber} above.`);
  }
  const standard = standardAccountFor(facts.standardAccounts, facts.supplier.supplierType);
  const values: Record<string, RowValue> = standard.account === null ? {} : { [PURCHASE_ACCOUNT]: { value: standard.account, via: 'standard-account' } };
  return { values, notes: [standard.reason], noProductGroup: false, fillFromAbove: true, name: 'the standard account' };
}

/** Keep only what the resolved account allows, noting what the account takes no value of. */
function withoutRefused(facts: NewRowFacts, values: Record<string, RowValue>, notes: string[]): Record<string, RowValue> {
  const account = findAccount(facts.chart, resolveRowCoding({ ...facts, row: values })[PURCHASE_ACCOUNT]?.value ?? null);
  if (!account) return values;
  const kept: Record<string, RowValue> = {};
  for (const [dimension, entry] of Object.entries(values)) {
    if (dimension !== PURCHASE_ACCOUNT && requirementOf(account, dimension) === 'no') {
      notes.push(`${takesNoText(account, dimension, facts.set)} ${capitalise(dimensionLabel(dimension, facts.set))} ${entry.value} is not put on the row.`);
    } else kept[dimension] = entry;
  }
  return kept;
}

/** The coding a new row starts with, by the tables at the top. */
export function defaultRowCoding(facts: NewRowFacts): RowDefaults {
  const first = firstSource(facts);
  const values = { ...first.values };
  const notes = [...first.notes];
  const above = facts.rowAbove;
  const copy = (dimension: string, why: string) => {
    const entry = above?.values[dimension];
    if (!above || !entry || values[dimension]) return;
    values[dimension] = { value: entry.value, via: 'row-above' };
    notes.push(`${capitalise(dimensionLabel(dimension, facts.set))} ${entry.value} from row ${above.rowNumber} above${why}.`);
  };
  if (first.fillFromAbove && facts.settings.codingFromRowAbove) for (const dimension of facts.dimensions) copy(dimension, '');
  if (first.fillFromAbove) {
    const account = findAccount(facts.chart, resolveRowCoding({ ...facts, row: values })[PURCHASE_ACCOUNT]?.value ?? null);
    if (account) {
      for (const dimension of facts.dimensions) {
        if (dimension === PURCHASE_ACCOUNT || !asksFor(account, dimension)) continue;
        copy(dimension, `: account ${account.code} asks for one and ${first.name} gives none`);
      }
    }
  }
  const kept = withoutRefused(facts, values, notes);
  const openCodingBox = facts.settings.mandatoryCoding && first.noProductGroup;
  if (openCodingBox) notes.push('The coding box opens: the row has no product group to code it by, and every row must be coded.');
  return { values: kept, resolved: resolveRowCoding({ ...facts, row: kept }), openCodingBox, notes };
}

/**
 * A row whose part, vendor or row above changed: defaulted again, but what the operator entered on
 * the row stays (and wins), unless the account it resolves to takes none of it.
 */
export function recodeRow(current: RowCodingValues, facts: NewRowFacts): RowDefaults {
  const defaults = defaultRowCoding(facts);
  const values: Record<string, RowValue> = { ...defaults.values };
  for (const [dimension, entry] of Object.entries(current)) if (entry?.via === 'entered') values[dimension] = entry;
  const notes = [...defaults.notes];
  const kept = withoutRefused(facts, values, notes);
  return { ...defaults, values: kept, resolved: resolveRowCoding({ ...facts, row: kept }), notes };
}
