/**
 * A large, deterministic purchasing world for benchmarks: cost centers, schemes (with warehouse
 * overrides, some of them empty), operators, vendors and warehouses, written into a freshly migrated
 * SQLite file with multi-row inserts inside one transaction (generateDataset); and on top of it the
 * line world — items, G/L accounts, cost types, jobs, work orders, WIP G/L overrides and a million
 * stored PO lines with their distributions — written with raw prepared statements (generateLineWorld).
 * Every random choice comes from a seeded PRNG, so the same sizes and seed always give the same rows.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { lineTotalMinor } from '../src/shared/money';
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

/** A site or WIP G/L override of the header world (warehouse overrides live on their scheme). */
export interface GeneratedOtherOverride {
  schemeId: number;
  kind: 'site' | 'gl-wip';
  key: string;
  costCenterIds: number[];
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
  /** Site and WIP G/L overrides, which share the overrides table with the warehouse ones. */
  otherOverrides: GeneratedOtherOverride[];
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
  const otherOverrides: GeneratedOtherOverride[] = [];
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
        // No large-PO amount: a benchmark PO of 200 random lines is far above the default one, and
        // what is measured is the save, not the confirmation the operator would be asked for first.
        { key: 'large_po_amount_minor', value: '' },
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

  return { sizes, seed, costCenters, schemes, operators, vendors, warehouses, vendorIdsByCostCenter, otherOverrides, rowCounts };
}

// ---------------------------------------------------------------------------------------------
// The line world: distribution codes and a million stored PO lines on top of the header world
// ---------------------------------------------------------------------------------------------

export interface LineWorldSizes {
  purchaseOrders: number;
  linesPerPo: number;
  items: number;
  glAccounts: number;
  jobs: number;
  workOrders: number;
}

/** 5,000 POs × 200 lines: a million stored lines, each with its distribution. */
export const FULL_LINE_WORLD_SIZES: Readonly<LineWorldSizes> = Object.freeze({
  purchaseOrders: 5_000,
  linesPerPo: 200,
  items: 20_000,
  glAccounts: 1_000,
  jobs: 5_000,
  workOrders: 20_000,
});

const MIN_LINE_WORLD_SIZES: Readonly<LineWorldSizes> = Object.freeze({
  purchaseOrders: 10,
  linesPerPo: 200,
  items: 200,
  glAccounts: 100,
  jobs: 50,
  workOrders: 200,
});

/**
 * FULL_LINE_WORLD_SIZES scaled by BENCH_SCALE (lines per PO stay 200). There are at least as many
 * work orders as cost centers, so every cost center has one.
 */
export function lineWorldSizesFromEnv(base: DatasetSizes, env: NodeJS.ProcessEnv = process.env): LineWorldSizes {
  const raw = env.BENCH_SCALE;
  const scale = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  const scaled = (key: keyof LineWorldSizes) => Math.max(MIN_LINE_WORLD_SIZES[key], Math.round(FULL_LINE_WORLD_SIZES[key] * scale));
  return {
    purchaseOrders: scaled('purchaseOrders'),
    linesPerPo: FULL_LINE_WORLD_SIZES.linesPerPo,
    items: scaled('items'),
    glAccounts: scaled('glAccounts'),
    jobs: scaled('jobs'),
    workOrders: Math.max(base.costCenters, scaled('workOrders')),
  };
}

export const itemCode = (id: number): string => `IT${String(id).padStart(6, '0')}`;
/** Numeric G/L codes, so they never meet the header world's "GL-nnnn" WIP override keys. */
export const glAccountCode = (id: number): string => String(50_000 + id);
export const jobCode = (id: number): string => `J${String(id).padStart(5, '0')}`;
export const workOrderCode = (id: number): string => `WO${String(id).padStart(6, '0')}`;
export const poNumber = (n: number): string => `PO-${String(n).padStart(6, '0')}`;
export const COST_TYPES: readonly { code: string; description: string }[] = [
  { code: 'L', description: 'Labour' },
  { code: 'M', description: 'Material' },
  { code: 'S', description: 'Subcontract' },
  { code: 'E', description: 'Equipment' },
  { code: 'O', description: 'Other' },
  { code: 'OH', description: 'Overhead' },
];
/** Every tenth G/L account is WIP-flagged. */
const isWipAccount = (id: number): boolean => id % 10 === 0;

export interface GeneratedWorkOrder {
  id: number;
  code: string;
  costCenterId: number;
  jobId: number | null;
}

export interface WipOverridePick {
  glAccountCode: string;
  /** The override's active cost centers, in its order. */
  costCenterCodes: string[];
}

/**
 * The operator the line benchmark saves as, and the codes that make every kind of line pass for
 * them: the header (vendor, warehouse with an override, entered cost center) and the lists a line
 * is judged against — the warehouse override's, or a WIP G/L account's override.
 */
export interface LineBenchPick {
  operatorId: number;
  schemeId: number;
  vendorCode: string;
  warehouseCode: string;
  headerCostCenterCode: string;
  /** Active cost centers of the warehouse override, in its order: the PO-level list. */
  warehouseListCodes: string[];
  wipOverrides: WipOverridePick[];
  /** G/L accounts that are not WIP-flagged. */
  plainGlAccountCodes: string[];
  /** Work orders (with their job code, if any) whose cost center is on a list, by cost-center code. */
  workOrdersByCostCenter: Map<string, { code: string; jobCode: string | null }[]>;
  jobCodes: string[];
  itemCodes: string[];
  costTypeCodes: string[];
}

export interface GeneratedLineWorld {
  sizes: LineWorldSizes;
  pick: LineBenchPick;
  rowCounts: Record<string, number>;
}

const siteAddress = (random: Random): string => `${random.int(1, 999)} ${random.pick(TOWNS)} Road`;

/**
 * Adds the line world to a database already holding `base` (written by generateDataset): items,
 * G/L accounts (every tenth WIP), cost types, jobs with site addresses, work orders (cost center,
 * mostly a job, sometimes their own site), WIP G/L overrides for some schemes, and
 * sizes.purchaseOrders stored POs of sizes.linesPerPo lines, each line with its distribution. Also
 * picks (and where the random world lacks one, adds) an operator whose scheme overrides a warehouse,
 * so a new PO can exercise every line rule and still save. Raw prepared statements in one transaction.
 */
export function generateLineWorld(
  sqlite: BetterSqlite3.Database,
  base: GeneratedDataset,
  sizes: LineWorldSizes,
  seed = DEFAULT_SEED,
): GeneratedLineWorld {
  const random = new Random(seed ^ 0x5a5a5a5a);
  const rowCounts: Record<string, number> = {};
  const count = (table: string, rows = 1) => {
    rowCounts[table] = (rowCounts[table] ?? 0) + rows;
  };
  const activeIds = (ids: readonly number[]) => ids.filter((id, index) => base.costCenters[id - 1]?.active && ids.indexOf(id) === index);
  const ccCode = (id: number) => costCenterCode(id);
  const anyActiveCostCenter = (): number => {
    for (;;) {
      const id = random.int(1, base.sizes.costCenters);
      if (base.costCenters[id - 1]?.active) return id;
    }
  };

  const workOrders: GeneratedWorkOrder[] = [];
  let pick: LineBenchPick | undefined;

  sqlite.transaction(() => {
    const insertItem = sqlite.prepare('insert into items (id, code, description, unit_cost_minor) values (?, ?, ?, ?)');
    for (let id = 1; id <= sizes.items; id++) {
      insertItem.run(id, itemCode(id), `${random.pick(TRADES)} part ${id}`, random.int(100, 250_000));
    }
    count('items', sizes.items);

    const insertGl = sqlite.prepare('insert into gl_accounts (id, code, description, wip) values (?, ?, ?, ?)');
    for (let id = 1; id <= sizes.glAccounts; id++) {
      insertGl.run(id, glAccountCode(id), `${isWipAccount(id) ? 'WIP ' : ''}${random.pick(DEPARTMENTS)} ${id}`, isWipAccount(id) ? 1 : 0);
    }
    count('gl_accounts', sizes.glAccounts);

    const insertCostType = sqlite.prepare('insert into cost_types (id, code, description) values (?, ?, ?)');
    COST_TYPES.forEach((costType, index) => insertCostType.run(index + 1, costType.code, costType.description));
    count('cost_types', COST_TYPES.length);

    const insertJob = sqlite.prepare('insert into jobs (id, code, description, site_address) values (?, ?, ?, ?)');
    for (let id = 1; id <= sizes.jobs; id++) insertJob.run(id, jobCode(id), `${random.pick(TOWNS)} project ${id}`, siteAddress(random));
    count('jobs', sizes.jobs);

    // Work orders: the first one per cost center in turn, the rest on a random scheme's cost center.
    const insertWorkOrder = sqlite.prepare(
      'insert into work_orders (id, code, job_id, cost_center_id, site_address, description) values (?, ?, ?, ?, ?, ?)',
    );
    for (let id = 1; id <= sizes.workOrders; id++) {
      const costCenterId = id <= base.sizes.costCenters ? id : random.pick(random.pick(base.schemes).costCenterIds);
      const jobId = random.chance(0.7) ? random.int(1, sizes.jobs) : null;
      const ownSite = random.chance(0.3) ? siteAddress(random) : '';
      insertWorkOrder.run(id, workOrderCode(id), jobId, costCenterId, ownSite, `Work order ${id}`);
      workOrders.push({ id, code: workOrderCode(id), costCenterId, jobId });
    }
    count('work_orders', sizes.workOrders);

    // WIP G/L overrides: about a fifth of the schemes have one or two, listing a few of the scheme's cost centers.
    const wipAccountIds = Array.from({ length: sizes.glAccounts }, (_, index) => index + 1).filter(isWipAccount);
    const overrideKeys = new Set<string>();
    for (const scheme of base.schemes) {
      for (const override of scheme.warehouseOverrides) overrideKeys.add(`${scheme.id}|warehouse|${override.warehouseCode}`);
    }
    for (const other of base.otherOverrides) overrideKeys.add(`${other.schemeId}|${other.kind}|${other.key}`);
    const insertOverride = sqlite.prepare('insert into scheme_overrides (scheme_id, kind, override_key) values (?, ?, ?)');
    const insertOverrideCc = sqlite.prepare('insert into scheme_override_cost_centers (override_id, cost_center_id, position) values (?, ?, ?)');
    const addOverride = (schemeId: number, kind: 'warehouse' | 'gl-wip', key: string, costCenterIds: readonly number[]): boolean => {
      const unique = `${schemeId}|${kind}|${key}`;
      if (overrideKeys.has(unique)) return false;
      overrideKeys.add(unique);
      const overrideId = Number(insertOverride.run(schemeId, kind, key).lastInsertRowid);
      costCenterIds.forEach((costCenterId, position) => insertOverrideCc.run(overrideId, costCenterId, position));
      count('scheme_overrides');
      count('scheme_override_cost_centers', costCenterIds.length);
      return true;
    };
    const wipBySchemeId = new Map<number, { glAccountId: number; costCenterIds: number[] }[]>();
    const addWipOverride = (schemeId: number, glAccountId: number, costCenterIds: number[]) => {
      if (!addOverride(schemeId, 'gl-wip', glAccountCode(glAccountId), costCenterIds)) return;
      const list = wipBySchemeId.get(schemeId) ?? [];
      list.push({ glAccountId, costCenterIds });
      wipBySchemeId.set(schemeId, list);
    };
    for (const scheme of base.schemes) {
      if (!random.chance(0.2)) continue;
      for (const glAccountId of distinct(random.int(1, 2), () => random.pick(wipAccountIds))) {
        addWipOverride(scheme.id, glAccountId, distinct(random.int(1, 6), () => random.pick(scheme.costCenterIds)));
      }
    }

    // The bench operator: active, with a scheme whose warehouse override lists the most active cost
    // centers (at least three) that some vendor shares.
    let best: { operatorId: number; scheme: GeneratedScheme; override: GeneratedOverride; active: number[] } | undefined;
    for (const operator of base.operators) {
      if (!operator.active || operator.schemeId === null) continue;
      const scheme = base.schemes[operator.schemeId - 1];
      if (!scheme) continue;
      for (const override of scheme.warehouseOverrides) {
        const active = activeIds(override.costCenterIds);
        const shared = active.some((id) => (base.vendorIdsByCostCenter.get(id)?.length ?? 0) > 0);
        if (shared && active.length >= 3 && (!best || active.length > best.active.length)) best = { operatorId: operator.id, scheme, override, active };
      }
    }
    if (!best) {
      // A small world may have no such override: give the first suitable operator's scheme one.
      const operator = base.operators.find(
        (candidate) => candidate.active && candidate.schemeId !== null && activeIds(base.schemes[candidate.schemeId - 1]?.costCenterIds ?? []).length >= 3,
      );
      if (!operator || operator.schemeId === null) throw new Error('the generated world has no active operator with a usable scheme');
      const scheme = base.schemes[operator.schemeId - 1] as GeneratedScheme;
      const warehouse = base.warehouses.find((candidate) => !scheme.warehouseOverrides.some((override) => override.warehouseCode === candidate.code));
      if (!warehouse) throw new Error(`scheme ${scheme.id} already overrides every warehouse`);
      const active = activeIds(scheme.costCenterIds).slice(0, 6);
      const override: GeneratedOverride = { warehouseCode: warehouse.code, costCenterIds: active };
      addOverride(scheme.id, 'warehouse', warehouse.code, active);
      scheme.warehouseOverrides.push(override);
      best = { operatorId: operator.id, scheme, override, active };
    }
    const { scheme } = best;
    const headerCostCenterId = best.active.find((id) => (base.vendorIdsByCostCenter.get(id)?.length ?? 0) > 0) ?? (best.active[0] as number);
    let vendorId = base.vendorIdsByCostCenter.get(headerCostCenterId)?.[0];
    if (vendorId === undefined) {
      vendorId = 1;
      sqlite.prepare('insert into vendor_cost_centers (vendor_id, cost_center_id) values (?, ?)').run(vendorId, headerCostCenterId);
      count('vendor_cost_centers');
    }
    // ...and two WIP G/L overrides of at least three active cost centers, some outside the warehouse list.
    while ((wipBySchemeId.get(scheme.id) ?? []).filter((wip) => activeIds(wip.costCenterIds).length >= 3).length < 2) {
      const listed = distinct(5, () => (random.chance(0.5) ? random.pick(best.active) : anyActiveCostCenter()));
      addWipOverride(scheme.id, random.pick(wipAccountIds), listed);
    }
    const wipOverrides = (wipBySchemeId.get(scheme.id) ?? [])
      .filter((wip) => activeIds(wip.costCenterIds).length >= 3)
      .map((wip) => ({ glAccountCode: glAccountCode(wip.glAccountId), costCenterCodes: activeIds(wip.costCenterIds).map(ccCode) }));
    const listedCodes = new Set([...best.active.map(ccCode), ...wipOverrides.flatMap((wip) => wip.costCenterCodes)]);
    const workOrdersByCostCenter = new Map<string, { code: string; jobCode: string | null }[]>();
    for (const workOrder of workOrders) {
      const code = ccCode(workOrder.costCenterId);
      if (!listedCodes.has(code)) continue;
      const list = workOrdersByCostCenter.get(code) ?? [];
      list.push({ code: workOrder.code, jobCode: workOrder.jobId === null ? null : jobCode(workOrder.jobId) });
      workOrdersByCostCenter.set(code, list);
    }
    pick = {
      operatorId: best.operatorId,
      schemeId: scheme.id,
      vendorCode: vendorCode(vendorId),
      warehouseCode: best.override.warehouseCode,
      headerCostCenterCode: ccCode(headerCostCenterId),
      warehouseListCodes: best.active.map(ccCode),
      wipOverrides,
      plainGlAccountCodes: Array.from({ length: sizes.glAccounts }, (_, index) => index + 1)
        .filter((id) => !isWipAccount(id))
        .map(glAccountCode),
      workOrdersByCostCenter,
      jobCodes: Array.from({ length: sizes.jobs }, (_, index) => jobCode(index + 1)),
      itemCodes: Array.from({ length: sizes.items }, (_, index) => itemCode(index + 1)),
      costTypeCodes: COST_TYPES.map((costType) => costType.code),
    };

    // Stored POs: every line has one distribution, coded like a real mix (no rule is checked here).
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    const activeOperators = base.operators.filter((operator) => operator.active);
    const insertPo = sqlite.prepare(
      'insert into purchase_orders (id, number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const updatePoTotal = sqlite.prepare('update purchase_orders set total_minor = ? where id = ?');
    // One statement per PO for its lines, one for their distributions: far fewer calls than row by row.
    const linesPerPo = sizes.linesPerPo;
    const insertLines = sqlite.prepare(
      `insert into po_lines (id, po_id, line_number, item_id, description, quantity_milli, unit_cost_minor, total_minor) values ${Array(linesPerPo).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    const insertDistributions = sqlite.prepare(
      `insert into po_line_distributions (line_id, distribution_type, cost_center_id, job_id, work_order_id, cost_type_id, gl_account_id, amount_minor) values ${Array(linesPerPo).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    const insertAudit = sqlite.prepare(
      "insert into audit_log (at, operator_id, action, po_id, rule, after_value, detail) values (?, ?, 'po-created', ?, 'entered', ?, ?)",
    );
    const lineArgs: unknown[] = new Array(linesPerPo * 8);
    const distributionArgs: unknown[] = new Array(linesPerPo * 8);
    let lineId = 0;
    for (let poId = 1; poId <= sizes.purchaseOrders; poId++) {
      const createdBy = random.pick(activeOperators).id;
      const costCenterId = random.chance(0.9) ? anyActiveCostCenter() : null;
      const roll = random.next();
      const status = roll < 0.8 ? 'draft' : roll < 0.95 ? 'open' : 'closed';
      insertPo.run(poId, poNumber(poId), random.int(1, base.sizes.vendors), random.int(1, base.sizes.warehouses), costCenterId, status, createdBy, random.int(1, 3), 0, at(poId), at(poId));
      let poTotal = 0;
      for (let index = 0; index < linesPerPo; index++) {
        lineId += 1;
        const quantityMilli = random.int(1, 100) * 1_000;
        const unitCostMinor = random.int(100, 250_000);
        const total = lineTotalMinor(quantityMilli, unitCostMinor);
        poTotal += total;
        let o = index * 8;
        lineArgs[o++] = lineId;
        lineArgs[o++] = poId;
        lineArgs[o++] = index + 1;
        lineArgs[o++] = random.chance(0.9) ? random.int(1, sizes.items) : null;
        lineArgs[o++] = `${random.pick(TRADES)} order line ${index + 1}`;
        lineArgs[o++] = quantityMilli;
        lineArgs[o++] = unitCostMinor;
        lineArgs[o] = total;

        const typeRoll = random.next();
        const type = typeRoll < 0.5 ? 'expense' : typeRoll < 0.8 ? 'job-cost' : 'direct-wo-cost';
        const workOrder = type === 'direct-wo-cost' || random.chance(type === 'job-cost' ? 0.4 : 0.3) ? random.pick(workOrders) : undefined;
        const lineJobId = workOrder ? workOrder.jobId : type === 'job-cost' ? random.int(1, sizes.jobs) : null;
        o = index * 8;
        distributionArgs[o++] = lineId;
        distributionArgs[o++] = type;
        distributionArgs[o++] = workOrder ? workOrder.costCenterId : anyActiveCostCenter();
        distributionArgs[o++] = lineJobId;
        distributionArgs[o++] = workOrder?.id ?? null;
        distributionArgs[o++] = lineJobId !== null && type === 'job-cost' ? random.int(1, COST_TYPES.length) : null;
        distributionArgs[o++] = random.int(1, sizes.glAccounts);
        distributionArgs[o] = total;
      }
      insertLines.run(lineArgs);
      insertDistributions.run(distributionArgs);
      updatePoTotal.run(poTotal, poId);
      insertAudit.run(at(poId), createdBy, poId, costCenterId === null ? null : ccCode(costCenterId), `Generated PO; ${linesPerPo} line(s); 0 deleted.`);
    }
    count('purchase_orders', sizes.purchaseOrders);
    count('po_lines', lineId);
    count('po_line_distributions', lineId);
    count('audit_log', sizes.purchaseOrders);
    sqlite.prepare("update settings set value = ? where key = 'next_po_number'").run(String(sizes.purchaseOrders + 1));
  })();

  return { sizes, pick: pick as LineBenchPick, rowCounts };
}
