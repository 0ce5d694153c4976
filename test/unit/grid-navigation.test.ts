import { describe, expect, it } from 'vitest';
import {
  type CellKind,
  type CellMode,
  type GridColumnId,
  gridActionOf,
  type KeyPress,
  moveFrom,
  moveOnFrom,
  type RowFacts,
} from '../../src/renderer/src/features/po-entry/grid/grid-navigation';
import type { LineCell } from '../../src/renderer/src/features/po-entry/line-rules';

const ALL: GridColumnId[] = ['number', 'item', 'description', 'quantity', 'unitCost', 'total', 'distributionType', 'job', 'workOrder', 'costType', 'glAccount', 'costCenter', 'remove'];
const EDITABLE: LineCell[] = ['item', 'description', 'quantity', 'unitCost', 'distributionType', 'job', 'workOrder', 'costType', 'glAccount', 'costCenter'];
const row = (filled: LineCell[], required: LineCell[] = ['glAccount'], editable: LineCell[] = EDITABLE): RowFacts => ({
  filled: new Set(filled),
  required: new Set(required),
  editable: new Set(editable),
});

describe('which key does what', () => {
  const cases: [string, KeyPress, CellMode, CellKind, boolean, ReturnType<typeof gridActionOf>][] = [
    ['arrows move in nav mode', { key: 'ArrowDown' }, 'nav', 'text', false, 'down'],
    ['arrows move once typing has begun', { key: 'ArrowLeft' }, 'enter', 'text', false, 'left'],
    ['arrows move the caret after F2', { key: 'ArrowLeft' }, 'edit', 'text', false, null],
    ['up and down belong to an open look-up list', { key: 'ArrowDown' }, 'nav', 'combobox', true, null],
    ['Enter belongs to an open look-up list first', { key: 'Enter' }, 'enter', 'combobox', true, null],
    ['Escape closes an open list before it restores', { key: 'Escape' }, 'enter', 'combobox', true, null],
    ['Enter moves on', { key: 'Enter' }, 'enter', 'text', false, 'move-on'],
    ['Enter moves on from a select', { key: 'Enter' }, 'nav', 'select', false, 'move-on'],
    ['Shift+Enter is left alone', { key: 'Enter', shiftKey: true }, 'nav', 'text', false, null],
    ['F2 edits a text cell', { key: 'F2' }, 'nav', 'text', false, 'edit'],
    ['F2 edits a look-up cell', { key: 'F2' }, 'nav', 'combobox', false, 'edit'],
    ['F2 does nothing on a select', { key: 'F2' }, 'nav', 'select', false, null],
    ['Escape restores', { key: 'Escape' }, 'enter', 'text', false, 'restore'],
    ['Escape on the line number does nothing', { key: 'Escape' }, 'nav', 'handle', false, null],
    ['Tab goes to the next cell', { key: 'Tab' }, 'edit', 'text', false, 'next'],
    ['Shift+Tab to the previous', { key: 'Tab', shiftKey: true }, 'nav', 'text', false, 'previous'],
    ['Tab even with a list open (the list takes its pick first)', { key: 'Tab' }, 'enter', 'combobox', true, 'next'],
    ['Ctrl+Home to the first line', { key: 'Home', ctrlKey: true }, 'nav', 'text', false, 'first'],
    ['Ctrl+End to the last line', { key: 'End', ctrlKey: true }, 'nav', 'text', false, 'last'],
    ['Ctrl+S is the screen’s', { key: 's', ctrlKey: true }, 'nav', 'text', false, null],
    ['Alt+Down opens a list', { key: 'ArrowDown', altKey: true }, 'nav', 'combobox', false, null],
    ['Shift+arrows select text', { key: 'ArrowRight', shiftKey: true }, 'enter', 'text', false, null],
    ['letters are typing', { key: 'a' }, 'nav', 'text', false, null],
  ];
  it.each(cases)('%s', (_name, press, mode, kind, listOpen, expected) => {
    expect(gridActionOf(press, mode, kind, listOpen)).toBe(expected);
  });
});

describe('where arrows and Tab go', () => {
  const cases: [string, { row: number; column: GridColumnId }, Parameters<typeof moveFrom>[1], number, ReturnType<typeof moveFrom>][] = [
    ['down', { row: 0, column: 'quantity' }, 'down', 3, { to: { row: 1, column: 'quantity' } }],
    ['down stops at the last line', { row: 2, column: 'quantity' }, 'down', 3, { stay: true }],
    ['up stops at the first line', { row: 0, column: 'item' }, 'up', 3, { stay: true }],
    ['right skips the line total', { row: 0, column: 'unitCost' }, 'right', 3, { to: { row: 0, column: 'distributionType' } }],
    ['left to the line number', { row: 1, column: 'item' }, 'left', 3, { to: { row: 1, column: 'number' } }],
    ['left stops at the line number', { row: 1, column: 'number' }, 'left', 3, { stay: true }],
    ['right stops at the last coding cell', { row: 1, column: 'costCenter' }, 'right', 3, { stay: true }],
    ['Tab wraps to the next line', { row: 0, column: 'costCenter' }, 'next', 3, { to: { row: 1, column: 'number' } }],
    ['Tab leaves after the last cell', { row: 2, column: 'costCenter' }, 'next', 3, { leave: 'after' }],
    ['Shift+Tab wraps to the line above', { row: 1, column: 'number' }, 'previous', 3, { to: { row: 0, column: 'costCenter' } }],
    ['Shift+Tab leaves before the first cell', { row: 0, column: 'number' }, 'previous', 3, { leave: 'before' }],
    ['Ctrl+Home', { row: 2, column: 'job' }, 'first', 3, { to: { row: 0, column: 'item' } }],
    ['Ctrl+End', { row: 0, column: 'job' }, 'last', 3, { to: { row: 2, column: 'item' } }],
  ];
  it.each(cases)('%s', (_name, from, action, rows, expected) => {
    expect(moveFrom(from, action, rows, ALL)).toEqual(expected);
  });

  it('hidden columns are passed over', () => {
    const shown = ALL.filter((id) => id !== 'distributionType' && id !== 'job');
    expect(moveFrom({ row: 0, column: 'unitCost' }, 'right', 1, shown)).toEqual({ to: { row: 0, column: 'workOrder' } });
  });
});

describe('where Enter moves on to', () => {
  const cases: [string, GridColumnId, RowFacts, number, number, ReturnType<typeof moveOnFrom>][] = [
    ['an item that filled description and cost → quantity', 'item', row(['item', 'description', 'unitCost']), 0, 1, { to: { row: 0, column: 'quantity' } }],
    ['an unknown item → description', 'item', row(['item']), 0, 1, { to: { row: 0, column: 'description' } }],
    ['an item with a description typed → quantity', 'item', row(['item', 'description']), 0, 1, { to: { row: 0, column: 'quantity' } }],
    ['description → quantity', 'description', row(['description']), 0, 1, { to: { row: 0, column: 'quantity' } }],
    ['quantity → an empty unit cost', 'quantity', row(['description', 'quantity']), 0, 1, { to: { row: 0, column: 'unitCost' } }],
    ['quantity with the cost filled → the G/L account still needed', 'quantity', row(['description', 'quantity', 'unitCost']), 0, 1, { to: { row: 0, column: 'glAccount' } }],
    ['unit cost → the G/L account still needed', 'unitCost', row(['description', 'quantity', 'unitCost']), 0, 1, { to: { row: 0, column: 'glAccount' } }],
    ['unit cost with coding complete, last line → a new line', 'unitCost', row(['description', 'quantity', 'unitCost', 'glAccount']), 0, 1, { addLineAfter: 0 }],
    ['unit cost with coding complete → the next line’s item', 'unitCost', row(['description', 'quantity', 'unitCost', 'glAccount']), 0, 3, { to: { row: 1, column: 'item' } }],
    ['a job-cost line needs its job first', 'unitCost', row(['quantity', 'unitCost'], ['job', 'glAccount']), 0, 1, { to: { row: 0, column: 'job' } }],
    ['from the job on to the G/L account', 'job', row(['quantity', 'unitCost', 'job'], ['job', 'glAccount']), 0, 1, { to: { row: 0, column: 'glAccount' } }],
    ['the G/L account, last coding needed → a new line', 'glAccount', row(['quantity', 'unitCost', 'glAccount']), 1, 2, { addLineAfter: 1 }],
    ['a read-only G/L account is not asked for', 'unitCost', row(['quantity', 'unitCost'], ['glAccount'], ['item', 'description', 'quantity', 'unitCost']), 0, 1, { addLineAfter: 0 }],
    ['the line number → item', 'number', row([]), 0, 1, { to: { row: 0, column: 'item' } }],
  ];
  it.each(cases)('%s', (_name, column, facts, at, rows, expected) => {
    expect(moveOnFrom({ row: at, column }, facts, rows, ALL)).toEqual(expected);
  });

  it('a hidden G/L column is not asked for', () => {
    const shown = ALL.filter((id) => id !== 'glAccount');
    expect(moveOnFrom({ row: 0, column: 'unitCost' }, row(['quantity', 'unitCost']), 1, shown)).toEqual({ addLineAfter: 0 });
  });
});
