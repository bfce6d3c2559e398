// The actions catalogue (GET /actions, by name, filtered by way to act,
// status and region) and the form to add one (POST /actions).
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { labelOf, optionsOf, useTaxonomy } from '../../taxonomy.js';
import { SelectField } from '../../ui/fields.jsx';
import { formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { ActionForm, kActionStatuses } from './action_form.jsx';
import { useMutation } from '../../ui/use_mutation.js';

function days(action) {
  if (!action.start_day && !action.end_day) return '';
  return `${formatDay(action.start_day) || '…'} – ${formatDay(action.end_day) || '…'}`;
}

export function ActionsList() {
  const taxonomy = useTaxonomy();
  const [filters, setFilters] = useState({ kind: '', status: '', region: '' });
  const list = useLoad(() => api.get('/actions', filters), [filters.kind, filters.status, filters.region]);
  const [adding, setAdding] = useState(false);
  const mutation = useMutation();
  const set = (name) => (value) => setFilters((old) => ({ ...old, [name]: value }));
  async function add(body) {
    const created = await mutation.run(() => api.post('/actions', body));
    if (created) navigate(`/actions/${created.id}`);
  }
  const actions = list.data?.actions;
  return (
    <Page title="Actions" actions={!adding && <button type="button" class="primary" onClick={() => setAdding(true)}>Add an action</button>}>
      <p>Undertakings that cases feed: lawsuits, complaints, campaigns, alternatives, research. Every desk shares this catalogue.</p>
      {adding && (
        <section class="card form-card" aria-labelledby="add-action-title">
          <h2 id="add-action-title">Add an action</h2>
          <ActionForm idPrefix="new-action" taxonomy={taxonomy} onSubmit={add} submitLabel="Add the action"
                      onCancel={() => { mutation.clear(); setAdding(false); }} error={mutation.error} busy={mutation.busy} />
        </section>
      )}
      <h2>The catalogue</h2>
      <div class="toolbar" role="group" aria-label="Filters">
        <SelectField id="filter-kind" label="Way to act" value={filters.kind} onValue={set('kind')}
                     options={optionsOf(taxonomy, 'ways_to_act', 'Any way')} />
        <SelectField id="filter-status" label="Status" value={filters.status} onValue={set('status')}
                     options={[{ value: '', label: 'Any status' }, ...kActionStatuses.map((value) => ({ value, label: humanize(value) }))]} />
        <SelectField id="filter-region" label="Region" value={filters.region} onValue={set('region')}
                     options={optionsOf(taxonomy, 'regions', 'Any region')} />
      </div>
      <ErrorNotice error={list.error} />
      {!actions && !list.error && <Loading what="Loading the catalogue" />}
      {actions && actions.length === 0 && <p>No actions match these filters.</p>}
      {actions && actions.length > 0 && (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Actions, by name</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Way to act</th><th scope="col">Type</th>
                <th scope="col">Region</th><th scope="col">Status</th><th scope="col">When</th></tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.id}>
                  <th scope="row"><a href={`#/actions/${action.id}`}>{action.name}</a>{action.demo && <span class="badge"> demo</span>}</th>
                  <td>{labelOf(taxonomy, 'ways_to_act', action.kind)}</td>
                  <td>{humanize(action.subtype)}</td>
                  <td>{labelOf(taxonomy, 'regions', action.region)}</td>
                  <td><span class="badge">{humanize(action.status)}</span></td>
                  <td>{days(action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
