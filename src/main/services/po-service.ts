import type { ParsedInputOf, PoDetail, PoLineInput, PoListPage } from '../../shared/contracts';
import { lineTotalMinor } from '../../shared/money';
import { headerBlocker, resolveHeader } from '../domain/cost-center-rules';
import { type LineContext, type LineVerdict, resolveLine } from '../domain/distribution-rules';
import { allowsText, capitalise, checkChangeMode, checkLineTouch, lineCostCenters, ruleOfList, type ScopedList } from '../domain/line-security';
import { checkVersion } from '../domain/po-version';
import { type AuditEntry, appendAudit, appendAuditEntries } from '../store/repositories/audit-repo';
import {
  deletePoLinesById,
  findPoHeader,
  findStoredLines,
  insertPoLines,
  insertPurchaseOrder,
  listPoSummaries,
  type PoLineValues,
  renumberPoLinesAside,
  type StoredLine,
  updatePoLine,
  updatePurchaseOrderHeader,
} from '../store/repositories/po-repo';
import { takeNextPoNumber } from '../store/repositories/settings-repo';
import { AppFailure, conflict, notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { loadHeader } from './header-service';
import { draftFacts, isUnchanged, type LineReferences, loadLineReferences, storedFacts, wipOverrideFor } from './line-facts';
import { loadPoDetail } from './po-access-service';
import { loadPoSecurity } from './po-security';

type SaveInput = ParsedInputOf<'savePo'>;
type AuditDraft = Omit<AuditEntry, 'operatorId'>;

/** Which rule a refused header field stands for, so the audit log can be filtered by rule. */
const RULE_BY_FIELD: Record<string, string> = {
  vendorCode: 'vendor-shares-cost-center',
  warehouseCode: 'warehouse-override',
  costCenterCode: 'cost-center-allowed',
};

/** One page of the list; the sorting and filtering in memory here moves into SQL with the list at scale. */
export async function listPurchaseOrders(desk: Desk, caller: Caller, query: ParsedInputOf<'listPos'>): Promise<PoListPage> {
  const all = await listPoSummaries(desk.db);
  const search = query.search?.toUpperCase();
  const rows = all.filter(
    (po) =>
      (!query.status || po.status === query.status) &&
      (!query.mine || po.createdBy === caller.operator.displayName) &&
      (!search || po.number.startsWith(search) || po.vendorCode.startsWith(search) || po.vendorName.toUpperCase().includes(search)),
  );
  const start = (query.page - 1) * query.pageSize;
  return { rows: rows.slice(start, start + query.pageSize), total: rows.length, page: query.page, pageSize: query.pageSize };
}

/**
 * Load, check, save: every rule is re-checked here whatever the renderer showed, and nothing is
 * written unless all pass. A refusal is audited and leaves the stored PO exactly as it was.
 */
export async function savePurchaseOrder(desk: Desk, caller: Caller, input: SaveInput): Promise<SavedPo> {
  try {
    return await checkAndSave(desk, caller, input);
  } catch (failure) {
    if (failure instanceof AppFailure) {
      const audit = failure.audit;
      await appendAudit(
        desk.db,
        {
          operatorId: caller.operator.id,
          action: 'save-refused',
          poId: input.id ?? null,
          lineId: audit?.lineId ?? null,
          lineNumber: audit?.lineNumber ?? null,
          rule: audit?.rule ?? (failure.error.field && RULE_BY_FIELD[failure.error.field]) ?? failure.error.code,
          before: audit?.before ?? null,
          after: audit ? (audit.after ?? null) : input.costCenterCode,
          detail: failure.error.message,
        },
        desk.now(),
      );
    }
    throw failure;
  }
}

/** The stored PO a change starts from, checked for existence, status and version (rule 7). */
async function loadStoredPo(desk: Desk, id: number, version: number | undefined) {
  const stored = await findPoHeader(desk.db, id);
  if (!stored) throw notFound(`Purchase order ${id} does not exist.`);
  const verdict = checkVersion(stored.number, stored.version, version);
  if (!verdict.ok) {
    const failure = verdict.kind === 'missing' ? refused(verdict.reason, 'version') : conflict(verdict.reason);
    throw failure.withAudit({ rule: 'version-current', before: String(stored.version), after: version === undefined ? null : String(version) });
  }
  if (stored.status === 'closed') throw refused(`${stored.number} is closed; it can only be viewed.`).withAudit({ rule: 'po-status' });
  return { header: stored, lines: await findStoredLines(desk.db, id) };
}

/** What a save settles; the screen's view of the PO is read afresh by `saveAndReopen`. */
export interface SavedPo {
  id: number;
}

/** The IPC use case: save, then answer with the PO as this operator now sees it in change mode. */
export async function saveAndReopen(desk: Desk, caller: Caller, input: SaveInput): Promise<PoDetail> {
  const { id } = await savePurchaseOrder(desk, caller, input);
  const { judged: _judged, ...detail } = await loadPoDetail(desk.db, caller, id, 'change');
  return detail;
}

async function checkAndSave(desk: Desk, caller: Caller, input: SaveInput): Promise<SavedPo> {
  const { db } = desk;
  const stored = input.id === undefined ? null : await loadStoredPo(desk, input.id, input.version);
  const mode = stored ? 'change' : 'new';

  const loaded = await loadHeader(db, caller, input);
  const storedLines = stored?.lines ?? [];
  const [security, refs] = await Promise.all([
    // loadHeader has read the scheme's override for this warehouse when the warehouse exists.
    loadPoSecurity(db, loaded.facts.operator, caller.operator.schemeId, mode, input.warehouseCode, storedLines, loaded.facts.warehouse?.overrideCostCenters),
    loadLineReferences(db, caller.operator.schemeId, input.lines, storedLines, input.costCenterCode),
  ]);
  const verdict = resolveHeader(loaded.facts);
  const enabled = verdict.costCentersEnabled;
  // Rule 5: whether this operator may change the PO at all is settled before any of the edit is judged.
  if (stored) checkStoredHeader(stored.header, security.list, enabled);
  if (!enabled && input.costCenterCode !== null) {
    throw refused('Cost centers are turned off for this installation; leave the cost center empty.', 'costCenterCode');
  }
  if (enabled && input.costCenterCode === null) throw refused(`Choose a cost center. ${verdict.costCenter.reason}`, 'costCenterCode');
  const blocker = headerBlocker(verdict);
  if (blocker) throw refused(blocker.message, blocker.field);
  if (stored) checkNewHeaderCostCenter(stored.header, input.costCenterCode, security.list, enabled);

  const audits: AuditDraft[] = [];
  if (security.list.override) {
    audits.push({
      action: 'override-applied',
      rule: ruleOfList(security.list),
      after: security.list.codes.join(', '),
      detail: `Used ${allowsText(security.list)} in place of ${loaded.facts.operator.schemeName === null ? 'no scheme' : `scheme ${loaded.facts.operator.schemeName}`}.`,
    });
  }

  const planned = planLines(input.lines, storedLines, refs, {
    costCentersEnabled: enabled,
    headerCostCenterCode: input.costCenterCode,
    poList: security.list,
    costCenters: refs.costCenters,
  });
  audits.push(...planned.audits);
  const totalMinor = planned.values.reduce((sum, line) => sum + line.totalMinor, 0);
  if (!Number.isSafeInteger(totalMinor)) throw refused('The PO total is too large to record; split it into several POs.', 'lines');

  const header = {
    vendorId: (loaded.vendor as { id: number }).id,
    warehouseId: (loaded.warehouse as { id: number }).id,
    costCenterId: loaded.enteredCostCenter?.id ?? null,
    totalMinor,
  };
  const at = desk.now();
  const poId = await db.transaction().execute(async (trx) => {
    let id = input.id;
    if (id === undefined) {
      const number = await takeNextPoNumber(trx);
      id = await insertPurchaseOrder(trx, { ...header, number, createdBy: caller.operator.id, at });
    } else {
      const current = await updatePurchaseOrderHeader(trx, id, input.version as number, { ...header, at });
      if (!current) throw conflict(checkVersionText(stored?.header.number ?? `PO ${id}`));
      await deletePoLinesById(trx, id, planned.deletedIds);
      await renumberPoLinesAside(trx, id);
      for (const kept of planned.kept) await updatePoLine(trx, kept.id, kept.values);
    }
    const insertedIds = await insertPoLines(trx, id, planned.added);
    const poAudits = audits.map((entry) => ({
      ...entry,
      operatorId: caller.operator.id,
      poId: id,
      lineId: entry.lineId ?? (entry.lineNumber ? insertedIds.get(entry.lineNumber) : null) ?? null,
    }));
    poAudits.push({
      operatorId: caller.operator.id,
      action: input.id === undefined ? 'po-created' : 'po-updated',
      poId: id,
      lineId: null,
      after: input.costCenterCode,
      rule: verdict.costCenter.source,
      detail: `${verdict.costCenter.reason} ${planned.values.length} line(s); ${planned.deletedIds.length} deleted.`,
    });
    await appendAuditEntries(trx, poAudits, at);
    return id;
  });

  // Rule 4a: only after the save succeeds does the operator's first entered cost center stick.
  if (input.costCenterEntered && input.costCenterCode !== null && caller.session.stickyCostCenterCode === null) {
    caller.session.stickyCostCenterCode = input.costCenterCode;
  }
  return { id: poId };
}

const checkVersionText = (number: string) =>
  `Someone saved ${number} while yours was being saved. Reopen it to see the stored PO; nothing of yours was saved.`;

/** Rule 5 at save: the PO as stored must still be within the operator's change-mode list. */
function checkStoredHeader(stored: { number: string; costCenterCode: string | null }, list: ScopedList, enabled: boolean): void {
  const verdict = checkChangeMode({ costCentersEnabled: enabled, poNumber: stored.number, status: 'draft', headerCostCenterCode: stored.costCenterCode, list });
  if (!verdict.allowed) throw refused(verdict.reason).withAudit({ rule: ruleOfList(list), before: stored.costCenterCode });
}

/** In change mode a site override also bounds the PO's new cost center. */
function checkNewHeaderCostCenter(stored: { costCenterCode: string | null }, newCode: string | null, list: ScopedList, enabled: boolean): void {
  if (!enabled || newCode === null || list.codes.includes(newCode)) return;
  throw refused(`${capitalise(allowsText(list))}; this PO's cost center cannot become ${newCode}.`, 'costCenterCode').withAudit({
    rule: ruleOfList(list),
    before: stored.costCenterCode,
    after: newCode,
  });
}


interface PlannedLines {
  /** Every line's values in payload order, numbered 1..n. */
  values: PoLineValues[];
  kept: { id: number; values: PoLineValues }[];
  added: PoLineValues[];
  deletedIds: number[];
  audits: AuditDraft[];
}

/** The payload path of a line's field, for the renderer to mark. */
const lineField = (index: number, name: string) => `lines.${index}.${name}`;

/** Rules 1–5 for every line: which are kept, changed, added or deleted, each change checked. */
function planLines(
  lines: readonly PoLineInput[],
  storedLines: readonly StoredLine[],
  refs: LineReferences,
  base: Omit<LineContext, 'glWipOverride' | 'storedGlWipOverride'>,
): PlannedLines {
  const storedById = new Map(storedLines.map((line) => [line.id, line]));
  const seen = new Set<number>();
  const plan: PlannedLines = { values: [], kept: [], added: [], deletedIds: [], audits: [] };

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const stored = line.id === undefined ? undefined : storedById.get(line.id);
    if (line.id !== undefined && (!stored || seen.has(line.id))) {
      throw refused(`Line ${lineNumber} refers to a line that is not on this PO (or appears twice).`, lineField(index, 'id')).withAudit({
        rule: 'line-belongs-to-po',
        lineNumber,
      });
    }
    if (stored) seen.add(stored.id);
    const item = line.itemCode ? refs.items.get(line.itemCode) : undefined;
    if (line.itemCode && !item) {
      throw refused(`Line ${lineNumber}: item ${line.itemCode} does not exist.`, lineField(index, 'itemCode')).withAudit({ rule: 'reference-exists', lineNumber });
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
      plan.values.push(values);
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
      throw refused(verdict.reason, lineField(index, verdict.field ?? 'costCenterCode')).withAudit({
        rule: verdict.rule,
        lineId: stored?.id ?? null,
        lineNumber,
        before: stored?.costCenterCode ?? null,
        after: line.costCenterCode ?? line.workOrderCode,
      });
    }
    const values = { ...common, distribution: distributionOf(line, verdict, refs) };
    plan.values.push(values);
    if (stored) plan.kept.push({ id: stored.id, values });
    else plan.added.push(values);
    plan.audits.push(...lineAudits(stored, lineNumber, verdict, base.poList));
  });

  for (const stored of storedLines) {
    if (seen.has(stored.id)) continue;
    const list = lineCostCenters(
      base.poList,
      storedFacts(stored).glAccount,
      wipOverrideFor(refs, stored.glAccountCode, stored.glAccountWip),
    );
    const touch = checkLineTouch('delete', stored, list, base.costCentersEnabled);
    if (!touch.allowed) {
      throw refused(touch.reason, 'lines').withAudit({
        rule: ruleOfList(list),
        lineId: stored.id,
        lineNumber: stored.lineNumber,
        before: stored.costCenterCode,
      });
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
function lineAudits(stored: StoredLine | undefined, lineNumber: number, verdict: LineVerdict, poList: ScopedList): AuditDraft[] {
  const audits: AuditDraft[] = [];
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

function distributionOf(line: PoLineInput, verdict: LineVerdict, refs: LineReferences): PoLineValues['distribution'] {
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
function storedDistribution(stored: StoredLine): PoLineValues['distribution'] {
  return {
    distributionType: stored.distributionType,
    costCenterId: stored.costCenterId,
    jobId: stored.jobId,
    workOrderId: stored.workOrderId,
    costTypeId: stored.costTypeId,
    glAccountId: stored.glAccountId,
  };
}
