/** Offers `text` as a file download (a CSV export): a Blob link clicked once, then released. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download by the next task; the URL is not needed after it.
  queueMicrotask(() => URL.revokeObjectURL(url));
}
