/**
 * How an organisation codes its POs: by cost center (the default), by project code, or not at
 * all. Exactly one mode holds at a time. Pure: the current mode and the request come in, a
 * verdict with its rule and a sentence goes out.
 *
 * | request                                   | verdict                                                   |
 * |-------------------------------------------|-----------------------------------------------------------|
 * | a mode, or flags naming one mode           | allowed; the sentence says what changes and that stored POs are not rewritten |
 * | the mode already in force                  | allowed, nothing changes                                  |
 * | flags turning both on                      | refused (`one-coding-mode`), with how to choose           |
 * | flags turning one on while the other stays on (partial payload) | refused the same way: a flag left out keeps its current value |
 * | a mode and a flag that disagree ({codingMode: 'project-codes', costCentersEnabled: true}) | refused (`coding-mode-contradiction`) |
 *
 * `costCentersEnabled` is the settings contract's older name for the cost-centers flag: true asks for
 * cost centers, false turns them off (to off, or nothing changes in project-code mode, where they are off).
 *
 * Why a flag left out keeps its value: a settings payload carries only what the admin changed, so
 * {projectCodes: true} on an organisation using cost centers asks for both. Guessing that the admin
 * meant "instead" would switch the mode on a click the admin may not have meant; refusing and saying
 * which flag to turn off costs one more click and is never wrong.
 *
 * Switching never rewrites stored POs: a PO keeps the cost centers or project code it was saved
 * with, and the sentence says so, because an admin switching modes worries about exactly that.
 */

export const CODING_MODES = ['cost-centers', 'project-codes', 'off'] as const;
export type CodingMode = (typeof CODING_MODES)[number];

export const DEFAULT_CODING_MODE: CodingMode = 'cost-centers';

/** The mode as the settings screen shows it: two switches that may not both be on. */
export interface CodingSettings {
  costCenters: boolean;
  projectCodes: boolean;
}

/** What a settings payload may carry: only what the admin touched; a mode name, switches, or both. */
export interface CodingSettingsRequest extends Partial<CodingSettings> {
  codingMode?: CodingMode;
  /** The settings contract's name for `costCenters`. */
  costCentersEnabled?: boolean;
}

export const MODE_LABEL: Readonly<Record<CodingMode, string>> = {
  'cost-centers': 'Cost centers',
  'project-codes': 'Project codes',
  off: 'Off',
};

export type ModeChangeVerdict =
  | { allowed: true; rule: 'coding-mode-change'; from: CodingMode; to: CodingMode; changed: boolean; reason: string }
  | { allowed: false; rule: 'one-coding-mode' | 'coding-mode-contradiction'; from: CodingMode; reason: string };

export type ModeReading = { ok: true; mode: CodingMode } | { ok: false; rule: 'one-coding-mode'; reason: string };

export const isCodingMode = (value: unknown): value is CodingMode => (CODING_MODES as readonly unknown[]).includes(value);

const BOTH_REFUSED = 'Cost centers and project codes cannot both be in use: an organisation codes its POs one way.';

/** The two switches → the mode, or why they name none. */
export function modeFromSettings(settings: CodingSettings): ModeReading {
  if (settings.costCenters && settings.projectCodes) {
    return { ok: false, rule: 'one-coding-mode', reason: `${BOTH_REFUSED} Turn one of them off.` };
  }
  if (settings.costCenters) return { ok: true, mode: 'cost-centers' };
  if (settings.projectCodes) return { ok: true, mode: 'project-codes' };
  return { ok: true, mode: 'off' };
}

/** The mode → the two switches the settings screen shows; the inverse of modeFromSettings. */
export function settingsFromMode(mode: CodingMode): CodingSettings {
  return { costCenters: mode === 'cost-centers', projectCodes: mode === 'project-codes' };
}

/**
 * The mode an organisation is in, from the stored `coding_mode` value; before that setting existed the
 * boolean `cost_centers_enabled` said it ('false' meant off), so an installation that never chose a mode
 * keeps behaving as it did. An unreadable stored value falls back the same way rather than turning
 * coding off behind the admin's back.
 */
export function storedCodingMode(codingMode: string | undefined, legacyCostCentersEnabled: string | undefined): CodingMode {
  if (isCodingMode(codingMode)) return codingMode;
  return legacyCostCentersEnabled === 'false' ? 'off' : DEFAULT_CODING_MODE;
}

/** What the organisation's POs carry in each mode, for "from … to …" sentences. */
const WHAT_POS_CARRY: Readonly<Record<CodingMode, string>> = {
  'cost-centers': 'POs are coded by cost center',
  'project-codes': 'POs are coded by project code, typed at entry',
  off: 'POs carry neither cost centers nor project codes',
};

/** Which stored codes a switch leaves alone, said plainly. */
function storedPosSentence(from: CodingMode): string {
  if (from === 'cost-centers') return 'Stored POs keep the cost centers they were saved with.';
  if (from === 'project-codes') return 'Stored POs keep the project codes they were saved with.';
  return 'Stored POs keep the cost centers or project codes they were saved with.';
}

const onOff = (on: boolean) => (on ? 'on' : 'off');

/** The switches a request names explicitly, or why they contradict each other. */
function namedSwitches(requested: CodingSettingsRequest): Partial<CodingSettings> | string {
  const { costCenters, costCentersEnabled, projectCodes } = requested;
  if (costCenters !== undefined && costCentersEnabled !== undefined && costCenters !== costCentersEnabled) {
    return `This change turns cost centers both ${onOff(costCenters)} and ${onOff(costCentersEnabled)}; say once whether they are in use.`;
  }
  const named: Partial<CodingSettings> = {};
  const cost = costCenters ?? costCentersEnabled;
  if (cost !== undefined) named.costCenters = cost;
  if (projectCodes !== undefined) named.projectCodes = projectCodes;
  return named;
}

/** Why turning both on is refused, naming the switch to turn off when only one was asked for. */
function bothRefusal(current: CodingMode, named: Partial<CodingSettings>): string {
  if (named.projectCodes === true && named.costCenters === undefined && current === 'cost-centers') {
    return `${BOTH_REFUSED} Cost centers are in use; to use project codes instead, turn cost centers off in the same change.`;
  }
  if (named.costCenters === true && named.projectCodes === undefined && current === 'project-codes') {
    return `${BOTH_REFUSED} Project codes are in use; to use cost centers instead, turn project codes off in the same change.`;
  }
  return `${BOTH_REFUSED} Choose cost centers, project codes or off.`;
}

type Resolved = { ok: true; mode: CodingMode } | { ok: false; rule: 'one-coding-mode' | 'coding-mode-contradiction'; reason: string };

/** The mode a settings payload asks for; a switch left out keeps its current value. */
function resolveRequest(current: CodingMode, requested: CodingSettingsRequest): Resolved {
  const named = namedSwitches(requested);
  if (typeof named === 'string') return { ok: false, rule: 'coding-mode-contradiction', reason: named };
  if (requested.codingMode !== undefined) {
    const implied = settingsFromMode(requested.codingMode);
    // A switch that agrees with the mode is no clash: {codingMode: 'project-codes', costCenters: false} says it twice.
    const clashes = (Object.keys(named) as (keyof CodingSettings)[]).filter((key) => named[key] !== implied[key]);
    if (clashes.length > 0) {
      const what = clashes.map((key) => `${key === 'costCenters' ? 'cost centers' : 'project codes'} ${onOff(named[key] as boolean)}`).join(' and ');
      return {
        ok: false,
        rule: 'coding-mode-contradiction',
        reason: `This change asks for ${MODE_LABEL[requested.codingMode].toLowerCase()} as the coding mode but also turns ${what}. ${BOTH_REFUSED}`,
      };
    }
    return { ok: true, mode: requested.codingMode };
  }
  const now = settingsFromMode(current);
  const merged = { costCenters: named.costCenters ?? now.costCenters, projectCodes: named.projectCodes ?? now.projectCodes };
  const reading = modeFromSettings(merged);
  return reading.ok ? reading : { ok: false, rule: 'one-coding-mode', reason: bothRefusal(current, named) };
}

/** May the organisation's mode become `requested`? A mode name or the settings screen's switches. */
export function checkModeChange(current: CodingMode, requested: CodingMode | CodingSettingsRequest): ModeChangeVerdict {
  const resolved = typeof requested === 'string' ? { ok: true as const, mode: requested } : resolveRequest(current, requested);
  if (!resolved.ok) return { allowed: false, rule: resolved.rule, from: current, reason: resolved.reason };
  const to = resolved.mode;
  if (to === current) {
    return { allowed: true, rule: 'coding-mode-change', from: current, to, changed: false, reason: `${MODE_LABEL[to]} is already the coding mode; nothing changes.` };
  }
  return {
    allowed: true,
    rule: 'coding-mode-change',
    from: current,
    to,
    changed: true,
    reason: `Coding mode changes from ${MODE_LABEL[current].toLowerCase()} to ${MODE_LABEL[to].toLowerCase()}: from now on ${WHAT_POS_CARRY[to]}. ${storedPosSentence(current)}`,
  };
}
