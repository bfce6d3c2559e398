// Aggregation: groups of the caller's desks' reports naming the same
// organization or AI system (GET /aggregates/groups, largest first; counted
// from blind indexes, nothing decrypted), and report counts per pillar
// (GET /aggregates/pillars) over a range of months.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.jsx';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { shortId } from './case_text.js';

const kBy = [{ value: 'organization', label: 'Organization' }, { value: 'ai_system', label: 'AI system' }];
const kByNoun = { organization: 'organization', ai_system: 'AI system' };

function monthOf(date) {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function Groups() {
  const [by, setBy] = useState('organization');
  const [min, setMin] = useState('2');
  const groups = useLoad(() => api.get('/aggregates/groups', { by, min, limit: 100 }), [by, min]);
  const list = groups.data ? [...groups.data.groups].sort((a, b) => b.count - a.count) : null;
  const noun = kByNoun[by];
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">Reports naming the same {noun}</h2>
      <p class="hint">Names are matched after normalizing case and spacing, from keyed digests: nothing is decrypted
        to count them. Open a sample report to read the name.</p>
      <div class="toolbar" role="group" aria-label="Grouping">
        <SelectField id="group-by" label="Group by" value={by} onValue={setBy} options={kBy} error={fieldError(groups.error, 'by')} />
        <SelectField id="group-min" label="Smallest group" value={min} onValue={setMin}
                     options={['2', '3', '5', '10', '20'].map((value) => ({ value, label: `${value} reports` }))}
                     error={fieldError(groups.error, 'min')} />
      </div>
      {groups.error && !groups.error.field && <ErrorNotice error={groups.error} />}
      {!list && !groups.error && <Loading what="Counting" />}
      {list && list.length === 0 && <p>No {noun} is named by {min} or more reports of your desks.</p>}
      {list && list.length > 0 && (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Groups of reports naming the same {noun}, largest first</caption>
            <thead>
              <tr><th scope="col">Group</th><th scope="col">Reports</th><th scope="col">Sample report</th><th scope="col">Open cases</th></tr>
            </thead>
            <tbody>
              {list.map((group) => (
                <tr key={group.key}>
                  <th scope="row">
                    <a href={`#/aggregates/${by}/${group.key}`}>{group.count} reports about the same {noun}</a>
                  </th>
                  <td>{group.count}</td>
                  <td><a href={`#/reports/${group.sample_report_id}`}>Report {shortId(group.sample_report_id)}</a></td>
                  <td>
                    {group.open_case_ids.length === 0 ? <span class="muted">none</span>
                      : group.open_case_ids.map((id, i) => <span key={id}>{i > 0 && ', '}<a href={`#/cases/${id}`}>Case {shortId(id)}</a></span>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PillarCounts() {
  const taxonomy = useTaxonomy();
  const now = new Date();
  const [range, setRange] = useState({ from: monthOf(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 1))), to: monthOf(now) });
  const [draft, setDraft] = useState(range);
  const counts = useLoad(() => api.get('/aggregates/pillars', range), [range.from, range.to]);
  const rows = counts.data?.counts;
  const totals = {};
  for (const row of rows || []) totals[row.pillar] = (totals[row.pillar] || 0) + row.count;
  const set = (name) => (value) => setDraft((old) => ({ ...old, [name]: value }));
  return (
    <section aria-labelledby="pillar-counts-title">
      <h2 id="pillar-counts-title">Reports per pillar</h2>
      <form class="toolbar" novalidate onSubmit={(event) => { event.preventDefault(); setRange({ ...draft }); }}>
        <TextField id="pillars-from" label="From month" type="month" value={draft.from} onValue={set('from')}
                   hint="YYYY-MM" error={fieldError(counts.error, 'from')} />
        <TextField id="pillars-to" label="To month" type="month" value={draft.to} onValue={set('to')}
                   hint="YYYY-MM" error={fieldError(counts.error, 'to')} />
        <button type="submit">Count</button>
      </form>
      {counts.error && !counts.error.field && <ErrorNotice error={counts.error} />}
      {!rows && !counts.error && <Loading what="Counting" />}
      {rows && rows.length === 0 && <p>No report of your desks carries a pillar in these months.</p>}
      {rows && rows.length > 0 && (
        <>
          <h3>Totals</h3>
          <div class="table-scroll">
            <table class="data">
              <caption class="visually-hidden">Reports per pillar</caption>
              <thead><tr><th scope="col">Pillar</th><th scope="col">Reports</th></tr></thead>
              <tbody>
                {(taxonomy?.pillars || []).filter((p) => totals[p.value]).map((p) => (
                  <tr key={p.value}><th scope="row">{p.label}</th><td>{totals[p.value]}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>By pillar, kind and region</h3>
          <div class="table-scroll">
            <table class="data">
              <caption class="visually-hidden">Reports per pillar, kind and region</caption>
              <thead><tr><th scope="col">Pillar</th><th scope="col">Kind</th><th scope="col">Region</th><th scope="col">Reports</th></tr></thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.pillar}/${row.kind}/${row.region}`}>
                    <th scope="row">{labelOf(taxonomy, 'pillars', row.pillar)}</th>
                    <td>{labelOf(taxonomy, 'kinds', row.kind)}</td>
                    <td>{labelOf(taxonomy, 'regions', row.region)}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function Aggregates() {
  return (
    <Page title="Aggregation">
      <Groups />
      <PillarCounts />
    </Page>
  );
}
