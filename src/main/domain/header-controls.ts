/**
 * The PO header under the organisation's purchasing controls, pure: the cost-center rules
 * (cost-center-rules.ts) narrowed by the billing entity (billing-entities.ts), with the project code
 * (project-codes.ts) and the customer PO number the entity puts on the PO. The entry screen's
 * resolution and the save's judgement both come from here, so what the screen offers is what a save
 * accepts.
 *
 * | coding mode   | billing entity chosen                         | cost centers offered                                   |
 * |---------------|-----------------------------------------------|--------------------------------------------------------|
 * | cost centers  | none                                          | the scheme's rules as before                           |
 * | cost centers  | one the operator's groups see                 | linked to the entity ∩ the scheme's list ∩ the vendor's |
 * | project codes | any (it only says who is billed)              | none; a project code is mandatory                      |
 * | off           | any                                           | none; no project code                                  |
 *
 * "None" (no header cost center; each line then carries its own, as the line rules require) is
 * offered only where the operator's scheme does not require a header cost center. A PO being changed
 * keeps its own project code after a mode switch and its own billing entity after the entity is
 * retired (switching the mode or retiring an entity never rewrites stored POs, nor blocks saving them).
 */
import {
  type BillingEntity,
  checkBillingEntity,
  costCenterChoices,
  type CostCenterChoices,
  customerPoNumberFor,
  customerPoNumberOnEntityChange,
  type EntityCostCenters,
  type EntityVisibility,
  type RemovalWhy,
  type RemovingList,
} from './billing-entities';
import type { CodingMode } from './coding-mode';
import { allowedCostCenters, type CostCenterVerdict, effectiveCostCenters, type HeaderFacts, type HeaderVerdict, resolveHeader } from './cost-center-rules';
import { checkProjectCode } from './project-codes';

export interface BillingEntityFacts extends BillingEntity {
  active: boolean;
}

export interface HeaderControlFacts {
  codingMode: CodingMode;
  /** The operator's scheme requires a header cost center ("None" is then not offered). */
  costCenterRequired: boolean;
  /** The code in the field; null: none chosen. */
  billingEntityCode: string | null;
  /** The code looked up; undefined when no such entity exists. */
  billingEntity: BillingEntityFacts | undefined;
  visibility: EntityVisibility;
  /** The chosen entity's linked cost centers. */
  entityCostCenters: EntityCostCenters;
  projectCode: string | null;
  /** The operator chose "None" for the header cost center. */
  noCostCenter: boolean;
  /** The PO as stored, when one is being changed. */
  stored: { billingEntity: BillingEntityFacts | null; projectCode: string | null; customerPoNumber: string | null } | null;
}

export interface ControlsVerdict {
  header: HeaderVerdict;
  billingEntity: {
    status: 'blank' | 'ok' | 'refused';
    code: string;
    name: string | null;
    customerPoNumber: string | null;
    rule: string;
    reason: string;
  };
  costCenterList: {
    noneOffered: boolean;
    reason: string;
    removed: { code: string; removedBy: RemovingList; why: RemovalWhy; reason: string }[];
  };
  projectCode: { status: 'not-used' | 'blank' | 'ok' | 'refused'; code: string | null; rule: string; reason: string };
  /** What the PO carries as the customer's PO number once saved. */
  customerPoNumber: string | null;
}

const NONE_TEXT = 'None: the PO has no header cost center; each line carries its own.';

/** The billing entity: blank is allowed; otherwise one the operator's groups see, active or the PO's own. */
function judgeEntity(facts: HeaderControlFacts): ControlsVerdict['billingEntity'] & { entity: BillingEntityFacts | null } {
  const code = facts.billingEntityCode?.trim() ?? '';
  const base = { code, name: null, customerPoNumber: null, entity: null };
  if (code === '') return { ...base, status: 'blank', rule: 'billing-entity-blank', reason: 'No billing entity: the PO is not billed to one.' };
  const entity = facts.billingEntity;
  const verdict = checkBillingEntity(code, entity, facts.visibility, facts.stored?.billingEntity?.code ?? null);
  if (!verdict.allowed) return { ...base, status: verdict.status, code: verdict.code, name: entity?.name ?? null, rule: verdict.rule, reason: verdict.reason };
  const chosen = entity as BillingEntityFacts;
  return { ...base, status: 'ok', code: chosen.code, name: chosen.name, customerPoNumber: customerPoNumberFor(chosen), entity: chosen, rule: verdict.rule, reason: verdict.reason };
}

/** The customer PO number the PO carries: the stored one while the entity stays, the new entity's when it changes. */
function customerPoNumberOf(facts: HeaderControlFacts, entity: BillingEntityFacts | null): string | null {
  const stored = facts.stored;
  if (!entity) return null;
  if (stored && stored.billingEntity?.code === entity.code) return stored.customerPoNumber;
  return customerPoNumberOnEntityChange(stored?.billingEntity ?? null, entity, stored?.customerPoNumber ?? null).customerPoNumber;
}

function judgeProjectCode(facts: HeaderControlFacts): ControlsVerdict['projectCode'] {
  const verdict = checkProjectCode(facts.projectCode, facts.codingMode, facts.stored?.projectCode ?? null);
  if (verdict.allowed) return { status: verdict.code === null ? 'not-used' : 'ok', code: verdict.code, rule: verdict.rule, reason: verdict.reason };
  return { status: verdict.rule === 'project-code-required' ? 'blank' : 'refused', code: null, rule: verdict.rule, reason: verdict.reason };
}

/** The entity's list narrowed by the scheme's and the vendor's (billing-entities.ts). */
function entityChoices(facts: HeaderControlFacts, header: HeaderFacts, base: HeaderVerdict, entity: BillingEntityFacts) {
  const operator = header.operator;
  const allowed = base.warehouse.overrideApplied ? effectiveCostCenters(operator, header.warehouse) : allowedCostCenters(operator);
  const vendor = base.vendor.status === 'ok' && header.vendor ? { code: header.vendor.code, costCenterCodes: header.vendor.costCenterCodes } : null;
  const choices: CostCenterChoices = costCenterChoices({
    ...facts.visibility,
    billingEntity: entity,
    entityCostCenters: facts.entityCostCenters,
    schemeList: operator.schemeName === null ? null : allowed,
    costCenterRequired: facts.costCenterRequired,
    vendor,
  });
  const removed: ControlsVerdict['costCenterList']['removed'] = choices.removed.map((entry) => ({ code: entry.code, removedBy: entry.list, why: entry.why, reason: entry.sentence }));
  // A refused vendor says what is wrong; nothing can be picked until it is mended.
  const codes = base.vendor.status === 'refused' ? [] : choices.options.map((option) => option.code);
  return { codes, noneOffered: choices.noneOffered, reason: choices.reason, removed };
}

/** The header's cost center under the entity's list and "None". */
function narrowedCostCenter(base: CostCenterVerdict, codes: readonly string[], list: { noneOffered: boolean; reason: string; removed: ControlsVerdict['costCenterList']['removed'] }): CostCenterVerdict {
  if (base.code === null || !['ok', 'missing'].includes(base.status) || codes.includes(base.code)) {
    if (base.code === null && base.status === 'missing' && list.reason !== '') return { ...base, reason: list.reason };
    return base;
  }
  const removal = list.removed.find((entry) => entry.code === base.code);
  if (base.source === 'entered') {
    return { ...base, status: 'refused', reason: removal?.reason ?? `Cost center ${base.code} is not offered here. ${list.reason}` };
  }
  // A default the entity's list removed is no default: the operator picks from what is offered.
  return { code: null, source: 'none', status: 'missing', reason: list.reason };
}

/** The header as the screen shows it and a save must satisfy, under the purchasing controls. */
export function resolveHeaderControls(header: HeaderFacts, facts: HeaderControlFacts): ControlsVerdict {
  const costCenters = facts.codingMode === 'cost-centers';
  const base = resolveHeader({ ...header, costCentersEnabled: costCenters });
  const entity = judgeEntity(facts);
  const projectCode = judgeProjectCode(facts);
  const { entity: chosen, ...billingEntity } = entity;
  const customerPoNumber = entity.status === 'ok' ? customerPoNumberOf(facts, chosen) : null;
  if (!costCenters) {
    return { header: base, billingEntity: { ...billingEntity, customerPoNumber }, costCenterList: { noneOffered: false, reason: '', removed: [] }, projectCode, customerPoNumber };
  }
  let list: ControlsVerdict['costCenterList'] = { noneOffered: !facts.costCenterRequired, reason: '', removed: [] };
  let verdict: HeaderVerdict = base;
  if (chosen) {
    const narrowed = entityChoices(facts, header, base, chosen);
    list = { noneOffered: narrowed.noneOffered, reason: narrowed.reason, removed: narrowed.removed };
    verdict = { ...base, choices: narrowed.codes, costCenter: narrowedCostCenter(base.costCenter, narrowed.codes, list) };
  }
  if (facts.noCostCenter && header.enteredCostCenterCode === null) {
    verdict = {
      ...verdict,
      costCenter: list.noneOffered
        ? { code: null, source: 'none', status: 'ok', reason: NONE_TEXT }
        : { code: null, source: 'none', status: 'missing', reason: `A cost center is required: your scheme does not allow None. ${list.reason || verdict.costCenter.reason}`.trim() },
    };
  }
  return { header: verdict, billingEntity: { ...billingEntity, customerPoNumber }, costCenterList: list, projectCode, customerPoNumber };
}
