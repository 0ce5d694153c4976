import type { DistributionType, PoLineInput, SavePoInput } from '../../shared/contracts';
import type { LocaleCode } from '../../shared/locales';
import { formatMoney } from '../../shared/locale-format';
import { lineTotalMinor } from '../../shared/money';
import { type HeaderFacts, type HeaderVerdict, headerBlocker } from './cost-center-rules';
import { type HeaderControlFacts, resolveHeaderControls } from './header-controls';
import { type CostCenterOrigin, originOfNewPo, originOfChangedPo } from './cost-center-origin';
import { type LineContext, type LineVerdict, resolveLine } from './distribution-rules';
import { draftFacts, isUnchanged, type SaveReferences, type StoredLineRecord, storedFacts, wipOverrideFor } from './line-references';
import { allowsText, capitalise, checkChangeMode, checkLineTouch, lineCostCenters, ruleOfList, type ScopedList } from './line-security';

/**
 * The whole judgement of a save, pure: facts in (the payload, the stored PO, the header's facts,
 * the operator's lists, every referenced record, the installation's large-PO amount), and out
 * either a refusal, a question for the operator, or the plan of writes with its audit rows.
 * The service only loads, asks this, and commits.
 */
export type SaveInput = Omit<SavePoInput, 'costCenterEntered' | 'lines'> & { costCenterEntered: boolean; lines: PoLineInput[] };

export interface StoredPo {
  number: string;
  costCenterCode: string | null;
  origin: CostCenterOrigin;
  lines: StoredLineRecord[];
}

export interface SaveFacts {
  input: SaveInput;
  operator: { id: number; schemeName: string | null };
  stored: StoredPo | null;
  header: HeaderFacts;
  /** The PO's effective list (rule 4) for this mode: the warehouse override when new, the site override when changed. */
  poList: ScopedList;
  refs: SaveReferences;
  largePoAmountMinor: number | null;
  locale: LocaleCode;
  /**
   * The coding mode, billing entity and project code (header-controls.ts); its `stored` is the PO's own.
   * Absent: no purchasing controls beyond the cost-center rules (mode from the header's switch, a cost center required).
   */
  controls?: HeaderControlFacts;
}

const withoutControls = (header: HeaderFacts): HeaderControlFacts => ({
  codingMode: header.costCentersEnabled ? 'cost-centers' : 'off',
  costCenterRequired: true,
  billingEntityCode: null,
  billingEntity: undefined,
  visibility: { operatorGroups: [], groupEntities: {} },
  entityCostCenters: {},
  projectCode: null,
  noCostCenter: false,
  stored: null,
});

/** An audit row as the decision writes it; the service adds who, when and the PO's id. */
export interface AuditRecord {
  action: string;
  rule?: string | null;
  lineId?: number | null;
  lineNumber?: number | null;
  before?: string | null;
  after?: string | null;
  detail: string;
}

export interface PlannedLine {
  lineNumber: number;
  itemId: number | null;
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  totalMinor: number;
  distribution: {
    distributionType: DistributionType;
    costCenterId: number | null;
    jobId: number | null;
    workOrderId: number | null;
    costTypeId: number | null;
    glAccountId: number | null;
  };
}

export interface SavePlan {
  totalMinor: number;
  costCenterCode: string | null;
  /** The billing entity the PO is for, and the customer PO number it puts on the PO. */
  billingEntityCode: string | null;
  customerPoNumber: string | null;
  projectCode: string | null;
  origin: CostCenterOrigin;
  /** Every line in payload order, numbered 1..n. */
  lines: PlannedLine[];
  kept: { id: number; values: PlannedLine }[];
  added: PlannedLine[];
  deletedIds: number[];
  audits: AuditRecord[];
}

export interface SaveRefusal {
  kind: 'refused';
  message: string;
  field?: string;
  /** Which rule refused, and what it was about, for the audit log. */
  audit: Omit<AuditRecord, 'action' | 'detail'> & { rule: string };
}

export type SaveDecision = SaveRefusal | { kind: 'confirm-large-po'; message: string; totalMinor: number; thresholdMinor: number } | { kind: 'save'; plan: SavePlan };

/** Which rule a refused header field stands for, so the audit log can be filtered by rule. */
const RULE_BY_FIELD = {
  vendorCode: 'vendor-shares-cost-center',
  warehouseCode: 'warehouse-override',
  costCenterCode: 'cost-center-allowed',
} as const;

class Refused extends Error {
  constructor(readonly refusal: SaveRefusal) {
    super(refusal.message);
  }
}

const refuse = (message: string, field: string | undefined, audit: SaveRefusal['audit']): never => {
  throw new Refused({ kind: 'refused', message, ...(field === undefined ? {} : { field }), audit });
};

export function decideSave(facts: SaveFacts): SaveDecision {
  try {
    return decide(facts);
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

function decide(given: SaveFacts): SaveDecision {
  const facts = { ...given, controls: given.controls ?? withoutControls(given.header) };
  const { input, stored, poList } = facts;
  const controlled = resolveHeaderControls(facts.header, facts.controls);
  const verdict = controlled.header;
  const enabled = verdict.costCentersEnabled;
  // Rule 5: whether this operator may change the PO at all is settled before any of the edit is judged.
  if (stored) checkStoredHeader(stored, poList, enabled);
  if (input.lines.length === 0) {
    refuse('A PO needs at least one line: add what is ordered, then save.', 'lines', { rule: 'po-has-lines' });
  }
  if (!enabled && input.costCenterCode !== null) {
    const why = facts.controls.codingMode === 'project-codes' ? 'this organisation codes POs by project code' : 'cost centers are turned off for this installation';
    refuse(`Cost centers are not in use: ${why}; leave the cost center empty.`, 'costCenterCode', { rule: 'cost-centers-off', after: input.costCenterCode });
  }
  if (controlled.billingEntity.status === 'refused') {
    refuse(controlled.billingEntity.reason, 'billingEntityCode', { rule: controlled.billingEntity.rule, after: input.billingEntityCode ?? null });
  }
  if (controlled.projectCode.status === 'blank' || controlled.projectCode.status === 'refused') {
    refuse(controlled.projectCode.reason, 'projectCode', { rule: controlled.projectCode.rule, after: input.projectCode ?? null });
  }
  // Vendor and warehouse first: a cost center cannot be judged, or asked for, against a refused vendor.
  const blocker = headerBlocker(verdict);
  if (blocker && blocker.field !== 'costCenterCode') {
    refuse(blocker.message, blocker.field, { rule: RULE_BY_FIELD[blocker.field], after: input.costCenterCode });
  }
  // "None" is a choice only where the scheme does not require a header cost center (header-controls.ts).
  if (enabled && input.costCenterCode === null && !controlled.costCenterList.noneOffered) {
    refuse(`Choose a cost center. ${verdict.costCenter.reason}`, 'costCenterCode', { rule: 'cost-center-required' });
  }
  if (blocker) refuse(blocker.message, blocker.field, { rule: RULE_BY_FIELD[blocker.field], after: input.costCenterCode });
  if (stored) checkNewHeaderCostCenter(stored, input.costCenterCode, poList, enabled);

  const audits: AuditRecord[] = [];
  if (poList.override) {
    audits.push({
      action: 'override-applied',
      rule: ruleOfList(poList),
      after: poList.codes.join(', '),
      detail: `Used ${allowsText(poList)} in place of ${facts.operator.schemeName === null ? 'no scheme' : `scheme ${facts.operator.schemeName}`}.`,
    });
  }
  const planned = planLines(input.lines, stored?.lines ?? [], facts.refs, {
    costCentersEnabled: enabled,
    headerCostCenterCode: input.costCenterCode,
    poList,
    costCenters: facts.refs.costCenters,
  });
  audits.push(...planned.audits);
  const totalMinor = planned.lines.reduce((sum, line) => sum + line.totalMinor, 0);
  if (!Number.isSafeInteger(totalMinor)) {
    refuse('The PO total is too large to record; split it into several POs.', 'lines', { rule: 'po-total-recordable' });
  }
  const threshold = facts.largePoAmountMinor;
  if (threshold !== null && totalMinor > threshold) {
    if (input.confirmedLargeTotalMinor !== totalMinor) {
      return {
        kind: 'confirm-large-po',
        totalMinor,
        thresholdMinor: threshold,
        message: `This PO's total, ${formatMoney(totalMinor, facts.locale)}, is above the large-PO amount of ${formatMoney(threshold, facts.locale)}. Confirm that it is meant, or correct the lines.`,
      };
    }
    audits.push({
      action: 'large-po-confirmed',
      rule: 'large-po-amount',
      before: String(threshold),
      after: String(totalMinor),
      detail: `Total ${formatMoney(totalMinor, facts.locale)} confirmed above the large-PO amount of ${formatMoney(threshold, facts.locale)}.`,
    });
  }
  const origin = stored
    ? originOfChangedPo(stored, input.costCenterCode, facts.operator.id)
    : originOfNewPo({ enabled, code: input.costCenterCode, entered: input.costCenterEntered, header: facts.header, operatorId: facts.operator.id });
  audits.push({
    action: stored ? 'po-updated' : 'po-created',
    rule: origin.source,
    after: input.costCenterCode,
    detail: `${savedReason(verdict, origin.source)} ${planned.lines.length} line(s); ${planned.deletedIds.length} deleted.`,
  });
  audits.push(...controlAudits(facts, controlled.billingEntity.status === 'ok' ? controlled.billingEntity.code : null, controlled.customerPoNumber, controlled.projectCode.code));
  return {
    kind: 'save',
    plan: {
      ...planned,
      totalMinor,
      costCenterCode: input.costCenterCode,
      billingEntityCode: controlled.billingEntity.status === 'ok' ? controlled.billingEntity.code : null,
      customerPoNumber: controlled.customerPoNumber,
      projectCode: controlled.projectCode.code,
      origin,
      audits,
    },
  };
}

/** A billing entity (with the customer PO number it brings) or project code set or changed is audited with before and after. */
function controlAudits(facts: SaveFacts & { controls: HeaderControlFacts }, entityCode: string | null, customerPoNumber: string | null, projectCode: string | null): AuditRecord[] {
  const stored = facts.controls.stored;
  const before = { entity: stored?.billingEntity?.code ?? null, customer: stored?.customerPoNumber ?? null, project: stored?.projectCode ?? null };
  const audits: AuditRecord[] = [];
  if (before.entity !== entityCode || before.customer !== customerPoNumber) {
    const customer = customerPoNumber === null ? 'no customer PO number' : `customer PO number ${customerPoNumber}`;
    audits.push({
      action: 'po-billing-entity-changed',
      rule: entityCode === null ? 'billing-entity-blank' : 'billing-entity-visible',
      before: before.entity === null ? null : `${before.entity}${before.customer === null ? '' : ` (${before.customer})`}`,
      after: entityCode === null ? null : `${entityCode}${customerPoNumber === null ? '' : ` (${customerPoNumber})`}`,
      detail: entityCode === null ? 'No billing entity.' : `Billing entity ${entityCode}, ${customer}.`,
    });
  }
  if (before.project !== projectCode) {
    audits.push({
      action: 'po-project-code-changed',
      rule: 'project-code-valid',
      before: before.project,
      after: projectCode,
      detail: projectCode === null ? 'Project code removed.' : `Project code ${projectCode}.`,
    });
  }
  return audits;
}

/** The audit's account of the cost center as saved: the rule that defaulted it, or who entered it. */
function savedReason(verdict: HeaderVerdict, source: CostCenterOrigin['source']): string {
  if (source === 'entered') return verdict.costCenter.code === null ? 'Cost center entered.' : `Cost center ${verdict.costCenter.code} entered.`;
  return verdict.costCenter.reason;
}

/** Rule 5 at save: the PO as stored must still be within the operator's change-mode list. */
function checkStoredHeader(stored: StoredPo, list: ScopedList, enabled: boolean): void {
  const verdict = checkChangeMode({ costCentersEnabled: enabled, poNumber: stored.number, status: 'draft', headerCostCenterCode: stored.costCenterCode, list });
  if (!verdict.allowed) refuse(verdict.reason, undefined, { rule: ruleOfList(list), before: stored.costCenterCode });
}

/** In change mode a site override also bounds the PO's new cost center. */
function checkNewHeaderCostCenter(stored: StoredPo, newCode: string | null, list: ScopedList, enabled: boolean): void {
  if (!enabled || newCode === null || list.codes.includes(newCode)) return;
  refuse(`${capitalise(allowsText(list))}; this PO's cost center cannot become ${newCode}.`, 'costCenterCode', {
    rule: ruleOfList(list),
    before: stored.costCenterCode,
    after: newCode,
  });
}

type PlannedLines = Pick<SavePlan, 'lines' | 'kept' | 'added' | 'deletedIds' | 'audits'>;

/** The payload path of a line's field, for the renderer to mark. */
const lineField = (index: number, name: string) => `lines.${index}.${name}`;

/** Rules 1–5 for every line: which are kept, changed, added or deleted, each change checked. */
function planLines(
  lines: readonly PoLineInput[],
  storedLines: readonly StoredLineRecord[],
  refs: SaveReferences,
  base: Omit<LineContext, 'glWipOverride' | 'storedGlWipOverride'>,
): PlannedLines {
  const storedById = new Map(storedLines.map((line) => [line.id, line]));
  const seen = new Set<number>();
  const plan: PlannedLines = { lines: [], kept: [], added: [], deletedIds: [], audits: [] };

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const stored = line.id === undefined ? undefined : storedById.get(line.id);
    if (line.id !== undefined && (!stored || seen.has(line.id))) {
      refuse(`Line ${lineNumber} refers to a line that is not on this PO (or appears twice).`, lineField(index, 'id'), { rule: 'line-belongs-to-po', lineNumber });
    }
    if (stored) seen.add(stored.id);
    const item = line.itemCode ? refs.items.get(line.itemCode) : undefined;
    if (line.itemCode && !item) {
      refuse(`Line ${lineNumber}: item ${line.itemCode} does not exist.`, lineField(index, 'itemCode'), { rule: 'reference-exists', lineNumber });
    }
    const common = {
      lineNumber,
      itemId: item?.id ?? null,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitCostMinor: line.unitCostMinor,
      totalMinor: lineTotalMinor(line.quantityMilli, line.unitCostMinor),
    };

    if (stored && isUnchanged(line, stored)) {
      const values = { ...common, distribution: storedDistribution(stored) };
      plan.lines.push(values);
      plan.kept.push({ id: stored.id, values });
      return;
    }

    const draft = draftFacts(line, lineNumber, refs);
    const verdict = resolveLine(
      {
        ...base,
        glWipOverride: wipOverrideFor(refs, line.glAccountCode, draft.glAccount?.wip ?? false),
        storedGlWipOverride: stored ? wipOverrideFor(refs, stored.glAccountCode, stored.glAccountWip) : null,
      },
      draft,
      stored && storedFacts(stored),
    );
    if (verdict.status === 'refused') {
      refuse(verdict.reason, lineField(index, verdict.field ?? 'costCenterCode'), {
        rule: verdict.rule,
        lineId: stored?.id ?? null,
        lineNumber,
        before: stored?.costCenterCode ?? null,
        after: line.costCenterCode ?? line.workOrderCode,
      });
    }
    const values = { ...common, distribution: distributionOf(line, verdict, refs) };
    plan.lines.push(values);
    if (stored) plan.kept.push({ id: stored.id, values });
    else plan.added.push(values);
    plan.audits.push(...lineAudits(stored, lineNumber, verdict, base.poList));
  });

  for (const stored of storedLines) {
    if (seen.has(stored.id)) continue;
    const list = lineCostCenters(base.poList, storedFacts(stored).glAccount, wipOverrideFor(refs, stored.glAccountCode, stored.glAccountWip));
    const touch = checkLineTouch('delete', stored, list, base.costCentersEnabled);
    if (!touch.allowed) {
      refuse(touch.reason, 'lines', { rule: ruleOfList(list), lineId: stored.id, lineNumber: stored.lineNumber, before: stored.costCenterCode });
    }
    plan.deletedIds.push(stored.id);
    plan.audits.push({
      action: 'line-deleted',
      lineId: stored.id,
      lineNumber: stored.lineNumber,
      rule: ruleOfList(list),
      before: stored.costCenterCode,
      detail: `Line ${stored.lineNumber} (${stored.description}) deleted; ${touch.reason}`,
    });
  }
  return plan;
}

/** Rule 8: a line's cost-center change, and a WIP override that decided it, go to the audit log. */
function lineAudits(stored: StoredLineRecord | undefined, lineNumber: number, verdict: LineVerdict, poList: ScopedList): AuditRecord[] {
  const audits: AuditRecord[] = [];
  const lineId = stored?.id ?? null;
  if (stored && stored.costCenterCode !== verdict.costCenterCode) {
    audits.push({
      action: 'line-cost-center-changed',
      lineId,
      lineNumber,
      rule: verdict.rule,
      before: stored.costCenterCode,
      after: verdict.costCenterCode,
      detail: `Line ${lineNumber}: ${verdict.reason}`,
    });
  }
  if (verdict.list.override && verdict.list !== poList) {
    audits.push({
      action: 'override-applied',
      lineId,
      lineNumber,
      rule: ruleOfList(verdict.list),
      after: verdict.costCenterCode,
      detail: `Line ${lineNumber} was judged by ${allowsText(verdict.list)}.`,
    });
  }
  return audits;
}

const idOf = <T extends { id: number }>(map: Map<string, T>, code: string | null) => (code === null ? null : (map.get(code)?.id ?? null));

function distributionOf(line: PoLineInput, verdict: LineVerdict, refs: SaveReferences): PlannedLine['distribution'] {
  return {
    distributionType: line.distributionType,
    costCenterId: idOf(refs.costCenters, verdict.costCenterCode),
    jobId: idOf(refs.jobs, line.jobCode) ?? (line.workOrderCode === null ? null : (refs.workOrders.get(line.workOrderCode)?.jobId ?? null)),
    workOrderId: idOf(refs.workOrders, line.workOrderCode),
    costTypeId: idOf(refs.costTypes, line.costTypeCode),
    glAccountId: idOf(refs.glAccounts, line.glAccountCode),
  };
}

/** An unchanged line keeps its stored coding; the payload's codes are the stored ones, so they resolve to the same ids. */
function storedDistribution(stored: StoredLineRecord): PlannedLine['distribution'] {
  return {
    distributionType: stored.distributionType,
    costCenterId: stored.costCenterId,
    jobId: stored.jobId,
    workOrderId: stored.workOrderId,
    costTypeId: stored.costTypeId,
    glAccountId: stored.glAccountId,
  };
}
