import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalRulesView } from '../../src/shared/lifecycle-schemas';
import { forEachStore } from '../support/stores';
import { expectOk, openTestDesk, type TestDesk } from '../support/test-desk';

forEachStore((store) => {
  let t: TestDesk;
  let admin: string;
  let sam: string;
  let alice: string;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    t = await openTestDesk(store);
    admin = await t.signIn('admin');
    sam = await t.signIn('sam');
    alice = await t.signIn('alice');
    for (const row of await t.desk.db.selectFrom('operators').select(['id', 'sign_in_name']).execute()) ids[row.sign_in_name] = row.id;
  });
  afterEach(async () => {
    await t.close();
  });

  /** Every row the admin screen may write, so a refusal can be shown to have written nothing. */
  const snapshot = async () => ({
    bands: await t.desk.db.selectFrom('approval_bands').selectAll().orderBy('id').execute(),
    approvers: await t.desk.db.selectFrom('approval_band_approvers').selectAll().orderBy('band_id').orderBy('operator_id').execute(),
    limits: await t.desk.db.selectFrom('operators').select(['id', 'approval_limit_minor']).orderBy('id').execute(),
    audit: await t.desk.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  });

  const audits = (action: string) => t.desk.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  const band210Sam = () => ({ costCenterCode: '210', fromMinor: 5_000_000, approvers: { kind: 'named' as const, operatorIds: [ids.sam as number] }, approvalsRequired: 1, adminRequired: false });

  /** The band the view gained over `before`. */
  const added = (before: ApprovalRulesView, after: ApprovalRulesView) => after.bands.filter((band) => !before.bands.some((b) => b.id === band.id));

  describe('reading the rules', () => {
    it('lets supervisors and admins read them, with every supervisor and admin who may approve and the cost centers in use', async () => {
      const view = expectOk(await t.call(sam, 'listApprovalRules', {}));
      const limits = await t.desk.db.selectFrom('operators').select(['id', 'approval_limit_minor']).execute();
      const limitOf = (id: number | undefined) => limits.find((row) => row.id === id)?.approval_limit_minor ?? null;
      expect(view.approvers).toEqual([
        { id: ids.admin, displayName: 'Dana Admin', role: 'admin', approvalLimitMinor: limitOf(ids.admin) },
        { id: ids.sam, displayName: 'Sam Patel', role: 'supervisor', approvalLimitMinor: limitOf(ids.sam) },
      ]);
      // Every band comes with its sentence; the bands for all cost centers come first, by amount.
      for (const band of view.bands) expect(band.label).toMatch(/^from [\d,.]+ for (all cost centers|cost center \w+): /);
      expect(view.costCenters.map((cc) => cc.code)).toContain('210');
      // Retired cost center 500 is not offered for a new band.
      expect(view.costCenters.map((cc) => cc.code)).not.toContain('500');
      expect(expectOk(await t.call(admin, 'listApprovalRules', {}))).toEqual(view);
    });

    it('refuses an operator', async () => {
      expect(await t.call(alice, 'listApprovalRules', {})).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Only supervisors and admins can read the approval rules; you are signed in as an operator.' },
      });
    });
  });

  describe('an admin changes the bands', () => {
    it('adds a band from 50,000.00 for cost center 210 named Sam Patel, lists it in words, and audits it', async () => {
      const before = expectOk(await t.call(admin, 'listApprovalRules', {}));
      const after = expectOk(await t.call(admin, 'saveApprovalBand', band210Sam()));
      const [band] = added(before, after);
      expect(band).toMatchObject({
        costCenterCode: '210',
        fromMinor: 5_000_000,
        approvers: { kind: 'named', approvers: [{ id: ids.sam, displayName: 'Sam Patel' }] },
        approvalsRequired: 1,
        adminRequired: false,
        label: 'from 50,000.00 for cost center 210: 1 approval by Sam Patel',
      });
      // A supervisor reads the same band.
      expect(expectOk(await t.call(sam, 'listApprovalRules', {})).bands).toContainEqual(band);
      const [audit] = await audits('approval-band-created');
      expect(audit).toMatchObject({
        operator_id: ids.admin,
        before_value: null,
        after_value: 'from 50,000.00 for cost center 210: 1 approval by Sam Patel',
        detail: 'Approval band added by Dana Admin: from 50,000.00 for cost center 210: 1 approval by Sam Patel.',
      });
    });

    it('changes a band to two named approvals, one of them an admin, and audits before and after', async () => {
      const before = expectOk(await t.call(admin, 'listApprovalRules', {}));
      const [band] = added(before, expectOk(await t.call(admin, 'saveApprovalBand', band210Sam())));
      const changed = expectOk(
        await t.call(admin, 'saveApprovalBand', {
          id: band?.id,
          costCenterCode: '210',
          fromMinor: 10_000_000,
          approvers: { kind: 'named', operatorIds: [ids.sam, ids.admin] },
          approvalsRequired: 2,
          adminRequired: true,
        }),
      );
      expect(changed.bands.find((b) => b.id === band?.id)?.label).toBe('from 100,000.00 for cost center 210: 2 approvals from Dana Admin and Sam Patel, one of them an admin');
      expect(await t.desk.db.selectFrom('approval_band_approvers').select('operator_id').where('band_id', '=', band?.id as number).orderBy('operator_id').execute()).toEqual(
        [ids.sam, ids.admin].sort((a, b) => (a as number) - (b as number)).map((id) => ({ operator_id: id })),
      );
      expect(await audits('approval-band-changed')).toEqual([
        expect.objectContaining({
          operator_id: ids.admin,
          before_value: 'from 50,000.00 for cost center 210: 1 approval by Sam Patel',
          after_value: 'from 100,000.00 for cost center 210: 2 approvals from Dana Admin and Sam Patel, one of them an admin',
        }),
      ]);

      // The same band saved again changes nothing and records nothing.
      const quiet = await snapshot();
      expectOk(await t.call(admin, 'saveApprovalBand', { id: band?.id, costCenterCode: '210', fromMinor: 10_000_000, approvers: { kind: 'named', operatorIds: [ids.admin, ids.sam] }, approvalsRequired: 2, adminRequired: true }));
      expect(await snapshot()).toEqual(quiet);
    });

    it('moves a band to all cost centers and to a role', async () => {
      const before = expectOk(await t.call(admin, 'listApprovalRules', {}));
      const [band] = added(before, expectOk(await t.call(admin, 'saveApprovalBand', band210Sam())));
      const changed = expectOk(
        await t.call(admin, 'saveApprovalBand', { id: band?.id, costCenterCode: null, fromMinor: 2_000_000, approvers: { kind: 'role', role: 'supervisor' }, approvalsRequired: 1, adminRequired: false }),
      );
      expect(changed.bands.find((b) => b.id === band?.id)).toMatchObject({
        costCenterCode: null,
        approvers: { kind: 'role', role: 'supervisor' },
        label: 'from 20,000.00 for all cost centers: 1 approval by a supervisor or an admin',
      });
      expect(await t.desk.db.selectFrom('approval_band_approvers').selectAll().where('band_id', '=', band?.id as number).execute()).toEqual([]);
    });

    it('deletes a band and audits what it was', async () => {
      const before = expectOk(await t.call(admin, 'listApprovalRules', {}));
      const [band] = added(before, expectOk(await t.call(admin, 'saveApprovalBand', band210Sam())));
      const after = expectOk(await t.call(admin, 'deleteApprovalBand', { id: band?.id }));
      expect(after.bands).toEqual(before.bands);
      expect(await t.desk.db.selectFrom('approval_band_approvers').selectAll().where('band_id', '=', band?.id as number).execute()).toEqual([]);
      expect(await audits('approval-band-deleted')).toEqual([
        expect.objectContaining({ operator_id: ids.admin, before_value: 'from 50,000.00 for cost center 210: 1 approval by Sam Patel', after_value: null }),
      ]);
      expect(await t.call(admin, 'deleteApprovalBand', { id: band?.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });

    it('speaks the admin’s own number format', async () => {
      expectOk(await t.call(admin, 'setMyLocale', { locale: 'de-DE' }));
      const view = expectOk(await t.call(admin, 'saveApprovalBand', band210Sam()));
      expect(view.bands.map((b) => b.label)).toContain('from 50.000,00 for cost center 210: 1 approval by Sam Patel');
      const refusal = await t.call(admin, 'saveApprovalBand', band210Sam());
      expect(refusal.ok ? '' : refusal.error.message).toContain('There is already a band from 50.000,00 for cost center 210');
    });
  });

  describe('refusals leave the bands as they were', () => {
    let bandId: number;
    let before: Awaited<ReturnType<typeof snapshot>>;

    beforeEach(async () => {
      const start = expectOk(await t.call(admin, 'listApprovalRules', {}));
      const view = expectOk(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), fromMinor: 1_000_000 }));
      bandId = added(start, view)[0]?.id as number;
      before = await snapshot();
    });

    it('refuses supervisors and operators every change', async () => {
      for (const [who, role] of [
        [sam, 'a supervisor'],
        [alice, 'an operator'],
      ] as const) {
        expect(await t.call(who, 'saveApprovalBand', band210Sam())).toEqual({
          ok: false,
          error: { code: 'forbidden', message: `Only an administrator can change approval bands; you are signed in as ${role}.` },
        });
        expect(await t.call(who, 'saveApprovalBand', { ...band210Sam(), id: bandId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(await t.call(who, 'deleteApprovalBand', { id: bandId })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('delete approval bands') } });
        expect(await t.call(who, 'setApprovalLimit', { operatorId: ids.sam, approvalLimitMinor: 100 })).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: expect.stringContaining('change approval limits') },
        });
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses naming an operator, who cannot approve', async () => {
      const result = await t.call(admin, 'saveApprovalBand', { ...band210Sam(), id: bandId, approvers: { kind: 'named', operatorIds: [ids.sam, ids.alice] } });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'refused', field: 'approvers', message: 'The band from 50,000.00 names Alice Moreau, who cannot approve: only supervisors and admins do.' },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a second band with the same scope and amount, naming both', async () => {
      const result = await t.call(admin, 'saveApprovalBand', { ...band210Sam(), fromMinor: 1_000_000, approvers: { kind: 'role', role: 'admin' } });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'refused', field: 'fromMinor', message: 'There is already a band from 10,000.00 for cost center 210; change that band, or start this one at another amount.' },
      });
      expect(await snapshot()).toEqual(before);
      // Moving another band onto it is the same twin.
      const other = expectOk(await t.call(admin, 'saveApprovalBand', band210Sam())).bands.find((b) => b.fromMinor === 5_000_000 && b.costCenterCode === '210');
      const moved = await t.call(admin, 'saveApprovalBand', { ...band210Sam(), id: other?.id, fromMinor: 1_000_000 });
      expect(moved).toMatchObject({ ok: false, error: { field: 'fromMinor' } });
      // The demo's band from 10,000.00 for all cost centers is another ladder: both stand. A second one for all does not.
      expect((await t.desk.db.selectFrom('approval_bands').select('cost_center_id').where('from_minor', '=', 1_000_000).execute()).length).toBe(2);
      expect(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), costCenterCode: null, fromMinor: 1_000_000 })).toMatchObject({
        ok: false,
        error: { code: 'refused', field: 'fromMinor', message: expect.stringMatching(/^There is already a band from 10,000\.00 for all cost centers; /) },
      });
    });

    it('refuses a cost center the installation does not know, naming it, and a retired one', async () => {
      const unknown = await t.call(admin, 'saveApprovalBand', { ...band210Sam(), id: bandId, costCenterCode: '999' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'refused', field: 'costCenterCode', message: expect.stringMatching(/^There is no cost center 999; /) } });
      const retired = await t.call(admin, 'saveApprovalBand', { ...band210Sam(), costCenterCode: '500' });
      expect(retired).toMatchObject({ ok: false, error: { code: 'refused', field: 'costCenterCode', message: 'Cost center 500 (Retired workshop) is no longer in use; choose one that is, or all cost centers.' } });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses too few named people, an admin requirement without an admin named, and nobody named', async () => {
      expect(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), approvalsRequired: 2 })).toMatchObject({
        ok: false,
        error: { code: 'refused', field: 'approvalsRequired', message: 'The band from 50,000.00 needs 2 approvals but names only 1.' },
      });
      expect(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), adminRequired: true })).toMatchObject({
        ok: false,
        error: { code: 'refused', field: 'adminRequired', message: "The band from 50,000.00 needs an admin's approval but names no admin." },
      });
      expect(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), approvers: { kind: 'named', operatorIds: [] } })).toMatchObject({
        ok: false,
        error: { code: 'refused', field: 'approvers', message: 'The band from 50,000.00 names no approver.' },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a role band asking for more approvals than there are people to give them', async () => {
      const result = await t.call(admin, 'saveApprovalBand', { ...band210Sam(), approvers: { kind: 'role', role: 'supervisor' }, approvalsRequired: 3 });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'refused',
          field: 'approvalsRequired',
          message: 'The band needs 3 approvals from supervisors and admins, but there are only 2 (Dana Admin and Sam Patel); ask for fewer approvals or choose other approvers.',
        },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a band that no longer exists, and a payload main cannot read', async () => {
      expect(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), id: bandId + 1000 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await t.call(admin, 'saveApprovalBand', { ...band210Sam(), fromMinor: 12.5 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'fromMinor' } });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('approval limits', () => {
    it('sets a limit, clears it, and audits both in words', async () => {
      // From no limit, whatever the demo gave Sam.
      expectOk(await t.call(admin, 'setApprovalLimit', { operatorId: ids.sam, approvalLimitMinor: null }));
      const earlier = (await audits('approval-limit-changed')).length;
      const set = expectOk(await t.call(admin, 'setApprovalLimit', { operatorId: ids.sam, approvalLimitMinor: 2_500_000 }));
      expect(set.approvers.find((a) => a.id === ids.sam)?.approvalLimitMinor).toBe(2_500_000);
      expect(expectOk(await t.call(sam, 'listApprovalRules', {})).approvers.find((a) => a.id === ids.sam)?.approvalLimitMinor).toBe(2_500_000);

      const cleared = expectOk(await t.call(admin, 'setApprovalLimit', { operatorId: ids.sam, approvalLimitMinor: null }));
      expect(cleared.approvers.find((a) => a.id === ids.sam)?.approvalLimitMinor).toBeNull();
      expect((await audits('approval-limit-changed')).slice(earlier)).toEqual([
        expect.objectContaining({ operator_id: ids.admin, before_value: 'no limit', after_value: '25,000.00', detail: 'Approval limit of Sam Patel changed by Dana Admin: no limit → 25,000.00.' }),
        expect.objectContaining({ operator_id: ids.admin, before_value: '25,000.00', after_value: 'no limit' }),
      ]);

      // Setting what is already stored records nothing.
      expectOk(await t.call(admin, 'setApprovalLimit', { operatorId: ids.sam, approvalLimitMinor: null }));
      expect(await audits('approval-limit-changed')).toHaveLength(earlier + 2);
    });

    it('refuses a limit for an operator, or for nobody', async () => {
      const before = await snapshot();
      expect(await t.call(admin, 'setApprovalLimit', { operatorId: ids.alice, approvalLimitMinor: 100 })).toMatchObject({
        ok: false,
        error: { code: 'refused', message: 'Alice Moreau is an operator, and only supervisors and admins approve, so only they have an approval limit.' },
      });
      expect(await t.call(admin, 'setApprovalLimit', { operatorId: 99_999, approvalLimitMinor: 100 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await snapshot()).toEqual(before);
    });
  });
});
