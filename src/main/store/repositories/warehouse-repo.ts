import type { Db } from '../connect';
import { precompiled } from './precompiled';

export interface WarehouseRecord {
  id: number;
  code: string;
  name: string;
}

const selectWarehouseByCode = precompiled((db, code: string) => db.selectFrom('warehouses').select(['id', 'code', 'name']).where('code', '=', code));

export async function findWarehouseByCode(db: Db, code: string): Promise<WarehouseRecord | undefined> {
  if (code === '') return undefined;
  const [row] = await selectWarehouseByCode(db, code);
  return row;
}

export async function listWarehouses(db: Db): Promise<WarehouseRecord[]> {
  return db.selectFrom('warehouses').select(['id', 'code', 'name']).orderBy('code').execute();
}
