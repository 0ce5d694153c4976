import type { Settings } from '../../shared/contracts';
import { appendAudit } from '../store/repositories/audit-repo';
import { COST_CENTERS_ENABLED, readCostCentersEnabled, writeSetting } from '../store/repositories/settings-repo';
import { forbidden } from './app-failure';
import type { Caller, Desk } from './desk';

export async function getSettings(desk: Desk): Promise<Settings> {
  return { costCentersEnabled: await readCostCentersEnabled(desk.db) };
}

export async function setCostCentersEnabled(desk: Desk, caller: Caller, enabled: boolean): Promise<Settings> {
  if (caller.operator.role !== 'admin') throw forbidden('Only an administrator can change installation settings.');
  await desk.db.transaction().execute(async (trx) => {
    await writeSetting(trx, COST_CENTERS_ENABLED, String(enabled));
    await appendAudit(trx, {
      operatorId: caller.operator.id,
      action: 'setting-changed',
      rule: COST_CENTERS_ENABLED,
      after: String(enabled),
      detail: `Cost centers turned ${enabled ? 'on' : 'off'}.`,
    }, desk.now());
  });
  return getSettings(desk);
}
