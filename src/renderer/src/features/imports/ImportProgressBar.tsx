import type { ImportProgress } from '../../../../shared/import-schemas';

const PHASE_WORDS: Record<ImportProgress['phase'], string> = {
  receiving: 'Sending the file',
  reading: 'Reading the file',
  checking: 'Checking every row',
  checked: 'Checked',
  writing: 'Writing',
  written: 'Written',
  failed: 'Stopped',
};

/** How far the upload, the check or the write is, as a bar and in words; screen readers hear the words. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const known = progress.total > 0;
  return (
    <div className="import-progress">
      <label htmlFor="import-progress-bar">{PHASE_WORDS[progress.phase]}</label>
      <progress id="import-progress-bar" max={known ? progress.total : undefined} value={known ? progress.done : undefined} aria-describedby="import-progress-words" />
      <p id="import-progress-words" className="muted" role="status" aria-live="polite">
        {progress.message}
      </p>
    </div>
  );
}
