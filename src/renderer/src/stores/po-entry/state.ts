import type { StateCreator } from 'zustand';
import type {
  DistributionCodes,
  DistributionType,
  HeaderResolution,
  ItemOption,
  PoMode,
  PoRevision,
  PoStatus,
  WarehouseOption,
} from '../../../../shared/contracts';
import type { PoStanding, PoStep } from '../../../../shared/lifecycle-schemas';
import type { BudgetHeadroom, BudgetPicker, PoBudgetOrder } from '../../../../shared/purchasing-controls-schemas';
import type { CodeRowResult } from '../../../../shared/coding-schemas';
import type { LargePoConfirmation, Result } from '../../../../shared/result';
import type { FieldTarget } from '../../features/po-entry/field-ids';
import type { CodeCell, LineCell, LineDraft } from '../../features/po-entry/line-rules';
import type { CodingAsk } from './coding-request';

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
  /** Where the PO stands in its life: revision, why, approvals, revisions, and the steps open to this operator. */
  standing: PoStanding;
  /** The billing entity and customer PO number as stored: a later change to the entity never rewrites them. */
  billingEntityCode: string | null;
  customerPoNumber: string | null;
  /** The budget order as stored, and whether it is locked (from approval on) with main's reason. */
  budgetOrder: PoBudgetOrder | null;
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
  busy: 'idle' | 'loading' | 'saving' | 'stepping';
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
  /** The billing entity's code as typed or picked; blank: none. */
  billingEntityText: string;
  /** The project code as typed (project-code mode); sent as typed, main trims and judges it. */
  projectCodeText: string;
  /** The operator chose "None" for the header cost center: main proposes no default. */
  noCostCenter: boolean;
  setVendorText(text: string): void;
  commitVendor(text: string): void;
  setWarehouse(code: string): void;
  setCostCenterText(text: string): void;
  commitCostCenter(text: string): void;
  /** "None" picked (only where main offers it): no header cost center, each line carries its own. */
  chooseNoCostCenter(): void;
  setBillingEntityText(text: string): void;
  commitBillingEntity(text: string): void;
  setProjectCodeText(text: string): void;
  /** Leaving the project-code field: main judges what was typed. */
  commitProjectCode(): void;
  resolve(force?: boolean): Promise<void>;
}

export interface BudgetSlice {
  /** The budget order's number as typed or picked. */
  budgetOrderText: string;
  /** The budget order the PO draws on; null: none. */
  budgetOrderId: number | null;
  /** The open budget orders valid on the PO's date, with their figures; null until read. */
  budgetPicker: BudgetPicker | null;
  /** Why the picker's list could not be read. */
  budgetPickerError: string | null;
  /** What this PO as typed would leave unallocated on its budget order, with main's warning. */
  headroom: BudgetHeadroom | null;
  loadBudgetPicker(): Promise<void>;
  setBudgetOrderText(text: string): void;
  commitBudgetOrder(text: string): void;
  /** Asks main what the PO total as typed now would leave on the chosen budget order. */
  checkHeadroom(totalMinor: number): Promise<void>;
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
  /** Main judges the line's distribution again (after the coding filled its G/L account). */
  judge(key: string, changed: LineCell): Promise<void>;
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

/** A step that asks first: a reason (cancel), or a yes to a step that cannot be taken back. */
export type StepQuestion = { step: 'cancel'; error: string | null } | { step: 'release' | 'close' | 'change-order' };

export interface LifecycleSlice {
  /** The step waiting for the operator's answer in a dialog. */
  stepQuestion: StepQuestion | null;
  /** Submit asked for the unsaved edits to be saved first; it goes on once they are. */
  submitAfterSave: boolean;
  /** A PDF is being made; the button says so, editing goes on. */
  documentBusy: boolean;
  /** The stored revision open to read, or the one being fetched. */
  revisionView: { revision: number; loaded: PoRevision | null; error: string | null } | null;
  /** A status-bar button: asks first where the step needs it, saves first for Submit with unsaved edits. */
  requestStep(step: PoStep): void;
  /** Takes the step now, with the reason where one was asked. */
  takeStep(step: PoStep, reason?: string): Promise<void>;
  /** The operator is writing the reason again: the last refusal of it no longer stands. */
  clearStepError(): void;
  dismissStepQuestion(): void;
  /** Makes the PO's document (a stored revision's, or the current one) and hands it to the browser to save. */
  saveDocument(revision?: number): Promise<void>;
  showRevision(revision: number): Promise<void>;
  closeRevision(): void;
  /** Another desk changed POs: the open PO's standing is read again when nothing here is unsaved. */
  refreshStanding(): Promise<void>;
}

/** The coding box: which row it is open for, and whether the operator asked or the rules opened it. */
export interface CodingBoxState {
  key: string;
  opened: 'asked' | 'auto';
}

export interface CodingSlice {
  /** The organisation the PO is coded for; null: the default one. */
  organisationCode: string | null;
  /** The PO header level of coding: dimension → value. */
  headerCoding: Record<string, string>;
  codingBox: CodingBoxState | null;
  /** What the operator is typing in a grid coding cell, by coding field key, until it is committed or restored. */
  codingText: Record<string, string>;
  /** Typing in a grid coding cell; null puts back what the row holds. */
  setCodingText(key: string, dimension: string, text: string | null): void;
  /** Asks main how a row is coded now; 'default' applies the defaults (what was entered stays), 'keep' only resolves. */
  codeLine(key: string, defaulting: 'default' | 'keep'): Promise<void>;
  /** Every typed row coded again: the vendor, the organisation or the header coding changed. */
  recodeLines(): Promise<void>;
  /** A coding cell left in the grid: main judges the change; refused, the reason stands beside the cell and the row keeps its value. */
  commitDimension(key: string, dimension: string, text: string): Promise<void>;
  /** A question for the coding box's draft: nothing on the line changes. Null when it cannot be asked (no vendor yet). */
  askCoding(key: string, ask: CodingAsk): Promise<Result<CodeRowResult> | null>;
  /** The coding box's Apply: the row takes the draft's coding, G/L account and cost center. */
  applyCoding(key: string, result: CodeRowResult, fields: { glAccount: string; costCenter: string }): void;
  openCodingBox(key: string, opened?: CodingBoxState['opened']): void;
  closeCodingBox(): void;
  setOrganisation(code: string | null): void;
  setHeaderCoding(dimension: string, value: string): void;
  /**
   * The PO coding dialog's Apply: the header level becomes `values` (dimension → value), and every row is
   * coded again keeping what it holds ('keep'), so a row's own value stays and a row without one follows the header.
   */
  applyHeaderCoding(values: Record<string, string>): Promise<void>;
}

export type PoEntryState = CodingSlice & FormSlice & HeaderSlice & BudgetSlice & LinesSlice & RemovalSlice & SaveSlice & LifecycleSlice;
export type PoEntrySlice<T> = StateCreator<PoEntryState, [], [], T>;
