// A case's internal notes (GET /cases/{id}/notes, decrypted, oldest first;
// reading them is audited) and the form to add one (POST).
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, TextArea } from '../../ui/fields.jsx';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { useLoad } from '../../ui/use_load.js';
import { formatTime } from './case_text.js';
import { useMutation } from '../../ui/use_mutation.js';

export function CaseNotes({ caseId, merged, onChanged }) {
  const notes = useLoad(() => api.get(`/cases/${caseId}/notes`), [caseId]);
  const [body, setBody] = useState('');
  const mutation = useMutation();
  async function add(event) {
    event.preventDefault();
    if (await mutation.run(() => api.post(`/cases/${caseId}/notes`, { body }), 'The note was added.')) {
      setBody('');
      notes.reload();
      onChanged();
    }
  }
  const list = notes.data?.notes;
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Internal notes</h2>
      <p class="hint">Only members of this desk read them; they never go into an evidence bundle.</p>
      {notes.error && <ErrorNotice error={notes.error} />}
      {!list && !notes.error && <Loading what="Loading the notes" />}
      {list && list.length === 0 && <p class="muted">No notes yet.</p>}
      {list && list.length > 0 && (
        <ol class="notes">
          {list.map((note) => (
            <li key={note.id} class="note">
              <p class="note-meta"><strong>{note.author}</strong> <span class="muted">{formatTime(note.created_at)}</span></p>
              {note.body.split('\n').map((line, i) => <p key={i}>{line}</p>)}
            </li>
          ))}
        </ol>
      )}
      {!merged && (
        <form onSubmit={add} novalidate>
          <TextArea id="note-body" label="New note" value={body} onValue={setBody} rows={3} maxLength={20000}
                    error={fieldError(mutation.error, 'body')} />
          {mutation.error && mutation.error.field !== 'body' && <ErrorNotice error={mutation.error} />}
          <Notice>{mutation.done}</Notice>
          <button type="submit" class="primary" disabled={!body.trim() || mutation.busy}>Add note</button>
        </form>
      )}
    </section>
  );
}
