import type { CodeRowInput, CodingSetup, RowCodingValuesInput } from '../../../../shared/coding-schemas';
import { isBlankLine, type LineDraft } from '../../features/po-entry/line-rules';
import { normalCode, orNull } from './draft-mapping';

/** What a codeRow question is built from: the form as it stands, never the store itself (kept pure for the unit tests). */
export interface CodingForm {
  poId: number | null;
  vendorText: string;
  costCenterText: string;
  noCostCenter: boolean;
  costCentersOn: boolean;
  organisationCode: string | null;
  headerCoding: Record<string, string>;
  lines: readonly LineDraft[];
}

export interface CodingAsk {
  defaulting: 'default' | 'keep';
  place: 'grid' | 'coding-box';
  /** The row level to resolve instead of the line's own (the coding box's draft). */
  current?: RowCodingValuesInput;
  /** The line's own G/L account and cost center instead of the line's (the coding box's draft). */
  distribution?: { glAccountCode: string | null; costCenterCode: string | null };
  change?: { dimension: string; value: string | null };
}

/** The row's own G/L account and cost center, as the distribution level: a G/L the coding put there is the row's, not the distribution's. */
export function distributionOf(line: LineDraft, costCentersOn: boolean): { glAccountCode: string | null; costCenterCode: string | null } {
  return {
    glAccountCode: line.glFromCoding ? null : orNull(line.glAccount),
    costCenterCode: costCentersOn && line.costCenterEntered ? orNull(line.costCenter) : null,
  };
}

/** What the row is to the coding rules: a part, a setup price of a part, or a row without a part number. */
export function subjectOf(line: LineDraft, lines: readonly LineDraft[], setup: CodingSetup | null): CodeRowInput['subject'] {
  const itemCode = normalCode(line.itemCode);
  if (itemCode === '') return { kind: 'additional' };
  const setupFor = setup?.items.find((item) => item.itemCode === itemCode)?.setupPriceForItemCode ?? null;
  if (!setupFor) return { kind: 'part', itemCode };
  const index = lines.findIndex((candidate) => normalCode(candidate.itemCode) === setupFor && candidate.key !== line.key);
  const partLine = index >= 0 ? lines[index] : undefined;
  return {
    kind: 'setup-price',
    itemCode,
    partItemCode: setupFor,
    partRow: partLine?.coding ? { rowNumber: index + 1, coding: partLine.coding.row } : null,
  };
}

/**
 * The codeRow question for one line, or null when it cannot be asked yet: no vendor, a blank line,
 * or a row past what a PO may hold. The row above is the line just above it, when main has coded it.
 */
export function codeRowInputOf(form: CodingForm, key: string, ask: CodingAsk, setup: CodingSetup | null): CodeRowInput | null {
  const index = form.lines.findIndex((line) => line.key === key);
  const line = form.lines[index];
  const vendorCode = normalCode(form.vendorText);
  if (!line || vendorCode === '' || index >= 500) return null;
  if (isBlankLine(line) && ask.current === undefined) return null;
  const above = index > 0 ? form.lines[index - 1] : undefined;
  return {
    ...(form.poId !== null ? { poId: form.poId } : {}),
    ...(line.id !== null ? { lineId: line.id } : {}),
    vendorCode,
    headerCostCenterCode: form.costCentersOn && !form.noCostCenter ? orNull(form.costCenterText) : null,
    header: { organisationCode: form.organisationCode, values: form.headerCoding },
    rowNumber: index + 1,
    subject: subjectOf(line, form.lines, setup),
    rowAbove: above?.coding ? { rowNumber: index, coding: above.coding.row } : null,
    current: ask.current ?? line.coding?.row ?? {},
    defaulting: ask.defaulting,
    distribution: ask.distribution ?? distributionOf(line, form.costCentersOn),
    place: ask.place,
    ...(ask.change ? { change: ask.change } : {}),
  };
}
