import { describe, expect, it } from 'vitest';
import { formatMoney, formatQuantity, lineTotalMinor, parseMoney, parseQuantity } from '../../src/shared/money';

describe('parsing', () => {
  it.each([
    ['2', 2000],
    ['1.5', 1500],
    ['0.001', 1],
    ['1,25', 1250],
    [' 3 ', 3000],
    ['1.2345', null],
    ['-1', null],
    ['abc', null],
    ['', null],
    ['1e3', null],
    ['1.', 1000],
  ])('quantity %j → %j', (text, value) => expect(parseQuantity(text)).toBe(value));

  it.each([
    ['12.50', 1250],
    ['8', 800],
    ['0.99', 99],
    ['8.999', null],
    ['1,250.00', null],
    ['999999999999', 99999999999900],
  ])('money %j → %j', (text, value) => expect(parseMoney(text)).toBe(value));
});

describe('line totals in integer cents', () => {
  it.each([
    [2000, 1250, 2500],
    [1500, 4575, 6863], // 68.625 rounds half up
    [1500, 333, 500], // 4.995 → 5.00
    [1, 1, 0], // 0.001 cent rounds down
    [1000, 0, 0],
    [1_000_000_000, 1_000_000_000, 1_000_000_000_000_000], // product passes 2^53
  ])('%i thousandths × %i cents = %i', (quantity, cost, total) => expect(lineTotalMinor(quantity, cost)).toBe(total));
});

describe('formatting', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [2500, '25.00'],
    [123456789, '1,234,567.89'],
    [-150, '-1.50'],
  ])('money %i → %s', (minor, text) => expect(formatMoney(minor)).toBe(text));

  it.each([
    [2000, '2'],
    [1500, '1.5'],
    [1, '0.001'],
    [10250, '10.25'],
  ])('quantity %i → %s', (milli, text) => expect(formatQuantity(milli)).toBe(text));
});
