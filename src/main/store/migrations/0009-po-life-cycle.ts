import { type Kysely, sql } from 'kysely';
import { replaceCheck, schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A PO's life: draft → submitted → approved → released → closed, or cancelled. The old `open`
 * status meant "sent to the vendor" and becomes `released`; such POs (and closed ones) count as
 * released at revision 1. Approvals are kept per revision and voided, never deleted; each
 * released revision keeps its snapshot and its document; a decision taken away from the desk is
 * remembered by its id so a replay applies it once.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text, identity, bytes } = schemaTypes(db);
  const po = () => db.schema.alterTable('purchase_orders');
  await po().addColumn('revision', integer, (c) => c.notNull().defaultTo(1)).execute();
  await po().addColumn('last_released_revision', integer).execute();
  // The last step's sentence (a rejection's reason, a cancellation's), shown to the PO's operator.
  await po().addColumn('status_note', text).execute();
  await po().addColumn('status_changed_at', text).execute();
  await po().addColumn('submitted_at', text).execute();
  // The band the current revision was submitted under, as it stood then (JSON), so editing a band mid-review moves no goalposts.
  await po().addColumn('submitted_band', text).execute();

  await replaceCheck(db, {
    table: 'purchase_orders',
    from: `status in ('draft', 'open', 'closed')`,
    to: `status in ('draft', 'submitted', 'approved', 'released', 'closed', 'cancelled')`,
    renamedValues: [{ column: 'status', from: 'open', to: 'released' }],
  });
  await sql`update purchase_orders set last_released_revision = 1 where status in ('released', 'closed')`.execute(db);
  await db.schema.createIndex('purchase_orders_waiting').on('purchase_orders').columns(['status', 'submitted_at', 'id']).execute();

  await db.schema.alterTable('operators').addColumn('approval_limit_minor', integer, (c) => c.check(sql`approval_limit_minor >= 0`)).execute();

  await db.schema
    .createTable('approval_bands')
    .addColumn('id', integer, identity)
    .addColumn('cost_center_id', integer, (c) => c.references('cost_centers.id'))
    .addColumn('from_minor', integer, (c) => c.notNull().check(sql`from_minor >= 0`))
    .addColumn('approver_kind', text, (c) => c.notNull().check(sql`approver_kind in ('role', 'named')`))
    .addColumn('approver_role', text, (c) => c.check(sql`approver_role in ('supervisor', 'admin')`))
    .addColumn('approvals_required', integer, (c) => c.notNull().check(sql`approvals_required >= 1`))
    .addColumn('admin_required', integer, (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('approval_band_approvers')
    .addColumn('band_id', integer, (c) => c.notNull().references('approval_bands.id').onDelete('cascade'))
    .addColumn('operator_id', integer, (c) => c.notNull().references('operators.id'))
    .addPrimaryKeyConstraint('approval_band_approvers_pk', ['band_id', 'operator_id'])
    .execute();

  await db.schema
    .createTable('po_approvals')
    .addColumn('id', integer, identity)
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('revision', integer, (c) => c.notNull())
    .addColumn('approver_id', integer, (c) => c.notNull().references('operators.id'))
    .addColumn('approver_role', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('voided_at', text)
    .addColumn('void_reason', text)
    .execute();
  await db.schema.createIndex('po_approvals_by_po').on('po_approvals').columns(['po_id', 'revision']).execute();

  // Who saved each revision: nobody approves a revision they changed.
  await db.schema
    .createTable('po_revision_editors')
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('revision', integer, (c) => c.notNull())
    .addColumn('operator_id', integer, (c) => c.notNull().references('operators.id'))
    .addPrimaryKeyConstraint('po_revision_editors_pk', ['po_id', 'revision', 'operator_id'])
    .execute();
  await sql`insert into po_revision_editors (po_id, revision, operator_id) select id, 1, created_by from purchase_orders`.execute(db);

  await db.schema
    .createTable('po_revisions')
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('revision', integer, (c) => c.notNull())
    // The PO as released (header, lines, approvals), JSON: a later change order never rewrites it.
    .addColumn('snapshot', text, (c) => c.notNull())
    .addColumn('total_minor', integer, (c) => c.notNull())
    .addColumn('released_at', text, (c) => c.notNull())
    .addColumn('document', bytes)
    .addPrimaryKeyConstraint('po_revisions_pk', ['po_id', 'revision'])
    .execute();

  await db.schema
    .createTable('review_decisions')
    .addColumn('decision_id', text, (c) => c.primaryKey())
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('decided_by', integer, (c) => c.notNull().references('operators.id'))
    .addColumn('decision', text, (c) => c.notNull())
    .addColumn('applied_at', text, (c) => c.notNull())
    .addColumn('outcome', text, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The PO life-cycle migration cannot be undone; restore a backup instead.');
}
