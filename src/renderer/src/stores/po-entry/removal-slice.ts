import { lineCellId } from '../../features/po-entry/field-ids';
import { isBlankLine } from '../../features/po-entry/line-rules';
import type { PoEntrySlice, RemovalSlice } from './state';

/** Removing a line asks first; a line outside the operator's cost centers says why it cannot go. */
export const createRemovalSlice: PoEntrySlice<RemovalSlice> = (set, get) => ({
  pendingRemoval: null,

  requestRemoveLine(key) {
    const { lines, po } = get();
    const index = lines.findIndex((line) => line.key === key);
    const line = lines[index];
    if (!line) return;
    if (po?.mode === 'view') {
      set({ alert: `${po.number} is open to view; open it for change to remove lines.` });
      return;
    }
    if (line.access && line.access.deleteRefusal !== null) {
      set({ alert: line.access.deleteRefusal, notice: null });
      return;
    }
    if (isBlankLine(line)) {
      get().removeLine(key);
      return;
    }
    set({ alert: null, pendingRemoval: { key, number: index + 1, description: line.description.trim() || line.itemCode.trim() } });
  },

  confirmRemoveLine() {
    const pending = get().pendingRemoval;
    set({ pendingRemoval: null });
    if (pending) get().removeLine(pending.key);
  },

  cancelRemoveLine() {
    const pending = get().pendingRemoval;
    set({ pendingRemoval: null });
    if (pending) get().requestFocus(lineCellId(pending.key, 'item'));
  },
});
