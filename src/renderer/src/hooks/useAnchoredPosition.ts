import { type CSSProperties, type RefObject, useLayoutEffect, useState } from 'react';

const GAP = 3;
const PREFERRED_HEIGHT = 320;

export interface AnchoredPosition {
  style: CSSProperties;
  width: number;
}

/**
 * Where a pop-up list goes for the element it belongs to: fixed to the window, under the element,
 * or above it when the window has more room there; followed while anything scrolls or resizes.
 */
export function useAnchoredPosition(anchor: RefObject<HTMLElement | null>, open: boolean): AnchoredPosition | null {
  const [position, setPosition] = useState<AnchoredPosition | null>(null);
  useLayoutEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    const place = () => {
      const element = anchor.current;
      if (!element) return;
      const rect = element.getBoundingClientRect();
      const below = window.innerHeight - rect.bottom - GAP * 2;
      const above = rect.top - GAP * 2;
      const downward = below >= Math.min(PREFERRED_HEIGHT, above);
      const maxHeight = Math.max(120, Math.min(PREFERRED_HEIGHT, downward ? below : above));
      const left = Math.max(4, Math.min(rect.left, window.innerWidth - 320));
      setPosition({
        width: rect.width,
        style: {
          position: 'fixed',
          left,
          maxWidth: window.innerWidth - left - 8,
          maxHeight,
          ...(downward ? { top: rect.bottom + GAP, bottom: 'auto' } : { top: 'auto', bottom: window.innerHeight - rect.top + GAP }),
        },
      });
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [anchor, open]);
  return position;
}
