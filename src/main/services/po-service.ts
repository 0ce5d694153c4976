import type { ParsedInputOf, PoDetail } from '../../shared/contracts';
import { refuseUninvoicing } from './invoiced-rows-guard';
import { refuseUnreadyEntry } from './entry-readiness-service';
import { type AuditRecord, decideSave, type SaveRefusal } from '../domain/po-save-decision';
import { editRefusal } from '../domain/po-lifecycle';
import { checkVersion } from '../domain/po-version';
import { appendAudit, appendAuditEntries } from '../store/repositories/audit-repo';
import {
  deletePoLinesById,
  findPoHeader,
  findStoredLines,
  insertPoLines,
  insertPurchaseOrder,
  renumberPoLinesAside,
  updatePoLine,
  updatePurchaseOrderHeader,
} from '../store/repositories/po-repo';
import { recordRevisionEditor } from '../store/repositories/lifecycle-repo';
import { takeNextPoNumber } from '../store/repositories/settings-repo';
import { isStoreBusy, isStoreUnreachable } from '../store/connect';
import { inRetriedTransaction } from '../store/transaction';
import { AppFailure, conflict, notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { loadHeader } from './header-service';
import { loadLineReferences } from './line-facts';
import { loadPoDetail } from './po-access-service';
import { loadPoSecurity } from './po-security';
import { getSettings } from './settings-service';
import { findPoBudgetFacts } from '../store/repositories/budget-order-repo';
import { findPoControls, writePoControls } from '../store/repositories/po-controls-repo';
import { checkBudgetAtSave, syncBudgetShares } from './budget-checks-in-transaction';
import { loadControlFacts } from './header-controls-facts';
import { judgeSaveCoding, writeSaveCoding } from './row-coding-save';

type SaveInput = ParsedInputOf<'savePo'>;

/**
 * Load, ask the domain, save: every rule is re-checked whatever the renderer showed, and nothing
 * is written unless all pass. A refusal is audited and leaves the stored PO exactly as it was.
 */
export async function savePurchaseOrder(desk: Desk, caller: Caller, input: SaveInput): Promise<SavedPo> {
  try {
    return await loadJudgeAndSave(desk, caller, input);
  } catch (failure) {
    if (failure instanceof AppFailure && failure.error.code !== 'needs-confirmation') {
      const audit = failure.audit;
      await appendAudit(
        desk.db,
        {
          operatorId: caller.operator.id,
          action: 'save-refused',
          poId: input.id ?? null,
          lineId: audit?.lineId ?? null,
          lineNumber: audit?.lineNumber ?? null,
          rule: audit?.rule ?? failure.error.code,
          before: audit?.before ?? null,
          after: audit ? (audit.after ?? null) : input.costCenterCode,
          detail: failure.error.message,
          vendorCode: input.vendorCode,
          warehouseCode: input.warehouseCode,
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
  // Only drafts are edited: a submitted PO is recalled first, a released one changed by a change order.
  if (stored.status !== 'draft') throw refused(editRefusal(stored.number, stored.status)).withAudit({ rule: 'po-status' });
  return { header: stored, lines: await findStoredLines(desk.db, id) };
}

/** What a save settles; the screen's view of the PO is read afresh by `saveAndReopen`. */
export interface SavedPo {
  id: number;
}

/** The IPC use case: save, then answer with the PO as this operator now sees it in change mode. */
export async function saveAndReopen(desk: Desk, caller: Caller, input: SaveInput): Promise<PoDetail> {
  // An operator who may not enter POs at all (no scheme while cost centers are in use) is told that, not a vendor's refusal.
  if (input.id === undefined) await refuseUnreadyEntry(desk.db, caller);
  const { id } = await savePurchaseOrder(desk, caller, input);
  try {
    const { judged: _judged, ...detail } = await loadPoDetail(desk.db, caller, id, 'change');
    return detail;
  } catch (error) {
    // The PO is committed by now: a database lost before it is read back must not be reported as a save that did not happen.
    if (isStoreUnreachable(error) || isStoreBusy(error)) throw new AppFailure('internal', SAVED_BUT_NOT_SHOWN);
    throw error;
  }
}

const SAVED_BUT_NOT_SHOWN = 'Your PO was saved, but the desk’s database went out of reach before it could be shown to you again. Reopen it from the list once the desk is back.';

const toFailure = (refusal: SaveRefusal): AppFailure => refused(refusal.message, refusal.field).withAudit(refusal.audit);

async function loadJudgeAndSave(desk: Desk, caller: Caller, input: SaveInput): Promise<SavedPo> {
  const { db } = desk;
  const stored = input.id === undefined ? null : await loadStoredPo(desk, input.id, input.version);
  const storedLines = stored?.lines ?? [];
  // The line references need nothing the header reads give, so both go to the store at once.
  const lineReferences = loadLineReferences(db, caller.operator.schemeId, input.lines, storedLines, input.costCenterCode);
  // Should the header reads fail first, this one's failure is not left unhandled; it is awaited below otherwise.
  lineReferences.catch(() => undefined);
  const [loaded, settings, storedControls, storedBudget] = await Promise.all([
    loadHeader(db, caller, input),
    getSettings(db),
    input.id === undefined ? undefined : findPoControls(db, input.id),
    input.id === undefined ? undefined : findPoBudgetFacts(db, input.id),
  ]);
  // Sent as null, the header cost center is "None": accepted only where the scheme does not require one.
  const controls = await loadControlFacts(db, caller, { billingEntityCode: input.billingEntityCode, projectCode: input.projectCode, noCostCenter: input.costCenterCode === null }, storedControls ?? null);
  const [security, refs] = await Promise.all([
    // loadHeader has read the scheme's override for this warehouse when the warehouse exists.
    loadPoSecurity(db, loaded.facts.operator, caller.operator.schemeId, stored ? 'change' : 'new', input.warehouseCode, storedLines, loaded.facts.warehouse?.overrideCostCenters),
    lineReferences,
  ]);
  const decision = decideSave({
    input,
    operator: { id: caller.operator.id, schemeName: caller.operator.schemeName },
    stored: stored && {
      number: stored.header.number,
      costCenterCode: stored.header.costCenterCode,
      origin: { source: stored.header.costCenterSource, enteredBy: stored.header.costCenterEnteredBy },
      lines: storedLines,
    },
    header: loaded.facts,
    poList: security.list,
    refs,
    largePoAmountMinor: settings.largePoAmountMinor,
    locale: caller.operator.locale ?? settings.locale,
    controls: controls.facts,
  });
  if (decision.kind === 'refused') throw toFailure(decision);
  if (decision.kind === 'confirm-large-po') {
    const failure = new AppFailure('needs-confirmation', decision.message, 'lines');
    failure.error.confirmation = { kind: 'large-po', totalMinor: decision.totalMinor, thresholdMinor: decision.thresholdMinor };
    throw failure;
  }
  const { plan } = decision;
  if (stored) await refuseUninvoicing(db, storedLines, input.lines, plan, caller.operator.locale ?? settings.locale);
  // Order-row coding is judged once the PO's own rules passed, still before anything is written.
  const codingPlan = await judgeSaveCoding(db, caller, input, (loaded.vendor as { id: number }).id, storedLines, settings.codingMode === 'cost-centers' ? security.list : null);
  const controlValues = {
    billingEntityId: plan.billingEntityCode === null ? null : (controls.entity?.id ?? null),
    customerPoNumber: plan.customerPoNumber,
    projectCode: plan.projectCode,
    budgetOrderId: input.budgetOrderId,
  };
  const header = {
    vendorId: (loaded.vendor as { id: number }).id,
    warehouseId: (loaded.warehouse as { id: number }).id,
    costCenterId: loaded.enteredCostCenter?.id ?? null,
    costCenterSource: plan.origin.source,
    costCenterEnteredBy: plan.origin.enteredBy,
    totalMinor: plan.totalMinor,
  };
  const at = desk.now();
  // The version is checked where it counts: the conditional UPDATE of the PO row, inside the
  // transaction. On PostgreSQL that UPDATE also locks the row, so a second save of the same PO waits
  // for the first, then finds the version moved on and is refused as stale; SQLite's write lock
  // serialises the two outright. A deadlock or serialization failure runs the whole write again.
  const poId = await inRetriedTransaction(db, async (trx) => {
    // First, so the budget order's lock is always taken before the PO's own rows and the number counter.
    const budgetChange = await checkBudgetAtSave(trx, {
      stored: storedBudget ? { number: storedBudget.number, budgetOrderId: storedBudget.budgetOrderId, lastReleasedRevision: storedBudget.lastReleasedRevision, committedMinor: storedBudget.committedMinor } : null,
      budgetOrderId: input.budgetOrderId,
      totalMinor: plan.totalMinor,
      poDate: storedBudget?.poDate ?? at.slice(0, 10),
      locale: caller.operator.locale ?? settings.locale,
    });
    let id = input.id;
    if (id === undefined) {
      const number = await takeNextPoNumber(trx);
      id = await insertPurchaseOrder(trx, { ...header, number, createdBy: caller.operator.id, at });
    } else {
      const current = await updatePurchaseOrderHeader(trx, id, input.version as number, { ...header, at });
      if (!current) throw conflict(staleText(stored?.header.number ?? `PO ${id}`));
      await deletePoLinesById(trx, id, plan.deletedIds);
      await renumberPoLinesAside(trx, id);
      for (const kept of plan.kept) await updatePoLine(trx, kept.id, kept.values);
    }
    const insertedIds = await insertPoLines(trx, id, plan.added);
    await writePoControls(trx, id, controlValues, storedControls !== undefined);
    const savedId = id;
    const codingAudits = await writeSaveCoding(trx, savedId, codingPlan, (index) => input.lines[index]?.id ?? insertedIds.get(index + 1));
    await syncBudgetShares(trx, id, at);
    // Nobody approves a revision they changed: every saver of the revision is kept.
    await recordRevisionEditor(trx, id, stored?.header.revision ?? 1, caller.operator.id);
    const context = { operatorId: caller.operator.id, poId: id, vendorCode: input.vendorCode, warehouseCode: input.warehouseCode };
    const budgetAudit: AuditRecord | null = budgetChange && { action: 'po-budget-order-changed', rule: budgetChange.rule, before: budgetChange.from, after: budgetChange.to, detail: budgetChange.reason };
    await appendAuditEntries(
      trx,
      [...plan.audits, ...(budgetAudit ? [budgetAudit] : []), ...codingAudits].map((entry) => ({
        ...entry,
        ...context,
        lineId: entry.lineId ?? (entry.lineNumber ? insertedIds.get(entry.lineNumber) : null) ?? null,
      })),
      at,
    );
    return id;
  });

  // Rule 4a: only after the save succeeds does the operator's first entered cost center stick.
  if (input.costCenterEntered && input.costCenterCode !== null && caller.session.stickyCostCenterCode === null) {
    // The PO is committed by now: a sticky default that cannot be written must not turn the save into a failure.
    try {
      await desk.sessions.stickCostCenter(caller.sessionKey, input.costCenterCode);
    } catch (error) {
      console.error('the sticky cost center could not be kept with the session', error);
    }
    caller.session.stickyCostCenterCode = input.costCenterCode;
  }
  return { id: poId };
}

const staleText = (number: string) => `Someone saved ${number} while yours was being saved. Reopen it to see the stored PO; nothing of yours was saved.`;
