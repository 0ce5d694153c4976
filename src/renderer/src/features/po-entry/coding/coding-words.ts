import type { CodingLevelName, RequirementName, ResolvedDimension, RowViaName } from '../../../../../shared/coding-schemas';

/**
 * How the screen names coding levels, ways and requirements. The marker is one letter so it fits a
 * grid cell; its title and the screen reader's text say the whole thing.
 */
export const LEVEL_MARK: Readonly<Record<CodingLevelName, string>> = {
  organisation: 'O',
  vendor: 'V',
  'po-header': 'H',
  'po-row': 'R',
  distribution: 'D',
};

export const LEVEL_WORDS: Readonly<Record<CodingLevelName, string>> = {
  organisation: 'the organisation',
  vendor: 'the vendor',
  'po-header': 'the PO header',
  'po-row': 'the row',
  distribution: 'the distribution',
};

export const LEVEL_TITLE: Readonly<Record<CodingLevelName, string>> = {
  organisation: 'Organisation',
  vendor: 'Vendor',
  'po-header': 'PO header',
  'po-row': 'Row',
  distribution: 'Distribution',
};

export const VIA_WORDS: Readonly<Record<RowViaName, string>> = {
  matrix: 'from the matrix',
  'row-above': 'from the row above',
  'standard-account': "the supplier type's standard account",
  'setup-part': "from the part's row",
  entered: 'entered by hand',
};

export const REQUIREMENT_WORDS: Readonly<Record<RequirementName, string>> = {
  no: 'No',
  yes: 'Yes',
  mandatory: 'Mandatory',
};

/** "from the vendor", "from the row, from the matrix": where a value came from, as a phrase. */
export function sourcePhrase(dimension: Pick<ResolvedDimension, 'level' | 'via' | 'value'>): string {
  if (dimension.level === null || dimension.value === null) return 'none at any level';
  const via = dimension.level === 'po-row' && dimension.via ? `, ${VIA_WORDS[dimension.via]}` : '';
  return `from ${LEVEL_WORDS[dimension.level]}${via}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Cost unit CU-10, from the row, from the matrix." */
export function valueSentence(dimension: ResolvedDimension): string {
  if (dimension.value === null) return `${capitalise(dimension.label)}: none.`;
  return `${capitalise(dimension.label)} ${dimension.value}, ${sourcePhrase(dimension)}.`;
}
