import type { MasterDataKind, MasterRecord } from '../../../../shared/admin-schemas';

/**
 * What the generic list and form show for each kind of master data: the fields in form order,
 * with how each is typed, and the list's columns. Main's domain rules judge every value; the form
 * only turns what was typed into the record's shape (money through the operator's number format).
 */

export type FieldType = 'code' | 'text' | 'flag' | 'codes' | 'money' | 'optional';

export interface FieldDef {
  /** The record's field, and the field main names in a refusal. */
  name: string;
  label: string;
  type: FieldType;
  hint?: string;
  /** Spans the form's row: descriptions, names, lists. */
  wide?: boolean;
}

export interface KindDef {
  kind: MasterDataKind;
  /** "Cost centers": the picker's and the list's heading. */
  title: string;
  /** "cost center": the form's buttons read "Add cost center". */
  noun: string;
  fields: readonly FieldDef[];
  /** Columns after the code, each a field shown as text. */
  columns: readonly { label: string; field: string }[];
}

const code = (label: string, hint = 'Up to 32 letters, digits, - _ / or . ; kept in capitals. A code never changes once added.'): FieldDef => ({ name: 'code', label, type: 'code', hint });
const description = (required: boolean): FieldDef => ({ name: 'description', label: 'Description', type: 'text', wide: true, hint: required ? undefined : 'Optional.' });
const name: FieldDef = { name: 'name', label: 'Name', type: 'text', wide: true };
const LIST_HINT = 'Cost-center codes separated by ";", in order: 210; 220.';

export const KIND_DEFS: Readonly<Record<MasterDataKind, KindDef>> = {
  'cost-center': {
    kind: 'cost-center',
    title: 'Cost centers',
    noun: 'cost center',
    fields: [
      code('Code', 'A number, text or both: up to 32 letters, digits, - _ / or . ; kept in capitals. A code never changes once added.'),
      description(true),
      { name: 'costGroup', label: 'Cost group', type: 'optional', hint: "A scheme's list can take a whole group at once. Blank: none." },
      { name: 'active', label: 'Active', type: 'flag', hint: 'An inactive cost center stays on the lists that name it and allows nothing.' },
    ],
    columns: [
      { label: 'Description', field: 'description' },
      { label: 'Cost group', field: 'costGroup' },
      { label: 'Active', field: 'active' },
    ],
  },
  scheme: {
    kind: 'scheme',
    title: 'Schemes',
    noun: 'scheme',
    fields: [],
    columns: [
      { label: 'Description', field: 'description' },
      { label: 'Cost centers', field: 'costCenterCodes' },
      { label: 'Overrides', field: 'overrides' },
    ],
  },
  vendor: {
    kind: 'vendor',
    title: 'Vendors',
    noun: 'vendor',
    fields: [code('Code'), name, { name: 'costCenterCodes', label: 'Shared cost centers', type: 'codes', wide: true, hint: `${LIST_HINT} An operator may choose the vendor only with one of these.` }],
    columns: [
      { label: 'Name', field: 'name' },
      { label: 'Shared cost centers', field: 'costCenterCodes' },
    ],
  },
  warehouse: { kind: 'warehouse', title: 'Warehouses', noun: 'warehouse', fields: [code('Code'), name], columns: [{ label: 'Name', field: 'name' }] },
  job: {
    kind: 'job',
    title: 'Jobs',
    noun: 'job',
    fields: [code('Code'), description(false), { name: 'siteAddress', label: 'Site address', type: 'text', wide: true, hint: "A scheme's site override matches it exactly. Optional." }],
    columns: [
      { label: 'Description', field: 'description' },
      { label: 'Site address', field: 'siteAddress' },
    ],
  },
  'work-order': {
    kind: 'work-order',
    title: 'Work orders',
    noun: 'work order',
    fields: [
      code('Code'),
      description(false),
      { name: 'jobCode', label: 'Job', type: 'optional', hint: 'The job it belongs to; blank for none.' },
      { name: 'costCenterCode', label: 'Header cost center', type: 'text', hint: 'Every direct cost line on the work order takes it; must be active.' },
      { name: 'siteAddress', label: 'Site address', type: 'text', wide: true, hint: "Blank: the job's site." },
    ],
    columns: [
      { label: 'Description', field: 'description' },
      { label: 'Job', field: 'jobCode' },
      { label: 'Cost center', field: 'costCenterCode' },
      { label: 'Site address', field: 'siteAddress' },
    ],
  },
  'gl-account': {
    kind: 'gl-account',
    title: 'G/L accounts',
    noun: 'G/L account',
    fields: [code('Code'), description(true), { name: 'wip', label: 'Work in progress (WIP)', type: 'flag', hint: "Lines on a WIP account follow the scheme's WIP G/L override." }],
    columns: [
      { label: 'Description', field: 'description' },
      { label: 'WIP', field: 'wip' },
    ],
  },
  item: {
    kind: 'item',
    title: 'Items',
    noun: 'item',
    fields: [code('Code'), { ...description(true), hint: 'At most 200 characters: it becomes the PO line’s.' }, { name: 'unitCostMinor', label: 'Unit cost', type: 'money', hint: 'In your number format; defaults a line’s unit cost.' }],
    columns: [
      { label: 'Description', field: 'description' },
      { label: 'Unit cost', field: 'unitCostMinor' },
    ],
  },
  'cost-type': { kind: 'cost-type', title: 'Cost types', noun: 'cost type', fields: [code('Code'), description(true)], columns: [{ label: 'Description', field: 'description' }] },
};

/** Form values as typed: text for every field but flags. */
export type Draft = Record<string, string | boolean>;

const BLANK: Readonly<Record<FieldType, string | boolean>> = { code: '', text: '', flag: false, codes: '', money: '', optional: '' };

export function blankDraft(kind: MasterDataKind): Draft {
  const draft: Draft = Object.fromEntries(KIND_DEFS[kind].fields.map((field) => [field.name, BLANK[field.type]]));
  if (kind === 'cost-center') draft.active = true;
  return draft;
}

export function draftOf(record: MasterRecord, formatMoney: (minor: number) => string): Draft {
  const values = record as unknown as Record<string, unknown>;
  return Object.fromEntries(
    KIND_DEFS[record.kind].fields.map((field) => {
      const value = values[field.name];
      if (field.type === 'flag') return [field.name, value === true];
      if (field.type === 'codes') return [field.name, (value as string[]).join('; ')];
      if (field.type === 'money') return [field.name, formatMoney(value as number)];
      return [field.name, (value as string | null) ?? ''];
    }),
  );
}

/** "210; 220, 310" → ['210', '220', '310']. */
export const splitCodes = (text: string): string[] =>
  text
    .split(/[;,]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');

export type ParsedMoney = { ok: true; value: number } | { ok: false; message: string };

/** The draft as the record main checks, or the fields the screen could not read (money it cannot parse). */
export function recordOf(kind: MasterDataKind, draft: Draft, parseMoney: (text: string, field: string) => ParsedMoney): { record: MasterRecord } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const values: Record<string, unknown> = { kind };
  for (const field of KIND_DEFS[kind].fields) {
    const raw = draft[field.name];
    if (field.type === 'flag') values[field.name] = raw === true;
    else if (field.type === 'codes') values[field.name] = splitCodes(String(raw ?? ''));
    else if (field.type === 'optional') values[field.name] = String(raw ?? '').trim() === '' ? null : String(raw);
    else if (field.type === 'money') {
      const text = String(raw ?? '').trim();
      if (text === '') errors[field.name] = `Enter the ${field.label.toLowerCase()}.`;
      else {
        const parsed = parseMoney(text, field.label);
        if (parsed.ok) values[field.name] = parsed.value;
        else errors[field.name] = parsed.message;
      }
    } else values[field.name] = String(raw ?? '');
  }
  return Object.keys(errors).length > 0 ? { errors } : { record: values as unknown as MasterRecord };
}

/** A field of a listed record as the list shows it. */
export function cellText(record: MasterRecord, field: string, formatMoney: (minor: number) => string): string {
  const value = (record as unknown as Record<string, unknown>)[field];
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field === 'overrides') return (value as { kind: string; key: string }[]).map((override) => `${override.kind} ${override.key}`).join(', ') || '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (field === 'unitCostMinor') return formatMoney(value as number);
  return String(value);
}
