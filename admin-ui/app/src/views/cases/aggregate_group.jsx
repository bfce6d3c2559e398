// One group of reports naming the same organization or AI system
// (GET /aggregates/groups/{by}/{key}/reports, newest first, keyset pages),
// each linking to the report. The route names the key :digest, since preact
// keeps a prop named `key` for itself.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { deskLabel, shortId } from './case_text.js';

const kByNoun = { organization: 'organization', ai_system: 'AI system' };

export function AggregateGroup({ by, digest }) {
  const taxonomy = useTaxonomy();
  const [state, setState] = useState({ reports: null, next: null, error: null, loading: false });
  async function load(after) {
    setState((old) => ({ ...old, loading: true }));
    try {
      const page = await api.get(`/aggregates/groups/${by}/${digest}/reports`, { limit: 50, after });
      setState((old) => ({ reports: [...(after ? old.reports || [] : []), ...page.reports], next: page.next, error: null, loading: false }));
    } catch (error) {
      setState((old) => ({ ...old, error, loading: false }));
    }
  }
  useEffect(() => { load(null); }, [by, digest]);
  const noun = kByNoun[by] || humanize(by);
  const reports = state.reports;
  return (
    <Page title={`Reports naming the same ${noun}`}>
      <p><a href="#/aggregates">Back to aggregation</a></p>
      <ErrorNotice error={state.error} />
      {!reports && !state.error && <Loading what="Loading the reports" />}
      {reports && reports.length === 0 && <p>No report of your desks is in this group.</p>}
      {reports && reports.length > 0 && (
        <>
          <p>{reports.length}{state.next ? ' or more' : ''} report{reports.length === 1 ? '' : 's'} of your desks name this {noun}, newest first.</p>
          <div class="table-scroll">
            <table class="data">
              <caption class="visually-hidden">Reports of the group</caption>
              <thead>
                <tr><th scope="col">Report</th><th scope="col">Kind</th><th scope="col">Received</th><th scope="col">Region</th>
                  <th scope="col">Sector</th><th scope="col">Status</th><th scope="col">Desk</th></tr>
              </thead>
              <tbody>
                {reports.map((report) => (
                  <tr key={report.id}>
                    <th scope="row"><a href={`#/reports/${report.id}`}>Report {shortId(report.id)}</a></th>
                    <td>{labelOf(taxonomy, 'kinds', report.kind)}</td>
                    <td>{formatDay(report.received_day)}</td>
                    <td>{labelOf(taxonomy, 'regions', report.region)}</td>
                    <td>{labelOf(taxonomy, 'sectors', report.sector)}</td>
                    <td>{humanize(report.status)}</td>
                    <td>{deskLabel(report.desk)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {state.next && <button type="button" onClick={() => load(state.next)} disabled={state.loading}>Show more reports</button>}
    </Page>
  );
}
