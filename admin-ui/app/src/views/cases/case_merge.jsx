// Merging a case into another open case of the same desk (POST
// /cases/{id}/merge) after a dialog that says what happens; then the view
// goes to the surviving case.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { fieldError, SelectField } from '../../ui/fields.jsx';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { useLoad } from '../../ui/use_load.js';
import { ConfirmDialog } from '../../ui/confirm_dialog.jsx';
import { useMutation } from '../../ui/use_mutation.js';

export function CaseMerge({ item }) {
  const candidates = useLoad(() => api.get('/cases', { status: 'open', limit: 100 }), [item.id]);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation();
  const others = (candidates.data?.cases || []).filter((other) => other.desk === item.desk && other.id !== item.id);
  const chosen = others.find((other) => other.id === target);
  async function merge() {
    const done = await mutation.run(() => api.post(`/cases/${item.id}/merge`, { into: target }));
    setConfirming(false);
    if (done) navigate(`/cases/${done.merged_into}`);
  }
  return (
    <section aria-labelledby="merge-title">
      <h2 id="merge-title">Merge into another case</h2>
      {!candidates.data && !candidates.error && <Loading what="Loading the cases" />}
      <ErrorNotice error={candidates.error} />
      {candidates.data && others.length === 0 && <p class="muted">There is no other open case on this desk to merge into.</p>}
      {others.length > 0 && (
        <form class="toolbar" onSubmit={(event) => { event.preventDefault(); if (target) setConfirming(true); }} novalidate>
          <SelectField id="merge-target" label="Case to merge this one into" value={target} onValue={setTarget}
                       options={[{ value: '', label: 'Choose a case' }, ...others.map((other) => ({ value: other.id, label: other.title }))]}
                       error={fieldError(mutation.error, 'into')} />
          <button type="submit" disabled={!target || mutation.busy}>Merge…</button>
        </form>
      )}
      {mutation.error && mutation.error.field !== 'into' && <ErrorNotice error={mutation.error} />}
      {confirming && chosen && (
        <ConfirmDialog title="Merge these cases?" confirmLabel="Merge the cases" busy={mutation.busy}
                       onConfirm={merge} onCancel={() => setConfirming(false)}>
          <p>“{item.title}” will be merged into “{chosen.title}”.</p>
          <p>Its {item.reports.length + item.hidden_report_count} report(s), tags, pillars, actions and internal notes move
            to “{chosen.title}”. “{item.title}” is then marked as merged and can no longer be changed. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
