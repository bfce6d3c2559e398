// Internal notes (GET/POST /reports/{id}/notes: sealed to the desk, never
// shown to the reporter) and the conversation with the reporter (GET/POST
// /reports/{id}/messages: the reporter reads it with the receipt). Each list
// loads once; a sent note or message is appended from the API's answer.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, TextArea } from '../../ui/fields.jsx';
import { formatDay } from '../../ui/format.js';
import { useLoad } from '../../ui/use_load.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';

function useSend(path, append, done) {
  const [body, setBody] = useState('');
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  async function send(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      append(await api.post(path, { body }));
      setBody('');
      setNotice(done);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return { body, setBody, error, notice, busy, send };
}

function noteTime(seconds) {
  return new Date(seconds * 1000).toLocaleString('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

// `reportId`.
export function ReportNotes({ reportId }) {
  const { data, error, loading } = useLoad(() => api.get(`/reports/${reportId}/notes`), [reportId]);
  const [added, setAdded] = useState([]);
  const form = useSend(`/reports/${reportId}/notes`, (note) => setAdded((old) => [...old, note]), 'Note added.');
  const notes = [...(data?.notes || []), ...added];
  return (
    <section class="card internal" aria-labelledby="notes-title">
      <h2 id="notes-title">Internal notes</h2>
      <p class="internal-flag"><strong>Internal:</strong> never shown to the reporter. Only reviewers of this desk read them.</p>
      {loading && !data ? <Loading what="Loading notes" /> : <ErrorNotice error={error} />}
      {data && notes.length === 0 && <p class="muted">No notes yet.</p>}
      {notes.length > 0 && (
        <ol class="thread">
          {notes.map((note) => (
            <li key={note.id}>
              <p class="thread-meta">{note.author?.username || 'A reviewer'} · {noteTime(note.created_at)}</p>
              {note.body === null
                ? <p class="muted">This note was sealed to an older desk key you do not hold.</p>
                : <p class="thread-body">{note.body}</p>}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={form.send} novalidate>
        <TextArea id="note-body" label="New internal note" value={form.body} onValue={form.setBody} rows={3}
                  maxLength={10000} error={fieldError(form.error, 'body')} />
        {form.error && form.error.field !== 'body' && <ErrorNotice error={form.error} />}
        <button type="submit" disabled={form.busy || !form.body.trim()}>Add note</button>
      </form>
      <Notice>{form.notice}</Notice>
    </section>
  );
}

// `reportId`.
export function ReportMessages({ reportId }) {
  const { data, error, loading } = useLoad(() => api.get(`/reports/${reportId}/messages`), [reportId]);
  const [added, setAdded] = useState([]);
  const form = useSend(`/reports/${reportId}/messages`, (message) => setAdded((old) => [...old, message]),
                       'Message sent. The reporter sees it when they come back with their receipt.');
  const messages = [...(data?.messages || []), ...added];
  return (
    <section class="card" aria-labelledby="messages-title">
      <h2 id="messages-title">Messages with the reporter</h2>
      <p class="muted">The reporter reads these with their receipt. Write plainly and never ask for their name.</p>
      {loading && !data ? <Loading what="Loading messages" /> : <ErrorNotice error={error} />}
      {data && messages.length === 0 && <p class="muted">No messages yet.</p>}
      {messages.length > 0 && (
        <ol class="thread conversation">
          {messages.map((message) => (
            <li key={message.seq} class={message.author_role === 'reporter' ? 'from-reporter' : 'from-reviewer'}>
              <p class="thread-meta">
                {message.author_role === 'reporter' ? 'Reporter' : `Reviewer${message.author ? ` ${message.author}` : ''}`}
                {' · '}{formatDay(message.created_day)}
              </p>
              <p class="thread-body">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={form.send} novalidate>
        <TextArea id="message-body" label="Message to the reporter" value={form.body} onValue={form.setBody} rows={3}
                  maxLength={10000} error={fieldError(form.error, 'body')} />
        {form.error && form.error.field !== 'body' && <ErrorNotice error={form.error} />}
        <button type="submit" class="primary" disabled={form.busy || !form.body.trim()}>Send message</button>
      </form>
      <Notice>{form.notice}</Notice>
    </section>
  );
}
