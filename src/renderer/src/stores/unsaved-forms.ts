import { useEffect } from 'react';

/**
 * Forms that keep their draft in their own component state (the admin's record forms) say here
 * while they hold unsaved changes, so leaving their screen asks first like every other screen.
 * Only mounted forms are listed: a form's entry goes when it is saved, cancelled or unmounted.
 */
const unsaved = new Map<string, string>();

/** While `dirty`, leaving asks first and says `summary`. */
export function useUnsavedForm(id: string, dirty: boolean, summary: string): void {
  useEffect(() => {
    if (!dirty) return;
    unsaved.set(id, summary);
    return () => {
      unsaved.delete(id);
    };
  }, [id, dirty, summary]);
}

/** What the first form with unsaved changes would lose; leaving unmounts it, which discards its draft. */
export function unsavedFormSummary(): string | null {
  for (const summary of unsaved.values()) return summary;
  return null;
}
