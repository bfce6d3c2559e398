// Statistics for researchers (GET /api/v1/stats): a query form (up to three
// dimensions, a range of complete months, the threshold or the DP
// mechanism), then a line chart over the months and a bar chart of one
// month, each with the same numbers in a table, and a CSV download.
// Suppressed cells are shown as suppressed, never as 0.
import { useMemo, useState } from 'preact/hooks';
import { api, download } from '../../api.js';
import { Page } from '../../ui/page.jsx';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { SelectField } from '../../ui/fields.jsx';
import { saveFile } from '../../ui/save_file.js';
import { useLoad } from '../../ui/use_load.js';
import { loadDimensions, comboLabel, dimensionLabel } from './stats_dimensions.js';
import { answerCsv, defaultMonths, formatMonth, monthsBetween, reshape, statsQuery, withQuery } from './stats_model.js';
import { StatsForm } from './stats_form.jsx';
import { BarChart, LineChart } from './stats_charts.jsx';
import { MonthTable, SeriesTable } from './stats_tables.jsx';

// Combinations drawn and tabulated at most (the CSV has every cell).
const MAX_SHOWN = 12;

function initialForm() {
  const { from, to } = defaultMonths();
  return { dimensions: ['kind', '', ''], from, to, mechanism: 'threshold', epsilon: '0.5' };
}

// Errors the form shows next to a field (the rest go above the results).
const FORM_FIELDS = ['group_by', 'from', 'to', 'mechanism', 'epsilon'];

export function StatsView() {
  const dims = useLoad(loadDimensions, []);
  const [form, setForm] = useState(initialForm);
  const [result, setResult] = useState(null);  // { answer, query }
  const [budget, setBudget] = useState('');
  const [error, setError] = useState(null);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState('');
  const [downloadError, setDownloadError] = useState(null);

  async function run() {
    setRunning(true);
    setError(null);
    setNotice('');
    setDownloadError(null);
    const query = statsQuery(form);
    try {
      const answer = await api.get(withQuery('/stats', query));
      setResult({ answer, query });
      setBudget(answer.remaining_budget);
      setNotice(answer.mechanism === 'dp'
        ? `Answered with differential privacy: epsilon ${answer.epsilon} was charged; ${answer.remaining_budget} is left.`
        : `Answered with the threshold mechanism (k = ${answer.k}).`);
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  }

  async function saveCsv() {
    setDownloadError(null);
    try {
      if (result.answer.mechanism === 'dp') {
        // Asking again would charge the budget again and draw new noise.
        saveFile(new Blob([answerCsv(result.answer)], { type: 'text/csv' }), 'pillarbox-stats-dp.csv');
      } else {
        const { blob, filename } = await download(withQuery('/stats.csv', result.query), { accept: 'text/csv' });
        saveFile(blob, filename || 'pillarbox-stats.csv');
      }
    } catch (failure) {
      setDownloadError(failure);
    }
  }

  const formError = error && FORM_FIELDS.includes(error.field) ? error : null;
  return (
    <Page title="Statistics">
      <p class="intro">
        Counts of reports per month, never a report itself. Only complete months are answered, month by month.
        Demo reports are never counted.
      </p>
      {dims.loading && !dims.data && <Loading what="Loading the dimensions" />}
      <ErrorNotice error={dims.error} />
      {dims.data && (
        <StatsForm dimensions={dims.data} form={form} setForm={setForm} onSubmit={run} running={running}
                   error={formError} budget={budget} />
      )}
      {error && !formError && <ErrorNotice error={error} />}
      {error && formError && (
        <p class="notice notice-error" role="alert">
          The query was not answered: see the field marked above.
          {result ? ' The results below are those of your previous query.' : ''}
        </p>
      )}
      <Notice>{notice}</Notice>
      {result && dims.data && (
        <StatsResults result={result} dimensions={dims.data} onCsv={saveCsv} downloadError={downloadError} />
      )}
    </Page>
  );
}

function ResultFacts({ answer, query, dimensions }) {
  return (
    <dl class="facts">
      <dt>Months</dt>
      <dd>{formatMonth(query.from)} to {formatMonth(query.to)}</dd>
      <dt>Grouped by</dt>
      <dd>{answer.dimensions.length ? answer.dimensions.map((name) => dimensionLabel(dimensions, name)).join(', ') : 'Nothing (month totals)'}</dd>
      <dt>Mechanism</dt>
      <dd>{answer.mechanism === 'dp' ? 'Differential privacy (noisy counts)' : `Threshold: k = ${answer.k}`}</dd>
      {answer.mechanism === 'dp' && <dt>Epsilon charged</dt>}
      {answer.mechanism === 'dp' && <dd>{answer.epsilon}</dd>}
      <dt>Privacy budget left</dt>
      <dd>{answer.remaining_budget}</dd>
    </dl>
  );
}

function SuppressionLegend({ answer }) {
  if (answer.mechanism === 'dp') {
    return (
      <p class="stats-legend">
        Every count has random noise added (discrete Laplace), so counts may differ from the truth and may even be
        negative; nothing is suppressed.
      </p>
    );
  }
  return (
    <p class="stats-legend">
      <span class="suppressed-key" aria-hidden="true" /> <strong>Suppressed</strong>: fewer than {answer.k} reports, or
      hidden so that one cannot be worked out from the other numbers. In the line chart a suppressed month is a gap
      in the line with a hollow diamond on the month axis; in the bar chart it is written &ldquo;suppressed&rdquo;.
      Suppressed never means zero.
    </p>
  );
}

function StatsResults({ result, dimensions, onCsv, downloadError }) {
  const { answer, query } = result;
  const months = useMemo(() => monthsBetween(query.from, query.to), [query]);
  const monthLabels = useMemo(() => months.map(formatMonth), [months]);
  const shaped = useMemo(() => reshape(answer, months), [answer, months]);
  const combos = useMemo(() => shaped.combos.slice(0, MAX_SHOWN)
    .map((combo) => ({ ...combo, label: comboLabel(dimensions, combo.values) })), [shaped, dimensions]);
  const series = useMemo(() => combos.map((combo) => ({
    label: combo.label,
    values: months.map((month) => (combo.cells[month] && !combo.cells[month].suppressed ? combo.cells[month].count : null)),
    suppressed: months.map((month) => Boolean(combo.cells[month]?.suppressed)),
  })), [combos, months]);
  const [barMonth, setBarMonth] = useState(query.to);
  const month = months.includes(barMonth) ? barMonth : query.to;
  const bars = useMemo(() => combos.map((combo) => {
    const cell = combo.cells[month];
    return { label: combo.label, value: cell && !cell.suppressed ? cell.count : null, suppressed: Boolean(cell?.suppressed) };
  }), [combos, month]);

  const suppressedCount = answer.cells.filter((cell) => cell.suppressed).length;
  const range = `${formatMonth(query.from)} to ${formatMonth(query.to)}`;
  const lineLabel = `Line chart of reports per month, ${range}, ${combos.length} ${combos.length === 1 ? 'line' : 'lines'}: `
    + `${combos.map((combo) => combo.label).join('; ')}. ${suppressedCount} suppressed ${suppressedCount === 1 ? 'cell' : 'cells'}. `
    + 'The table below has the same numbers.';
  const barSuppressed = bars.filter((bar) => bar.suppressed).length;
  const barLabel = `Bar chart of reports in ${formatMonth(month)}, ${bars.length} bars`
    + `${barSuppressed ? `, ${barSuppressed} suppressed` : ''}. The table below has the same numbers.`;

  return (
    <section class="stats-results" aria-labelledby="stats-results-title">
      <h2 id="stats-results-title">Results</h2>
      <ResultFacts answer={answer} query={query} dimensions={dimensions} />
      <SuppressionLegend answer={answer} />
      {shaped.combos.length > MAX_SHOWN && (
        <p class="muted">
          Showing the {MAX_SHOWN} combinations with the most reports of {shaped.combos.length}; the CSV has every cell.
        </p>
      )}
      {shaped.empty > 0 && (
        <p class="muted">
          {shaped.empty} {shaped.empty === 1 ? 'combination' : 'combinations'} with no report in these months
          {shaped.empty === 1 ? ' is' : ' are'} left out of the charts and tables (the CSV has them).
        </p>
      )}
      <div class="toolbar">
        <button type="button" onClick={onCsv}>Download CSV</button>
        <p class="hint">
          {answer.mechanism === 'dp'
            ? 'The CSV holds these noisy numbers (asking again would charge your budget again).'
            : 'Every cell, including those left out of the charts.'}
        </p>
      </div>
      <ErrorNotice error={downloadError} />
      {combos.length === 0 ? (
        <p>No report was counted in these months.</p>
      ) : (
        <>
          <h3>Reports per month</h3>
          <LineChart months={monthLabels} series={series} label={lineLabel} id="stats-line-chart" />
          <SeriesTable months={months} combos={combos} caption={`Reports per month, ${range}`} id="stats-series-table" />

          <h3>Reports in one month</h3>
          <div class="toolbar">
            <SelectField id="stats-bar-month" label="Month" value={month} onValue={setBarMonth}
                         options={months.map((value) => ({ value, label: formatMonth(value) }))} />
          </div>
          <BarChart bars={bars} label={barLabel} id="stats-bar-chart" />
          <MonthTable month={month} combos={combos} caption={`Reports in ${formatMonth(month)}`} id="stats-month-table" />
        </>
      )}
    </section>
  );
}
