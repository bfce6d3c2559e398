// A case's reports (links to '#/reports/<id>', remove with DELETE
// /cases/{id}/reports/{report_id}) and the picker that adds reports from the
// triage queue (GET /reports: filters, keyset pages; POST /cases/{id}/reports).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useSession } from '../../session.js';
import { labelOf, optionsOf, useTaxonomy } from '../../taxonomy.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.jsx';
import { formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { deskLabel, shortId } from './case_text.js';
import { useMutation } from '../../ui/use_mutation.js';

const kReportStatuses = ['new', 'acknowledged', 'in_review', 'linked_to_case', 'closed'];

function ReportPicker({ item, onAdded, onClose }) {
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const [filters, setFilters] = useState({ desk: item.desk, kind: '', status: '', from: '', to: '' });
  const [applied, setApplied] = useState(filters);
  // cursors[i] is the `after` of page i (null for the first).
  const [cursors, setCursors] = useState([null]);
  const [page, setPage] = useState({ reports: null, next: null, error: null });
  const mutation = useMutation();
  const linked = new Set(item.reports.map((report) => report.id));
  const after = cursors[cursors.length - 1];

  useEffect(() => {
    let current = true;
    setPage((old) => ({ ...old, error: null, loading: true }));
    api.get('/reports', { ...applied, limit: 20, after }).then(
      (data) => current && setPage({ reports: data.reports, next: data.next, error: null }),
      (error) => current && setPage({ reports: null, next: null, error }),
    );
    return () => { current = false; };
  }, [applied, after]);

  function apply(event) {
    event.preventDefault();
    setCursors([null]);
    setApplied({ ...filters });
  }
  async function add(report) {
    const done = await mutation.run(() => api.post(`/cases/${item.id}/reports`, { report_id: report.id }),
                                    `Report ${shortId(report.id)} was added to the case.`);
    if (done) onAdded();
  }
  const set = (name) => (value) => setFilters((old) => ({ ...old, [name]: value }));
  const error = page.error;
  return (
    <section class="card picker" aria-labelledby="picker-title">
      <h3 id="picker-title">Add reports from the triage queue</h3>
      <form class="toolbar" onSubmit={apply} novalidate>
        <SelectField id="pick-desk" label="Desk" value={filters.desk} onValue={set('desk')}
                     options={[{ value: '', label: 'All my desks' }, ...user.desks.map((d) => ({ value: d, label: deskLabel(d) }))]}
                     error={fieldError(error, 'desk')} />
        <SelectField id="pick-kind" label="Kind" value={filters.kind} onValue={set('kind')}
                     options={optionsOf(taxonomy, 'kinds', 'Any kind')} error={fieldError(error, 'kind')} />
        <SelectField id="pick-status" label="Report status" value={filters.status} onValue={set('status')}
                     options={[{ value: '', label: 'Any status' }, ...kReportStatuses.map((s) => ({ value: s, label: humanize(s) }))]}
                     error={fieldError(error, 'status')} />
        <TextField id="pick-from" label="Received from" type="date" value={filters.from} onValue={set('from')}
                   error={fieldError(error, 'from')} />
        <TextField id="pick-to" label="Received until" type="date" value={filters.to} onValue={set('to')}
                   error={fieldError(error, 'to')} />
        <button type="submit">Show reports</button>
      </form>
      {error && !error.field && <ErrorNotice error={error} />}
      <Notice>{mutation.done}</Notice>
      <ErrorNotice error={mutation.error} />
      {!page.reports && !error && <Loading what="Loading reports" />}
      {page.reports && page.reports.length === 0 && <p>No reports match these filters.</p>}
      {page.reports && page.reports.length > 0 && (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Reports you may add, newest first</caption>
            <thead>
              <tr><th scope="col">Report</th><th scope="col">Kind</th><th scope="col">Received</th>
                <th scope="col">Status</th><th scope="col">Desk</th><th scope="col">Add</th></tr>
            </thead>
            <tbody>
              {page.reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row"><a href={`#/reports/${report.id}`}>{shortId(report.id)}</a></th>
                  <td>{labelOf(taxonomy, 'kinds', report.kind)}</td>
                  <td>{formatDay(report.received_day)}</td>
                  <td>{humanize(report.status)}</td>
                  <td>{deskLabel(report.desk)}</td>
                  <td>
                    {linked.has(report.id)
                      ? <span class="muted">In this case</span>
                      : <button type="button" onClick={() => add(report)} disabled={mutation.busy}
                                aria-label={`Add report ${shortId(report.id)} to the case`}>Add</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="form-buttons">
        {cursors.length > 1 && <button type="button" onClick={() => setCursors((old) => old.slice(0, -1))}>Previous page</button>}
        {page.next && <button type="button" onClick={() => setCursors((old) => [...old, page.next])}>Next page</button>}
        <button type="button" onClick={onClose}>Close the picker</button>
      </div>
    </section>
  );
}

export function CaseReports({ item, merged, onChanged }) {
  const taxonomy = useTaxonomy();
  const [picking, setPicking] = useState(false);
  const mutation = useMutation();
  async function remove(report) {
    const done = await mutation.run(() => api.del(`/cases/${item.id}/reports/${report.id}`),
                                    `Report ${shortId(report.id)} was removed from the case.`);
    if (done) onChanged();
  }
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">Reports ({item.reports.length + item.hidden_report_count})</h2>
      <Notice>{mutation.done}</Notice>
      <ErrorNotice error={mutation.error} />
      {item.reports.length === 0 && item.hidden_report_count === 0 && <p class="muted">No reports in this case yet.</p>}
      {item.reports.length > 0 && (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Reports of this case</caption>
            <thead>
              <tr><th scope="col">Report</th><th scope="col">Kind</th><th scope="col">Received</th><th scope="col">Status</th>
                {!merged && <th scope="col">Remove</th>}</tr>
            </thead>
            <tbody>
              {item.reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row"><a href={`#/reports/${report.id}`}>Report {shortId(report.id)}</a></th>
                  <td>{labelOf(taxonomy, 'kinds', report.kind)}</td>
                  <td>{formatDay(report.received_day)}</td>
                  <td>{humanize(report.status)}</td>
                  {!merged && (
                    <td><button type="button" onClick={() => remove(report)} disabled={mutation.busy}
                                aria-label={`Remove report ${shortId(report.id)} from the case`}>Remove</button></td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {item.hidden_report_count > 0 && (
        <p class="muted">{item.hidden_report_count} more report{item.hidden_report_count === 1 ? ' is' : 's are'} on desks you are not a member of.</p>
      )}
      {!merged && !picking && <button type="button" onClick={() => { mutation.clear(); setPicking(true); }}>Add reports</button>}
      {!merged && picking && <ReportPicker item={item} onAdded={onChanged} onClose={() => setPicking(false)} />}
    </section>
  );
}
