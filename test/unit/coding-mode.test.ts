import { describe, expect, it } from 'vitest';
import {
  CODING_MODES,
  checkModeChange,
  type CodingMode,
  type CodingSettings,
  type CodingSettingsRequest,
  isCodingMode,
  modeFromSettings,
  settingsFromMode,
  storedCodingMode,
} from '../../src/main/domain/coding-mode';

describe('the switches and the mode', () => {
  it.each<[string, CodingSettings, CodingMode | null]>([
    ['cost centers on', { costCenters: true, projectCodes: false }, 'cost-centers'],
    ['project codes on', { costCenters: false, projectCodes: true }, 'project-codes'],
    ['both off', { costCenters: false, projectCodes: false }, 'off'],
    ['both on: no mode', { costCenters: true, projectCodes: true }, null],
  ])('%s', (_name, settings, mode) => {
    const reading = modeFromSettings(settings);
    if (mode === null) {
      expect(reading).toEqual({ ok: false, rule: 'one-coding-mode', reason: 'Cost centers and project codes cannot both be in use: an organisation codes its POs one way. Turn one of them off.' });
    } else {
      expect(reading).toEqual({ ok: true, mode });
    }
  });

  it.each(CODING_MODES.map((mode) => [mode]))('%s survives the round trip through the switches', (mode) => {
    expect(modeFromSettings(settingsFromMode(mode))).toEqual({ ok: true, mode });
  });

  it('never shows both switches on', () => {
    for (const mode of CODING_MODES) {
      const settings = settingsFromMode(mode);
      expect(settings.costCenters && settings.projectCodes).toBe(false);
    }
  });

  it.each<[string, unknown, boolean]>([
    ['cost-centers', 'cost-centers', true],
    ['project-codes', 'project-codes', true],
    ['off', 'off', true],
    ['a boolean', true, false],
    ['another case', 'Cost-Centers', false],
    ['both', 'both', false],
  ])('isCodingMode(%s)', (_name, value, ok) => {
    expect(isCodingMode(value)).toBe(ok);
  });
});

describe('the stored mode, and the setting it took over from', () => {
  it.each<[string, string | undefined, string | undefined, CodingMode]>([
    ['never set at all: the default', undefined, undefined, 'cost-centers'],
    ['only the old switch, on', undefined, 'true', 'cost-centers'],
    ['only the old switch, off', undefined, 'false', 'off'],
    ['the mode wins over the old switch', 'project-codes', 'true', 'project-codes'],
    ['mode cost centers though the old switch says off', 'cost-centers', 'false', 'cost-centers'],
    ['mode off', 'off', undefined, 'off'],
    ['an unreadable mode falls back to the old switch', 'both', 'false', 'off'],
    ['an unreadable mode and no old switch: the default', 'garbage', undefined, 'cost-centers'],
  ])('%s', (_name, mode, legacy, expected) => {
    expect(storedCodingMode(mode, legacy)).toBe(expected);
  });
});

describe('changing the mode', () => {
  type Row = [name: string, current: CodingMode, requested: CodingMode | CodingSettingsRequest, to: CodingMode, changed: boolean];
  it.each<Row>([
    ['cost centers → project codes by name', 'cost-centers', 'project-codes', 'project-codes', true],
    ['cost centers → off by name', 'cost-centers', 'off', 'off', true],
    ['project codes → cost centers by name', 'project-codes', 'cost-centers', 'cost-centers', true],
    ['project codes → off by name', 'project-codes', 'off', 'off', true],
    ['off → cost centers by name', 'off', 'cost-centers', 'cost-centers', true],
    ['off → project codes by name', 'off', 'project-codes', 'project-codes', true],
    ['the same mode by name', 'project-codes', 'project-codes', 'project-codes', false],
    ['switch both: cost centers off, project codes on', 'cost-centers', { costCenters: false, projectCodes: true }, 'project-codes', true],
    ['switch project codes off alone', 'project-codes', { projectCodes: false }, 'off', true],
    ['switch cost centers off alone', 'cost-centers', { costCenters: false }, 'off', true],
    ['switch cost centers on from off', 'off', { costCenters: true }, 'cost-centers', true],
    ['switch project codes on from off', 'off', { projectCodes: true }, 'project-codes', true],
    ['the old name: costCentersEnabled false', 'cost-centers', { costCentersEnabled: false }, 'off', true],
    ['the old name: costCentersEnabled true from off', 'off', { costCentersEnabled: true }, 'cost-centers', true],
    ['costCentersEnabled false in project-code mode: they are off already', 'project-codes', { costCentersEnabled: false }, 'project-codes', false],
    ['the mode and an agreeing switch', 'cost-centers', { codingMode: 'project-codes', costCentersEnabled: false }, 'project-codes', true],
    ['the mode and both agreeing switches', 'off', { codingMode: 'cost-centers', costCenters: true, projectCodes: false }, 'cost-centers', true],
    ['the mode alone in a payload', 'cost-centers', { codingMode: 'off' }, 'off', true],
    ['an empty payload changes nothing', 'project-codes', {}, 'project-codes', false],
    ['both switches off', 'project-codes', { costCenters: false, projectCodes: false }, 'off', true],
  ])('%s', (_name, current, requested, to, changed) => {
    const verdict = checkModeChange(current, requested);
    expect(verdict).toMatchObject({ allowed: true, rule: 'coding-mode-change', from: current, to, changed });
  });

  type Refused = [name: string, current: CodingMode, requested: CodingSettingsRequest, rule: string, reason: string];
  it.each<Refused>([
    [
      'both switches on',
      'off',
      { costCenters: true, projectCodes: true },
      'one-coding-mode',
      'Cost centers and project codes cannot both be in use: an organisation codes its POs one way. Choose cost centers, project codes or off.',
    ],
    [
      'both on, from cost centers',
      'cost-centers',
      { costCenters: true, projectCodes: true },
      'one-coding-mode',
      'Cost centers and project codes cannot both be in use: an organisation codes its POs one way. Choose cost centers, project codes or off.',
    ],
    [
      'project codes on while cost centers stay on',
      'cost-centers',
      { projectCodes: true },
      'one-coding-mode',
      'Cost centers and project codes cannot both be in use: an organisation codes its POs one way. Cost centers are in use; to use project codes instead, turn cost centers off in the same change.',
    ],
    [
      'cost centers on while project codes stay on',
      'project-codes',
      { costCenters: true },
      'one-coding-mode',
      'Cost centers and project codes cannot both be in use: an organisation codes its POs one way. Project codes are in use; to use cost centers instead, turn project codes off in the same change.',
    ],
    [
      'the old name turning cost centers on in project-code mode',
      'project-codes',
      { costCentersEnabled: true },
      'one-coding-mode',
      'Cost centers and project codes cannot both be in use: an organisation codes its POs one way. Project codes are in use; to use cost centers instead, turn project codes off in the same change.',
    ],
    [
      'project codes named, cost centers turned on',
      'cost-centers',
      { codingMode: 'project-codes', costCentersEnabled: true },
      'coding-mode-contradiction',
      'This change asks for project codes as the coding mode but also turns cost centers on. Cost centers and project codes cannot both be in use: an organisation codes its POs one way.',
    ],
    [
      'cost centers named, cost centers turned off',
      'off',
      { codingMode: 'cost-centers', costCentersEnabled: false },
      'coding-mode-contradiction',
      'This change asks for cost centers as the coding mode but also turns cost centers off. Cost centers and project codes cannot both be in use: an organisation codes its POs one way.',
    ],
    [
      'off named, project codes turned on',
      'cost-centers',
      { codingMode: 'off', projectCodes: true },
      'coding-mode-contradiction',
      'This change asks for off as the coding mode but also turns project codes on. Cost centers and project codes cannot both be in use: an organisation codes its POs one way.',
    ],
    [
      'cost centers named, both switches the other way',
      'off',
      { codingMode: 'cost-centers', costCenters: false, projectCodes: true },
      'coding-mode-contradiction',
      'This change asks for cost centers as the coding mode but also turns cost centers off and project codes on. Cost centers and project codes cannot both be in use: an organisation codes its POs one way.',
    ],
    [
      'the two names for cost centers disagree',
      'cost-centers',
      { costCenters: true, costCentersEnabled: false },
      'coding-mode-contradiction',
      'This change turns cost centers both on and off; say once whether they are in use.',
    ],
  ])('refused: %s', (_name, current, requested, rule, reason) => {
    expect(checkModeChange(current, requested)).toEqual({ allowed: false, rule, from: current, reason });
  });

  it.each<[string, CodingMode, CodingMode, string]>([
    [
      'leaving cost centers',
      'cost-centers',
      'project-codes',
      'Coding mode changes from cost centers to project codes: from now on POs are coded by project code, typed at entry. Stored POs keep the cost centers they were saved with.',
    ],
    [
      'leaving project codes',
      'project-codes',
      'off',
      'Coding mode changes from project codes to off: from now on POs carry neither cost centers nor project codes. Stored POs keep the project codes they were saved with.',
    ],
    [
      'leaving off',
      'off',
      'cost-centers',
      'Coding mode changes from off to cost centers: from now on POs are coded by cost center. Stored POs keep the cost centers or project codes they were saved with.',
    ],
  ])('the sentence says stored POs are not rewritten: %s', (_name, current, requested, reason) => {
    expect(checkModeChange(current, requested).reason).toBe(reason);
  });

  it('says when nothing changes', () => {
    expect(checkModeChange('off', 'off').reason).toBe('Off is already the coding mode; nothing changes.');
  });

  it('refuses both on from every mode', () => {
    for (const mode of CODING_MODES) expect(checkModeChange(mode, { costCenters: true, projectCodes: true }).allowed).toBe(false);
  });
});
