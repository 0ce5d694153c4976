/**
 * A stored PO as an operator's scheme lets them change it, pure: which list a PO is changed under
 * (line-security's poCostCenters in change mode: the site override of the first line at an
 * overridden site, else the warehouse's, else the scheme), change mode (checkChangeMode), and for
 * each line change and delete (checkLineTouch against lineCostCenters: a WIP G/L account's
 * override, else the PO's list), in the order judgePoAccess applies them. Nothing is re-decided:
 * the simulator and the scheme move (scheme-move.ts) ask the same functions the desk does.
 */
import type { Role } from '../../../shared/contracts';
import type { OperatorScope } from '../cost-center-rules';
import {
  checkChangeMode,
  checkLineTouch,
  type GlAccountFacts,
  lineCostCenters,
  type OverrideFacts,
  type OverrideKind,
  poCostCenters,
  ruleOfList,
  type ScopedList,
} from '../line-security';
import type { PoStatus } from '../po-lifecycle';
import type { SchemeFacts } from './scheme-lists';

/** The list that decided, as the screen shows it: "the override for warehouse HARBOUR allows 310, 320". */
export interface DecidingList {
  rule: string;
  label: string;
  codes: readonly string[];
  override: { kind: OverrideKind; key: string } | null;
}

export interface Answer {
  allowed: boolean;
  /** The rule that decided, as the audit names rules. */
  rule: string;
  /** What the operator would be told. */
  reason: string;
  list: DecidingList | null;
}

export interface SimulatedOperator {
  displayName: string;
  role: Role;
  active: boolean;
  scheme: SchemeFacts | null;
}

export interface SimulatedLine {
  lineNumber: number;
  costCenterCode: string | null;
  glAccount?: GlAccountFacts | null;
  /** The line's work order's site, else its job's; '' or absent: none. */
  siteAddress?: string;
  distributionType?: 'expense' | 'job-cost' | 'direct-wo-cost';
  workOrderCode?: string | null;
}

export interface SimulatedPo {
  number: string;
  status: PoStatus;
  warehouseCode: string;
  headerCostCenterCode: string | null;
  lines: readonly SimulatedLine[];
}

export interface LineAnswer {
  lineNumber: number;
  costCenterCode: string | null;
  /** Whether the line's cost center is on the line's list, change mode aside. */
  security: Answer;
  change: Answer;
  delete: Answer;
  /** Whether the cost center cell could be edited: a direct work-order cost line takes the work order's. */
  costCenterEditable: boolean;
}

export interface PoAnswer {
  number: string;
  change: Answer;
  lines: LineAnswer[];
}

export const decidingList = (list: ScopedList): DecidingList => ({ rule: ruleOfList(list), label: list.label, codes: list.codes, override: list.override });

/** The operator as the PO-entry rules see them; the simulator has no session, so nothing sticks. */
export function scopeOf(operator: Pick<SimulatedOperator, 'displayName' | 'scheme'>): OperatorScope {
  return { displayName: operator.displayName, schemeName: operator.scheme?.code ?? null, schemeCostCenters: operator.scheme?.costCenters ?? [], stickyCostCenterCode: null };
}

/** The scheme's override of this kind for this key, as line-security takes it; null when it has none. */
export function overrideOf(scheme: SchemeFacts | null, kind: OverrideKind, key: string): OverrideFacts | null {
  if (scheme === null || key === '') return null;
  const found = scheme.overrides.find((override) => override.kind === kind && override.key === key);
  return found === undefined ? null : { key: found.key, costCenters: found.costCenters };
}

/** The site override a stored PO answers to: that of the first line, in line order, at a site the scheme overrides (as po-security.ts loads it). */
export function siteOverrideOf(scheme: SchemeFacts | null, lines: readonly SimulatedLine[]): OverrideFacts | null {
  for (const line of lines) {
    const override = overrideOf(scheme, 'site', line.siteAddress ?? '');
    if (override !== null) return override;
  }
  return null;
}

/** The PO-level list a stored PO is changed under, for this operator. */
export function changeList(operator: Pick<SimulatedOperator, 'displayName' | 'scheme'>, po: SimulatedPo): ScopedList {
  const scheme = operator.scheme;
  return poCostCenters('change', { operator: scopeOf(operator), warehouseOverride: overrideOf(scheme, 'warehouse', po.warehouseCode), siteOverride: siteOverrideOf(scheme, po.lines) });
}

/** The list one line answers to: a WIP G/L account's override, else the PO's. */
export function lineList(scheme: SchemeFacts | null, poList: ScopedList, line: SimulatedLine): ScopedList {
  const gl = line.glAccount ?? undefined;
  return lineCostCenters(poList, gl, gl?.wip ? overrideOf(scheme, 'gl-wip', gl.code) : null);
}

/** Change mode on a stored PO and, line by line, change and delete, as judgePoAccess judges them in change mode. */
export function simulatePo(costCentersEnabled: boolean, operator: Pick<SimulatedOperator, 'displayName' | 'scheme'>, po: SimulatedPo): PoAnswer {
  const list = changeList(operator, po);
  const verdict = checkChangeMode({ costCentersEnabled, poNumber: po.number, status: po.status, headerCostCenterCode: po.headerCostCenterCode, list });
  const changeRule = po.status !== 'draft' ? 'po-status' : !costCentersEnabled ? 'cost-centers-off' : ruleOfList(list);
  const change: Answer = { allowed: verdict.allowed, rule: changeRule, reason: verdict.reason, list: costCentersEnabled ? decidingList(list) : null };
  const lines = po.lines.map((line): LineAnswer => {
    const own = lineList(operator.scheme, list, line);
    const deciding = costCentersEnabled ? decidingList(own) : null;
    const ownRule = costCentersEnabled ? ruleOfList(own) : 'cost-centers-off';
    const touch = (kind: 'view' | 'change' | 'delete'): Answer => {
      const judged = checkLineTouch(kind, line, own, costCentersEnabled);
      return { allowed: judged.allowed, rule: ownRule, reason: judged.reason, list: deciding };
    };
    // Change mode comes first: a line inside security is still read-only on a PO the operator cannot open for change.
    const gated = (answer: Answer): Answer => (change.allowed || !answer.allowed ? answer : change);
    const security = touch('view');
    const changeAnswer = gated(touch('change'));
    const direct = line.distributionType === 'direct-wo-cost';
    return {
      lineNumber: line.lineNumber,
      costCenterCode: line.costCenterCode,
      security,
      change: direct && changeAnswer.allowed
        ? { ...changeAnswer, reason: `${changeAnswer.reason} Its cost center comes from work order ${line.workOrderCode ?? ''} and cannot be changed on the line.` }
        : changeAnswer,
      delete: gated(touch('delete')),
      costCenterEditable: changeAnswer.allowed && costCentersEnabled && !direct,
    };
  });
  return { number: po.number, change, lines };
}
