/**
 * Hands bytes main made (base64, as the contracts carry them) to the browser to save under a name:
 * a Blob behind an <a download>, the one way that works alike in Electron and in a browser page.
 */
export function downloadBase64(fileName: string, contentBase64: string, type: string): void {
  const text = atob(contentBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
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
