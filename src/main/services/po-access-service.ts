import { originText } from '../domain/cost-center-origin';
import type { LineAccess, PoAccess, PoDetail, PoMode } from '../../shared/contracts';
import { checkChangeMode, checkLineTouch, type ChangeModeVerdict, lineCostCenters, ruleOfList } from '../domain/line-security';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import { overridesForKeys } from '../store/repositories/distribution-code-repo';
import { getPoDetail, type PoDetailWithoutAccess } from '../store/repositories/po-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { loadOperatorScope } from './operator-scope';
import { loadPoSecurity, type PoSecurity } from './po-security';
import { loadPoControlsView } from './po-controls-view';
import { loadStanding } from './po-standing';
import { localeOf } from './caller-locale';
import { loadPoDetailCoding } from './row-coding-detail';

export interface PoAccessVerdict {
  access: PoAccess;
  change: ChangeModeVerdict;
  security: PoSecurity;
}

/**
 * What this operator may do with a stored PO (rules 4–6). Every line is returned whatever the
 * operator's security; lines outside it are marked read-only with the reason.
 */
export async function judgePoAccess(db: Db, caller: Caller, po: PoDetailWithoutAccess, mode: PoMode): Promise<PoAccessVerdict> {
  const [enabled, { scope }] = await Promise.all([readCostCentersEnabled(db), loadOperatorScope(db, caller)]);
  const schemeId = caller.operator.schemeId;
  const wipCodes = po.lines.filter((line) => line.glAccountWip).map((line) => line.glAccountCode);
  const [security, wipOverrides] = await Promise.all([
    loadPoSecurity(db, scope, schemeId, 'change', po.warehouseCode, po.lines),
    overridesForKeys(db, schemeId, 'gl-wip', wipCodes),
  ]);
  const change = checkChangeMode({
    costCentersEnabled: enabled,
    poNumber: po.number,
    status: po.status,
    headerCostCenterCode: po.costCenterCode,
    list: security.list,
  });
  const changing = mode === 'change' && change.allowed;
  const lines = po.lines.map((line): LineAccess => {
    const wip = line.glAccountCode === null ? undefined : wipOverrides.get(line.glAccountCode);
    const list = lineCostCenters(
      security.list,
      line.glAccountCode === null ? undefined : { code: line.glAccountCode, description: '', wip: line.glAccountWip },
      wip && line.glAccountCode !== null ? { key: line.glAccountCode, costCenters: wip } : null,
    );
    const touch = checkLineTouch('view', line, list, enabled);
    const editable = changing && touch.allowed;
    const direct = line.distributionType === 'direct-wo-cost';
    let reason = touch.reason;
    if (touch.allowed && !change.allowed) reason = change.reason;
    else if (touch.allowed && mode === 'view') reason = 'Open the PO for change to edit this line.';
    else if (editable && direct) reason = `Cost center from work order ${line.workOrderCode ?? ''}: a direct work-order cost line cannot change it.`;
    const deletion = checkLineTouch('delete', line, list, enabled);
    return {
      lineId: line.id,
      withinSecurity: touch.allowed,
      editable,
      costCenterEditable: editable && enabled && !direct,
      reason,
      deleteRefusal: !changing ? reason : deletion.allowed ? null : deletion.reason,
    };
  });
  return {
    access: { mode: changing ? 'change' : 'view', canChange: change.allowed, reason: change.reason, lines },
    change,
    security,
  };
}

export async function loadPoDetail(db: Db, caller: Caller, id: number, mode: PoMode): Promise<PoDetail & { judged: PoAccessVerdict }> {
  const po = await getPoDetail(db, id);
  if (!po) throw notFound(`Purchase order ${id} does not exist.`);
  const judged = await judgePoAccess(db, caller, po, mode);
  const { costCenterSource, costCenterEnteredBy, ...summary } = po;
  const costCenterOrigin = {
    source: costCenterSource,
    enteredBy: costCenterEnteredBy,
    text: originText(costCenterSource, po.costCenterCode, costCenterEnteredBy),
  };
  const [standing, controls, coding] = await Promise.all([
    loadStanding(db, caller, id, await localeOf(db, caller), po.lines),
    loadPoControlsView(db, id),
    loadPoDetailCoding(db, caller, id, po.lines, judged.access.lines),
  ]);
  // Order-row coding rides on each line and on the header; a PO from before coding resolves through the default organisation.
  const lines = coding ? summary.lines.map((line) => ({ ...line, coding: coding.lines.get(line.id) })) : summary.lines;
  return { ...summary, lines, costCenterOrigin, ...controls, access: judged.access, standing, judged, ...(coding ? { coding: coding.header } : {}) };
}

/**
 * Opens a PO to view or to change. Change mode is checked before any edit (rule 5): a refusal is
 * audited and answered as such, and the override that decided is recorded either way.
 */
export async function openPurchaseOrder(desk: Desk, caller: Caller, id: number, mode: PoMode): Promise<PoDetail> {
  const { judged, ...detail } = await loadPoDetail(desk.db, caller, id, mode);
  if (mode === 'view') return detail;
  const list = judged.security.list;
  const base = { operatorId: caller.operator.id, poId: id, rule: ruleOfList(list), before: detail.costCenterCode };
  if (!judged.change.allowed) {
    await appendAudit(desk.db, { ...base, action: 'change-refused', detail: judged.change.reason }, desk.now());
    throw refused(judged.change.reason);
  }
  if (list.override) {
    await appendAudit(
      desk.db,
      { ...base, action: 'override-applied', detail: `Change mode on ${detail.number} used ${list.label}: ${list.codes.join(', ') || 'none'}.` },
      desk.now(),
    );
  }
  return detail;
}
