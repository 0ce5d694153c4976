import { type FormEvent, useRef, useState } from 'react';
import { useSessionStore } from '../../stores/session-store';
import { OpenPackageLink } from '../review/OpenPackageLink';
import { ChooseNewPasswordStep } from './ChooseNewPasswordStep';

/** Sign-in, or right after it the step that replaces a password an admin set. */
export function SignInScreen() {
  const mustChange = useSessionStore((s) => s.passwordChange !== null);
  return mustChange ? <ChooseNewPasswordStep /> : <SignInForm />;
}

/** Sign-in name and password; a refusal is announced and the password cleared for another try. */
function SignInForm() {
  const signIn = useSessionStore((s) => s.signIn);
  const signingIn = useSessionStore((s) => s.signingIn);
  const signInError = useSessionStore((s) => s.signInError);
  const problem = useSessionStore((s) => s.problem);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const error = localError ?? signInError ?? problem;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setLocalError('Enter your sign-in name.');
      nameRef.current?.focus();
      return;
    }
    if (password === '') {
      setLocalError('Enter your password.');
      passwordRef.current?.focus();
      return;
    }
    setLocalError(null);
    const ok = await signIn(name.trim(), password);
    if (!ok) {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <main className="sign-in">
      <form className="sign-in-card" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="sign-in-title">
        <div className="brand brand-large" aria-hidden="true">
          PD
        </div>
        <h1 id="sign-in-title">Purchasing desk</h1>
        <p className="muted">Sign in to enter and review purchase orders.</p>
        {error && (
          <div role="alert" className="alert" id="sign-in-error">
            {error}
          </div>
        )}
        <label htmlFor="sign-in-name">Sign-in name</label>
        <input
          ref={nameRef}
          id="sign-in-name"
          type="text"
          autoFocus
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          value={name}
          aria-describedby={error ? 'sign-in-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <label htmlFor="sign-in-password">Password</label>
        <input
          ref={passwordRef}
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          maxLength={256}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="primary wide" aria-busy={signingIn}>
          Sign in
        </button>
        <p className="hint">Demo operators: alice, bob, carol, pat, sam (supervisor), admin — password: demo</p>
        <OpenPackageLink />
      </form>
    </main>
  );
}
