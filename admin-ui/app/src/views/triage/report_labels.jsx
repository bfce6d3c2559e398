// Tags and pillars of a report. Tags: the report's tags with a remove button
// each, a list of existing tags to add (GET /tags, PUT /reports/{id}/tags/{tag})
// and a new tag created and added at once (POST /tags). Pillars: the nine of
// the taxonomy as checkboxes (PUT / DELETE /reports/{id}/pillars/{pillar}).
// Each change answers with the report's labels, which replace the view's.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { optionsOf } from '../../taxonomy.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.jsx';
import { ErrorNotice, Notice } from '../../ui/notice.jsx';

// `reportId`, `labels` ({tags: [{id, name}], pillars: [value]}),
// `onLabels(next)`, `taxonomy`.
export function ReportLabels({ reportId, labels, onLabels, taxonomy }) {
  const [allTags, setAllTags] = useState([]);
  const [chosen, setChosen] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  // Pillar boxes show the wanted state at once while the change is on its way
  // (then the report's labels from the answer, or the old state on failure).
  const [pending, setPending] = useState({});

  useEffect(() => {
    api.get('/tags').then((answer) => setAllTags(answer.tags), setError);
  }, []);

  async function change(request, done) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      onLabels(await request());
      setNotice(done);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const onReport = new Set(labels.tags.map((tag) => tag.id));
  const addable = allTags.filter((tag) => !onReport.has(tag.id));
  const pick = addable.some((tag) => tag.id === chosen) ? chosen : addable[0]?.id || '';

  function addTag(event) {
    event.preventDefault();
    const name = allTags.find((tag) => tag.id === pick)?.name;
    change(() => api.put(`/reports/${reportId}/tags/${pick}`), `Tag “${name}” added.`);
  }

  async function createTag(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice('');
    let created;
    try {
      created = await api.post('/tags', { name: newName });
      setAllTags((old) => [...old, created].sort((a, b) => a.name.localeCompare(b.name)));
    } catch (caught) {
      setError(caught);
      setBusy(false);
      return;
    }
    if (await change(() => api.put(`/reports/${reportId}/tags/${created.id}`), `Tag “${created.name}” created and added.`)) {
      setNewName('');
    }
  }

  async function togglePillar(pillar, on) {
    const label = optionsOf(taxonomy, 'pillars').find((option) => option.value === pillar)?.label || pillar;
    setPending((old) => ({ ...old, [pillar]: on }));
    await change(() => (on ? api.put(`/reports/${reportId}/pillars/${pillar}`) : api.del(`/reports/${reportId}/pillars/${pillar}`)),
                 on ? `Linked to the pillar ${label}.` : `Unlinked from the pillar ${label}.`);
    setPending((old) => {
      const next = { ...old };
      delete next[pillar];
      return next;
    });
  }

  return (
    <section class="card side-card" aria-labelledby="labels-title">
      <h2 id="labels-title">Tags and pillars</h2>
      <h3>Tags</h3>
      {labels.tags.length === 0 ? <p class="muted">No tags yet.</p> : (
        <ul class="tag-list removable">
          {labels.tags.map((tag) => (
            <li key={tag.id} class="badge">
              {tag.name}{' '}
              <button type="button" class="link-button" aria-label={`Remove tag ${tag.name}`} disabled={busy}
                      onClick={() => change(() => api.del(`/reports/${reportId}/tags/${tag.id}`), `Tag “${tag.name}” removed.`)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {addable.length > 0 && (
        <form class="inline-form" onSubmit={addTag}>
          <SelectField id="tag-add" label="Existing tag" value={pick} onValue={setChosen}
                       options={addable.map((tag) => ({ value: tag.id, label: tag.name }))} />
          <button type="submit" disabled={busy}>Add tag</button>
        </form>
      )}
      <form class="inline-form" onSubmit={createTag} novalidate>
        <TextField id="tag-new" label="New tag" value={newName} onValue={setNewName} maxLength={64}
                   error={fieldError(error, 'name')} hint="Up to 64 characters; seen by every reviewer." />
        <button type="submit" disabled={busy || !newName.trim()}>Create and add</button>
      </form>
      <fieldset class="pillars">
        <legend>Pillars</legend>
        {optionsOf(taxonomy, 'pillars').map((pillar) => (
          <div class="check" key={pillar.value}>
            <input type="checkbox" id={`pillar-${pillar.value}`} checked={pillar.value in pending ? pending[pillar.value] : labels.pillars.includes(pillar.value)}
                   onChange={(event) => togglePillar(pillar.value, event.currentTarget.checked)} />
            <label for={`pillar-${pillar.value}`}>{pillar.label}</label>
          </div>
        ))}
      </fieldset>
      {error && error.field !== 'name' && <ErrorNotice error={error} />}
      <Notice>{notice}</Notice>
    </section>
  );
}
