import { useState } from 'react';
import { useReviewStore } from '../../stores/review-store';
import { readFileText } from '../../components/download';
import { OpenFileButton } from './OpenFileButton';
import './review.css';

/**
 * The sign-in screen's way into a review package: a supervisor reviews on a computer where they
 * have no account, and carries a decisions file back to the desk.
 */
export function OpenPackageLink() {
  const openPackage = useReviewStore((s) => s.openPackage);
  const [problem, setProblem] = useState<string | null>(null);
  const onFile = async (file: File) => {
    const opened = openPackage(await readFileText(file), file.name);
    setProblem(opened ? null : useReviewStore.getState().fileProblem);
  };
  return (
    <div className="open-package-link">
      <OpenFileButton label="Open a review package…" inputLabel="Review package file" className="link-button" onFile={(file) => void onFile(file)} />
      <span className="hint">Review POs from a package file without signing in here.</span>
      {problem && (
        <div role="alert" className="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
