import { useEffect, useRef } from 'react';

/**
 * A window-wide keyboard shortcut such as "Alt+N" or "Mod+S" (Mod is Ctrl, or Cmd on a Mac).
 * Letters match by physical key, so Alt+N works whatever character the layout makes of it.
 */
export function useShortcut(combo: string, handler: (event: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (!enabled) return;
    const matches = parseCombo(combo);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || !matches(event)) return;
      event.preventDefault();
      if (event.repeat) return;
      latest.current(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [combo, enabled]);
}

export function parseCombo(combo: string): (event: KeyboardEvent) => boolean {
  const parts = combo.split('+').map((part) => part.trim().toLowerCase());
  const key = parts.pop() ?? '';
  const mod = parts.includes('mod');
  const ctrl = parts.includes('ctrl');
  const meta = parts.includes('meta');
  const alt = parts.includes('alt');
  const shift = parts.includes('shift');
  const keyMatches = (event: KeyboardEvent) =>
    /^[a-z]$/.test(key) ? event.code === `Key${key.toUpperCase()}` || event.key.toLowerCase() === key : event.key.toLowerCase() === key;
  return (event) => {
    const modifiersMatch = mod
      ? (event.ctrlKey || event.metaKey) && !(event.ctrlKey && event.metaKey)
      : event.ctrlKey === ctrl && event.metaKey === meta;
    return modifiersMatch && event.altKey === alt && event.shiftKey === shift && keyMatches(event);
  };
}
