import type { CodingLevelName, CodingSetup } from '../../../../../shared/coding-schemas';
import type { CodeOption } from '../../../../../shared/contracts';

export const COST_CENTER = 'cost-center';

/** What the PO coding dialog shows for one dimension: the levels above the rows, and which of them rows take. */
export interface HeaderCodingRow {
  dimension: string;
  label: string;
  /** The organisation level: the dimension type's default value. */
  organisation: string | null;
  /** The vendor level: the vendor's coding. */
  vendor: string | null;
  /** The PO header level; for the cost center, the header's cost-center field. */
  header: string | null;
  /** The cost center's header level is the header's cost-center field: edited there, never in the dialog. */
  editedInCostCenterField: boolean;
  /** What a row without its own value gets, and from which level; null: nothing above the rows gives one. */
  deciding: { level: Extract<CodingLevelName, 'organisation' | 'vendor' | 'po-header'>; value: string } | null;
}

export interface HeaderCodingFacts {
  setup: CodingSetup | null;
  vendorText: string;
  headerCoding: Readonly<Record<string, string>>;
  /** The header cost center as main would take it: null when cost centers are off or "None" was chosen. */
  headerCostCenter: string | null;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const valueIn = (values: Readonly<Record<string, string>>, dimension: string): string | null => {
  const key = Object.keys(values).find((candidate) => same(candidate, dimension));
  const value = key === undefined ? undefined : values[key];
  return value === undefined || value.trim() === '' ? null : value;
};

/** The organisation level as main reads it (organisationDefaults): each active type's default value, for the organisation shown. */
export function organisationValuesOf(setup: CodingSetup): Record<string, string> {
  const values: Record<string, string> = {};
  for (const type of setup.dimensionTypes) {
    if (type.organisationCode === setup.organisationCode && type.active && type.defaultValueCode !== null) values[type.code] = type.defaultValueCode;
  }
  return values;
}

/** The vendor level of the vendor typed in the header; empty when it is unknown or has no coding. */
export function vendorValuesOf(setup: CodingSetup, vendorText: string): Record<string, string> {
  const code = vendorText.trim();
  if (code === '') return {};
  return setup.vendors.find((vendor) => same(vendor.vendorCode, code))?.values ?? {};
}

/**
 * Every dimension of the PO's organisation, in the coding box's order, with the organisation, vendor
 * and PO header levels. The header level of the cost center is the header's cost-center field, as
 * main takes it (a header coding value, should a stored PO hold one, comes first as it does in main).
 */
export function headerCodingRowsOf(facts: HeaderCodingFacts): HeaderCodingRow[] {
  const { setup } = facts;
  if (!setup) return [];
  const organisationValues = organisationValuesOf(setup);
  const vendorValues = vendorValuesOf(setup, facts.vendorText);
  return setup.dimensions.map(({ code, label }) => {
    const costCenter = code === COST_CENTER;
    const organisation = valueIn(organisationValues, code);
    const vendor = valueIn(vendorValues, code);
    const header = valueIn(facts.headerCoding, code) ?? (costCenter ? facts.headerCostCenter : null);
    return { dimension: code, label, organisation, vendor, header, editedInCostCenterField: costCenter, deciding: decidingOf({ organisation, vendor }, header) };
  });
}

/** The most specific of the three levels with a value: what a row without its own takes (as the dialog's draft stands, with `header`). */
export function decidingOf(row: Pick<HeaderCodingRow, 'organisation' | 'vendor'>, header: string | null): HeaderCodingRow['deciding'] {
  if (header !== null && header.trim() !== '') return { level: 'po-header', value: header };
  if (row.vendor !== null) return { level: 'vendor', value: row.vendor };
  if (row.organisation !== null) return { level: 'organisation', value: row.organisation };
  return null;
}

/** "Header: cost unit CU-E1, project P-QUAY", or "No header coding": the dialog's values, without the cost center (its own field shows it). */
export function headerCodingSummary(rows: readonly HeaderCodingRow[], headerCoding: Readonly<Record<string, string>>): string {
  const parts = rows.flatMap((row) => {
    if (row.editedInCostCenterField) return [];
    const value = valueIn(headerCoding, row.dimension);
    return value === null ? [] : [`${row.label} ${value}`];
  });
  // Values for dimensions the organisation no longer codes by still go to main, which says why it refuses them.
  for (const [dimension, value] of Object.entries(headerCoding)) {
    if (value.trim() !== '' && !rows.some((row) => same(row.dimension, dimension))) parts.push(`${dimension} ${value}`);
  }
  return parts.length === 0 ? 'No header coding' : `Header: ${parts.join(', ')}`;
}

export type HeaderValueVerdict = { ok: true; value: string | null } | { ok: false; reason: string };

export interface HeaderValueFacts {
  row: HeaderCodingRow;
  typed: string;
  options: readonly CodeOption[];
  /** The value the PO header held when the dialog opened: keeping it is never an override. */
  held: string | null;
  mayOverrideCoding: boolean;
  operatorName: string;
}

const LEVEL_WORDS = { organisation: 'the organisation', vendor: 'the vendor' } as const;

/**
 * A header value as typed: blank clears it; otherwise it must be one of the dimension's values
 * (spelt as the list spells it). Replacing the vendor's or the organisation's value needs the right
 * to override coding, as on a row; main judges the same again on save.
 */
export function judgeHeaderValue({ row, typed, options, held, mayOverrideCoding, operatorName }: HeaderValueFacts): HeaderValueVerdict {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  const known = options.find((option) => same(option.code, text));
  if (!known) return { ok: false, reason: `There is no ${row.label} ${text}; pick one of the list (↓ shows it).` };
  if (held !== null && same(held, known.code)) return { ok: true, value: known.code };
  const above = row.vendor !== null ? { level: 'vendor' as const, value: row.vendor } : row.organisation !== null ? { level: 'organisation' as const, value: row.organisation } : null;
  if (!mayOverrideCoding && above && !same(above.value, known.code)) {
    return {
      ok: false,
      reason: `${row.label.charAt(0).toUpperCase()}${row.label.slice(1)} ${above.value} comes from ${LEVEL_WORDS[above.level]}; changing it to ${known.code} needs the right to override coding, which ${operatorName} does not have.`,
    };
  }
  return { ok: true, value: known.code };
}

/** The header coding to send: dimension → value, blanks left out. */
export function headerValuesOf(values: Readonly<Record<string, string | null>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [dimension, value] of Object.entries(values)) if (value !== null && value.trim() !== '') out[dimension] = value.trim();
  return out;
}

/** The header coding changed: same dimensions with the same values (without case) is no change. */
export function sameHeaderCoding(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => same(a[key] ?? '', b[key] ?? ''));
}
