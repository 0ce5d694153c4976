/** How the line-save benchmark times its sides, shared by its SQLite and PostgreSQL runs. */
import type { ParsedInputOf } from '../src/shared/contracts';
import { nsToMs } from './stats';

type SaveInput = ParsedInputOf<'savePo'>;

export type Save = (input: SaveInput) => Promise<number> | number;

export interface Timed {
  samples: number[];
  ids: number[];
}

/** Measured saves per side run in this many alternating blocks, so a change in machine load hits both sides alike. */
export const BLOCKS = 10;
/**
 * Unmeasured saves at the start of each block: each side has its own connection, and the other
 * side's writes reset this one's page cache, which a single-connection app never sees.
 */
export const REWARM = 2;

/** Warm-up saves on each side, then the measured saves in alternating blocks; inputs are used in turn, each save a new PO. */
export async function timeSides(warmUp: number, measured: number, inputs: readonly SaveInput[], sides: readonly Save[]): Promise<Timed[]> {
  let next = 0;
  const input = () => inputs[next++ % inputs.length] as SaveInput;
  const run = async (save: Save, count: number, into?: Timed) => {
    for (let n = 0; n < count; n++) {
      const started = process.hrtime.bigint();
      const id = await save(input());
      const elapsed = nsToMs(process.hrtime.bigint() - started);
      into?.samples.push(elapsed);
      into?.ids.push(id);
    }
  };
  const timed = sides.map((): Timed => ({ samples: [], ids: [] }));
  for (const save of sides) await run(save, warmUp);
  const blocks = Math.min(BLOCKS, measured);
  for (let block = 0; block < blocks; block++) {
    const count = Math.floor(measured / blocks) + (block < measured % blocks ? 1 : 0);
    for (const [index, save] of sides.entries()) {
      await run(save, REWARM);
      await run(save, count, timed[index]);
    }
  }
  return timed;
}

