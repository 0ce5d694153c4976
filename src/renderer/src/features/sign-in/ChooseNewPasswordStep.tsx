import { useSessionStore } from '../../stores/session-store';
import { PasswordChangeFields } from './PasswordChangeFields';
import './password.css';

/**
 * The step after signing in with a password an admin set: nothing else opens until the operator
 * has chosen their own (main refuses every other call meanwhile). Sign out leaves it.
 */
export function ChooseNewPasswordStep() {
  const pending = useSessionStore((s) => s.passwordChange);
  const changeMyPassword = useSessionStore((s) => s.changeMyPassword);
  const signOut = useSessionStore((s) => s.signOut);
  if (!pending) return null;
  const { operator, account } = pending;
  return (
    <main className="sign-in">
      <section className="sign-in-card is-password-step" aria-labelledby="new-password-title" aria-describedby="new-password-why">
        <div className="brand brand-large" aria-hidden="true">
          PD
        </div>
        <h1 id="new-password-title">Choose a new password</h1>
        <p className="muted" id="new-password-why">
          {account.reason}
        </p>
        <p className="hint">
          Signed in as <strong>{operator.signInName}</strong>.
        </p>
        <PasswordChangeFields
          idPrefix="first-password"
          currentLabel="Temporary password"
          submitLabel="Save my new password"
          rules={account.passwordRules.rules}
          minLength={account.passwordRules.minLength}
          autoFocus
          onSubmit={async (input) => {
            const result = await changeMyPassword(input);
            return result.ok ? null : result.error;
          }}
        />
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out instead
        </button>
      </section>
    </main>
  );
}
