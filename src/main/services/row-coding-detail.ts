import type { PoHeaderCoding, PoLineCoding } from '../../shared/coding-schemas';
import type { LineAccess } from '../../shared/contracts';
import type { Db } from '../store/connect';
import type { StoredLine } from '../store/repositories/po-repo';
import type { Caller } from './desk';
import { distributionLevel, invoicedLineIds, readStoredPoCoding } from './row-coding-read';
import { codingUser, resolvedView } from './row-coding-view';

/** A stored PO's coding as openPo and savePo answer it: the header's levels, and each line's row values and resolved dimensions for this caller. */
export async function loadPoDetailCoding(
  db: Db,
  caller: Caller,
  poId: number,
  lines: readonly StoredLine[],
  access: readonly LineAccess[],
): Promise<{ header: PoHeaderCoding; lines: Map<number, PoLineCoding> } | null> {
  const [coding, invoiced] = await Promise.all([readStoredPoCoding(db, poId, lines), invoicedLineIds(db, lines.map((line) => line.id))]);
  if (!coding) return null;
  const { context } = coding;
  const user = codingUser(caller, context);
  const byLine = new Map<number, PoLineCoding>();
  for (const line of lines) {
    const lineAccess = access.find((entry) => entry.lineId === line.id);
    const resolved = coding.resolved.get(line.id) ?? {};
    const view = resolvedView(
      {
        context,
        user,
        place: 'grid',
        rowNumber: line.lineNumber,
        invoiced: invoiced.has(line.id),
        distribution: distributionLevel(line),
        lineReadOnly: lineAccess && !lineAccess.editable ? { rule: 'coding-line-read-only', reason: lineAccess.reason } : null,
      },
      resolved,
    );
    byLine.set(line.id, { row: { ...(coding.rows.get(line.id) ?? {}) }, resolved: view, invoiced: invoiced.has(line.id) });
  }
  return {
    header: {
      organisationCode: context.organisation.code,
      organisationName: context.organisation.name,
      values: coding.headerValues,
      vendorValues: coding.vendorValues,
      organisationValues: context.organisationValues,
    },
    lines: byLine,
  };
}
