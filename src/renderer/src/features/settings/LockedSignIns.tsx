import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api';

type Outcome = { ok: boolean; message: string };

/** Admins lift a sign-in lockout before it ends by itself; main records each unlock in the audit log. */
export function LockedSignIns() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const signInName = name.trim();
    if (signInName === '') {
      setOutcome({ ok: false, message: 'Enter the sign-in name to unlock.' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.unlockSignIn({ signInName });
    setBusy(false);
    if (!result.ok) {
      setOutcome({ ok: false, message: `Not unlocked: ${result.error.message}` });
      inputRef.current?.focus();
      return;
    }
    setOutcome(
      result.value.unlocked
        ? { ok: true, message: `“${signInName}” is unlocked and can sign in again now. The unlock is in the audit log.` }
        : { ok: true, message: `“${signInName}” was not locked, so nothing changed. The attempt is in the audit log.` },
    );
  };

  const refused = outcome !== null && !outcome.ok;

  return (
    <section className="settings-card" aria-labelledby="locked-sign-ins-title">
      <h2 id="locked-sign-ins-title">Locked sign-ins</h2>
      <p className="hint">After repeated wrong passwords a sign-in name is locked for a while. Unlock it here once you know who is asking.</p>
      <form className="settings-form settings-inline" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor="unlock-sign-in-name">Sign-in name to unlock</label>
          <input
            ref={inputRef}
            id="unlock-sign-in-name"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            value={name}
            aria-invalid={refused ? 'true' : undefined}
            aria-describedby={outcome ? 'unlock-outcome' : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setOutcome(null);
            }}
          />
        </div>
        <div className="settings-actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            Unlock
          </button>
        </div>
        <p id="unlock-outcome" role="status" className={`settings-outcome${refused ? ' is-refused' : ''}`}>
          {outcome?.message}
        </p>
      </form>
    </section>
  );
}
