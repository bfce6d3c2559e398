// Settings (admins): the workflow deadlines (GET/PUT /settings/deadlines):
// days after a report arrives by which it should be acknowledged, and by
// which the reporter should get feedback.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, TextField } from '../../ui/fields.jsx';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';

function whole(text) {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

export function Settings() {
  const { data, error, loading, reload } = useLoad(() => api.get('/settings/deadlines'), []);
  const [acknowledge, setAcknowledge] = useState('');
  const [feedback, setFeedback] = useState('');
  const [saveError, setSaveError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  useEffect(() => {
    if (!data) return;
    setAcknowledge(String(data.acknowledge_days));
    setFeedback(String(data.feedback_days));
  }, [data]);

  async function save(event) {
    event.preventDefault();
    setBusy(true);
    setSaveError(null);
    setDone('');
    try {
      const stored = await api.put('/settings/deadlines',
        { acknowledge_days: whole(acknowledge), feedback_days: whole(feedback) });
      setDone(`Saved: acknowledge within ${stored.acknowledge_days} days, feedback within ${stored.feedback_days} days.`);
      reload();
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Settings">
      {loading && !data && <Loading what="Loading the settings" />}
      <ErrorNotice error={error} />
      {data && (
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
          <Notice>{done}</Notice>
          <button type="submit" class="primary" disabled={busy}>Save deadlines</button>
        </form>
      )}
    </Page>
  );
}
