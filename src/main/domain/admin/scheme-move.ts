/**
 * What an operator gains and loses when moved to another scheme, before the admin assigns it, pure:
 * the scheme now, the scheme to be, the open POs and optionally the vendors and warehouses come in;
 * out go the differences and one paragraph: "If Alice Moreau moves from scheme NORTH to scheme
 * FIELD, they lose access to 12 open POs: PO-000003, … and 7 more."
 *
 * | difference            | judged by (the desk's own rules, under each scheme)                          |
 * |-----------------------|------------------------------------------------------------------------------|
 * | cost centers          | the active codes of each scheme's list                                       |
 * | vendors               | checkVendor against each scheme's list                                       |
 * | warehouses            | checkWarehouse with each scheme's override for it                            |
 * | open POs              | change mode's cost-center part (po-access-simulation.ts) under each scheme   |
 * | lines of POs kept     | checkLineTouch 'change' on each line, for POs open to them under both        |
 *
 * Why the PO's status is set aside: a scheme decides which POs the operator may change once they
 * are drafts; a submitted or released PO is as closed under both schemes until it is recalled or
 * takes a change order, and then the scheme is what decides. So each open PO is judged as a draft,
 * and listed with its real status. Which POs are open is the caller's choice (normally every PO
 * not closed or cancelled).
 */
import { DEFAULT_LOCALE, type LocaleCode } from '../../../shared/locales';
import { activeCodes, checkVendor, checkWarehouse, type VendorFacts } from '../cost-center-rules';
import { checkChangeMode, checkLineTouch, schemeList } from '../line-security';
import type { PoStatus } from '../po-lifecycle';
import { andList, countOf } from './field-rules';
import { changeList, lineList, overrideOf, scopeOf, type SimulatedPo } from './po-access-simulation';
import type { SchemeFacts } from './scheme-lists';

export interface SchemeMoveContext {
  operatorName: string;
  /** Absent: true. With cost centers off a scheme decides nothing. */
  costCentersEnabled?: boolean;
  vendors?: readonly VendorFacts[];
  warehouses?: readonly { code: string; name: string }[];
  locale?: LocaleCode;
}

export interface PoAccessChange {
  number: string;
  status: PoStatus;
  /** What change mode says under the scheme now, and under the new one. */
  before: string;
  after: string;
}

export interface LineAccessChange {
  number: string;
  lineNumbers: number[];
}

export interface SchemeComparison {
  from: string | null;
  to: string | null;
  changed: boolean;
  costCenters: { gained: string[]; lost: string[]; kept: string[] };
  vendors: { gained: string[]; lost: string[] };
  warehouses: { opened: string[]; closed: string[] };
  pos: { gained: PoAccessChange[]; lost: PoAccessChange[]; kept: number };
  lines: { gained: LineAccessChange[]; lost: LineAccessChange[] };
  summary: string;
}

const NUMBERS_SHOWN = 5;

function numbersText(numbers: readonly string[], locale: LocaleCode): string {
  if (numbers.length <= NUMBERS_SHOWN) return andList(numbers);
  return `${numbers.slice(0, NUMBERS_SHOWN).join(', ')} and ${countOf(numbers.length - NUMBERS_SHOWN, 'more', 'more', locale)}`;
}

const schemeName = (scheme: SchemeFacts | null) => (scheme === null ? 'no scheme' : `scheme ${scheme.code}`);
const minus = (a: readonly string[], b: readonly string[]) => {
  const other = new Set(b);
  return a.filter((code) => !other.has(code));
};

/** Whether the operator could open the PO for change under the scheme, its status set aside (see above). */
function accessUnder(scheme: SchemeFacts | null, operatorName: string, po: SimulatedPo, enabled: boolean) {
  const operator = { displayName: operatorName, scheme };
  const list = changeList(operator, po);
  const verdict = checkChangeMode({ costCentersEnabled: enabled, poNumber: po.number, status: 'draft', headerCostCenterCode: po.headerCostCenterCode, list });
  const changeable = po.lines.filter((line) => checkLineTouch('change', line, lineList(scheme, list, line), enabled).allowed).map((line) => line.lineNumber);
  return { allowed: verdict.allowed, reason: verdict.reason, changeable };
}

function lineChanges(po: string, lines: readonly number[]): LineAccessChange[] {
  return lines.length === 0 ? [] : [{ number: po, lineNumbers: [...lines] }];
}

/** Everything the move changes for the operator, and the paragraph the admin reads before confirming it. */
export function compareSchemes(before: SchemeFacts | null, after: SchemeFacts | null, openPos: readonly SimulatedPo[], context: SchemeMoveContext): SchemeComparison {
  const enabled = context.costCentersEnabled ?? true;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const name = context.operatorName;
  const head = `If ${name} moves from ${schemeName(before)} to ${schemeName(after)}`;
  const empty: SchemeComparison = {
    from: before?.code ?? null,
    to: after?.code ?? null,
    changed: false,
    costCenters: { gained: [], lost: [], kept: [] },
    vendors: { gained: [], lost: [] },
    warehouses: { opened: [], closed: [] },
    pos: { gained: [], lost: [], kept: 0 },
    lines: { gained: [], lost: [] },
    summary: '',
  };
  if (!enabled) return { ...empty, summary: `${head}, nothing changes for them while cost centers are turned off.` };

  const codesBefore = activeCodes(before?.costCenters ?? []);
  const codesAfter = activeCodes(after?.costCenters ?? []);
  const costCenters = { gained: minus(codesAfter, codesBefore), lost: minus(codesBefore, codesAfter), kept: codesBefore.filter((code) => codesAfter.includes(code)) };

  const scopeBefore = scopeOf({ displayName: name, scheme: before });
  const scopeAfter = scopeOf({ displayName: name, scheme: after });
  const vendors = { gained: [] as string[], lost: [] as string[] };
  for (const vendor of context.vendors ?? []) {
    const was = checkVendor(vendor.code, vendor, schemeList(scopeBefore)).status === 'ok';
    const will = checkVendor(vendor.code, vendor, schemeList(scopeAfter)).status === 'ok';
    if (was && !will) vendors.lost.push(vendor.code);
    if (!was && will) vendors.gained.push(vendor.code);
  }
  const warehouses = { opened: [] as string[], closed: [] as string[] };
  for (const warehouse of context.warehouses ?? []) {
    const open = (scheme: SchemeFacts | null, scope: typeof scopeBefore) =>
      checkWarehouse(warehouse.code, { ...warehouse, overrideCostCenters: overrideOf(scheme, 'warehouse', warehouse.code)?.costCenters ?? null }, scope, undefined, undefined).status === 'ok';
    const was = open(before, scopeBefore);
    const will = open(after, scopeAfter);
    if (was && !will) warehouses.closed.push(warehouse.code);
    if (!was && will) warehouses.opened.push(warehouse.code);
  }

  const pos = { gained: [] as PoAccessChange[], lost: [] as PoAccessChange[], kept: 0 };
  const lines = { gained: [] as LineAccessChange[], lost: [] as LineAccessChange[] };
  for (const po of openPos) {
    const was = accessUnder(before, name, po, enabled);
    const will = accessUnder(after, name, po, enabled);
    const change = { number: po.number, status: po.status, before: was.reason, after: will.reason };
    if (was.allowed && !will.allowed) pos.lost.push(change);
    else if (!was.allowed && will.allowed) pos.gained.push(change);
    else if (was.allowed && will.allowed) {
      pos.kept += 1;
      lines.lost.push(...lineChanges(po.number, minusNumbers(was.changeable, will.changeable)));
      lines.gained.push(...lineChanges(po.number, minusNumbers(will.changeable, was.changeable)));
    }
  }

  const clauses = describe({ costCenters, vendors, warehouses, pos, lines }, locale);
  const changed = clauses.length > 0;
  const summary = changed
    ? [`${head}, they ${clauses[0]}.`, ...clauses.slice(1).map((clause) => `They ${clause}.`)].join(' ')
    : `${head}, nothing changes for them: the same cost centers${context.vendors ? ', vendors' : ''}${context.warehouses ? ', warehouses' : ''} and open POs.`;
  return { from: before?.code ?? null, to: after?.code ?? null, changed, costCenters, vendors, warehouses, pos, lines, summary };
}

const minusNumbers = (a: readonly number[], b: readonly number[]) => a.filter((n) => !b.includes(n));

type Differences = Pick<SchemeComparison, 'costCenters' | 'vendors' | 'warehouses' | 'pos' | 'lines'>;

/** The differences as clauses after "they", the POs first: they are what the admin is asked about. */
function describe(d: Differences, locale: LocaleCode): string[] {
  const clauses: string[] = [];
  const poList = (changes: readonly PoAccessChange[]) => numbersText(changes.map((c) => c.number), locale);
  if (d.pos.lost.length > 0) clauses.push(`lose access to ${countOf(d.pos.lost.length, 'open PO', 'open POs', locale)}: ${poList(d.pos.lost)}`);
  if (d.pos.gained.length > 0) clauses.push(`gain access to ${countOf(d.pos.gained.length, 'open PO', 'open POs', locale)}: ${poList(d.pos.gained)}`);
  const linesText = (changes: readonly LineAccessChange[]) =>
    changes.map((c) => `${c.number} ${c.lineNumbers.length === 1 ? 'line' : 'lines'} ${andList(c.lineNumbers.map(String))}`).join('; ');
  const lineCount = (changes: readonly LineAccessChange[]) => changes.reduce((sum, c) => sum + c.lineNumbers.length, 0);
  if (d.lines.lost.length > 0) clauses.push(`can no longer change ${countOf(lineCount(d.lines.lost), 'line', 'lines', locale)} of POs still open to them: ${linesText(d.lines.lost)}`);
  if (d.lines.gained.length > 0) clauses.push(`can now change ${countOf(lineCount(d.lines.gained), 'more line', 'more lines', locale)}: ${linesText(d.lines.gained)}`);
  const codes = (what: string, list: readonly string[]) => `${what}${list.length === 1 ? '' : 's'} ${andList(list)}`;
  if (d.costCenters.lost.length > 0) clauses.push(`lose ${codes('cost center', d.costCenters.lost)}`);
  if (d.costCenters.gained.length > 0) clauses.push(`gain ${codes('cost center', d.costCenters.gained)}`);
  if (d.vendors.lost.length > 0) clauses.push(`can no longer choose ${codes('vendor', d.vendors.lost)}`);
  if (d.vendors.gained.length > 0) clauses.push(`can now choose ${codes('vendor', d.vendors.gained)}`);
  if (d.warehouses.closed.length > 0) clauses.push(`find ${codes('warehouse', d.warehouses.closed)} closed to them`);
  if (d.warehouses.opened.length > 0) clauses.push(`find ${codes('warehouse', d.warehouses.opened)} open to them`);
  return clauses;
}
