/**
 * Rules 1–3 of line entry: what a distribution line must carry and where its cost center comes
 * from. Pure: the service looks every code up and passes the facts in; the verdict says which
 * field is wrong and why, in words an operator can act on.
 */
import { type CostCenter, listCodes } from './cost-center-rules';
import {
  allowsText,
  checkLineTouch,
  type GlAccountFacts,
  lineCostCenters,
  type OverrideFacts,
  ruleOfList,
  capitalise,
  type ScopedList,
} from './line-security';

export type DistributionType = 'expense' | 'job-cost' | 'direct-wo-cost';

export interface JobFacts {
  code: string;
  siteAddress: string;
}

export interface WorkOrderFacts {
  code: string;
  costCenterCode: string;
  jobCode: string | null;
  siteAddress: string;
}

/** A line as the payload has it, each code beside what the store knows of it (undefined: no such record). */
export interface LineDraftFacts {
  lineNumber: number;
  distributionType: DistributionType;
  jobCode: string | null;
  job: JobFacts | undefined;
  workOrderCode: string | null;
  workOrder: WorkOrderFacts | undefined;
  costTypeCode: string | null;
  costTypeKnown: boolean;
  glAccountCode: string | null;
  glAccount: GlAccountFacts | undefined;
  /** null asks for the derived cost center. */
  costCenterCode: string | null;
}

/** The stored line a change starts from; judged for rule 5 before the new values are. */
export interface StoredLineFacts {
  lineNumber: number;
  workOrderCode: string | null;
  glAccount: GlAccountFacts | undefined;
  costCenterCode: string | null;
}

export interface LineContext {
  costCentersEnabled: boolean;
  headerCostCenterCode: string | null;
  /** The PO-level list for the action (rule 4): warehouse override for a new PO, site override in change mode. */
  poList: ScopedList;
  /** The scheme's WIP override for the draft's G/L account, and for the stored line's. */
  glWipOverride: OverrideFacts | null;
  storedGlWipOverride: OverrideFacts | null;
  /** Every cost center the verdict may name: entered, work order's and header's. */
  costCenters: ReadonlyMap<string, CostCenter>;
}

export type LineField = 'distributionType' | 'jobCode' | 'workOrderCode' | 'costTypeCode' | 'glAccountCode' | 'costCenterCode';

export type CostCenterOrigin = 'direct-work-order' | 'work-order' | 'entered' | 'header' | 'none';

export interface LineVerdict {
  status: 'ok' | 'refused';
  /** The field a refusal blames; null when the whole line is out of reach. */
  field: LineField | null;
  /** Audit rule of a refusal, or of how the cost center was chosen. */
  rule: string;
  reason: string;
  /** The line's cost center after the change; on refusal, what it keeps. */
  costCenterCode: string | null;
  costCenterOrigin: CostCenterOrigin;
  costCenterEditable: boolean;
  /** The line's job, taken from its work order when the line names none. */
  jobCode: string | null;
  /** The list the new values were judged against. */
  list: ScopedList;
}

/** What the renderer last showed for the line, so a refusal can say what the line keeps (rule 1). */
export interface PreviousLineValues {
  workOrderCode: string | null;
  costCenterCode: string | null;
}

/**
 * Judges an added or changed line. A stored line must first be within the operator's reach as
 * stored; then references must exist, the distribution type must have what it needs, and the
 * cost center — derived from the work order, entered, or the PO's — must be allowed.
 */
export function resolveLine(
  context: LineContext,
  draft: LineDraftFacts,
  stored: StoredLineFacts | undefined,
  previous: PreviousLineValues | undefined = stored,
): LineVerdict {
  const n = draft.lineNumber;
  const afterList = lineCostCenters(context.poList, draft.glAccount, context.glWipOverride);
  const direct = draft.distributionType === 'direct-wo-cost';
  const jobCode = draft.jobCode ?? draft.workOrder?.jobCode ?? null;
  const refuse = (field: LineField | null, rule: string, reason: string, list: ScopedList = afterList): LineVerdict => ({
    status: 'refused',
    field,
    rule,
    reason,
    costCenterCode: previous?.costCenterCode ?? null,
    costCenterOrigin: 'none',
    costCenterEditable: context.costCentersEnabled && !direct,
    jobCode,
    list,
  });

  if (stored) {
    const storedList = lineCostCenters(context.poList, stored.glAccount, context.storedGlWipOverride);
    const touch = checkLineTouch('change', stored, storedList, context.costCentersEnabled);
    if (!touch.allowed) return refuse(null, ruleOfList(storedList), touch.reason, storedList);
  }

  const missingReference = referenceProblem(draft);
  if (missingReference) return refuse(missingReference.field, 'reference-exists', `Line ${n}: ${missingReference.message}`);
  const shape = typeProblem(draft);
  if (shape) return refuse(shape.field, 'distribution-type', `Line ${n}: ${shape.message}`);

  if (!context.costCentersEnabled) {
    if (draft.costCenterCode !== null) {
      return refuse('costCenterCode', 'cost-centers-off', `Line ${n}: cost centers are turned off; leave the cost center empty.`);
    }
    return { status: 'ok', field: null, rule: 'cost-centers-off', reason: 'Cost centers are turned off.', costCenterCode: null, costCenterOrigin: 'none', costCenterEditable: false, jobCode, list: afterList };
  }

  const workOrder = draft.workOrder;
  const workOrderChanged = workOrder !== undefined && (stored?.workOrderCode ?? null) !== workOrder.code;
  if (workOrder && direct && draft.costCenterCode !== null && draft.costCenterCode !== workOrder.costCenterCode) {
    return refuse(
      'costCenterCode',
      'direct-cost-read-only',
      `Line ${n} is direct work-order cost: its cost center comes from work order ${workOrder.code} (${workOrder.costCenterCode}) and cannot be set to ${draft.costCenterCode}.`,
    );
  }
  if (workOrder && (workOrderChanged || direct) && !afterList.codes.includes(workOrder.costCenterCode)) {
    return refuse(
      'workOrderCode',
      'work-order-cost-center',
      `Line ${n}: work order ${workOrder.code} charges cost center ${workOrder.costCenterCode}; ${allowsText(afterList)}. ${keepsText(previous)}`,
    );
  }

  const chosen = chooseCostCenter(context, draft, workOrderChanged);
  if (chosen.code === null) {
    return refuse('costCenterCode', 'cost-center-required', `Line ${n} needs a cost center: pick one from ${listCodes(afterList.codes)}.`);
  }
  const costCenter = context.costCenters.get(chosen.code);
  if (!costCenter) return refuse('costCenterCode', 'reference-exists', `Line ${n}: cost center ${chosen.code} does not exist.`);
  if (!costCenter.active) return refuse('costCenterCode', 'cost-center-active', `Line ${n}: cost center ${chosen.code} is inactive.`);
  // A line that only follows the PO's cost center under the PO's own list is judged once, by the
  // header rules; refusing it here as well would say the same thing twice, on the wrong field.
  const followsHeader = chosen.origin === 'header' && context.glWipOverride === null;
  if (!afterList.codes.includes(chosen.code) && !followsHeader) {
    return refuse('costCenterCode', ruleOfList(afterList), `Line ${n}: ${allowsText(afterList)}; this line is ${chosen.code}.`);
  }
  return {
    status: 'ok',
    field: null,
    rule: chosen.origin,
    reason: chosen.reason,
    costCenterCode: chosen.code,
    costCenterOrigin: chosen.origin,
    costCenterEditable: !direct,
    jobCode,
    list: afterList,
  };
}

function keepsText(previous: PreviousLineValues | undefined): string {
  if (!previous) return 'The line keeps no work order.';
  const workOrder = previous.workOrderCode === null ? 'no work order' : `work order ${previous.workOrderCode}`;
  const costCenter = previous.costCenterCode === null ? 'no cost center' : `cost center ${previous.costCenterCode}`;
  return `The line keeps ${workOrder} and ${costCenter}.`;
}

function chooseCostCenter(
  context: LineContext,
  draft: LineDraftFacts,
  workOrderChanged: boolean,
): { code: string | null; origin: CostCenterOrigin; reason: string } {
  const workOrder = draft.workOrder;
  if (workOrder && draft.distributionType === 'direct-wo-cost') {
    return {
      code: workOrder.costCenterCode,
      origin: 'direct-work-order',
      reason: `From work order ${workOrder.code}: a direct work-order cost line always takes its work order's cost center.`,
    };
  }
  const entered = draft.costCenterCode;
  if (workOrder && (entered === null || (workOrderChanged && entered === workOrder.costCenterCode))) {
    return { code: workOrder.costCenterCode, origin: 'work-order', reason: `From work order ${workOrder.code}.` };
  }
  if (entered !== null) {
    const list = lineCostCenters(context.poList, draft.glAccount, context.glWipOverride);
    const within = list.override ? ` ${capitalise(allowsText(list))}.` : '';
    return { code: entered, origin: 'entered', reason: `Cost center ${entered} as entered.${within}` };
  }
  const header = context.headerCostCenterCode;
  if (header !== null) return { code: header, origin: 'header', reason: `The PO's cost center ${header}.` };
  return { code: null, origin: 'none', reason: '' };
}



function referenceProblem(draft: LineDraftFacts): { field: LineField; message: string } | null {
  if (draft.jobCode !== null && !draft.job) return { field: 'jobCode', message: `job ${draft.jobCode} does not exist.` };
  if (draft.workOrderCode !== null && !draft.workOrder) {
    return { field: 'workOrderCode', message: `work order ${draft.workOrderCode} does not exist.` };
  }
  if (draft.costTypeCode !== null && !draft.costTypeKnown) {
    return { field: 'costTypeCode', message: `cost type ${draft.costTypeCode} does not exist.` };
  }
  if (draft.glAccountCode === null) return { field: 'glAccountCode', message: 'choose a G/L account.' };
  if (!draft.glAccount) return { field: 'glAccountCode', message: `G/L account ${draft.glAccountCode} does not exist.` };
  return null;
}

function typeProblem(draft: LineDraftFacts): { field: LineField; message: string } | null {
  const { job, workOrder } = draft;
  if (draft.distributionType === 'direct-wo-cost' && !workOrder) {
    return { field: 'workOrderCode', message: 'a direct work-order cost line needs a work order.' };
  }
  if (draft.distributionType === 'job-cost' && !job && !workOrder?.jobCode) {
    return { field: 'jobCode', message: 'a job-cost line needs a job.' };
  }
  if (job && workOrder && workOrder.jobCode !== job.code) {
    const belongs = workOrder.jobCode === null ? 'belongs to no job' : `belongs to job ${workOrder.jobCode}`;
    return { field: 'workOrderCode', message: `work order ${workOrder.code} ${belongs}, not ${job.code}.` };
  }
  if (draft.costTypeCode !== null && !job && !workOrder?.jobCode) {
    return { field: 'costTypeCode', message: 'a cost type belongs to a job; enter the job first.' };
  }
  return null;
}
