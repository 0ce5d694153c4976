/**
 * Hands a file the desk made to the browser to save under a name: a Blob behind an <a download>,
 * the one way that works alike in Electron (main saves the app's own blobs into Downloads) and in a
 * browser page.
 */
function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the Blob once it started; a minute leaves room for a slow save dialog.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Bytes main made, base64 as the contracts carry them (a PO document). */
export function downloadBase64(fileName: string, contentBase64: string, type: string): void {
  const text = atob(contentBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

/**
 * A CSV file main or the screen made. A byte-order mark goes first unless told otherwise, so a
 * spreadsheet opens it as UTF-8 (an import here ignores the mark); an accounting system's import
 * may want the plain text.
 */
export function downloadCsv(fileName: string, csv: string, { byteOrderMark = true }: { byteOrderMark?: boolean } = {}): void {
  downloadBlob(fileName, new Blob([byteOrderMark ? `\uFEFF${csv}` : csv], { type: 'text/csv;charset=utf-8' }));
}

/** A JSON file (a review package, a decisions file), indented for a person to read. */
export function downloadJson(fileName: string, value: unknown): void {
  downloadBlob(fileName, new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
}

/** The text of a file the operator picked. */
export const readFileText = (file: File): Promise<string> => file.text();
