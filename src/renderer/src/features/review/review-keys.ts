/**
 * The review desk's keys, pure: which key does what, given where focus is and whether a decision
 * waits for confirmation. The screen turns DOM events into these facts and runs the action.
 *
 * - J / K (or ↓ / ↑): next and previous PO, while no decision waits.
 * - A: approve, R: reject — each asks first; with a decision waiting they switch to the other.
 * - Enter confirms the waiting decision; Escape cancels it.
 * - In the reason box (a textarea, so a reason may run over lines) letters are typing: only
 *   Ctrl+Enter (Cmd+Enter on a Mac) confirms the rejection and Escape cancels it.
 * - On a focused button Enter and Space stay the button's own, so Enter on "Cancel" cancels.
 * - Other fields (the file pickers) and any dialog keep every key but Escape.
 */

export interface ReviewKeyPress {
  key: string;
  /** The physical key ("KeyJ"), for layouts whose letters are not Latin. */
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

/** Where focus is when the key is pressed. */
export type ReviewKeyTarget = 'screen' | 'button' | 'reason' | 'text-entry' | 'dialog';

export type PendingDecision = 'approve' | 'reject' | null;

export type ReviewKeyAction = 'next' | 'previous' | 'approve' | 'reject' | 'confirm' | 'cancel';

/** The letter a key stands for: the character on Latin layouts, else the physical key's. */
function letterOf(press: ReviewKeyPress): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  const fromCode = /^Key([A-Z])$/.exec(press.code ?? '');
  return fromCode ? (fromCode[1] as string).toLowerCase() : null;
}

export function reviewKeyAction(press: ReviewKeyPress, target: ReviewKeyTarget, pending: PendingDecision): ReviewKeyAction | null {
  const commandKey = Boolean(press.ctrlKey) !== Boolean(press.metaKey);
  const anyModifier = Boolean(press.ctrlKey || press.metaKey || press.altKey);

  if (target === 'dialog') return null;
  if (press.key === 'Escape') return pending !== null && !anyModifier ? 'cancel' : null;

  if (target === 'reason') {
    return press.key === 'Enter' && commandKey && !press.altKey && pending === 'reject' ? 'confirm' : null;
  }
  if (target === 'text-entry') return null;

  if (press.key === 'Enter') {
    if (target === 'button' || anyModifier || press.shiftKey) return null;
    return pending !== null ? 'confirm' : null;
  }
  if (anyModifier) return null;

  if (pending === null) {
    if (press.key === 'ArrowDown') return 'next';
    if (press.key === 'ArrowUp') return 'previous';
  }
  switch (letterOf(press)) {
    case 'j':
      return pending === null ? 'next' : null;
    case 'k':
      return pending === null ? 'previous' : null;
    case 'a':
      return pending === 'approve' ? null : 'approve';
    case 'r':
      return pending === 'reject' ? null : 'reject';
    default:
      return null;
  }
}

/** What the screen needs to know of the focused element to place it. */
export interface FocusFacts {
  tagName: string;
  /** An input's type attribute. */
  type?: string;
  isContentEditable?: boolean;
  inDialog: boolean;
  isReasonBox: boolean;
}

/** Inputs that take no typing behave like the rest of the screen. */
const NON_TEXT_INPUTS: ReadonlySet<string> = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file']);

export function reviewKeyTargetOf(facts: FocusFacts): ReviewKeyTarget {
  if (facts.inDialog) return 'dialog';
  if (facts.isReasonBox) return 'reason';
  const tag = facts.tagName.toUpperCase();
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'button';
  if (tag === 'INPUT') return NON_TEXT_INPUTS.has((facts.type ?? 'text').toLowerCase()) ? 'button' : 'text-entry';
  if (tag === 'TEXTAREA' || tag === 'SELECT' || facts.isContentEditable) return 'text-entry';
  return 'screen';
}
