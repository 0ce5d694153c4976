/** Hands a JSON file to the browser's download, which asks where to keep it (or keeps it in Downloads). */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a later revoke keeps slow shells safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The text of a file the operator picked. */
export const readFileText = (file: File): Promise<string> => file.text();
