import type { ParsedInputOf, PoDetail, PoSummary } from '../../shared/contracts';
import { lineTotalMinor } from '../../shared/money';
import { headerBlocker, resolveHeader } from '../domain/cost-center-rules';
import { appendAudit } from '../store/repositories/audit-repo';
import { findItemsByCodes } from '../store/repositories/item-repo';
import {
  deletePoLines,
  findPoHeader,
  getPoDetail,
  insertPoLines,
  insertPurchaseOrder,
  listPoSummaries,
  type PoLineValues,
  updatePurchaseOrderHeader,
} from '../store/repositories/po-repo';
import { takeNextPoNumber } from '../store/repositories/settings-repo';
import { AppFailure, conflict, forbidden, notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { loadHeader } from './header-service';

type SaveInput = ParsedInputOf<'savePo'>;

/** Which rule a refused field stands for, so the audit log can be filtered by rule. */
const RULE_BY_FIELD: Record<string, string> = {
  vendorCode: 'vendor-shares-cost-center',
  warehouseCode: 'warehouse-override',
  costCenterCode: 'cost-center-allowed',
};

export async function listPurchaseOrders(desk: Desk): Promise<PoSummary[]> {
  return listPoSummaries(desk.db);
}

export async function getPurchaseOrder(desk: Desk, id: number): Promise<PoDetail> {
  const detail = await getPoDetail(desk.db, id);
  if (!detail) throw notFound(`Purchase order ${id} does not exist.`);
  return detail;
}

/**
 * Load, check, save: every rule is re-checked here whatever the renderer showed, and nothing is
 * written unless all pass. A refusal is audited and leaves the stored PO exactly as it was.
 */
export async function savePurchaseOrder(desk: Desk, caller: Caller, input: SaveInput): Promise<PoDetail> {
  try {
    return await checkAndSave(desk, caller, input);
  } catch (failure) {
    if (failure instanceof AppFailure) {
      await appendAudit(
        desk.db,
        {
          operatorId: caller.operator.id,
          action: 'save-refused',
          poId: input.id ?? null,
          rule: (failure.error.field && RULE_BY_FIELD[failure.error.field]) ?? failure.error.code,
          after: input.costCenterCode,
          detail: failure.error.message,
        },
        desk.now(),
      );
    }
    throw failure;
  }
}

async function checkAndSave(desk: Desk, caller: Caller, input: SaveInput): Promise<PoDetail> {
  const { db } = desk;
  if (input.id !== undefined) await checkEditable(desk, caller, input.id, input.version);

  const loaded = await loadHeader(db, caller, input);
  const verdict = resolveHeader(loaded.facts);
  if (!verdict.costCentersEnabled && input.costCenterCode !== null) {
    throw refused('Cost centers are turned off for this installation; leave the cost center empty.', 'costCenterCode');
  }
  if (verdict.costCentersEnabled && input.costCenterCode === null) {
    throw refused(`Choose a cost center. ${verdict.costCenter.reason}`, 'costCenterCode');
  }
  const blocker = headerBlocker(verdict);
  if (blocker) throw refused(blocker.message, blocker.field);

  const lines = await lineValues(desk, input, loaded.enteredCostCenter?.id ?? null);
  const totalMinor = lines.reduce((sum, line) => sum + line.totalMinor, 0);
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
      if (!current) throw staleVersion();
      await deletePoLines(trx, id);
    }
    await insertPoLines(trx, id, lines);
    await appendAudit(
      trx,
      {
        operatorId: caller.operator.id,
        action: input.id === undefined ? 'po-created' : 'po-updated',
        poId: id,
        after: input.costCenterCode,
        rule: verdict.costCenter.source,
        detail: verdict.costCenter.reason,
      },
      at,
    );
    return id;
  });

  // Rule 4a: only after the save succeeds does the operator's first entered cost center stick.
  if (input.costCenterEntered && input.costCenterCode !== null && caller.session.stickyCostCenterCode === null) {
    caller.session.stickyCostCenterCode = input.costCenterCode;
  }
  return getPurchaseOrder(desk, poId);
}

const staleVersion = () =>
  conflict('Someone saved this PO after you opened it. Reopen it to see their changes; nothing of yours was saved.');

async function checkEditable(desk: Desk, caller: Caller, id: number, version: number | undefined): Promise<void> {
  const stored = await findPoHeader(desk.db, id);
  if (!stored) throw notFound(`Purchase order ${id} does not exist.`);
  if (version === undefined) throw refused(`Saving ${stored.number} needs the version you opened.`, 'version');
  if (caller.operator.role === 'operator' && stored.createdBy !== caller.operator.id) {
    throw forbidden(`${stored.number} was entered by another operator; only they or a supervisor can change it.`);
  }
  if (stored.status !== 'draft') {
    throw refused(`${stored.number} is ${stored.status}; only draft POs can be changed here.`);
  }
  if (stored.version !== version) throw staleVersion();
}

async function lineValues(desk: Desk, input: SaveInput, costCenterId: number | null): Promise<PoLineValues[]> {
  const codes = input.lines.flatMap((line) => (line.itemCode ? [line.itemCode] : []));
  const items = await findItemsByCodes(desk.db, codes);
  return input.lines.map((line, index) => {
    const item = line.itemCode ? items.get(line.itemCode) : undefined;
    if (line.itemCode && !item) {
      throw refused(`Line ${index + 1}: item ${line.itemCode} does not exist.`, `lines.${index}.itemCode`);
    }
    return {
      lineNumber: index + 1,
      itemId: item?.id ?? null,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitCostMinor: line.unitCostMinor,
      totalMinor: lineTotalMinor(line.quantityMilli, line.unitCostMinor),
      costCenterId,
    };
  });
}
