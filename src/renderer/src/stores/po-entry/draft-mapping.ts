import type { LineAccess, PoDetail, PoLineInput } from '../../../../shared/contracts';
import { formatMoney, formatQuantity } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';
import { type LineDraft, newLine, quantityOf, unitCostOf } from '../../features/po-entry/line-rules';
import type { OpenPo, PoEntryState } from './state';

export const normalCode = (text: string): string => text.trim().toUpperCase();
export const orNull = (text: string): string | null => normalCode(text) || null;

export const withoutKeys = (errors: Record<string, string>, keys: readonly string[]): Record<string, string> => {
  if (!keys.some((key) => key in errors)) return errors;
  const next = { ...errors };
  for (const key of keys) delete next[key];
  return next;
};

export function linesFromDetail(detail: PoDetail, locale: LocaleCode): LineDraft[] {
  // By id, not a search per line: a PO of 10,000 lines would otherwise make 50 million comparisons.
  // The first entry for an id wins, as a search would find it.
  const accessById = new Map<number, LineAccess>();
  for (const entry of detail.access.lines) if (!accessById.has(entry.lineId)) accessById.set(entry.lineId, entry);
  const lines = detail.lines.map((line): LineDraft => {
    const access = accessById.get(line.id) ?? null;
    return {
      ...newLine(),
      id: line.id,
      access,
      distributionType: line.distributionType,
      job: line.jobCode ?? '',
      jobFromWorkOrder: line.workOrderCode !== null && line.jobCode !== null,
      workOrder: line.workOrderCode ?? '',
      costType: line.costTypeCode ?? '',
      glAccount: line.glAccountCode ?? '',
      costCenter: line.costCenterCode ?? '',
      costCenterEntered: line.costCenterCode !== null,
      judgement: null,
      accepted: { workOrder: line.workOrderCode ?? '', costCenter: line.costCenterCode ?? '' },
      itemCode: line.itemCode ?? '',
      description: line.description,
      quantity: formatQuantity(line.quantityMilli, locale),
      unitCost: formatMoney(line.unitCostMinor, locale),
      lookedUp: line.itemCode,
      filled: null,
      coding: line.coding ? { row: line.coding.row, resolved: line.coding.resolved, problems: [], notes: [], invoiced: line.coding.invoiced } : null,
      glFromCoding: false,
    };
  });
  return lines.length > 0 || detail.access.mode === 'view' ? lines : [newLine()];
}

export const openPoOf = (detail: PoDetail): OpenPo => ({
  id: detail.id,
  version: detail.version,
  number: detail.number,
  status: detail.status,
  createdBy: detail.createdBy,
  mode: detail.access.mode,
  canChange: detail.access.canChange,
  accessReason: detail.access.reason,
  standing: detail.standing,
  billingEntityCode: detail.billingEntity?.code ?? null,
  customerPoNumber: detail.customerPoNumber,
  budgetOrder: detail.budgetOrder,
});

/** The form's fields as a stored PO fills them; the caller starts from a blank form. */
export const formOf = (detail: PoDetail, locale: LocaleCode): Partial<PoEntryState> => ({
  po: openPoOf(detail),
  vendorText: detail.vendorCode,
  warehouseCode: detail.warehouseCode,
  costCenterText: detail.costCenterCode ?? '',
  costCenterExplicit: detail.costCenterCode !== null,
  // Stored without a header cost center: "None" was chosen, so no default is proposed over it.
  noCostCenter: detail.costCenterCode === null,
  billingEntityText: detail.billingEntity?.code ?? '',
  // The code as stored goes back unchanged, in every mode: switching modes never rewrites a stored PO.
  projectCodeText: detail.projectCode ?? '',
  budgetOrderText: detail.budgetOrder?.number ?? '',
  budgetOrderId: detail.budgetOrder?.id ?? null,
  organisationCode: detail.coding?.organisationCode ?? null,
  headerCoding: detail.coding?.values ?? {},
  lines: linesFromDetail(detail, locale),
});

/**
 * The save contract's line: a stored line goes back with exactly its stored codes unless the
 * operator changed them. Callers have checked quantity and unit cost read in this locale.
 */
export function lineInputOf(line: LineDraft, costCentersOn: boolean, locale: LocaleCode): PoLineInput {
  return {
    ...(line.id !== null ? { id: line.id } : {}),
    itemCode: orNull(line.itemCode),
    description: line.description.trim(),
    quantityMilli: quantityOf(line, locale) as number,
    unitCostMinor: unitCostOf(line, locale) as number,
    distributionType: line.distributionType,
    jobCode: orNull(line.job),
    workOrderCode: orNull(line.workOrder),
    costTypeCode: orNull(line.costType),
    glAccountCode: orNull(line.glAccount),
    costCenterCode: costCentersOn && line.costCenterEntered ? orNull(line.costCenter) : null,
    // The PO row level exactly as main last resolved it: what the operator entered, and the defaults.
    coding: line.coding?.row ?? {},
  };
}
