import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSessionStore } from '../../src/main/server/database-sessions';
import { type DeskSessions, SessionStore, type SessionLimits } from '../../src/main/services/sessions';
import { forEachStore } from '../support/stores';
import { openTestDesk, type TestDesk } from '../support/test-desk';

const LIMITS: SessionLimits = { idleMs: 100, maxAgeMs: 1_000 };

/** The behaviour both session stores promise (DeskSessions), one body for each. */
function behavesAsSessions(make: (clock: () => number) => DeskSessions | Promise<DeskSessions>, operatorId: () => number) {
  let now = 0;
  let sessions: DeskSessions;
  beforeEach(async () => {
    now = 1_700_000_000_000;
    sessions = await make(() => now);
  });

  it('expires after idle time and after its maximum age, however busy', async () => {
    const start = now;
    await sessions.start('a', operatorId());
    now = start + 99;
    expect(await sessions.get('a')).toMatchObject({ operatorId: operatorId() });
    now = start + 198;
    expect(await sessions.get('a')).toBeDefined(); // each use restarts the idle clock
    now = start + 299;
    expect(await sessions.get('a')).toBeUndefined();

    now = start + 300;
    await sessions.start('b', operatorId());
    for (; now <= start + 1_300; now += 50) expect(await sessions.get('b')).toBeDefined();
    now = start + 1_301;
    expect(await sessions.get('b')).toBeUndefined();
  });

  it('ends at sign-out, and an unknown key is nobody’s', async () => {
    await sessions.start('a', operatorId());
    await sessions.end('a');
    expect(await sessions.get('a')).toBeUndefined();
    expect(await sessions.get('never-issued')).toBeUndefined();
  });

  it('keeps the first sticky cost center of a session only', async () => {
    await sessions.start('a', operatorId());
    await sessions.start('b', operatorId());
    await sessions.stickCostCenter('a', '220');
    await sessions.stickCostCenter('a', '210');
    expect(await sessions.get('a')).toMatchObject({ stickyCostCenterCode: '220' });
    expect(await sessions.get('b')).toMatchObject({ stickyCostCenterCode: null });
  });
}

describe('sessions in memory', () => {
  behavesAsSessions((clock) => new SessionStore(LIMITS, clock), () => 1);
});

forEachStore((store) => {
  describe('sessions in the database', () => {
    let t: TestDesk;
    let operator = 0;
    const desks: TestDesk[] = [];
    beforeEach(async () => {
      t = await openTestDesk(store);
      desks.push(t);
      operator = (await t.desk.db.selectFrom('operators').select('id').where('sign_in_name', '=', 'alice').executeTakeFirstOrThrow()).id;
    });
    afterEach(async () => {
      for (const desk of desks.splice(0)) await desk.close();
    });

    behavesAsSessions((clock) => new DatabaseSessionStore(t.desk.db, LIMITS, clock), () => operator);

    it('a session started by one store is live on another on the same database, and revoked on both', async () => {
      const now = () => 1_700_000_000_000;
      const other = await t.openAnother();
      desks.push(other);
      const first = new DatabaseSessionStore(t.desk.db, LIMITS, now);
      const second = new DatabaseSessionStore(other.desk.db, LIMITS, now);
      await first.start('shared', operator);
      await second.stickCostCenter('shared', '220');
      expect(await first.get('shared')).toEqual({ operatorId: operator, stickyCostCenterCode: '220' });
      await second.end('shared');
      expect(await first.get('shared')).toBeUndefined();
    });

    it('stores the hash of the key, never the key', async () => {
      const key = 'browser-0b4f3c52-secret-cookie';
      await new DatabaseSessionStore(t.desk.db).start(key, operator);
      const rows = await t.desk.db.selectFrom('desk_sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain('secret-cookie');
    });

    it('finds a session whose start the caller did not wait for', async () => {
      const sessions = new DatabaseSessionStore(t.desk.db);
      void sessions.start('unawaited', operator);
      expect(await sessions.get('unawaited')).toMatchObject({ operatorId: operator });
    });
  });
});
