/**
 * Splitting an amount in minor units by whole-number weights, exactly: the parts always add up to
 * the amount, to the minor unit, whatever the weights.
 *
 * Largest remainder: every part first gets floor(amount × weight / total weight), computed in BigInt
 * so no product passes 2^53; the minor units still left over go one each to the parts with the
 * largest remainders, the earlier part first on a tie. So 1.00 in three equal parts is 0.34, 0.33,
 * 0.33, and no part is ever more than one minor unit away from its exact share. A part of weight 0
 * gets nothing: its remainder is 0, and fewer units are left over than parts with a remainder.
 *
 * A negative amount is split as its absolute value with every part negated, so a credit splits as
 * the mirror of its debit.
 */

export function splitByWeights(amountMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`The amount to split must be a whole number of minor units; got ${amountMinor}.`);
  if (weights.length === 0) throw new RangeError('An amount cannot be split into no parts.');
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`Split weights must be whole numbers of zero or more; got ${weight}.`);
  }
  const totalWeight = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (totalWeight === 0n) throw new RangeError('Split weights must not all be zero.');
  const sign = amountMinor < 0 ? -1 : 1;
  const amount = BigInt(Math.abs(amountMinor));
  const shares = weights.map((weight, index) => {
    const exact = amount * BigInt(weight);
    return { index, floor: exact / totalWeight, remainder: exact % totalWeight };
  });
  let left = amount - shares.reduce((sum, share) => sum + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const extra = new Set<number>();
  for (const share of byRemainder) {
    if (left === 0n) break;
    extra.add(share.index);
    left -= 1n;
  }
  return shares.map((share) => {
    const part = Number(share.floor + (extra.has(share.index) ? 1n : 0n));
    return sign < 0 && part !== 0 ? -part : part;
  });
}
