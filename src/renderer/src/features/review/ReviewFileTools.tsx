import { useState } from 'react';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useReviewStore } from '../../stores/review-store';
import { downloadJson, readFileText } from '../../components/download';
import { OpenFileButton } from './OpenFileButton';
import { packageFileName } from './review-files';

/**
 * Reviewing away from the desk without a team server: write the waiting POs to a package, bring
 * back the decisions made from it, or open a package here.
 */
export function ReviewFileTools() {
  const { locale } = useLocaleFormat();
  const { exportPackage, importDecisions, openPackage } = useReviewStore.getState();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  const onExport = async () => {
    setBusy('export');
    setWritten(null);
    const pkg = await exportPackage();
    setBusy(null);
    if (!pkg) return;
    const fileName = packageFileName(pkg.supervisor.signInName, new Date());
    downloadJson(fileName, pkg);
    const count = pkg.items.length;
    setWritten(`${fileName} written: ${formatScaled(count, 0, locale)} ${count === 1 ? 'PO' : 'POs'} for ${pkg.supervisor.displayName}.`);
  };

  const onImport = async (file: File) => {
    setBusy('import');
    setWritten(null);
    await importDecisions(await readFileText(file), file.name);
    setBusy(null);
  };

  const onOpen = async (file: File) => {
    setWritten(null);
    openPackage(await readFileText(file), file.name);
  };

  return (
    <div className="review-file-tools" role="group" aria-label="Review away from the desk">
      <button type="button" className="secondary" aria-busy={busy === 'export'} disabled={busy !== null} onClick={() => void onExport()}>
        Export review package
      </button>
      <OpenFileButton label="Import decisions…" inputLabel="Decisions file" disabled={busy !== null} onFile={(file) => void onImport(file)} />
      <OpenFileButton label="Open a review package…" inputLabel="Review package file" onFile={(file) => void onOpen(file)} />
      <span role="status" className="hint review-file-status">
        {busy === 'import' ? 'Importing decisions…' : written}
      </span>
    </div>
  );
}
