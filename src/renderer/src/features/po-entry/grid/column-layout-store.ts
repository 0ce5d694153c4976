import { create } from 'zustand';
import { type ColumnLayout, columnOf, DEFAULT_LAYOUT, knownColumnId } from './columns';
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
    const known = (list: unknown): GridColumnId[] =>
      Array.isArray(list) ? list.filter((id): id is GridColumnId => typeof id === 'string' && knownColumnId(id) && columnOf(id).hideable) : [];
    const widths: ColumnLayout['widths'] = {};
    for (const [id, width] of Object.entries(parsed.widths ?? {})) {
      if (knownColumnId(id) && typeof width === 'number' && Number.isFinite(width)) widths[id] = Math.round(width);
    }
    return { hidden: known(parsed.hidden), shown: known(parsed.shown), widths };
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
      const column = columnOf(id);
      if (!column.hideable) return;
      const flip = (list: GridColumnId[]) => (list.includes(id) ? list.filter((other) => other !== id) : [...list, id]);
      const layout = get().layout;
      // A column hidden by default is listed when shown; any other when hidden.
      change(column.defaultHidden ? { ...layout, shown: flip(layout.shown) } : { ...layout, hidden: flip(layout.hidden) });
    },
    resize(id, width) {
      const column = columnOf(id);
      const clamped = Math.round(Math.min(MAX_WIDTH, Math.max(column.minWidth, width)));
      const layout = get().layout;
      change({ ...layout, widths: { ...layout.widths, [id]: clamped } });
    },
    reset() {
      change(DEFAULT_LAYOUT);
    },
  };
});
