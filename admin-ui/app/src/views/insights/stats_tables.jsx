// The numbers of each statistics chart as a table (what screen readers and
// keyboard users get instead of the canvas). A suppressed cell says
// "suppressed", never 0.
import { formatMonth } from './stats_model.js';

// `combo`: the combination's key, kept in data-combo (tests read it).
function Cell({ cell, combo }) {
  if (!cell) return <td class="num" data-combo={combo}>–</td>;
  if (cell.suppressed) return <td class="num suppressed-cell" data-combo={combo}>suppressed</td>;
  return <td class="num" data-combo={combo}>{cell.count}</td>;
}

// Months down, one column per combination. `combos`: [{ key, label, cells:
// { month: cell } }].
export function SeriesTable({ months, combos, caption, id }) {
  return (
    <div class="table-scroll">
      <table class="data stats-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {combos.map((combo) => <th scope="col" key={combo.key}>{combo.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month} data-month={month}>
              <th scope="row">{formatMonth(month)}</th>
              {combos.map((combo) => <Cell key={combo.key} combo={combo.key} cell={combo.cells[month]} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// One row per combination for a single month.
export function MonthTable({ month, combos, caption, id }) {
  return (
    <div class="table-scroll">
      <table class="data stats-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reports of</th>
            <th scope="col">{formatMonth(month)}</th>
          </tr>
        </thead>
        <tbody>
          {combos.map((combo) => (
            <tr key={combo.key}>
              <th scope="row">{combo.label}</th>
              <Cell combo={combo.key} cell={combo.cells[month]} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
