import { type InputHTMLAttributes, type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAnchoredPosition } from '../hooks/useAnchoredPosition';

/**
 * A text field with a list of matches under it (ARIA 1.2 combobox, list autocomplete).
 *
 * Typing shows the matches for the text; the exact code, else the first match, is highlighted, and
 * Tab or Enter takes the highlighted one. ArrowDown/ArrowUp move, Escape closes the list. With no
 * matches the typed text itself is committed, so a full code and Tab always works.
 */
export interface ComboboxProps<T> {
  id: string;
  text: string;
  /** Matches for the text now in the field; null while they are not known yet. */
  options: readonly T[] | null;
  optionKey(option: T): string;
  renderOption(option: T): ReactNode;
  isExact(option: T, text: string): boolean;
  /** Narrows `options` while the operator types; without it `options` are shown as given. */
  filterOption?(option: T, text: string): boolean;
  listLabel: string;
  onTextChange(text: string): void;
  /** The field's value is settled: on Tab, Enter, a pick or leaving the field after typing. */
  onCommit(text: string, picked: T | null): void;
  /** Enter with nothing highlighted in the list. */
  onEnter?(): void;
  onFocusChange?(focused: boolean): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  /** The list is at least this wide, whatever the field's width. */
  listMinWidth?: number;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'onKeyDown' | 'onFocus' | 'onBlur' | 'role'>;
  className?: string;
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, text, options, optionKey, renderOption, isExact, filterOption, listLabel } = props;
  const [focused, setFocused] = useState(false);
  const [editing, setEditing] = useState(false);
  const [forcedOpen, setForcedOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [cursor, setCursor] = useState<{ options: readonly T[]; index: number } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** Something typed or arrowed to that is not committed yet; a ref so a blur right after Tab sees the commit. */
  const pending = useRef(false);

  // Memoised: the highlighted row is remembered per list, by identity.
  const shown = useMemo(
    () => (options && editing && filterOption ? options.filter((option) => filterOption(option, text)) : options),
    [options, editing, filterOption, text],
  );
  const exactIndex = shown ? shown.findIndex((option) => isExact(option, text)) : -1;
  const open = focused && !dismissed && (editing || forcedOpen) && shown !== null && shown.length > 0;
  const defaultIndex = !shown || shown.length === 0 ? -1 : exactIndex >= 0 ? exactIndex : (editing && text.trim() !== '') || forcedOpen ? 0 : -1;
  const active = cursor && cursor.options === shown ? cursor.index : defaultIndex;
  const activeOption = open && active >= 0 ? shown?.[active] : undefined;
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (!open || active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(`${id}-option-${active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, id]);

  const settle = () => {
    pending.current = false;
    setEditing(false);
    setForcedOpen(false);
    setDismissed(false);
    setCursor(null);
  };

  const pick = (option: T) => {
    settle();
    props.onCommit(optionKey(option), option);
  };

  const commitText = () => {
    const exact = shown && exactIndex >= 0 ? (shown[exactIndex] as T) : null;
    settle();
    props.onCommit(exact ? optionKey(exact) : text, exact);
  };

  const move = (step: number) => {
    if (!shown || shown.length === 0) return;
    const start = open ? active : step > 0 ? -1 : shown.length;
    const index = (start + step + shown.length) % shown.length;
    setCursor({ options: shown, index });
    pending.current = true;
    setForcedOpen(true);
    setDismissed(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    props.onKeyDown?.(event);
    if (!event.defaultPrevented) ownKeys(event);
  };

  const ownKeys = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        if (!open && event.altKey) {
          pending.current = true;
          setForcedOpen(true);
          setDismissed(false);
        } else move(event.key === 'ArrowDown' ? 1 : -1);
        if (!shown) {
          pending.current = true;
          setForcedOpen(true);
        }
        return;
      case 'Enter':
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        if (activeOption !== undefined) {
          event.preventDefault();
          pick(activeOption);
          return;
        }
        // Never the form's implicit submit: saving is Ctrl+S or the Save button.
        event.preventDefault();
        if (pending.current) commitText();
        props.onEnter?.();
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setDismissed(true);
        }
        return;
      case 'Tab':
        if (activeOption !== undefined) pick(activeOption);
        else if (pending.current) commitText();
        return;
      default:
    }
  };

  const position = useAnchoredPosition(inputRef, open);
  // The list lives at the top of the page, so no scrolling table or grid clips it.
  const list = (
    <ul
      ref={listRef}
      id={listId}
      role="listbox"
      aria-label={listLabel}
      className="combobox-list"
      hidden={!open}
      style={position ? { ...position.style, minWidth: Math.max(position.width, props.listMinWidth ?? 0) } : undefined}
    >
      {open &&
        shown?.map((option, index) => (
          <li
            key={optionKey(option)}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox-option active' : 'combobox-option'}
            // Keep focus in the field so picking with the mouse does not first commit the typed text.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(option)}
          >
            {renderOption(option)}
          </li>
        ))}
    </ul>
  );

  return (
    <div className={`combobox${props.className ? ` ${props.className}` : ''}`}>
      <input
        ref={inputRef}
        {...props.inputProps}
        id={id}
        role="combobox"
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption !== undefined ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          pending.current = true;
          setEditing(true);
          setDismissed(false);
          setCursor(null);
          props.onTextChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          props.onFocusChange?.(true);
        }}
        onBlur={() => {
          setFocused(false);
          props.onFocusChange?.(false);
          if (!pending.current) return;
          // Leaving by mouse takes the option the operator arrowed to, otherwise what they typed.
          if (activeOption !== undefined && cursor !== null && cursor.options === shown) pick(activeOption);
          else commitText();
        }}
      />
      {createPortal(list, document.body)}
    </div>
  );
}
