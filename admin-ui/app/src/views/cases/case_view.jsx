// One case (GET /cases/{id}): its facts and summary with the edit form
// (PATCH with the revision: a 409 says someone changed it and reloads), its
// reports and the picker to add more, tags, pillars and actions, the
// timeline, internal notes, merging into another case and sharing it as an
// evidence bundle, and its legal hold. A merged case only says where it went.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useTaxonomy } from '../../taxonomy.js';
import { fieldError, SelectField, TextArea, TextField } from '../../ui/fields.jsx';
import { formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { CaseBundle } from './case_bundle.jsx';
import { CaseLabels } from './case_labels.jsx';
import { CaseLegalHold } from './case_legal_hold.jsx';
import { CaseMerge } from './case_merge.jsx';
import { CaseNotes } from './case_notes.jsx';
import { CaseReports } from './case_reports.jsx';
import { deskLabel, shortId } from './case_text.js';
import { CaseTimeline } from './case_timeline.jsx';
import { useMutation } from '../../ui/use_mutation.js';

const kStatuses = [{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }];

// The edit form: title, summary and status against the revision last read.
function CaseEditForm({ item, onSaved, onStale, onClose }) {
  const [draft, setDraft] = useState({ title: item.title, summary: item.summary, status: item.status, revision: item.revision });
  const [stale, setStale] = useState(false);
  const mutation = useMutation();
  useEffect(() => {
    // After a conflict the case is read again: start over from it.
    if (stale && item.revision !== draft.revision) {
      setDraft({ title: item.title, summary: item.summary, status: item.status, revision: item.revision });
    }
  }, [item.revision]);
  async function save(event) {
    event.preventDefault();
    setStale(false);
    const saved = await mutation.run(() => api.patch(`/cases/${item.id}`, {
      revision: draft.revision, title: draft.title, summary: draft.summary, status: draft.status,
    }));
    if (saved) onSaved(saved);
  }
  useEffect(() => {
    if (mutation.error?.status === 409) {
      setStale(true);
      onStale();
    }
  }, [mutation.error]);
  const error = mutation.error?.status === 409 ? null : mutation.error;
  const set = (name) => (value) => setDraft((old) => ({ ...old, [name]: value }));
  return (
    <form class="card case-edit" onSubmit={save} novalidate aria-labelledby="case-edit-title">
      <h2 id="case-edit-title">Edit the case</h2>
      {stale && (
        <p class="notice notice-error" role="alert">
          Someone changed this case since you opened it. It has been read again and the form shows the
          current text: make your change again and save.
        </p>
      )}
      <TextField id="edit-title" label="Title" value={draft.title} onValue={set('title')} maxLength={200}
                 error={fieldError(error, 'title')} />
      <TextArea id="edit-summary" label="Summary" value={draft.summary} onValue={set('summary')} rows={6}
                error={fieldError(error, 'summary')} />
      <SelectField id="edit-status" label="Status" value={draft.status} onValue={set('status')} options={kStatuses}
                   error={fieldError(error, 'status')} />
      {error && !['title', 'summary', 'status'].includes(error.field) && <ErrorNotice error={error} />}
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={mutation.busy}>Save changes</button>
        <button type="button" onClick={onClose} disabled={mutation.busy}>Cancel</button>
      </div>
    </form>
  );
}

function Summary({ item }) {
  if (!item.summary) return <p class="muted">No summary yet.</p>;
  return <div class="case-summary">{item.summary.split('\n').map((line, i) => <p key={i}>{line}</p>)}</div>;
}

export function CaseView({ id }) {
  const taxonomy = useTaxonomy();
  const loaded = useLoad(() => api.get(`/cases/${id}`), [id]);
  const tags = useLoad(() => api.get('/tags'), []);
  const catalogue = useLoad(() => api.get('/actions'), []);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  useEffect(() => { setEditing(false); setSaved(''); }, [id]);

  const item = loaded.data;
  if (!item) {
    return (
      <Page title="Case">
        {loaded.error ? <ErrorNotice error={loaded.error} /> : <Loading what="Loading the case" />}
        <p><a href="#/cases">Back to the cases</a></p>
      </Page>
    );
  }
  const names = {
    tags: Object.fromEntries((tags.data?.tags || []).map((tag) => [tag.id, tag.name])),
    actions: Object.fromEntries((catalogue.data?.actions || []).map((action) => [action.id, action.name])),
  };
  for (const tag of item.tags) names.tags[tag.id] = tag.name;
  const merged = item.status === 'merged';
  const changed = () => { setSaved(''); loaded.reload(); };
  const headActions = !merged && !editing
    ? <button type="button" onClick={() => { setSaved(''); setEditing(true); }}>Edit title, summary or status</button>
    : null;

  return (
    <Page title={item.title} actions={headActions}>
      <p><a href="#/cases">Back to the cases</a></p>
      {merged && (
        <p class="notice" role="status">
          This case was merged into <a href={`#/cases/${item.merged_into}`}>case {shortId(item.merged_into)}</a>:
          its reports, labels and notes are there now.
        </p>
      )}
      <dl class="facts">
        <dt>Status</dt><dd><span class={`badge status-${item.status}`}>{humanize(item.status)}</span></dd>
        <dt>Desk</dt><dd>{deskLabel(item.desk)}</dd>
        <dt>Opened</dt><dd>{formatDay(item.created_day)}</dd>
        {item.closed_day && <><dt>Closed</dt><dd>{formatDay(item.closed_day)}</dd></>}
        <dt>Changes</dt><dd>{item.revision}</dd>
      </dl>
      <Notice>{saved}</Notice>
      {loaded.error && <ErrorNotice error={loaded.error} />}
      {editing
        ? <CaseEditForm item={item} onStale={loaded.reload} onClose={() => setEditing(false)}
                        onSaved={() => { setEditing(false); setSaved('The case was saved.'); loaded.reload(); }} />
        : (
          <section aria-labelledby="summary-title">
            <h2 id="summary-title">Summary</h2>
            <Summary item={item} />
          </section>
        )}
      <CaseReports key={`r${item.id}`} item={item} merged={merged} onChanged={changed} />
      <CaseLabels key={`l${item.id}`} item={item} merged={merged} taxonomy={taxonomy} tags={tags} catalogue={catalogue}
                  onChanged={changed} />
      <CaseNotes key={`n${item.id}`} caseId={item.id} merged={merged} onChanged={changed} />
      <CaseTimeline item={item} taxonomy={taxonomy} names={names} />
      {!merged && <CaseLegalHold key={`h${item.id}`} item={item} onChanged={changed} />}
      {!merged && <CaseMerge key={`m${item.id}`} item={item} />}
      {!merged && <CaseBundle key={`b${item.id}`} item={item} />}
    </Page>
  );
}
