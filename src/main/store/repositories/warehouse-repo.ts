import type { Db } from '../connect';

export interface WarehouseRecord {
  id: number;
  code: string;
  name: string;
}

export async function findWarehouseByCode(db: Db, code: string): Promise<WarehouseRecord | undefined> {
  if (code === '') return undefined;
  return db.selectFrom('warehouses').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function listWarehouses(db: Db): Promise<WarehouseRecord[]> {
  return db.selectFrom('warehouses').select(['id', 'code', 'name']).orderBy('code').execute();
}
