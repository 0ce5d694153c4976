import { lineTotalMinor } from '../../shared/money';
import type { Db } from './connect';
import { seedAdminDemo } from './demo-admin';
import { seedCodingDemo } from './demo-coding';
import type { DistributionTypeColumn, OverrideKind, RoleColumn } from './schema';

/**
 * A small, readable world that shows every header rule: a multi-cost-center operator (alice), a
 * single one (bob), vendors sharing one, several or none, a warehouse override and a closed one.
 */
export const DEMO_PASSWORD = 'demo';

const costCenters: [code: string, description: string, active?: boolean][] = [
  ['110', 'Administration'],
  ['120', 'Finance'],
  ['210', 'Maintenance North'],
  ['220', 'Maintenance South'],
  ['310', 'Harbour projects'],
  ['320', 'Inland projects'],
  ['410', 'Fleet'],
  ['HQ', 'Head office'],
  ['500', 'Retired workshop', false],
];

const schemes: { name: string; description: string; costCenters: string[]; overrides: [OverrideKind, string, string[]][] }[] = [
  {
    name: 'NORTH',
    description: 'Northern maintenance crews',
    costCenters: ['210', '220', '110', '500'],
    overrides: [
      ['warehouse', 'HARBOUR', ['310', '320']],
      ['warehouse', 'QUARANTINE', []],
      ['site', '12 Harbour Rd', ['310', '320']],
      ['gl-wip', '1400', ['220']],
    ],
  },
  { name: 'SOLO', description: 'Single-site buyers', costCenters: ['210'], overrides: [] },
  { name: 'FLEET', description: 'Fleet purchasing', costCenters: ['410', 'HQ'], overrides: [] },
  { name: 'WIDE', description: 'Central purchasing', costCenters: ['210', '220', '310', '320', '410', '110', 'HQ'], overrides: [] },
];

const operators: [signIn: string, display: string, role: RoleColumn, scheme: string | null][] = [
  ['alice', 'Alice Moreau', 'operator', 'NORTH'],
  ['bob', 'Bob Lindqvist', 'operator', 'SOLO'],
  ['carol', 'Carol Okafor', 'operator', 'FLEET'],
  ['sam', 'Sam Patel', 'supervisor', 'NORTH'],
  ['admin', 'Dana Admin', 'admin', 'NORTH'],
  ['pat', 'Pat Nguyen', 'operator', 'WIDE'],
];

const vendors: [code: string, name: string, costCenters: string[]][] = [
  ['ACME', 'Acme Supplies', ['210']],
  ['BOLT', 'Bolt Industrial', ['210', '220', '310']],
  ['FLEETCO', 'Fleet Parts Co', ['410']],
  ['GENERAL', 'General Stores', ['110', '120', '210', '220', '310', '320', '410', 'HQ']],
  ['HARBOUR', 'Harbour Marine', ['310', '320']],
  ['NOCC', 'Unassigned Trading', []],
];

const warehouses: [code: string, name: string][] = [
  ['MAIN', 'Main store'],
  ['NORTH', 'North depot'],
  ['HARBOUR', 'Harbour yard'],
  ['QUARANTINE', 'Quarantine cage'],
];

/** From 10,000.00 one supervisor or admin approves; from 100,000.00 two, one of them an admin. Under 10,000.00 a PO is approved on submit. */
const approvalBands: { fromMinor: number; approvals: number; adminRequired: boolean }[] = [
  { fromMinor: 1_000_000, approvals: 1, adminRequired: false },
  { fromMinor: 10_000_000, approvals: 2, adminRequired: true },
];

/**
 * Billing entities, each linked to cost centers, two carrying the customer's PO number; user groups
 * that see them. Bob belongs to no group, so he bills to no entity; Pat's central purchasing scheme
 * (WIDE) needs no header cost center, so "None" is offered to him.
 */
const billingEntities: { code: string; name: string; customerPoNumber: string | null; costCenters: string[] }[] = [
  { code: 'HFS', name: 'Harbour & Fleet Services Ltd', customerPoNumber: null, costCenters: ['210', '220', '110'] },
  { code: 'PORT', name: 'Port Eastwick Authority', customerPoNumber: 'PEA-2026-0417', costCenters: ['310', '320', '210'] },
  { code: 'LEASE', name: 'Fleet Leasing AB', customerPoNumber: 'FL-88-311', costCenters: ['410', 'HQ'] },
];

const userGroups: { name: string; description: string; members: string[]; entities: string[] }[] = [
  { name: 'Maintenance', description: 'Maintenance crews and their supervisors', members: ['alice', 'sam', 'admin', 'pat'], entities: ['HFS', 'PORT'] },
  { name: 'Fleet', description: 'Fleet purchasing', members: ['carol', 'pat', 'admin'], entities: ['LEASE'] },
];

/** Budget orders: two open for years around now, one small one to show the limit, and an expired one the picker leaves out. */
const budgetOrders: { number: string; customerPoNumber: string | null; totalMinor: number; validFrom: string; validTo: string; status: 'open' | 'closed' }[] = [
  { number: 'BO-QUAY', customerPoNumber: 'PEA-BUDGET-7', totalMinor: 5_000_000, validFrom: '2025-01-01', validTo: '2030-12-31', status: 'open' },
  { number: 'BO-SMALL', customerPoNumber: null, totalMinor: 100_000, validFrom: '2025-01-01', validTo: '2030-12-31', status: 'open' },
  { number: 'BO-2024', customerPoNumber: null, totalMinor: 1_000_000, validFrom: '2024-01-01', validTo: '2024-12-31', status: 'open' },
];

const items: [code: string, description: string, unitCostMinor: number][] = [
  ['BOLT-M8', 'Hex bolt M8 × 40, box of 100', 1250],
  ['GLOVE-L', 'Nitrile gloves, large, box of 50', 899],
  ['FILTER-H', 'Hydraulic filter cartridge', 4575],
  ['PAINT-5L', 'Marine paint, 5 l', 6240],
  ['TYRE-22', 'Truck tyre 22.5"', 38900],
];

const glAccounts: [code: string, description: string, wip: boolean][] = [
  ['5000', 'Materials and supplies', false],
  ['5100', 'Repairs and maintenance', false],
  ['5200', 'Fleet running costs', false],
  ['1400', 'Work in progress – projects', true],
  ['1410', 'Work in progress – fleet', true],
];

const costTypes: [code: string, description: string][] = [
  ['L', 'Labour'],
  ['M', 'Materials'],
  ['S', 'Subcontract'],
  ['E', 'Equipment'],
  ['O', 'Other'],
];

const jobs: [code: string, description: string, siteAddress: string][] = [
  ['J-100', 'Quay wall repair', '12 Harbour Rd'],
  ['J-200', 'Depot roof renewal', '4 North Way'],
  ['J-300', 'Fleet yard resurfacing', '90 Fleet St'],
];

const workOrders: [code: string, description: string, costCenter: string, job: string | null, siteAddress: string][] = [
  ['WO-1001', 'Quay wall survey', '310', 'J-100', '12 Harbour Rd'],
  ['WO-2001', 'North pump overhaul', '210', null, '4 North Way'],
  ['WO-2002', 'Depot gutter repair', '220', 'J-200', ''],
  ['WO-4001', 'Yard lighting', '410', 'J-300', ''],
];

interface DemoLine {
  item: string;
  quantity: number;
  type: DistributionTypeColumn;
  gl: string;
  costCenter: string;
  job?: string;
  workOrder?: string;
  costType?: string;
}

/**
 * Two POs on order that show line security: Pat's mixes lines Alice may change, a fleet line and a
 * WIP line she may only see; Alice's own uses a job at 12 Harbour Rd, whose site override keeps
 * her out of change mode.
 */
const demoPos: { by: string; vendor: string; warehouse: string; costCenter: string; lines: DemoLine[] }[] = [
  {
    by: 'pat',
    vendor: 'GENERAL',
    warehouse: 'MAIN',
    costCenter: '210',
    lines: [
      { item: 'BOLT-M8', quantity: 10, type: 'expense', gl: '5000', costCenter: '210' },
      { item: 'TYRE-22', quantity: 4, type: 'expense', gl: '5200', costCenter: '410', workOrder: 'WO-4001' },
      { item: 'FILTER-H', quantity: 2, type: 'direct-wo-cost', gl: '5100', costCenter: '210', workOrder: 'WO-2001' },
      { item: 'PAINT-5L', quantity: 6, type: 'job-cost', gl: '1400', costCenter: '210', job: 'J-200', costType: 'M' },
    ],
  },
  {
    by: 'alice',
    vendor: 'BOLT',
    warehouse: 'MAIN',
    costCenter: '210',
    lines: [{ item: 'BOLT-M8', quantity: 20, type: 'job-cost', gl: '5000', costCenter: '210', job: 'J-100', costType: 'M' }],
  },
];

export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const row = await db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

export async function seedDemoData(db: Db, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('settings').values([
      { key: 'cost_centers_enabled', value: 'true' },
      { key: 'coding_mode', value: 'cost-centers' },
      { key: 'budget_order_required', value: 'false' },
      { key: 'next_po_number', value: '1' },
      // 100,000.00: the demo's POs stay below it; a bigger one asks for confirmation.
      { key: 'large_po_amount_minor', value: '10000000' },
    ]).execute();
    const ccIds = new Map<string, number>();
    for (const [code, description, active = true] of costCenters) {
      const { id } = await trx.insertInto('cost_centers').values({ code, description, active: active ? 1 : 0 }).returning('id').executeTakeFirstOrThrow();
      ccIds.set(code, id);
    }
    const ccId = (code: string) => ccIds.get(code) as number;
    const schemeIds = new Map<string, number>();
    for (const scheme of schemes) {
      const { id } = await trx.insertInto('schemes').values({ name: scheme.name, description: scheme.description }).returning('id').executeTakeFirstOrThrow();
      schemeIds.set(scheme.name, id);
      await trx.insertInto('scheme_cost_centers')
        .values(scheme.costCenters.map((code, position) => ({ scheme_id: id, cost_center_id: ccId(code), position })))
        .execute();
      for (const [kind, key, list] of scheme.overrides) {
        const override = await trx.insertInto('scheme_overrides').values({ scheme_id: id, kind, override_key: key }).returning('id').executeTakeFirstOrThrow();
        if (list.length > 0) {
          await trx.insertInto('scheme_override_cost_centers')
            .values(list.map((code, position) => ({ override_id: override.id, cost_center_id: ccId(code), position })))
            .execute();
        }
      }
    }
    await trx.insertInto('operators')
      .values(operators.map(([signIn, display, role, scheme]) => ({
        sign_in_name: signIn,
        display_name: display,
        role,
        password_hash: passwordHash,
        scheme_id: scheme === null ? null : (schemeIds.get(scheme) as number),
      })))
      .execute();
    for (const [code, name, list] of vendors) {
      const { id } = await trx.insertInto('vendors').values({ code, name }).returning('id').executeTakeFirstOrThrow();
      if (list.length > 0) {
        await trx.insertInto('vendor_cost_centers').values(list.map((cc) => ({ vendor_id: id, cost_center_id: ccId(cc) }))).execute();
      }
    }
    await trx.insertInto('warehouses').values(warehouses.map(([code, name]) => ({ code, name }))).execute();
    await trx.insertInto('items').values(items.map(([code, description, unit_cost_minor]) => ({ code, description, unit_cost_minor }))).execute();
    const idsOf = async (table: 'gl_accounts' | 'cost_types' | 'jobs' | 'items' | 'vendors' | 'warehouses' | 'operators') => {
      const column = table === 'operators' ? 'sign_in_name' : 'code';
      const rows = await trx.selectFrom(table).select(['id', `${column} as key`]).execute();
      return (key: string) => (rows.find((row) => row.key === key) as { id: number }).id;
    };
    await trx.insertInto('gl_accounts').values(glAccounts.map(([code, description, wip]) => ({ code, description, wip: wip ? 1 : 0 }))).execute();
    await trx.insertInto('cost_types').values(costTypes.map(([code, description]) => ({ code, description }))).execute();
    await trx.insertInto('jobs').values(jobs.map(([code, description, site_address]) => ({ code, description, site_address }))).execute();
    const jobId = await idsOf('jobs');
    await trx.insertInto('work_orders')
      .values(workOrders.map(([code, description, costCenter, job, site_address]) => ({
        code,
        description,
        cost_center_id: ccId(costCenter),
        job_id: job === null ? null : jobId(job),
        site_address,
      })))
      .execute();
    const glId = await idsOf('gl_accounts');
    const costTypeId = await idsOf('cost_types');
    const itemId = await idsOf('items');
    const vendorId = await idsOf('vendors');
    const warehouseId = await idsOf('warehouses');
    const operatorId = await idsOf('operators');
    const workOrderRows = await trx.selectFrom('work_orders').select(['id', 'code', 'job_id']).execute();
    const workOrder = (code: string) => workOrderRows.find((row) => row.code === code) as { id: number; job_id: number | null };
    const at = '2026-11-02T09:00:00.000Z';
    for (const [index, po] of demoPos.entries()) {
      const lines = po.lines.map((line) => {
        const unitCost = (items.find(([code]) => code === line.item) as (typeof items)[number])[2];
        return { ...line, unitCost, total: lineTotalMinor(line.quantity * 1000, unitCost) };
      });
      const { id: poId } = await trx.insertInto('purchase_orders')
        .values({
          number: `PO-${String(index + 1).padStart(6, '0')}`,
          vendor_id: vendorId(po.vendor),
          warehouse_id: warehouseId(po.warehouse),
          cost_center_id: ccId(po.costCenter),
          cost_center_source: 'entered',
          cost_center_entered_by: operatorId(po.by),
          status: 'draft',
          created_by: operatorId(po.by),
          version: 1,
          total_minor: lines.reduce((sum, line) => sum + line.total, 0),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [lineIndex, line] of lines.entries()) {
        const { id: lineId } = await trx.insertInto('po_lines')
          .values({
            po_id: poId,
            line_number: lineIndex + 1,
            item_id: itemId(line.item),
            description: (items.find(([code]) => code === line.item) as (typeof items)[number])[1],
            quantity_milli: line.quantity * 1000,
            unit_cost_minor: line.unitCost,
            total_minor: line.total,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const wo = line.workOrder ? workOrder(line.workOrder) : undefined;
        await trx.insertInto('po_line_distributions')
          .values({
            line_id: lineId,
            distribution_type: line.type,
            cost_center_id: ccId(line.costCenter),
            job_id: line.job ? jobId(line.job) : (wo?.job_id ?? null),
            work_order_id: wo?.id ?? null,
            cost_type_id: line.costType ? costTypeId(line.costType) : null,
            gl_account_id: glId(line.gl),
            amount_minor: line.total,
          })
          .execute();
      }
    }
    await trx.updateTable('settings').set({ value: String(demoPos.length + 1) }).where('key', '=', 'next_po_number').execute();
    // Revision 1 of every demo PO was saved by the operator who entered it.
    await trx.insertInto('po_revision_editors')
      .columns(['po_id', 'revision', 'operator_id'])
      .expression((eb) => eb.selectFrom('purchase_orders').select(['id', eb.lit(1).as('revision'), 'created_by']))
      .execute();
    await trx.updateTable('schemes').set({ cost_center_required: 0 }).where('name', '=', 'WIDE').execute();
    for (const entity of billingEntities) {
      const { id } = await trx.insertInto('billing_entities')
        .values({ code: entity.code, name: entity.name, customer_po_number: entity.customerPoNumber, active: 1, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('billing_entity_cost_centers')
        .values(entity.costCenters.map((code, position) => ({ billing_entity_id: id, cost_center_id: ccId(code), position })))
        .execute();
    }
    const entityRows = await trx.selectFrom('billing_entities').select(['id', 'code']).execute();
    for (const group of userGroups) {
      const { id } = await trx.insertInto('user_groups').values({ name: group.name, description: group.description, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('user_group_members').values(group.members.map((member) => ({ group_id: id, operator_id: operatorId(member) }))).execute();
      await trx.insertInto('user_group_billing_entities')
        .values(group.entities.map((code) => ({ group_id: id, billing_entity_id: (entityRows.find((row) => row.code === code) as { id: number }).id })))
        .execute();
    }
    await trx.insertInto('budget_orders')
      .values(budgetOrders.map((budget) => ({
        number: budget.number,
        customer_po_number: budget.customerPoNumber,
        total_minor: budget.totalMinor,
        valid_from: budget.validFrom,
        valid_to: budget.validTo,
        status: budget.status,
        updated_at: at,
      })))
      .execute();
    for (const band of approvalBands) {
      await trx.insertInto('approval_bands')
        .values({ from_minor: band.fromMinor, approver_kind: 'role', approver_role: 'supervisor', approvals_required: band.approvals, admin_required: band.adminRequired ? 1 : 0, updated_at: at })
        .execute();
    }
    // Sam may approve up to 250,000.00; above that a PO needs an approver with a higher limit, or none set.
    await trx.updateTable('operators').set({ approval_limit_minor: 25_000_000 }).where('sign_in_name', '=', 'sam').execute();
    await trx.insertInto('settings')
      .values([
        { key: 'company_name', value: 'Harbour & Fleet Services Ltd' },
        { key: 'company_address', value: '1 Quay Street\nPort Eastwick\nPE1 2AB' },
      ])
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
    // Later features seed their own master data beside the rest, in the same transaction.
    await seedCodingDemo(trx);
    await seedAdminDemo(trx);
  });
}
