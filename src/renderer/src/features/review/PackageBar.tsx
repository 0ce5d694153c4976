import { useState } from 'react';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { type OpenedPackage, useReviewStore } from '../../stores/review-store';
import { downloadJson } from '../../components/download';
import { decisionsFileName } from './review-files';

/**
 * A review package open on this screen: whose it is, that nothing is sent from here, and the way
 * out with the decisions file the supervisor takes back to the desk.
 */
export function PackageBar({ pkg }: { pkg: OpenedPackage }) {
  const { locale, formatDateTime } = useLocaleFormat();
  const decisions = useReviewStore((s) => s.packageDecisions);
  const saved = useReviewStore((s) => s.packageSaved);
  const { takeDecisionsFile, closePackage } = useReviewStore.getState();
  const [askClose, setAskClose] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const { supervisor, madeAt, items } = pkg.value;
  const count = (n: number) => formatScaled(n, 0, locale);

  const onSave = () => {
    const file = takeDecisionsFile();
    if (!file) return;
    const fileName = decisionsFileName(supervisor.signInName, new Date());
    downloadJson(fileName, file);
    setSavedAs(`${fileName} saved with ${count(file.decisions.length)} ${file.decisions.length === 1 ? 'decision' : 'decisions'}. Take it to the desk: ${supervisor.displayName} imports it there with "Import decisions…".`);
  };

  const onClose = () => {
    if (!saved && !askClose) {
      setAskClose(true);
      return;
    }
    closePackage();
  };

  return (
    <section className="review-package" aria-labelledby="review-package-title">
      <div className="review-package-text">
        <h2 id="review-package-title">Review package {pkg.fileName}</h2>
        <p>
          Made for <strong>{supervisor.displayName}</strong> ({supervisor.signInName}) on <time dateTime={madeAt}>{formatDateTime(madeAt)}</time> ·{' '}
          {count(items.length)} {items.length === 1 ? 'PO' : 'POs'} · {count(decisions.length)} decided
        </p>
        <p className="review-package-explain">
          Nothing is sent from here. Your decisions are collected on this screen; save them as a decisions file. They take effect only when{' '}
          {supervisor.displayName} imports that file at the desk, and each is checked there against the PO as it stands then.
        </p>
      </div>
      <div className="review-package-actions">
        <button type="button" className="primary" disabled={decisions.length === 0} onClick={onSave}>
          Save decisions file
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {askClose && !saved ? 'Close without saving' : 'Close package'}
        </button>
        {askClose && !saved && (
          <button type="button" className="link-button" onClick={() => setAskClose(false)}>
            Keep it open
          </button>
        )}
      </div>
      <p role="status" className="review-package-status">
        {askClose && !saved
          ? `${count(decisions.length)} ${decisions.length === 1 ? 'decision is' : 'decisions are'} not in a saved decisions file and would be lost.`
          : savedAs}
      </p>
    </section>
  );
}
