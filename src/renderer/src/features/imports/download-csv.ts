/**
 * Hands a CSV main made to the browser to save, as components/download.ts does for PO documents
 * (a Blob behind an <a download>, which Electron saves into Downloads). A byte-order mark goes first,
 * so a spreadsheet opens it as UTF-8; an import of the file ignores the mark.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
