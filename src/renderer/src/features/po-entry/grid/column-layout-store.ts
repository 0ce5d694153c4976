import { create } from 'zustand';
import { COLUMN_BY_ID, type ColumnLayout, DEFAULT_LAYOUT } from './columns';
import type { GridColumnId } from './grid-navigation';

/**
 * Which coding columns an operator shows and how wide each is, remembered per operator on this
 * workstation (local storage: a preference of the screen, not data main needs to guard).
 */
interface ColumnLayoutState {
  operatorId: number | null;
  layout: ColumnLayout;
  load(operatorId: number): void;
  toggle(id: GridColumnId): void;
  resize(id: GridColumnId, width: number): void;
  reset(): void;
}

const storageKey = (operatorId: number) => `purchasing-desk:lines-grid:${operatorId}`;

function read(operatorId: number): ColumnLayout {
  try {
    const raw = window.localStorage.getItem(storageKey(operatorId));
    if (!raw) return DEFAULT_LAYOUT;
    const parsed = JSON.parse(raw) as Partial<ColumnLayout>;
    const hidden = Array.isArray(parsed.hidden) ? parsed.hidden.filter((id) => COLUMN_BY_ID[id]?.hideable) : [];
    const widths: ColumnLayout['widths'] = {};
    for (const [id, width] of Object.entries(parsed.widths ?? {})) {
      if (COLUMN_BY_ID[id as GridColumnId] && typeof width === 'number' && Number.isFinite(width)) widths[id as GridColumnId] = Math.round(width);
    }
    return { hidden, widths };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

function write(operatorId: number | null, layout: ColumnLayout): void {
  if (operatorId === null) return;
  try {
    window.localStorage.setItem(storageKey(operatorId), JSON.stringify(layout));
  } catch {
    // Storage full or refused: the layout still holds for this session.
  }
}

const MAX_WIDTH = 600;

export const useColumnLayoutStore = create<ColumnLayoutState>()((set, get) => {
  const change = (layout: ColumnLayout) => {
    set({ layout });
    write(get().operatorId, layout);
  };
  return {
    operatorId: null,
    layout: DEFAULT_LAYOUT,
    load(operatorId) {
      if (get().operatorId === operatorId) return;
      set({ operatorId, layout: read(operatorId) });
    },
    toggle(id) {
      if (!COLUMN_BY_ID[id].hideable) return;
      const { hidden, widths } = get().layout;
      change({ widths, hidden: hidden.includes(id) ? hidden.filter((other) => other !== id) : [...hidden, id] });
    },
    resize(id, width) {
      const column = COLUMN_BY_ID[id];
      const clamped = Math.round(Math.min(MAX_WIDTH, Math.max(column.minWidth, width)));
      const { hidden, widths } = get().layout;
      change({ hidden, widths: { ...widths, [id]: clamped } });
    },
    reset() {
      change(DEFAULT_LAYOUT);
    },
  };
});
