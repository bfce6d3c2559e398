// Settings (admins): the workflow deadlines (GET/PUT /settings/deadlines):
// days after a report arrives by which it should be acknowledged, and by
// which the reporter should get feedback.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, TextField } from '../../ui/fields.jsx';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';

function whole(text) {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

// The form, its fields starting from `stored` (so nothing typed is ever
// overwritten by a late answer); `onSaved(deadlines)` after a save.
function DeadlinesForm({ stored, onSaved }) {
  const [acknowledge, setAcknowledge] = useState(String(stored.acknowledge_days));
  const [feedback, setFeedback] = useState(String(stored.feedback_days));
  const [saveError, setSaveError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function save(event) {
    event.preventDefault();
    setBusy(true);
    setSaveError(null);
    try {
      onSaved(await api.put('/settings/deadlines',
        { acknowledge_days: whole(acknowledge), feedback_days: whole(feedback) }));
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} method="post" novalidate class="admin-form" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">Workflow deadlines</h2>
      <p>Counted in days from the day a report arrives. Reviewers see reports past these deadlines as
        overdue in their queue; changing them applies to every report at once.</p>
      <TextField id="deadline-acknowledge" label="Acknowledge within (days)" value={acknowledge}
                 onValue={setAcknowledge} inputMode="numeric" class="admin-number"
                 hint="A whole number from 1 to 365."
                 error={fieldError(saveError, 'acknowledge_days')} />
      <TextField id="deadline-feedback" label="Give the reporter feedback within (days)" value={feedback}
                 onValue={setFeedback} inputMode="numeric" class="admin-number"
                 hint="A whole number from 1 to 365."
                 error={fieldError(saveError, 'feedback_days')} />
      {saveError && !['acknowledge_days', 'feedback_days'].includes(saveError.field)
        && <ErrorNotice error={saveError} />}
      <button type="submit" class="primary" disabled={busy}>Save deadlines</button>
    </form>
  );
}

export function Settings() {
  const { data, error, loading } = useLoad(() => api.get('/settings/deadlines'), []);
  const [done, setDone] = useState('');

  return (
    <Page title="Settings">
      {loading && !data && <Loading what="Loading the settings" />}
      <ErrorNotice error={error} />
      <Notice>{done}</Notice>
      {data && (
        <DeadlinesForm stored={data} onSaved={(stored) => setDone(
          `Saved: acknowledge within ${stored.acknowledge_days} days, feedback within ${stored.feedback_days} days.`)} />
      )}
    </Page>
  );
}
