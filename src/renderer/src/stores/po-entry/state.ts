import type { StateCreator } from 'zustand';
import type {
  DistributionCodes,
  DistributionType,
  HeaderResolution,
  ItemOption,
  PoMode,
  PoStatus,
  WarehouseOption,
} from '../../../../shared/contracts';
import type { LargePoConfirmation } from '../../../../shared/result';
import type { FieldTarget } from '../../features/po-entry/field-ids';
import type { CodeCell, LineDraft } from '../../features/po-entry/line-rules';

export interface OpenPo {
  id: number;
  version: number;
  number: string;
  status: PoStatus;
  createdBy: string;
  /** View shows every line; change edits the lines main allows (rules 5 and 6). */
  mode: PoMode;
  canChange: boolean;
  /** Main's word on change mode: why it is open, or why not. */
  accessReason: string;
}

export type LinePatch = Partial<Pick<LineDraft, 'itemCode' | 'description' | 'quantity' | 'unitCost' | CodeCell>>;

/** A line the operator asked to remove, waiting for confirmation. */
export interface PendingRemoval {
  key: string;
  number: number;
  description: string;
}

/** A refused field as the summary at the top lists it; its message stands beside the field itself. */
export type Problem = FieldTarget & { message: string };

export interface FormSlice {
  /** The stored PO being edited; null for a new one. */
  po: OpenPo | null;
  /** A refusal or failure that belongs to no one field (a stale version, a lost connection). */
  alert: string | null;
  notice: string | null;
  busy: 'idle' | 'loading' | 'saving';
  dirty: boolean;
  focus: { id: string; seq: number } | null;
  warehouses: WarehouseOption[];
  codes: DistributionCodes | null;
  newPo(): void;
  open(id: number, mode?: PoMode): Promise<boolean>;
  loadCodes(): Promise<void>;
  loadWarehouses(): Promise<void>;
  requestFocus(id: string): void;
  settingsChanged(): void;
  /** Drops unsaved work the operator chose to discard; the lists loaded from main stay. */
  discard(): void;
  /** What leaving now would lose, in words; null when nothing would. */
  unsavedSummary(): string | null;
  reset(): void;
}

export interface HeaderSlice {
  vendorText: string;
  warehouseCode: string;
  costCenterText: string;
  /** The field holds a code to check rather than the default: typed or picked, or loaded from a stored PO. */
  costCenterExplicit: boolean;
  /** The operator typed or picked the cost center in this form (rule 4a: only this may become sticky). */
  costCenterTyped: boolean;
  resolution: HeaderResolution | null;
  setVendorText(text: string): void;
  commitVendor(text: string): void;
  setWarehouse(code: string): void;
  setCostCenterText(text: string): void;
  commitCostCenter(text: string): void;
  resolve(force?: boolean): Promise<void>;
}

export interface LinesSlice {
  lines: LineDraft[];
  /** Line cells the operator has left, whose client-side errors may now show. */
  touched: Record<string, true>;
  updateLine(key: string, patch: LinePatch): void;
  /** Leaving a number cell: the value is shown re-written in the operator's locale. */
  commitNumber(key: string, cell: 'quantity' | 'unitCost'): void;
  commitItem(key: string, text: string, picked: ItemOption | null): Promise<void>;
  commitCode(key: string, cell: CodeCell, text: string): void;
  setDistributionType(key: string, type: DistributionType): void;
  touch(fieldKey: string): void;
  addLineAfter(key: string | null): void;
  removeLine(key: string): void;
}

export interface RemovalSlice {
  pendingRemoval: PendingRemoval | null;
  requestRemoveLine(key: string): void;
  confirmRemoveLine(): void;
  cancelRemoveLine(): void;
}

export interface SaveSlice {
  /** A save was tried: every client-side error shows. */
  submitted: boolean;
  /** Errors main answered with, by form field key. */
  fieldErrors: Record<string, string>;
  /** Every refused field of the last save, in screen order, for the summary at the top. */
  problems: Problem[];
  /** Main asks the operator to confirm a total above the large-PO amount. */
  largePo: LargePoConfirmation | null;
  save(): Promise<void>;
  confirmLargePo(): Promise<void>;
  cancelLargePo(): void;
}

export type PoEntryState = FormSlice & HeaderSlice & LinesSlice & RemovalSlice & SaveSlice;
export type PoEntrySlice<T> = StateCreator<PoEntryState, [], [], T>;
