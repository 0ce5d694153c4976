import type { LineResolution, ParsedInputOf } from '../../shared/contracts';
import { resolveLine } from '../domain/distribution-rules';
import { appendAudit } from '../store/repositories/audit-repo';
import { findPoHeader, findStoredLines, type StoredLine } from '../store/repositories/po-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { notFound, refused } from './app-failure';
import type { Caller, Desk } from './desk';
import { draftFacts, storedFacts, wipOverrideFor } from '../domain/line-references';
import { loadLineReferences } from './line-facts';
import { loadOperatorScope } from './operator-scope';
import { loadPoSecurity } from './po-security';

/** Rules that only a person's choice can break; typos in a code are not worth an audit row. */
const AUDITED_RULES = new Set(['work-order-cost-center', 'direct-cost-read-only', 'scheme-cost-centers', 'warehouse-override', 'site-override', 'gl-wip-override']);

/**
 * Judges one line as the operator edits it — a work order picked, a G/L account changed — with
 * the same rules a save applies, so the screen can follow (or refuse) at once.
 */
export async function resolveDraftLine(desk: Desk, caller: Caller, input: ParsedInputOf<'resolveLine'>): Promise<LineResolution> {
  const { db } = desk;
  let storedLines: StoredLine[] = [];
  let stored: StoredLine | undefined;
  if (input.poId !== undefined) {
    if (!(await findPoHeader(db, input.poId))) throw notFound(`Purchase order ${input.poId} does not exist.`);
    storedLines = await findStoredLines(db, input.poId);
    if (input.line.id !== undefined) {
      stored = storedLines.find((line) => line.id === input.line.id);
      if (!stored) throw refused(`Line ${input.lineNumber} is not on this PO.`, 'line.id');
    }
  } else if (input.line.id !== undefined) {
    throw refused('A line of a new PO has no stored id.', 'line.id');
  }
  const schemeId = caller.operator.schemeId;
  const [enabled, { scope }, refs] = await Promise.all([
    readCostCentersEnabled(db),
    loadOperatorScope(db, caller),
    loadLineReferences(db, schemeId, [input.line], stored ? [stored] : [], input.headerCostCenterCode),
  ]);
  const mode = input.poId === undefined ? 'new' : 'change';
  const security = await loadPoSecurity(db, scope, schemeId, mode, input.warehouseCode, storedLines);
  const draft = draftFacts(input.line, input.lineNumber, refs);
  const verdict = resolveLine(
    {
      costCentersEnabled: enabled,
      headerCostCenterCode: input.headerCostCenterCode,
      poList: security.list,
      costCenters: refs.costCenters,
      glWipOverride: wipOverrideFor(refs, input.line.glAccountCode, draft.glAccount?.wip ?? false),
      storedGlWipOverride: stored ? wipOverrideFor(refs, stored.glAccountCode, stored.glAccountWip) : null,
    },
    draft,
    stored && storedFacts(stored),
    input.previous ?? (stored && storedFacts(stored)),
  );
  if (verdict.status === 'refused' && AUDITED_RULES.has(verdict.rule)) {
    await appendAudit(
      db,
      {
        operatorId: caller.operator.id,
        action: 'line-refused',
        poId: input.poId ?? null,
        lineId: stored?.id ?? null,
        lineNumber: input.lineNumber,
        rule: verdict.rule,
        before: input.previous?.costCenterCode ?? stored?.costCenterCode ?? null,
        after: input.line.costCenterCode ?? input.line.workOrderCode,
        detail: verdict.reason,
      },
      desk.now(),
    );
  }
  return {
    status: verdict.status,
    field: verdict.field,
    reason: verdict.reason,
    costCenterCode: verdict.costCenterCode,
    costCenterOrigin: verdict.costCenterOrigin,
    costCenterEditable: verdict.costCenterEditable,
    jobCode: verdict.jobCode,
  };
}
