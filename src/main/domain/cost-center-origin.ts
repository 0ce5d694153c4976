import { type HeaderFacts, resolveHeader } from './cost-center-rules';

/**
 * How a stored PO's cost center was set, recorded at save so the screen never claims "as you
 * entered it" for another operator's PO or for a default someone accepted.
 */
export type OriginSource = 'entered' | 'sticky' | 'operator-single' | 'vendor-single' | 'none' | 'unrecorded';

export interface CostCenterOrigin {
  source: OriginSource;
  /** The operator who typed or picked it, for source `entered`. */
  enteredBy: number | null;
}

const DEFAULT_SOURCES: ReadonlySet<string> = new Set(['sticky', 'operator-single', 'vendor-single']);

/**
 * A new PO: typed or picked by the operator, or the default rule that gave exactly this code.
 * A code sent without the "entered" mark that is not the default was still chosen by someone.
 */
export function originOfNewPo(facts: { enabled: boolean; code: string | null; entered: boolean; header: HeaderFacts; operatorId: number }): CostCenterOrigin {
  if (!facts.enabled || facts.code === null) return { source: 'none', enteredBy: null };
  if (!facts.entered) {
    const fallback = resolveHeader({ ...facts.header, enteredCostCenterCode: null, enteredCostCenter: undefined }).costCenter;
    if (fallback.code === facts.code && DEFAULT_SOURCES.has(fallback.source)) return { source: fallback.source as OriginSource, enteredBy: null };
  }
  return { source: 'entered', enteredBy: facts.operatorId };
}

/** A changed PO keeps its recorded origin while its cost center stays; a new code is the changer's entry. */
export function originOfChangedPo(stored: { costCenterCode: string | null; origin: CostCenterOrigin }, code: string | null, operatorId: number): CostCenterOrigin {
  if (code === stored.costCenterCode) return stored.origin;
  if (code === null) return { source: 'none', enteredBy: null };
  return { source: 'entered', enteredBy: operatorId };
}

/** The sentence shown beside a stored PO's cost center. */
export function originText(source: OriginSource, code: string | null, enteredByName: string | null): string {
  // A PO saved without one: cost centers off, project-code mode, or None chosen where the scheme allows it.
  if (code === null) return 'No header cost center: each line carries its own, or cost centers were not in use when this PO was saved.';
  switch (source) {
    case 'entered':
      return `Cost center ${code}, entered by ${enteredByName ?? 'an operator no longer on record'}.`;
    case 'sticky':
      return `Cost center ${code} was the default: the first one its operator entered in that session.`;
    case 'operator-single':
      return `Cost center ${code} was the default: the only one its operator's scheme allowed.`;
    case 'vendor-single':
      return `Cost center ${code} was the default: the only one the vendor shared with its operator.`;
    case 'none':
      return `Cost center ${code}.`;
    case 'unrecorded':
      return `Cost center ${code}; how it was set was not recorded (saved before the desk kept track).`;
  }
}
