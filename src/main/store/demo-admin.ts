import type { Db } from './connect';

/**
 * The demo's cost groups, so a scheme's list can be picked by group: maintenance, projects and
 * overheads; fleet and the retired workshop stay in none.
 */
const COST_GROUPS: [group: string, codes: string[]][] = [
  ['MAINT', ['210', '220']],
  ['PROJECTS', ['310', '320']],
  ['OVERHEAD', ['110', '120', 'HQ']],
];

/** The demo’s administration data: cost groups. Runs inside the demo seed’s transaction, after every other demo record exists. */
export async function seedAdminDemo(db: Db): Promise<void> {
  for (const [group, codes] of COST_GROUPS) {
    await db.updateTable('cost_centers').set({ cost_group: group }).where('code', 'in', codes).execute();
  }
}
