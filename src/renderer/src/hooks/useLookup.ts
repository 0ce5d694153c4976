import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/result';

/**
 * Debounced look-up while a field has focus. Answers only for the text now in the field: while the
 * answer for it is on its way (or the field is not focused) it gives null, so a stale list is never picked from.
 */
export function useLookup<T>(text: string, active: boolean, search: (query: string) => Promise<Result<T[]>>, delayMs = 150): T[] | null {
  const [answer, setAnswer] = useState<{ query: string; options: T[] } | null>(null);
  const query = text.trim();
  const answered = answer !== null && answer.query === query;

  useEffect(() => {
    if (!active || answered) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void search(query).then((result) => {
        if (!cancelled && result.ok) setAnswer({ query, options: result.value });
      });
    }, delayMs);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
    // `search` is a stable module function at every call site.
  }, [query, active, answered, delayMs]);

  return answered ? answer.options : null;
}
