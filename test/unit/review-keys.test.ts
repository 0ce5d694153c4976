import { describe, expect, it } from 'vitest';
import {
  type FocusFacts,
  type PendingDecision,
  type ReviewKeyAction,
  reviewKeyAction,
  type ReviewKeyPress,
  type ReviewKeyTarget,
  reviewKeyTargetOf,
} from '../../src/renderer/src/features/review/review-keys';
import { ageOf, decisionQuestion } from '../../src/renderer/src/features/review/review-words';

describe('which review key does what', () => {
  const cases: [string, ReviewKeyPress, ReviewKeyTarget, PendingDecision, ReviewKeyAction | null][] = [
    ['J moves to the next PO', { key: 'j' }, 'screen', null, 'next'],
    ['K moves to the previous PO', { key: 'k' }, 'screen', null, 'previous'],
    ['caps lock J still moves', { key: 'J' }, 'screen', null, 'next'],
    ['the arrows move too', { key: 'ArrowDown' }, 'screen', null, 'next'],
    ['ArrowUp moves back', { key: 'ArrowUp' }, 'screen', null, 'previous'],
    ['J on a focused button still moves', { key: 'j' }, 'button', null, 'next'],
    ['a non-Latin layout goes by the physical key', { key: 'о', code: 'KeyJ' }, 'screen', null, 'next'],
    ['A asks to approve', { key: 'a' }, 'screen', null, 'approve'],
    ['R asks to reject', { key: 'r' }, 'screen', null, 'reject'],
    ['A again while approval waits does nothing', { key: 'a' }, 'button', 'approve', null],
    ['R while approval waits switches to rejecting', { key: 'r' }, 'button', 'approve', 'reject'],
    ['J while a decision waits does not move away from it', { key: 'j' }, 'screen', 'approve', null],
    ['ArrowDown while a decision waits does not move', { key: 'ArrowDown' }, 'screen', 'approve', null],
    ['Enter confirms the waiting approval', { key: 'Enter' }, 'screen', 'approve', 'confirm'],
    ['Enter with nothing waiting does nothing', { key: 'Enter' }, 'screen', null, null],
    ['Enter on a focused button is the button’s (Cancel cancels)', { key: 'Enter' }, 'button', 'approve', null],
    ['Shift+Enter does not confirm', { key: 'Enter', shiftKey: true }, 'screen', 'approve', null],
    ['Escape cancels a waiting decision', { key: 'Escape' }, 'screen', 'approve', 'cancel'],
    ['Escape cancels from a focused button', { key: 'Escape' }, 'button', 'reject', 'cancel'],
    ['Escape with nothing waiting does nothing', { key: 'Escape' }, 'screen', null, null],
    ['typing a in the reason box is typing', { key: 'a' }, 'reason', 'reject', null],
    ['typing j in the reason box is typing', { key: 'j' }, 'reason', 'reject', null],
    ['Enter in the reason box is a new line', { key: 'Enter' }, 'reason', 'reject', null],
    ['Ctrl+Enter in the reason box rejects', { key: 'Enter', ctrlKey: true }, 'reason', 'reject', 'confirm'],
    ['Cmd+Enter in the reason box rejects', { key: 'Enter', metaKey: true }, 'reason', 'reject', 'confirm'],
    ['Ctrl+Alt+Enter in the reason box does not', { key: 'Enter', ctrlKey: true, altKey: true }, 'reason', 'reject', null],
    ['Escape in the reason box cancels', { key: 'Escape' }, 'reason', 'reject', 'cancel'],
    ['letters in another field are typing', { key: 'a' }, 'text-entry', null, null],
    ['Escape in another field cancels a waiting decision', { key: 'Escape' }, 'text-entry', 'approve', 'cancel'],
    ['nothing acts inside a dialog', { key: 'Escape' }, 'dialog', 'approve', null],
    ['A in a dialog is the dialog’s', { key: 'a' }, 'dialog', null, null],
    ['Ctrl+A is select-all, not approve', { key: 'a', ctrlKey: true }, 'screen', null, null],
    ['Alt+R is not reject', { key: 'r', altKey: true }, 'screen', null, null],
    ['Ctrl+Enter on the screen does not confirm', { key: 'Enter', ctrlKey: true }, 'screen', 'approve', null],
    ['other letters do nothing', { key: 'x' }, 'screen', null, null],
  ];
  it.each(cases)('%s', (_name, press, target, pending, expected) => {
    expect(reviewKeyAction(press, target, pending)).toBe(expected);
  });
});

describe('where focus is', () => {
  const facts = (patch: Partial<FocusFacts>): FocusFacts => ({ tagName: 'DIV', inDialog: false, isReasonBox: false, ...patch });
  const cases: [string, FocusFacts, ReviewKeyTarget][] = [
    ['a queue row', facts({}), 'screen'],
    ['the page itself', facts({ tagName: 'BODY' }), 'screen'],
    ['a button', facts({ tagName: 'BUTTON' }), 'button'],
    ['a link', facts({ tagName: 'a' }), 'button'],
    ['a checkbox', facts({ tagName: 'INPUT', type: 'checkbox' }), 'button'],
    ['a file picker', facts({ tagName: 'INPUT', type: 'file' }), 'button'],
    ['a text field', facts({ tagName: 'INPUT', type: 'text' }), 'text-entry'],
    ['an input without a type', facts({ tagName: 'INPUT' }), 'text-entry'],
    ['a search box', facts({ tagName: 'INPUT', type: 'search' }), 'text-entry'],
    ['a select', facts({ tagName: 'SELECT' }), 'text-entry'],
    ['another textarea', facts({ tagName: 'TEXTAREA' }), 'text-entry'],
    ['editable text', facts({ isContentEditable: true }), 'text-entry'],
    ['the reason box', facts({ tagName: 'TEXTAREA', isReasonBox: true }), 'reason'],
    ['a button in a dialog', facts({ tagName: 'BUTTON', inDialog: true }), 'dialog'],
  ];
  it.each(cases)('%s', (_name, given, expected) => {
    expect(reviewKeyTargetOf(given)).toBe(expected);
  });
});

describe('what the keys say', () => {
  it('asks before Enter with the PO, its revision and amount in the operator’s format', () => {
    const facts = { decision: 'approve' as const, poNumber: 'PO-000123', revision: 1, totalMinor: 1_234_500 };
    expect(decisionQuestion(facts, 'en-US')).toBe('Approve PO-000123 revision 1 for 12,345.00?');
    expect(decisionQuestion({ ...facts, decision: 'reject', revision: 2 }, 'de-DE')).toBe('Reject PO-000123 revision 2 for 12.345,00?');
  });

  it('tells the age in whole days, else hours, rounding down', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(ageOf('2025-03-07T11:00:00Z', now, 'en-US')).toBe('3 days');
    expect(ageOf('2025-03-09T11:59:59Z', now, 'en-US')).toBe('1 day');
    expect(ageOf('2025-03-09T12:00:01Z', now, 'en-US')).toBe('23 hours');
    expect(ageOf('2025-03-10T11:00:00Z', now, 'en-US')).toBe('1 hour');
    expect(ageOf('2025-03-10T11:30:00Z', now, 'en-US')).toBe('under an hour');
    // A clock a little behind the server's never makes a negative age.
    expect(ageOf('2025-03-10T12:05:00Z', now, 'en-US')).toBe('under an hour');
    expect(ageOf('2022-03-10T12:00:00Z', now, 'de-DE')).toBe('1.096 days');
    expect(ageOf('not a date', now, 'en-US')).toBe('unknown');
  });
});
