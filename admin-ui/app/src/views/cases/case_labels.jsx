// A case's tags (GET /tags; PUT/DELETE /cases/{id}/tags/{tag_id}; a new tag
// through POST /tags), pillars (checkboxes from the taxonomy; PUT/DELETE
// /cases/{id}/pillars/{pillar}) and actions (from GET /actions; PUT/DELETE
// /cases/{id}/actions/{action_id}).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { labelOf } from '../../taxonomy.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.jsx';
import { humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { useMutation } from '../../ui/use_mutation.js';

function Tags({ item, merged, tags, onChanged }) {
  const [chosen, setChosen] = useState('');
  const [newName, setNewName] = useState('');
  const mutation = useMutation();
  const on = new Set(item.tags.map((tag) => tag.id));
  const choices = (tags.data?.tags || []).filter((tag) => !on.has(tag.id));
  async function add(event) {
    event.preventDefault();
    if (!chosen) return;
    const name = choices.find((tag) => tag.id === chosen)?.name || '';
    if (await mutation.run(() => api.put(`/cases/${item.id}/tags/${chosen}`), `Tag “${name}” was added.`)) {
      setChosen('');
      onChanged();
    }
  }
  async function create(event) {
    event.preventDefault();
    const done = await mutation.run(async () => {
      const tag = await api.post('/tags', { name: newName });
      await api.put(`/cases/${item.id}/tags/${tag.id}`);
      return tag;
    }, `Tag “${newName.trim()}” was created and added.`);
    if (done) {
      setNewName('');
      tags.reload();
      onChanged();
    }
  }
  async function remove(tag) {
    if (await mutation.run(() => api.del(`/cases/${item.id}/tags/${tag.id}`), `Tag “${tag.name}” was removed.`)) onChanged();
  }
  return (
    <section aria-labelledby="tags-title">
      <h3 id="tags-title">Tags</h3>
      <Notice>{mutation.done}</Notice>
      {mutation.error && mutation.error.field !== 'name' && <ErrorNotice error={mutation.error} />}
      {item.tags.length === 0 ? <p class="muted">No tags.</p> : (
        <ul class="chips">
          {item.tags.map((tag) => (
            <li key={tag.id}>
              <span class="badge">{tag.name}</span>
              {!merged && <button type="button" class="link-button" onClick={() => remove(tag)} disabled={mutation.busy}
                                  aria-label={`Remove tag ${tag.name}`}>Remove</button>}
            </li>
          ))}
        </ul>
      )}
      {!merged && (
        <div class="label-forms">
          <form class="toolbar" onSubmit={add} novalidate>
            <SelectField id="tag-choice" label="Add an existing tag" value={chosen} onValue={setChosen}
                         options={[{ value: '', label: choices.length ? 'Choose a tag' : 'No other tags' },
                                   ...choices.map((tag) => ({ value: tag.id, label: tag.name }))]} />
            <button type="submit" disabled={!chosen || mutation.busy}>Add tag</button>
          </form>
          <form class="toolbar" onSubmit={create} novalidate>
            <TextField id="tag-new" label="Or create a tag" value={newName} onValue={setNewName} maxLength={64}
                       error={fieldError(mutation.error, 'name')} />
            <button type="submit" disabled={!newName.trim() || mutation.busy}>Create and add</button>
          </form>
        </div>
      )}
    </section>
  );
}

function Pillars({ item, merged, taxonomy, onChanged }) {
  const mutation = useMutation();
  // Boxes show the change at once; the case read again confirms it (or a
  // failure puts the box back).
  const [wanted, setWanted] = useState({});
  useEffect(() => setWanted({}), [item.revision]);
  const on = new Set(item.pillars);
  const isOn = (pillar) => (pillar in wanted ? wanted[pillar] : on.has(pillar));
  async function toggle(pillar, checked) {
    const label = labelOf(taxonomy, 'pillars', pillar);
    setWanted((old) => ({ ...old, [pillar]: checked }));
    const done = await mutation.run(
      () => (checked ? api.put(`/cases/${item.id}/pillars/${pillar}`) : api.del(`/cases/${item.id}/pillars/${pillar}`)),
      checked ? `Pillar “${label}” was linked.` : `Pillar “${label}” was unlinked.`);
    if (done) onChanged();
    else setWanted((old) => { const next = { ...old }; delete next[pillar]; return next; });
  }
  if (!taxonomy) return <Loading what="Loading the pillars" />;
  return (
    <section aria-labelledby="pillars-title">
      <h3 id="pillars-title">Pillars</h3>
      <Notice>{mutation.done}</Notice>
      <ErrorNotice error={mutation.error} />
      <fieldset class="pillar-boxes" disabled={merged}>
        <legend>The pillars this case belongs to</legend>
        {taxonomy.pillars.map((pillar) => (
          <label key={pillar.value} class="check">
            <input type="checkbox" checked={isOn(pillar.value)}
                   onChange={(event) => toggle(pillar.value, event.currentTarget.checked)} />
            {pillar.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function Actions({ item, merged, taxonomy, catalogue, onChanged }) {
  const [chosen, setChosen] = useState('');
  const mutation = useMutation();
  const all = catalogue.data?.actions || [];
  const byId = Object.fromEntries(all.map((action) => [action.id, action]));
  const on = new Set(item.action_ids);
  const choices = all.filter((action) => !on.has(action.id));
  async function link(event) {
    event.preventDefault();
    if (!chosen) return;
    if (await mutation.run(() => api.put(`/cases/${item.id}/actions/${chosen}`), `Action “${byId[chosen]?.name}” was linked.`)) {
      setChosen('');
      onChanged();
    }
  }
  async function unlink(id) {
    if (await mutation.run(() => api.del(`/cases/${item.id}/actions/${id}`), `Action “${byId[id]?.name || ''}” was unlinked.`)) onChanged();
  }
  return (
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">Actions</h3>
      <Notice>{mutation.done}</Notice>
      <ErrorNotice error={mutation.error || catalogue.error} />
      {item.action_ids.length === 0 ? <p class="muted">No actions linked.</p> : (
        <ul class="linked-actions">
          {item.action_ids.map((id) => (
            <li key={id}>
              <a href={`#/actions/${id}`}>{byId[id]?.name || 'Action'}</a>
              {byId[id] && <span class="muted"> · {labelOf(taxonomy, 'ways_to_act', byId[id].kind)} · {humanize(byId[id].status)}</span>}
              {!merged && <> <button type="button" class="link-button" onClick={() => unlink(id)} disabled={mutation.busy}
                                     aria-label={`Unlink action ${byId[id]?.name || ''}`}>Unlink</button></>}
            </li>
          ))}
        </ul>
      )}
      {!merged && (
        <form class="toolbar" onSubmit={link} novalidate>
          <SelectField id="action-choice" label="Link an action from the catalogue" value={chosen} onValue={setChosen}
                       options={[{ value: '', label: choices.length ? 'Choose an action' : 'No other actions' },
                                 ...choices.map((action) => ({ value: action.id, label: action.name }))]} />
          <button type="submit" disabled={!chosen || mutation.busy}>Link action</button>
          <a href="#/actions">Open the actions catalogue</a>
        </form>
      )}
    </section>
  );
}

export function CaseLabels({ item, merged, taxonomy, tags, catalogue, onChanged }) {
  return (
    <section aria-labelledby="labels-title">
      <h2 id="labels-title">Labels and actions</h2>
      <Tags item={item} merged={merged} tags={tags} onChanged={onChanged} />
      <Pillars item={item} merged={merged} taxonomy={taxonomy} onChanged={onChanged} />
      <Actions item={item} merged={merged} taxonomy={taxonomy} catalogue={catalogue} onChanged={onChanged} />
    </section>
  );
}
