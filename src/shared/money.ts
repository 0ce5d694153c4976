/**
 * Money travels as integer minor units (cents) and quantities as integer thousandths,
 * so no float ever touches an amount.
 */
export const QUANTITY_SCALE = 1000;
export const MAX_QUANTITY_MILLI = 1_000_000_000; // one million units
export const MAX_UNIT_COST_MINOR = 1_000_000_000; // ten million in major units

const DECIMAL = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/;

/** Parses "12.5" into 12500 thousandths; null when the text is not a plain non-negative decimal. */
export function parseScaled(text: string, decimals: number): number | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return null;
  const value = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

export const parseQuantity = (text: string): number | null => parseScaled(text, 3);
export const parseMoney = (text: string): number | null => parseScaled(text, 2);

/** Line total in minor units, rounded half up; BigInt because quantity × cost can pass 2^53. */
export function lineTotalMinor(quantityMilli: number, unitCostMinor: number): number {
  const product = BigInt(quantityMilli) * BigInt(unitCostMinor);
  const scale = BigInt(QUANTITY_SCALE);
  return Number((product + scale / 2n) / scale);
}

export function formatMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatQuantity(milli: number): string {
  const whole = Math.floor(milli / QUANTITY_SCALE);
  const fraction = milli % QUANTITY_SCALE;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}
