/** The blob: URL outlives the click: a save dialog (Electron) may still be reading it. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a file the page made through a download link to a blob: URL. Browsers save it to the
 * downloads folder; Electron, with no will-download handler, asks where to save it.
 */
export function downloadFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
