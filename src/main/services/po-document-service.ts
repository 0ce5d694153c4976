import type { ParsedInputOf, PoRevision } from '../../shared/contracts';
import type { PoDocument } from '../../shared/lifecycle-schemas';
import type { LocaleCode } from '../../shared/locales';
import { approvalsInForce } from '../domain/approval-rules';
import type { PoStatus } from '../domain/po-lifecycle';
import type { PoDocumentModel } from '../documents/po-document-model';
import { renderPoDocument } from '../documents/po-document';
import type { Db } from '../store/connect';
import { findLifecyclePo, findRevision, type LifecycleRow, loadApprovals } from '../store/repositories/lifecycle-repo';
import { getPoDetail } from '../store/repositories/po-repo';
import { findPoControls } from '../store/repositories/po-controls-repo';
import { readSetting } from '../store/repositories/settings-repo';
import { notFound } from './app-failure';
import type { Caller, Desk } from './desk';
import { localeOf } from './caller-locale';
import { type LineCodingRead, loadPoRowCoding } from './row-coding-read';
import type { PoRevisionSnapshot } from './po-revision-snapshot';

export const COMPANY_NAME = 'company_name';
export const COMPANY_ADDRESS = 'company_address';

const STATUS_WORDS: Record<PoStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted for approval',
  approved: 'Approved',
  released: 'Released',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** The PO as it stands now, in the shape a released revision is kept in. */
async function currentSnapshot(db: Db, row: LifecycleRow): Promise<PoRevisionSnapshot> {
  const [detail, approvals, warehouse] = await Promise.all([
    getPoDetail(db, row.id),
    loadApprovals(db, row.id),
    db.selectFrom('warehouses').select('name').where('code', '=', row.warehouseCode).executeTakeFirst(),
  ]);
  if (!detail) throw notFound(`Purchase order ${row.id} does not exist.`);
  const inForce = approvalsInForce(approvals, row.revision);
  const { costCenterSource: _source, costCenterEnteredBy: _by, version: _version, lines, ...summary } = detail;
  return {
    ...summary,
    warehouseName: warehouse?.name ?? row.warehouseCode,
    lines: lines.map(({ itemId: _i, costCenterId: _c, jobId: _j, workOrderId: _w, costTypeId: _t, glAccountId: _g, siteAddress: _s, ...line }) => line),
    approvals: approvals
      .filter((a) => inForce.some((given) => given.approverId === a.approverId && given.revision === a.revision) && !a.voided)
      .map((a) => ({ approverName: a.approverName, approverRole: a.approverRole, at: a.at, revision: a.revision, voided: false })),
    approvedOnSubmit: inForce.length === 0 && ['approved', 'released', 'closed'].includes(row.status),
  };
}

async function documentModel(db: Db, snapshot: PoRevisionSnapshot, kind: PoDocumentModel['kind'], facts: { createdAt: string; releasedAt: string | null; printedAt: string; locale: LocaleCode; printedBy: string }): Promise<PoDocumentModel> {
  const [name, address, controls, rowCoding] = await Promise.all([
    readSetting(db, COMPANY_NAME),
    readSetting(db, COMPANY_ADDRESS),
    findPoControls(db, snapshot.id),
    loadPoRowCoding(db, snapshot.id),
  ]);
  return {
    kind,
    locale: facts.locale,
    company: { name: name ?? 'Purchasing desk', address: (address ?? '').split('\n').filter((line) => line.trim() !== '') },
    vendor: { code: snapshot.vendorCode, name: snapshot.vendorName },
    number: snapshot.number,
    revision: snapshot.revision,
    status: STATUS_WORDS[snapshot.status],
    createdAt: facts.createdAt,
    releasedAt: facts.releasedAt,
    printedAt: facts.printedAt,
    warehouse: { code: snapshot.warehouseCode, name: snapshot.warehouseName },
    headerCostCenter: snapshot.costCenterCode,
    // Put on the PO from its billing entity when it was saved; a document is made from the current revision only.
    customerPoNumber: controls?.customerPoNumber ?? null,
    lines: snapshot.lines.map((line) => ({
      lineNumber: line.lineNumber,
      itemCode: line.itemCode,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitCostMinor: line.unitCostMinor,
      totalMinor: line.totalMinor,
      costCenterCode: line.costCenterCode,
      coding: printedCoding(rowCoding.get(line.id)),
    })),
    totalMinor: snapshot.totalMinor,
    approvals: snapshot.approvals.map((a) => ({ approverName: a.approverName, role: a.approverRole, at: a.at, revision: a.revision })),
    approvedOnSubmit: snapshot.approvedOnSubmit,
    operatorName: facts.printedBy,
  };
}

async function createdAtOf(db: Db, poId: number): Promise<string> {
  const row = await db.selectFrom('purchase_orders').select('created_at').where('id', '=', poId).executeTakeFirstOrThrow();
  return row.created_at;
}

/**
 * What release keeps of the revision: its snapshot and the document the vendor is sent, made
 * before the releasing transaction so the PDF's work holds no lock.
 */
export async function releasedRevisionOf(db: Db, row: LifecycleRow, at: string, locale: LocaleCode) {
  const snapshot = { ...(await currentSnapshot(db, row)), status: 'released' as const };
  const model = await documentModel(db, snapshot, 'released', { createdAt: await createdAtOf(db, row.id), releasedAt: at, printedAt: at, locale, printedBy: row.operatorName });
  return { poId: row.id, revision: row.revision, snapshot: JSON.stringify(snapshot), totalMinor: row.totalMinor, releasedAt: at, document: await renderPoDocument(model) };
}

const fileName = (number: string, revision: number, kind: PoDocument['kind']) => `${number}-rev${revision}${kind === 'draft-preview' ? '-draft-preview' : ''}.pdf`;

/**
 * The PO's document: a released revision's is the one kept at release, byte for byte; the
 * current revision before release is a draft preview made now.
 */
export async function poDocument(desk: Desk, caller: Caller, input: ParsedInputOf<'poDocument'>): Promise<PoDocument> {
  const { db } = desk;
  const row = await findLifecyclePo(db, input.id);
  if (!row) throw notFound(`Purchase order ${input.id} does not exist.`);
  const revision = input.revision ?? row.revision;
  const stored = await findRevision(db, row.id, revision);
  if (stored?.document) {
    return { fileName: fileName(row.number, revision, 'released'), kind: 'released', revision, contentBase64: Buffer.from(stored.document).toString('base64') };
  }
  if (revision !== row.revision) throw notFound(`${row.number} has no revision ${revision} with a document; its revisions run up to ${row.revision}.`);
  const locale = await localeOf(db, caller);
  const snapshot = await currentSnapshot(db, row);
  // POs released before documents were kept (migration 0009) print their current revision as released.
  const kind = row.lastReleasedRevision === row.revision ? 'released' : 'draft-preview';
  const model = await documentModel(db, snapshot, kind, { createdAt: await createdAtOf(db, row.id), releasedAt: null, printedAt: desk.now(), locale, printedBy: caller.operator.displayName });
  return { fileName: fileName(row.number, revision, kind), kind, revision, contentBase64: (await renderPoDocument(model)).toString('base64') };
}

/** One revision, read-only: a released one as it was sent; the current one as it stands. */
export async function readPoRevision(desk: Desk, _caller: Caller, input: ParsedInputOf<'poRevision'>): Promise<PoRevision> {
  const { db } = desk;
  const row = await findLifecyclePo(db, input.id);
  if (!row) throw notFound(`Purchase order ${input.id} does not exist.`);
  const stored = await findRevision(db, row.id, input.revision);
  if (stored) {
    const { warehouseName: _w, approvals: _a, approvedOnSubmit: _s, ...snapshot } = JSON.parse(stored.snapshot) as PoRevisionSnapshot;
    return { poId: row.id, number: row.number, revision: stored.revision, snapshot, releasedAt: stored.releasedAt };
  }
  if (input.revision !== row.revision) throw notFound(`${row.number} has no revision ${input.revision}; its revisions run up to ${row.revision}.`);
  const { warehouseName: _w, approvals: _a, approvedOnSubmit: _s, ...snapshot } = await currentSnapshot(db, row);
  return { poId: row.id, number: row.number, revision: row.revision, snapshot, releasedAt: null };
}

/** What the document prints of a row's coding beside its cost center; nothing for a row without coding. */
function printedCoding(coded: LineCodingRead | undefined) {
  if (!coded) return null;
  return { purchaseAccount: coded['purchase-account']?.value ?? null, costUnit: coded['cost-unit']?.value ?? null, project: coded.project?.value ?? null };
}
