// Pure helpers of the statistics view: months, the query sent to
// GET /api/v1/stats, and the answer reshaped into series for the charts and
// the tables. No DOM, no API calls.

// "2026-11" for a month index (year * 12 + month - 1).
export function monthName(index) {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

// The month index of "YYYY-MM", or NaN when malformed.
export function monthIndex(name) {
  const match = /^(\d{4})-(\d{2})$/.exec(name || '');
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return NaN;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

// The last complete month (UTC) and the default range: the 12 complete
// months before the current one. `now` is a Date (tests pass their own).
export function defaultMonths(now = new Date()) {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return { from: monthName(current - 12), to: monthName(current - 1), latest: monthName(current - 1) };
}

// Every month from `from` to `to` inclusive ([] when either is malformed or
// from is after to).
export function monthsBetween(from, to) {
  const first = monthIndex(from);
  const last = monthIndex(to);
  if (Number.isNaN(first) || Number.isNaN(last) || first > last) return [];
  const months = [];
  for (let i = first; i <= last; i++) months.push(monthName(i));
  return months;
}

// "2026-03" -> "Mar 2026".
export function formatMonth(name) {
  const index = monthIndex(name);
  if (Number.isNaN(index)) return name;
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1))
    .toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

// The query parameters of GET /api/v1/stats for the form's state
// ({ dimensions: ['kind', '', ...], from, to, mechanism, epsilon }).
export function statsQuery(form) {
  const dimensions = form.dimensions.filter(Boolean);
  const query = { from: form.from, to: form.to, mechanism: form.mechanism };
  if (dimensions.length) query.group_by = dimensions.join(',');
  if (form.mechanism === 'dp') query.epsilon = form.epsilon.trim();
  return query;
}

// The key of a cell's combination of values ("kind=a|region=b"; "" for
// month totals).
function comboKey(dimensions, cell) {
  return dimensions.map((dimension) => `${dimension}=${cell[dimension]}`).join('|');
}

// The answer reshaped: { months, combos: [{ key, values: {dim: value},
// cells: {month: {count} | {suppressed: true}}, total }] }. Combinations with
// no report in any month (every count 0 or, under DP, never reported) are
// left out and counted in `empty`; the rest are ordered by their summed
// published counts, largest first (suppressed cells count as 0 for the
// order only).
export function reshape(answer, months) {
  const dimensions = answer.dimensions || [];
  const byKey = new Map();
  for (const cell of answer.cells || []) {
    const key = comboKey(dimensions, cell);
    let combo = byKey.get(key);
    if (!combo) {
      const values = {};
      for (const dimension of dimensions) values[dimension] = cell[dimension];
      combo = { key, values, cells: {}, total: 0, shown: false };
      byKey.set(key, combo);
    }
    combo.cells[cell.month] = cell.suppressed ? { suppressed: true } : { count: cell.count };
    if (cell.suppressed || (cell.count && cell.count !== 0)) combo.shown = true;
    if (!cell.suppressed) combo.total += cell.count;
  }
  const all = [...byKey.values()];
  const combos = all.filter((combo) => combo.shown || dimensions.length === 0)
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { months, dimensions, combos, empty: all.length - combos.length };
}

// The CSV of an answer in the API's own format (month,<dimensions>,count,
// suppressed; CRLF; a suppressed cell has an empty count). Used for DP
// answers, which cannot be fetched again without a new charge and new noise.
export function answerCsv(answer) {
  const dimensions = answer.dimensions || [];
  const quote = (value) => {
    let text = String(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  let csv = ['month', ...dimensions, 'count', 'suppressed'].map(quote).join(',') + '\r\n';
  for (const cell of answer.cells || []) {
    const values = [cell.month, ...dimensions.map((dimension) => cell[dimension])].map(quote);
    // Counts are numbers (DP ones may be negative): never quoted.
    values.push(cell.suppressed ? '' : String(cell.count), cell.suppressed ? 'true' : 'false');
    csv += values.join(',') + '\r\n';
  }
  return csv;
}

// `path` with `query` appended as a query string. The service reads query
// values as sent (Pistache does not percent-decode them), so the commas of
// group_by must stay commas: api.js's URLSearchParams would send %2C. Every
// value here is closed vocabulary (dimension names, YYYY-MM, a decimal).
export function withQuery(path, query) {
  const text = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value)).replace(/%2C/g, ',')}`)
    .join('&');
  return text ? `${path}?${text}` : path;
}
