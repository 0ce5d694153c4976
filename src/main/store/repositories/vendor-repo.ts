import { sql } from 'kysely';
import type { VendorFacts } from '../../domain/cost-center-rules';
import type { Db } from '../connect';
import { escapeLike, likeIgnoringCase, storeKindOf } from '../dialect';
import { precompiled } from './precompiled';

export interface VendorRecord extends VendorFacts {
  id: number;
}

async function withCostCenters(db: Db, vendors: { id: number; code: string; name: string }[]): Promise<VendorRecord[]> {
  if (vendors.length === 0) return [];
  const links = await db
    .selectFrom('vendor_cost_centers as vc')
    .innerJoin('cost_centers as cc', 'cc.id', 'vc.cost_center_id')
    .select(['vc.vendor_id', 'cc.code'])
    .where(
      'vc.vendor_id',
      'in',
      vendors.map((vendor) => vendor.id),
    )
    .orderBy('cc.code')
    .execute();
  return vendors.map((vendor) => ({
    ...vendor,
    costCenterCodes: links.filter((link) => link.vendor_id === vendor.id).map((link) => link.code),
  }));
}

const selectVendorByCode = precompiled((db, code: string) => db.selectFrom('vendors').select(['id', 'code', 'name']).where('code', '=', code));

const selectVendorCostCenterCodes = precompiled((db, vendorId: number) =>
  db
    .selectFrom('vendor_cost_centers as vc')
    .innerJoin('cost_centers as cc', 'cc.id', 'vc.cost_center_id')
    .select('cc.code')
    .where('vc.vendor_id', '=', vendorId)
    .orderBy('cc.code'),
);

export async function findVendorByCode(db: Db, code: string): Promise<VendorRecord | undefined> {
  if (code === '') return undefined;
  const [vendor] = await selectVendorByCode(db, code);
  if (!vendor) return undefined;
  const links = await selectVendorCostCenterCodes(db, vendor.id);
  return { ...vendor, costCenterCodes: links.map((link) => link.code) };
}

/** Vendors whose code starts with, or whose name contains, the text; an exact code match first. */
export async function searchVendors(db: Db, text: string, limit: number): Promise<VendorRecord[]> {
  const escaped = escapeLike(text.trim());
  const exactCode = text.trim().toUpperCase();
  const kind = storeKindOf(db);
  const vendors = await db
    .selectFrom('vendors')
    .select(['id', 'code', 'name'])
    .where((eb) =>
      eb.or([likeIgnoringCase(kind, sql.ref('code'), `${escaped.toUpperCase()}%`), likeIgnoringCase(kind, sql.ref('name'), `%${escaped.toLowerCase()}%`)]),
    )
    .orderBy(sql`case when code = ${exactCode} then 0 else 1 end`)
    .orderBy('code')
    .limit(limit)
    .execute();
  return withCostCenters(db, vendors);
}
