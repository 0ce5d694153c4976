import { useEffect, useState } from 'react';
import type { MyAccount } from '../../../../shared/operator-admin-schemas';
import { api } from '../../api';
import { useSessionStore } from '../../stores/session-store';
import { PasswordChangeFields } from '../sign-in/PasswordChangeFields';
import '../sign-in/password.css';

/** Every operator changes their own password here: the current one, the new one twice. Their other sessions end. */
export function ChangePasswordForm() {
  const changeMyPassword = useSessionStore((s) => s.changeMyPassword);
  const [account, setAccount] = useState<MyAccount>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  useEffect(() => {
    void api.myAccount({}).then((result) => {
      if (result.ok) setAccount(result.value);
    });
  }, []);

  return (
    <section className="settings-card" aria-labelledby="change-password-title">
      <h2 id="change-password-title">My password</h2>
      <p className="hint">Changing it signs you out everywhere else; this window stays signed in.</p>
      <PasswordChangeFields
        idPrefix="my-password"
        currentLabel="Current password"
        submitLabel="Change password"
        rules={account?.passwordRules.rules ?? []}
        minLength={account?.passwordRules.minLength ?? 12}
        onSubmit={async (input) => {
          setOutcome(null);
          const result = await changeMyPassword(input);
          if (result.ok) setOutcome(result.value.reason);
          return result.ok ? null : result.error;
        }}
      />
      {outcome && (
        <p role="status" className="settings-outcome">
          {outcome}
        </p>
      )}
    </section>
  );
}
