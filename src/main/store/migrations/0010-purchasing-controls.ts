import { type Kysely, sql } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The organisation's purchasing controls: billing entities (each linked to cost centers, perhaps
 * carrying the customer's PO number), user groups that see billing entities, budget orders POs draw
 * on, and beside each PO its billing entity, customer PO number, project code and budget order. Only
 * tables (and one scheme column) are added: every stored PO keeps every value it had. The coding mode
 * takes over from `cost_centers_enabled`, whose 'false' meant "off".
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text, identity } = schemaTypes(db);

  // Whether the scheme requires a header cost center; where it does not, "None" is offered and each line carries its own. Every existing scheme keeps requiring one.
  await db.schema.alterTable('schemes').addColumn('cost_center_required', integer, (c) => c.notNull().defaultTo(1)).execute();

  await db.schema
    .createTable('billing_entities')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('customer_po_number', text)
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('billing_entity_cost_centers')
    .addColumn('billing_entity_id', integer, (c) => c.notNull().references('billing_entities.id').onDelete('cascade'))
    .addColumn('cost_center_id', integer, (c) => c.notNull().references('cost_centers.id'))
    // The entity's own order: the cost-center list at entry follows it.
    .addColumn('position', integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('billing_entity_cost_centers_pk', ['billing_entity_id', 'cost_center_id'])
    .execute();

  await db.schema
    .createTable('user_groups')
    .addColumn('id', integer, identity)
    .addColumn('name', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('user_group_members')
    .addColumn('group_id', integer, (c) => c.notNull().references('user_groups.id').onDelete('cascade'))
    .addColumn('operator_id', integer, (c) => c.notNull().references('operators.id'))
    .addPrimaryKeyConstraint('user_group_members_pk', ['group_id', 'operator_id'])
    .execute();
  // Entry reads an operator's groups on every header resolution.
  await db.schema.createIndex('user_group_members_by_operator').on('user_group_members').columns(['operator_id', 'group_id']).execute();
  await db.schema
    .createTable('user_group_billing_entities')
    .addColumn('group_id', integer, (c) => c.notNull().references('user_groups.id').onDelete('cascade'))
    .addColumn('billing_entity_id', integer, (c) => c.notNull().references('billing_entities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_group_billing_entities_pk', ['group_id', 'billing_entity_id'])
    .execute();

  await db.schema
    .createTable('budget_orders')
    .addColumn('id', integer, identity)
    .addColumn('number', text, (c) => c.notNull().unique())
    .addColumn('customer_po_number', text)
    .addColumn('total_minor', integer, (c) => c.notNull().check(sql`total_minor >= 0`))
    // ISO dates, both days included; they compare as text.
    .addColumn('valid_from', text, (c) => c.notNull())
    .addColumn('valid_to', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  // A PO's own controls live beside it, one row per PO that carries any: purchase_orders itself is not
  // widened, so its rows, pages and the PO list's plans stay exactly as they were.
  await db.schema
    .createTable('po_purchasing_controls')
    .addColumn('po_id', integer, (c) => c.primaryKey().references('purchase_orders.id'))
    .addColumn('billing_entity_id', integer, (c) => c.references('billing_entities.id'))
    // Copied from the billing entity when it is chosen, so a later change to the entity never rewrites a PO or its document.
    .addColumn('customer_po_number', text)
    .addColumn('project_code', text)
    .addColumn('budget_order_id', integer, (c) => c.references('budget_orders.id'))
    .execute();
  // Every save and submit on a budget order sums the POs on it.
  await db.schema.createIndex('po_purchasing_controls_by_budget').on('po_purchasing_controls').columns(['budget_order_id', 'po_id']).execute();

  /**
   * What each PO held on a budget order, and from when: a row when it is put on the budget order and
   * whenever its allocated or provisional share changes (a save, a submit, a decision, a
   * cancellation), written in the same transaction. The budget view's chart of use over time is read
   * from it.
   */
  await db.schema
    .createTable('budget_order_shares')
    .addColumn('id', integer, identity)
    .addColumn('budget_order_id', integer, (c) => c.notNull().references('budget_orders.id'))
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('allocated_minor', integer, (c) => c.notNull())
    .addColumn('provisional_minor', integer, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_order_shares_by_budget').on('budget_order_shares').columns(['budget_order_id', 'at']).execute();
  await db.schema.createIndex('budget_order_shares_by_po').on('budget_order_shares').columns(['po_id', 'id']).execute();

  // An installation that had turned cost centers off is in mode "off"; one that never said is in the default mode.
  await sql`insert into settings (key, value)
            select 'coding_mode', case when value = 'false' then 'off' else 'cost-centers' end from settings where key = 'cost_centers_enabled'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The purchasing-controls migration cannot be undone; restore a backup instead.');
}
