/** Small, pure statistics helpers for the benchmarks. Percentiles use the nearest-rank method. */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Sorts a copy ascending; the input is left as it was. */
export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

/**
 * Nearest-rank percentile of samples already sorted ascending: the smallest value with at least
 * p% of the samples at or below it. p is in [0, 100]; p = 0 gives the minimum.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1] as number;
}

export function percentile(samples: ArrayLike<number>, p: number): number {
  return percentileOfSorted(sortedCopy(samples), p);
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = sortedCopy(samples);
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    min: percentileOfSorted(sorted, 0),
    mean: total / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Nanoseconds (from process.hrtime.bigint differences) to milliseconds. */
export const nsToMs = (ns: bigint): number => Number(ns) / 1e6;

/** Runs a benchmark's main: it exits 0 once it has printed, non-zero only when it could not run at all. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Benchmark could not run:', error);
      process.exit(1);
    },
  );
}
