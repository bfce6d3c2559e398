// Settings (admins): the workflow deadlines (GET/PUT /settings/deadlines):
// days after a report arrives by which it should be acknowledged, and by
// which the reporter should get feedback; and the retention policy
// (retention_form.jsx).
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, TextField } from '../../ui/fields.jsx';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { useMutation } from '../../ui/use_mutation.js';
import { RetentionForm } from './retention_form.jsx';

function whole(text) {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

// The form, its fields starting from `stored` (so nothing typed is ever
// overwritten by a late answer).
function DeadlinesForm({ stored }) {
  const [acknowledge, setAcknowledge] = useState(String(stored.acknowledge_days));
  const [feedback, setFeedback] = useState(String(stored.feedback_days));
  const mutation = useMutation();
  const [savedText, setSavedText] = useState('');
  const saveError = mutation.error;

  async function save(event) {
    event.preventDefault();
    const body = { acknowledge_days: whole(acknowledge), feedback_days: whole(feedback) };
    const saved = await mutation.run(() => api.put('/settings/deadlines', body));
    if (saved) setSavedText(`Saved: acknowledge within ${saved.acknowledge_days} days, feedback within ${saved.feedback_days} days.`);
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
      <Notice>{mutation.error ? '' : savedText}</Notice>
      <button type="submit" class="primary" disabled={mutation.busy}>Save deadlines</button>
    </form>
  );
}

export function Settings() {
  const deadlines = useLoad(() => api.get('/settings/deadlines'), []);
  const retention = useLoad(() => api.get('/settings/retention'), []);

  return (
    <Page title="Settings">
      {(deadlines.loading || retention.loading) && <Loading what="Loading the settings" />}
      <ErrorNotice error={deadlines.error || retention.error} />
      {deadlines.data && <DeadlinesForm stored={deadlines.data} />}
      {retention.data && <RetentionForm stored={retention.data} />}
    </Page>
  );
}
