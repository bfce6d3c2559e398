// Formatting of values the API returns.

// "2026-11-22" -> "22 Nov 2026" (days are UTC calendar days, never times).
export function formatDay(day) {
  if (!day) return '';
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC',
  });
}

// "workplace_ai_harm" -> "Workplace ai harm": a readable fallback for a
// closed value without a label in the taxonomy.
export function humanize(code) {
  if (!code) return '';
  const text = String(code).replace(/[_.]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Bytes -> "1.2 MiB".
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
