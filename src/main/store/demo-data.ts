import type { Db } from './connect';
import type { OverrideKind, RoleColumn } from './schema';

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
    ],
  },
  { name: 'SOLO', description: 'Single-site buyers', costCenters: ['210'], overrides: [] },
  { name: 'FLEET', description: 'Fleet purchasing', costCenters: ['410', 'HQ'], overrides: [] },
];

const operators: [signIn: string, display: string, role: RoleColumn, scheme: string | null][] = [
  ['alice', 'Alice Moreau', 'operator', 'NORTH'],
  ['bob', 'Bob Lindqvist', 'operator', 'SOLO'],
  ['carol', 'Carol Okafor', 'operator', 'FLEET'],
  ['sam', 'Sam Patel', 'supervisor', 'NORTH'],
  ['admin', 'Dana Admin', 'admin', 'NORTH'],
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

const items: [code: string, description: string, unitCostMinor: number][] = [
  ['BOLT-M8', 'Hex bolt M8 × 40, box of 100', 1250],
  ['GLOVE-L', 'Nitrile gloves, large, box of 50', 899],
  ['FILTER-H', 'Hydraulic filter cartridge', 4575],
  ['PAINT-5L', 'Marine paint, 5 l', 6240],
  ['TYRE-22', 'Truck tyre 22.5"', 38900],
];

export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const row = await db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

export async function seedDemoData(db: Db, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('settings').values([
      { key: 'cost_centers_enabled', value: 'true' },
      { key: 'next_po_number', value: '1' },
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
    const { id: jobId } = await trx.insertInto('jobs').values({ code: 'J-100', description: 'Quay wall repair', site_address: '12 Harbour Rd' }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('work_orders').values([
      { code: 'WO-1001', job_id: jobId, cost_center_id: ccId('310'), site_address: '12 Harbour Rd' },
      { code: 'WO-2001', job_id: null, cost_center_id: ccId('210'), site_address: '4 North Way' },
    ]).execute();
  });
}
