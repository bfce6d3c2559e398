// Saves a Blob the API returned (a CSV, an evidence file, a bundle) as a
// download. The object URL lives only for the click: nothing is cached.
export function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename || 'download';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
