/** Rule 7: optimistic concurrency. A save must start from the version that is stored now. */
export type VersionVerdict = { ok: true } | { ok: false; kind: 'missing' | 'stale'; reason: string };

/** `untouched` says what the refusal left alone: a save's edits, or a step that changed nothing. */
export function checkVersion(poNumber: string, storedVersion: number, sentVersion: number | undefined, untouched = 'nothing of yours was saved'): VersionVerdict {
  if (sentVersion === undefined) {
    return { ok: false, kind: 'missing', reason: `Saving ${poNumber} needs the version you opened.` };
  }
  if (sentVersion !== storedVersion) {
    const what =
      sentVersion < storedVersion
        ? `Someone saved ${poNumber} after you opened it (you opened version ${sentVersion}; it is now ${storedVersion}).`
        : `${poNumber} is at version ${storedVersion}, not ${sentVersion}.`;
    return { ok: false, kind: 'stale', reason: `${what} Reopen it to see the stored PO; ${untouched}.` };
  }
  return { ok: true };
}
