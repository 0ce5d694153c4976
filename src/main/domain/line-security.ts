/**
 * Rule 4 of line entry: which cost centers an action may touch. The scheme's list is superseded by
 * the scheme's override of the kind that matches the action, and every list carries a label so
 * a refusal can name the override that decided it.
 */
import { activeCodes, allowedCostCenters, type CostCenter, type EffectiveList, listCodes, type OperatorScope } from './cost-center-rules';
import { editRefusal, type PoStatus } from './po-lifecycle';

export { capitalise } from './cost-center-rules';

export type OverrideKind = 'warehouse' | 'site' | 'gl-wip';

/** An override that exists in the operator's scheme; an empty list closes the case. */
export interface OverrideFacts {
  key: string;
  costCenters: readonly CostCenter[];
}

export interface ScopedList extends EffectiveList {
  /** The override that supplied the list, or null for the scheme's own list. */
  override: { kind: OverrideKind; key: string } | null;
}

export type PoMode = 'new' | 'change';

export interface PoSecurityFacts {
  operator: OperatorScope;
  /** The scheme's override for the PO's warehouse, if it has one. */
  warehouseOverride: OverrideFacts | null;
  /** The scheme's override for the site the stored PO uses (job or work-order site address), if any. */
  siteOverride: OverrideFacts | null;
}

export interface GlAccountFacts {
  code: string;
  description: string;
  wip: boolean;
}

const LABELS: Record<OverrideKind, (key: string) => string> = {
  warehouse: (key) => `the override for warehouse ${key}`,
  site: (key) => `site ${key}`,
  'gl-wip': (key) => `WIP G/L account ${key}`,
};

export function overrideList(kind: OverrideKind, override: OverrideFacts): ScopedList {
  return {
    codes: activeCodes(override.costCenters),
    label: LABELS[kind](override.key),
    overrideApplied: true,
    override: { kind, key: override.key },
  };
}

export const schemeList = (operator: OperatorScope): ScopedList => ({ ...allowedCostCenters(operator), override: null });

/**
 * The PO-level list. Entering a new PO: warehouse override, else the scheme. Change mode: the site
 * override is the matching kind; without one the list the PO was entered under still governs.
 */
export function poCostCenters(mode: PoMode, facts: PoSecurityFacts): ScopedList {
  if (mode === 'change' && facts.siteOverride) return overrideList('site', facts.siteOverride);
  if (facts.warehouseOverride) return overrideList('warehouse', facts.warehouseOverride);
  return schemeList(facts.operator);
}

/** A line whose G/L account is WIP-flagged answers to the scheme's WIP override for that account, when there is one. */
export function lineCostCenters(poList: ScopedList, glAccount: GlAccountFacts | undefined, glWipOverride: OverrideFacts | null): ScopedList {
  if (glAccount?.wip && glWipOverride) return overrideList('gl-wip', glWipOverride);
  return poList;
}



/** "site 12 Harbour Rd allows 310, 320" — the override named, then its list. */
export const allowsText = (list: ScopedList): string => `${list.label} allows ${listCodes(list.codes)}`;

/** The audit rule a list stands for, so refusals can be filtered by the override that decided them. */
export const ruleOfList = (list: ScopedList): string => (list.override ? `${list.override.kind}-override` : 'scheme-cost-centers');

export interface ChangeModeFacts {
  costCentersEnabled: boolean;
  poNumber: string;
  status: PoStatus;
  headerCostCenterCode: string | null;
  list: ScopedList;
}

export interface ChangeModeVerdict {
  allowed: boolean;
  reason: string;
}

/** Rule 5: opening a stored PO for change checks the operator before any edit. */
export function checkChangeMode(facts: ChangeModeFacts): ChangeModeVerdict {
  const { poNumber, list } = facts;
  // Only drafts are edited; every other status says how the PO can be changed, if at all.
  if (facts.status !== 'draft') return { allowed: false, reason: editRefusal(poNumber, facts.status) };
  if (!facts.costCentersEnabled) return { allowed: true, reason: `You may change ${poNumber}; cost centers are turned off.` };
  if (list.codes.length === 0) {
    return { allowed: false, reason: `You cannot change ${poNumber}: ${list.label} allows no active cost center.` };
  }
  const header = facts.headerCostCenterCode;
  if (header !== null && !list.codes.includes(header)) {
    return { allowed: false, reason: `You cannot change ${poNumber}: ${allowsText(list)}; this PO's cost center is ${header}.` };
  }
  return { allowed: true, reason: `You may change ${poNumber}: ${allowsText(list)}.` };
}

export type LineTouch = 'change' | 'delete' | 'view';

export interface LineTouchVerdict {
  allowed: boolean;
  reason: string;
}

/**
 * Rules 5 and 6: may the operator touch a stored line? Judged on the line as stored, so a line
 * outside the operator's list can neither be edited nor deleted, only seen.
 */
export function checkLineTouch(
  touch: LineTouch,
  line: { lineNumber: number; costCenterCode: string | null },
  list: ScopedList,
  costCentersEnabled: boolean,
): LineTouchVerdict {
  const { lineNumber, costCenterCode } = line;
  if (!costCentersEnabled || costCenterCode === null || list.codes.includes(costCenterCode)) {
    return { allowed: true, reason: `Line ${lineNumber} ${touch === 'delete' ? 'may be deleted' : 'may be changed'}: ${allowsText(list)}.` };
  }
  const verb = touch === 'delete' ? 'cannot be deleted' : touch === 'change' ? 'cannot be changed' : 'is read-only';
  return { allowed: false, reason: `Line ${lineNumber} ${verb}: ${allowsText(list)}; this line is ${costCenterCode}.` };
}
