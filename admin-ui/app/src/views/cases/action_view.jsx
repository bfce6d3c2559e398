// One action of the catalogue (GET /actions/{id}): its description, the
// cases of the caller's desks linked to it, and the edit form (PATCH with
// the revision; a 409 says someone changed it and reloads).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { ActionForm } from './action_form.jsx';
import { shortId } from './case_text.js';
import { useMutation } from '../../ui/use_mutation.js';

export function ActionView({ id }) {
  const taxonomy = useTaxonomy();
  const loaded = useLoad(() => api.get(`/actions/${id}`), [id]);
  const cases = useLoad(() => api.get('/cases', { limit: 100 }), []);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation();
  useEffect(() => {
    if (mutation.error?.status !== 409) return;
    setConflict(true);
    mutation.clear();
    setEditing(false);
    loaded.reload();
  }, [mutation.error]);
  const action = loaded.data;
  if (!action) {
    return (
      <Page title="Action">
        {loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading what="Loading the action" />}
        <p><a href="#/actions">Back to the actions</a></p>
      </Page>
    );
  }
  const titles = Object.fromEntries((cases.data?.cases || []).map((item) => [item.id, item.title]));
  async function save(body) {
    setConflict(false);
    const saved = await mutation.run(() => api.patch(`/actions/${id}`, { ...body, revision: action.revision }));
    if (saved) {
      setEditing(false);
      setNotice('The action was saved.');
      loaded.reload();
    }
  }
  return (
    <Page title={action.name} actions={!editing && <button type="button" onClick={() => { setNotice(''); setConflict(false); setEditing(true); }}>Edit the action</button>}>
      <p><a href="#/actions">Back to the actions</a></p>
      <Notice>{notice}</Notice>
      {conflict && (
        <p class="notice notice-error" role="alert">Someone changed this action since you opened it. It has been read
          again: check it and make your change again.</p>
      )}
      {editing ? (
        <section class="card form-card" aria-labelledby="edit-action-title">
          <h2 id="edit-action-title">Edit the action</h2>
          <ActionForm idPrefix="edit-action" taxonomy={taxonomy} initial={action} onSubmit={save} submitLabel="Save changes"
                      onCancel={() => { mutation.clear(); setEditing(false); }} error={mutation.error} busy={mutation.busy} />
        </section>
      ) : (
        <dl class="facts">
          <dt>Way to act</dt><dd>{labelOf(taxonomy, 'ways_to_act', action.kind)}</dd>
          <dt>Type</dt><dd>{humanize(action.subtype)}</dd>
          <dt>Status</dt><dd>{humanize(action.status)}</dd>
          <dt>Region</dt><dd>{labelOf(taxonomy, 'regions', action.region)}</dd>
          <dt>Organization</dt><dd>{action.organization || <span class="muted">not given</span>}</dd>
          <dt>Jurisdiction</dt><dd>{action.jurisdiction || <span class="muted">not given</span>}</dd>
          <dt>Started</dt><dd>{action.start_day ? formatDay(action.start_day) : <span class="muted">not given</span>}</dd>
          <dt>Ended</dt><dd>{action.end_day ? formatDay(action.end_day) : <span class="muted">not given</span>}</dd>
        </dl>
      )}
      <h2>Linked cases</h2>
      {action.case_ids.length === 0 ? <p class="muted">No case of your desks is linked to this action.</p> : (
        <ul>
          {action.case_ids.map((caseId) => (
            <li key={caseId}><a href={`#/cases/${caseId}`}>{titles[caseId] || `Case ${shortId(caseId)}`}</a></li>
          ))}
        </ul>
      )}
    </Page>
  );
}
