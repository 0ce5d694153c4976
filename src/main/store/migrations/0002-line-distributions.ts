import { type Kysely, sql } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Distribution lines grow the Spectrum coding: a distribution type, G/L account (with its WIP
 * flag), cost type, job and work order. The audit log learns the line number, because lines can
 * be deleted after the fact while their audit rows stay.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text, identity } = schemaTypes(db);
  await db.schema
    .createTable('gl_accounts')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('wip', integer, (c) => c.notNull().defaultTo(0).check(sql`wip in (0, 1)`))
    .execute();

  await db.schema
    .createTable('cost_types')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .alterTable('po_line_distributions')
    .addColumn('distribution_type', text, (c) =>
      c.notNull().defaultTo('expense').check(sql`distribution_type in ('expense', 'job-cost', 'direct-wo-cost')`),
    )
    .execute();
  await db.schema
    .alterTable('po_line_distributions')
    .addColumn('gl_account_id', integer, (c) => c.references('gl_accounts.id'))
    .execute();
  await db.schema
    .alterTable('po_line_distributions')
    .addColumn('cost_type_id', integer, (c) => c.references('cost_types.id'))
    .execute();

  await db.schema.alterTable('work_orders').addColumn('description', text, (c) => c.notNull().defaultTo('')).execute();

  await db.schema.alterTable('audit_log').addColumn('line_number', integer).execute();

  await db.schema.createIndex('audit_log_by_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('work_orders_by_job').on('work_orders').column('job_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('The line-distribution migration cannot be undone; restore a backup instead.');
}
