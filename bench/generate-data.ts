/**
 * A large, deterministic purchasing world for benchmarks: cost centers, schemes (with warehouse
 * overrides, some of them empty), operators, vendors and warehouses, written into a freshly migrated
 * SQLite file with multi-row inserts inside one transaction. Every random choice comes from a seeded
 * PRNG, so the same sizes and seed always give the same rows.
 */
import type { Db } from '../src/main/store/connect';
import type { RoleColumn } from '../src/main/store/schema';

export interface DatasetSizes {
  costCenters: number;
  operators: number;
  schemes: number;
  vendors: number;
  warehouses: number;
}

/** The sizes the issue asks for. */
export const FULL_SIZES: Readonly<DatasetSizes> = Object.freeze({
  costCenters: 10_000,
  operators: 2_000,
  schemes: 500,
  vendors: 20_000,
  warehouses: 50,
});

/** Floors that keep a scaled-down world able to show every rule. */
const MIN_SIZES: Readonly<DatasetSizes> = Object.freeze({
  costCenters: 200,
  operators: 20,
  schemes: 10,
  vendors: 200,
  warehouses: 5,
});

export const DEFAULT_SEED = 20_240_611;

/** Rows per multi-row INSERT: 500 rows × at most 7 columns stays far below SQLite's 32,766 variables. */
export const INSERT_CHUNK = 500;

/** FULL_SIZES scaled by BENCH_SCALE (e.g. 0.1 for a quick run); 1 when unset. */
export function sizesFromEnv(env: NodeJS.ProcessEnv = process.env): DatasetSizes {
  const raw = env.BENCH_SCALE;
  const scale = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  const scaled = (key: keyof DatasetSizes) => Math.max(MIN_SIZES[key], Math.round(FULL_SIZES[key] * scale));
  return {
    costCenters: scaled('costCenters'),
    operators: scaled('operators'),
    schemes: scaled('schemes'),
    vendors: scaled('vendors'),
    warehouses: scaled('warehouses'),
  };
}

/** sfc32: a small, fast, seedable PRNG with good statistical quality. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

export interface GeneratedCostCenter {
  id: number;
  code: string;
  active: boolean;
}

export interface GeneratedOverride {
  warehouseCode: string;
  /** In the override's order; empty for an override that closes the warehouse. */
  costCenterIds: number[];
}

export interface GeneratedScheme {
  id: number;
  name: string;
  /** In the scheme's order. */
  costCenterIds: number[];
  warehouseOverrides: GeneratedOverride[];
}

export interface GeneratedOperator {
  id: number;
  signInName: string;
  schemeId: number | null;
  active: boolean;
}

export interface GeneratedVendor {
  id: number;
  code: string;
  costCenterIds: number[];
}

export interface GeneratedWarehouse {
  id: number;
  code: string;
}

/** What was written, kept in memory so a benchmark can pick realistic inputs. Ids are 1-based, index = id - 1. */
export interface GeneratedDataset {
  sizes: DatasetSizes;
  seed: number;
  costCenters: GeneratedCostCenter[];
  schemes: GeneratedScheme[];
  operators: GeneratedOperator[];
  vendors: GeneratedVendor[];
  warehouses: GeneratedWarehouse[];
  /** Cost-center id → ids of the vendors that use it. */
  vendorIdsByCostCenter: Map<number, number[]>;
  rowCounts: Record<string, number>;
}

export const costCenterCode = (id: number): string => `CC${String(id).padStart(5, '0')}`;
export const vendorCode = (id: number): string => `V${String(id).padStart(6, '0')}`;
export const warehouseCode = (id: number): string => `WH${String(id).padStart(3, '0')}`;
export const schemeName = (id: number): string => `SCHEME-${String(id).padStart(4, '0')}`;

/** A fixed stand-in: the benchmark never signs anyone in, so no real hash is needed. */
export const DUMMY_PASSWORD_HASH = 'scrypt$bench$not-a-real-hash';

const REGION_SIZE = 200;
const DEPARTMENTS = ['Maintenance', 'Projects', 'Fleet', 'Facilities', 'Logistics', 'Administration', 'Workshop', 'Safety'];
const TRADES = ['Supply', 'Industrial', 'Hardware', 'Electrical', 'Plumbing', 'Fasteners', 'Tools', 'Logistics', 'Timber', 'Coatings'];
const TOWNS = ['North', 'Harbour', 'Riverside', 'Inland', 'Valley', 'Coast', 'Summit', 'Lakeside', 'Central', 'Eastgate'];

/** Draws distinct values by calling draw until count of them are collected (or attempts run out). */
function distinct(count: number, draw: () => number, into: number[] = []): number[] {
  const seen = new Set(into);
  for (let attempts = 0; into.length < count && attempts < count * 50; attempts++) {
    const value = draw();
    if (!seen.has(value)) {
      seen.add(value);
      into.push(value);
    }
  }
  return into;
}

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<number> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await insert(rows.slice(start, start + INSERT_CHUNK));
  }
  return rows.length;
}

/**
 * Fills a freshly migrated database. Cost centers fall into regions of 200 consecutive codes; a
 * scheme mostly lists cost centers of its home region, and most vendors are drawn from one scheme's
 * list, so many vendors share cost centers with some schemes while others share none.
 */
export async function generateDataset(db: Db, sizes: DatasetSizes = FULL_SIZES, seed = DEFAULT_SEED): Promise<GeneratedDataset> {
  const random = new Random(seed);
  const regions = Math.max(1, Math.ceil(sizes.costCenters / REGION_SIZE));
  const costCenterInRegion = (region: number) =>
    Math.min(sizes.costCenters, region * REGION_SIZE + random.int(1, REGION_SIZE));
  const anyCostCenter = () => random.int(1, sizes.costCenters);

  // Cost centers: about 2% inactive.
  const costCenters: GeneratedCostCenter[] = [];
  for (let id = 1; id <= sizes.costCenters; id++) {
    costCenters.push({ id, code: costCenterCode(id), active: !random.chance(0.02) });
  }

  const warehouses: GeneratedWarehouse[] = [];
  for (let id = 1; id <= sizes.warehouses; id++) warehouses.push({ id, code: warehouseCode(id) });

  // Schemes: 5–40 cost centers each, ~80% from the home region; ~30% have 1–3 warehouse overrides.
  const schemes: GeneratedScheme[] = [];
  const otherOverrides: { schemeId: number; kind: 'site' | 'gl-wip'; key: string; costCenterIds: number[] }[] = [];
  for (let id = 1; id <= sizes.schemes; id++) {
    const home = random.int(0, regions - 1);
    const count = random.int(5, 40);
    const costCenterIds = distinct(count, () => (random.chance(0.8) ? costCenterInRegion(home) : anyCostCenter()));
    const warehouseOverrides: GeneratedOverride[] = [];
    if (random.chance(0.3)) {
      const overrideCount = random.int(1, 3);
      const overrideWarehouses = distinct(overrideCount, () => random.int(1, sizes.warehouses));
      for (const warehouseId of overrideWarehouses) {
        const listed = random.chance(0.12)
          ? []
          : distinct(random.int(1, 6), () => (random.chance(0.6) ? random.pick(costCenterIds) : costCenterInRegion(home)));
        warehouseOverrides.push({ warehouseCode: warehouseCode(warehouseId), costCenterIds: listed });
      }
    }
    // Other override kinds share the table; they must not leak into warehouse look-ups.
    if (random.chance(0.1)) {
      otherOverrides.push({ schemeId: id, kind: 'site', key: `${random.int(1, 999)} ${random.pick(TOWNS)} Road`, costCenterIds: [random.pick(costCenterIds)] });
    }
    if (random.chance(0.05)) {
      otherOverrides.push({ schemeId: id, kind: 'gl-wip', key: `GL-${random.int(1000, 9999)}`, costCenterIds: [random.pick(costCenterIds)] });
    }
    schemes.push({ id, name: schemeName(id), costCenterIds, warehouseOverrides });
  }

  // Operators: ~1.5% without a scheme, ~1% inactive.
  const operators: GeneratedOperator[] = [];
  const operatorRows: {
    id: number;
    sign_in_name: string;
    display_name: string;
    role: RoleColumn;
    password_hash: string;
    scheme_id: number | null;
    active: number;
  }[] = [];
  for (let id = 1; id <= sizes.operators; id++) {
    const schemeId = random.chance(0.015) ? null : random.int(1, sizes.schemes);
    const active = !random.chance(0.01);
    const roll = random.next();
    const role: RoleColumn = roll < 0.85 ? 'operator' : roll < 0.97 ? 'supervisor' : 'admin';
    const signInName = `op${String(id).padStart(5, '0')}`;
    operators.push({ id, signInName, schemeId, active });
    operatorRows.push({
      id,
      sign_in_name: signInName,
      display_name: `Operator ${id}`,
      role,
      password_hash: DUMMY_PASSWORD_HASH,
      scheme_id: schemeId,
      active: active ? 1 : 0,
    });
  }

  // Vendors: 1–8 cost centers (mostly few); ~70% seeded from one scheme's list.
  const vendors: GeneratedVendor[] = [];
  const vendorIdsByCostCenter = new Map<number, number[]>();
  for (let id = 1; id <= sizes.vendors; id++) {
    const count = 1 + Math.floor(random.next() ** 2 * 8);
    let costCenterIds: number[];
    if (random.chance(0.7)) {
      const scheme = random.pick(schemes);
      const fromScheme = distinct(Math.min(count, random.int(1, 3)), () => random.pick(scheme.costCenterIds));
      const home = Math.floor(((scheme.costCenterIds[0] ?? 1) - 1) / REGION_SIZE);
      costCenterIds = distinct(count, () => (random.chance(0.7) ? costCenterInRegion(home) : anyCostCenter()), fromScheme);
    } else {
      const home = random.int(0, regions - 1);
      costCenterIds = distinct(count, () => (random.chance(0.8) ? costCenterInRegion(home) : anyCostCenter()));
    }
    vendors.push({ id, code: vendorCode(id), costCenterIds });
    for (const costCenterId of costCenterIds) {
      const list = vendorIdsByCostCenter.get(costCenterId);
      if (list) list.push(id);
      else vendorIdsByCostCenter.set(costCenterId, [id]);
    }
  }

  const rowCounts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    rowCounts.settings = await inChunks(
      [
        { key: 'cost_centers_enabled', value: 'true' },
        { key: 'next_po_number', value: '1' },
      ],
      (chunk) => trx.insertInto('settings').values(chunk).execute(),
    );
    rowCounts.cost_centers = await inChunks(
      costCenters.map((costCenter) => ({
        id: costCenter.id,
        code: costCenter.code,
        description: `${DEPARTMENTS[costCenter.id % DEPARTMENTS.length]} ${TOWNS[Math.floor(costCenter.id / REGION_SIZE) % TOWNS.length]} ${costCenter.id}`,
        active: costCenter.active ? 1 : 0,
      })),
      (chunk) => trx.insertInto('cost_centers').values(chunk).execute(),
    );
    rowCounts.warehouses = await inChunks(
      warehouses.map((warehouse) => ({ id: warehouse.id, code: warehouse.code, name: `${TOWNS[warehouse.id % TOWNS.length]} store ${warehouse.id}` })),
      (chunk) => trx.insertInto('warehouses').values(chunk).execute(),
    );
    rowCounts.schemes = await inChunks(
      schemes.map((scheme) => ({ id: scheme.id, name: scheme.name, description: `Generated scheme ${scheme.id}` })),
      (chunk) => trx.insertInto('schemes').values(chunk).execute(),
    );
    rowCounts.scheme_cost_centers = await inChunks(
      schemes.flatMap((scheme) =>
        scheme.costCenterIds.map((costCenterId, position) => ({ scheme_id: scheme.id, cost_center_id: costCenterId, position })),
      ),
      (chunk) => trx.insertInto('scheme_cost_centers').values(chunk).execute(),
    );

    let overrideId = 0;
    const overrideRows: { id: number; scheme_id: number; kind: 'warehouse' | 'site' | 'gl-wip'; override_key: string }[] = [];
    const overrideListRows: { override_id: number; cost_center_id: number; position: number }[] = [];
    const addOverride = (schemeId: number, kind: 'warehouse' | 'site' | 'gl-wip', key: string, costCenterIds: number[]) => {
      overrideId += 1;
      overrideRows.push({ id: overrideId, scheme_id: schemeId, kind, override_key: key });
      costCenterIds.forEach((costCenterId, position) => overrideListRows.push({ override_id: overrideId, cost_center_id: costCenterId, position }));
    };
    for (const scheme of schemes) {
      for (const override of scheme.warehouseOverrides) addOverride(scheme.id, 'warehouse', override.warehouseCode, override.costCenterIds);
    }
    for (const other of otherOverrides) addOverride(other.schemeId, other.kind, other.key, other.costCenterIds);
    rowCounts.scheme_overrides = await inChunks(overrideRows, (chunk) => trx.insertInto('scheme_overrides').values(chunk).execute());
    rowCounts.scheme_override_cost_centers = await inChunks(overrideListRows, (chunk) =>
      trx.insertInto('scheme_override_cost_centers').values(chunk).execute(),
    );

    rowCounts.operators = await inChunks(operatorRows, (chunk) => trx.insertInto('operators').values(chunk).execute());
    rowCounts.vendors = await inChunks(
      vendors.map((vendor) => ({
        id: vendor.id,
        code: vendor.code,
        name: `${TOWNS[vendor.id % TOWNS.length]} ${TRADES[Math.floor(vendor.id / TOWNS.length) % TRADES.length]} ${vendor.id}`,
      })),
      (chunk) => trx.insertInto('vendors').values(chunk).execute(),
    );
    rowCounts.vendor_cost_centers = await inChunks(
      vendors.flatMap((vendor) => vendor.costCenterIds.map((costCenterId) => ({ vendor_id: vendor.id, cost_center_id: costCenterId }))),
      (chunk) => trx.insertInto('vendor_cost_centers').values(chunk).execute(),
    );
  });

  return { sizes, seed, costCenters, schemes, operators, vendors, warehouses, vendorIdsByCostCenter, rowCounts };
}
