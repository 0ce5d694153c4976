import { describe, expect, it } from 'vitest';
import { resolveDataLocation } from '../../src/main/data-location';

describe('where the app keeps its data', () => {
  it.each([
    ['defaults to the user-data directory', {}, { userDataDir: '/home/u/.config/desk', databaseFile: '/home/u/.config/desk/purchasing-desk.sqlite' }],
    ['honours another database file in any mode', { PURCHASING_DESK_DB: '/srv/desk.sqlite' }, { userDataDir: '/home/u/.config/desk', databaseFile: '/srv/desk.sqlite' }],
    ['ignores a user-data override outside test mode', { PURCHASING_DESK_USER_DATA: '/tmp/x' }, { userDataDir: '/home/u/.config/desk', databaseFile: '/home/u/.config/desk/purchasing-desk.sqlite' }],
    ['honours a user-data override in test mode', { PURCHASING_DESK_TEST: '1', PURCHASING_DESK_USER_DATA: '/tmp/x' }, { userDataDir: '/tmp/x', databaseFile: '/tmp/x/purchasing-desk.sqlite' }],
  ])('%s', (_name, env, expected) => {
    expect(resolveDataLocation(env as NodeJS.ProcessEnv, '/home/u/.config/desk')).toEqual(expected);
  });
});
