import { type FormEvent, useId, useRef, useState } from 'react';
import type { ConnectionState, ConnectionTest } from '../../../../shared/contracts';
import { checkTeamServerUrl } from '../../../../shared/team-server-url';
import { useConnectionStore } from '../../stores/connection-store';
import './connection.css';

type Mode = 'local' | 'team';

interface Outcome {
  ok: boolean;
  message: string;
}

interface ConnectionChoiceFormProps {
  current: ConnectionState;
  /** A way back without changing anything, where there is somewhere to go back to. */
  onCancel?: () => void;
  /** Said beside the button: what choosing does to the operator's session, where it matters. */
  note?: string;
}

/**
 * "This computer only" or "Team server" with its address. The address is checked as it is
 * typed out (https://, or http:// to this computer), "Test connection" says in words what answered
 * there, and using it is refused with the reason when no desk answers; what was typed stays.
 */
export function ConnectionChoiceForm({ current, onCancel, note }: ConnectionChoiceFormProps) {
  const test = useConnectionStore((s) => s.test);
  const choose = useConnectionStore((s) => s.choose);
  const [mode, setMode] = useState<Mode>(current.mode === 'team' ? 'team' : 'local');
  const [url, setUrl] = useState(current.mode === 'team' ? (current.serverUrl ?? '') : '');
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [tested, setTested] = useState<ConnectionTest | null>(null);
  const [busy, setBusy] = useState<'testing' | 'choosing' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const id = useId();

  /** The address as the desk will use it, or null after saying beside the field why not. */
  const checkedUrl = (): string | null => {
    const checked = checkTeamServerUrl(url);
    if (checked.ok) {
      setUrlProblem(null);
      return checked.url;
    }
    setUrlProblem(checked.message);
    urlRef.current?.focus();
    return null;
  };

  const onTest = async () => {
    if (busy) return;
    setOutcome(null);
    const address = checkedUrl();
    if (!address) return;
    setBusy('testing');
    setTested(null);
    const result = await test(address);
    setBusy(null);
    if (result.ok) setTested(result.value);
    else setUrlProblem(result.error.message);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setOutcome(null);
    const address = mode === 'team' ? checkedUrl() : null;
    if (mode === 'team' && !address) return;
    setBusy('choosing');
    const result = await choose(mode === 'team' ? { mode: 'team', url: address as string } : { mode: 'local' });
    setBusy(null);
    if (!result.ok) setOutcome({ ok: false, message: result.error.message });
  };

  const urlHintId = `${id}-url-hint`;
  const urlProblemId = `${id}-url-problem`;
  const testId = `${id}-test`;

  return (
    <form className="connection-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="connection-options">
        <legend>Where this computer keeps its purchase orders</legend>
        <label className={`connection-option${mode === 'local' ? ' is-chosen' : ''}`}>
          <input type="radio" name={`${id}-mode`} value="local" checked={mode === 'local'} onChange={() => setMode('local')} />
          <span>
            <strong>This computer only</strong>
            <span className="hint">In a database on this computer, as before. Nobody else sees them.</span>
          </span>
        </label>
        <label className={`connection-option${mode === 'team' ? ' is-chosen' : ''}`}>
          <input type="radio" name={`${id}-mode`} value="team" checked={mode === 'team'} onChange={() => setMode('team')} />
          <span>
            <strong>Team server</strong>
            <span className="hint">On your team’s desk server: everyone connected to it works on the same POs and sees each other’s changes.</span>
          </span>
        </label>
      </fieldset>

      {mode === 'team' && (
        <div className="field connection-url">
          <label htmlFor={`${id}-url`}>Team server address</label>
          <div className="connection-url-row">
            <input
              ref={urlRef}
              id={`${id}-url`}
              type="text"
              inputMode="url"
              autoCapitalize="none"
              autoComplete="url"
              spellCheck={false}
              maxLength={2048}
              placeholder="https://desk.example.com"
              value={url}
              aria-invalid={urlProblem ? true : undefined}
              aria-describedby={[urlProblem ? urlProblemId : urlHintId, tested ? testId : ''].filter(Boolean).join(' ')}
              onChange={(event) => {
                setUrl(event.target.value);
                setUrlProblem(null);
                setTested(null);
              }}
            />
            <button type="button" className="secondary" aria-busy={busy === 'testing' || undefined} onClick={() => void onTest()}>
              {busy === 'testing' ? 'Testing…' : 'Test connection'}
            </button>
          </div>
          {urlProblem ? (
            <p className="field-error" id={urlProblemId}>
              {urlProblem}
            </p>
          ) : (
            <p className="hint" id={urlHintId}>
              Ask your administrator for it. It starts with https:// (http:// only for a server on this computer).
            </p>
          )}
          <p role="status" id={testId} className={`connection-test${tested ? (tested.found ? ' is-found' : ' is-not-found') : ''}`}>
            {tested?.message}
          </p>
        </div>
      )}

      <div className="connection-actions">
        <button type="submit" className="primary" aria-busy={busy === 'choosing' || undefined}>
          {mode === 'team' ? 'Use this team server' : 'Use this computer only'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Keep the current connection
          </button>
        )}
        {note && <span className="hint">{note}</span>}
      </div>
      {outcome && (
        <p role="alert" className="alert">
          {outcome.message}
        </p>
      )}
    </form>
  );
}
