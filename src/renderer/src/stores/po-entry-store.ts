import { create } from 'zustand';
import { createBudgetSlice } from './po-entry/budget-slice';
import { createCodingSlice } from './po-entry/coding-slice';
import { createFormSlice } from './po-entry/form-slice';
import { createHeaderSlice } from './po-entry/header-slice';
import { createLifecycleSlice } from './po-entry/lifecycle-slice';
import { createLinesSlice } from './po-entry/lines-slice';
import { createRemovalSlice } from './po-entry/removal-slice';
import { createSaveSlice } from './po-entry/save-slice';
import type { PoEntryState } from './po-entry/state';

export type { CodingBoxState, OpenPo, PendingRemoval, PoEntryState, Problem, StepQuestion } from './po-entry/state';

/** The PO entry form, one store built from its seams: form, header, budget order, lines, removal, save, the PO's life cycle and its rows' coding. */
export const usePoEntryStore = create<PoEntryState>()((...args) => ({
  ...createFormSlice(...args),
  ...createHeaderSlice(...args),
  ...createBudgetSlice(...args),
  ...createLinesSlice(...args),
  ...createRemovalSlice(...args),
  ...createSaveSlice(...args),
  ...createLifecycleSlice(...args),
  ...createCodingSlice(...args),
}));
