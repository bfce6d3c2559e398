// The retention policy (GET/PUT /settings/retention, admins): per kind of
// report, how long after closing a report is deleted and an optional maximum
// age whatever its status; how long closed cases and stored evidence bundles
// are kept. The purge runs inside the service once a day and crypto-shreds
// what is due; cases on legal hold, and reports linked to them or to an open
// case, are never purged. Shows what the last purge deleted.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { fieldError, TextField } from '../../ui/fields.jsx';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Notice } from '../../ui/notice.jsx';
import { useMutation } from '../../ui/use_mutation.js';

const kDaysHint = 'A whole number of days from 1 to 3650.';

// A typed number as the API wants it: a whole number, null for an empty
// optional field, or the text itself (the server names it as invalid).
function days(text, optional) {
  const trimmed = text.trim();
  if (optional && trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : text;
}

const text = (value) => (value === null || value === undefined ? '' : String(value));

function draftOf(stored) {
  return {
    policies: stored.policies.map((policy) => ({
      kind: policy.kind,
      closed: text(policy.delete_closed_after_days),
      any: text(policy.delete_any_after_days),
    })),
    cases: text(stored.delete_closed_cases_after_days),
    bundles: text(stored.delete_bundles_after_days),
  };
}

function bodyOf(draft) {
  return {
    policies: draft.policies.map((policy) => ({
      kind: policy.kind,
      delete_closed_after_days: days(policy.closed, false),
      delete_any_after_days: days(policy.any, true),
    })),
    delete_closed_cases_after_days: days(draft.cases, false),
    delete_bundles_after_days: days(draft.bundles, false),
  };
}

// What the last purge did, or that none has run yet.
export function LastPurge({ purge }) {
  if (!purge) return <p class="muted">No purge has run yet.</p>;
  return (
    <p>Last purge on {formatDay(purge.day)}: {purge.reports} report{purge.reports === 1 ? '' : 's'},
      {' '}{purge.cases} case{purge.cases === 1 ? '' : 's'} and {purge.bundles} bundle{purge.bundles === 1 ? '' : 's'} deleted.</p>
  );
}

// The form, starting from `stored` (the GET answer).
export function RetentionForm({ stored }) {
  const taxonomy = useTaxonomy();
  const [draft, setDraft] = useState(() => draftOf(stored));
  const mutation = useMutation();
  const error = mutation.error;
  const known = new Set(['delete_closed_cases_after_days', 'delete_bundles_after_days']);
  draft.policies.forEach((_, i) => {
    known.add(`policies[${i}].delete_closed_after_days`);
    known.add(`policies[${i}].delete_any_after_days`);
  });

  function setPolicy(index, name) {
    return (value) => setDraft((old) => ({
      ...old, policies: old.policies.map((policy, i) => (i === index ? { ...policy, [name]: value } : policy)),
    }));
  }
  const set = (name) => (value) => setDraft((old) => ({ ...old, [name]: value }));

  async function save(event) {
    event.preventDefault();
    const saved = await mutation.run(() => api.put('/settings/retention', bodyOf(draft)), 'The retention policy was saved.');
    if (saved) setDraft(draftOf(saved));
  }

  return (
    <form onSubmit={save} method="post" novalidate class="admin-form" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention</h2>
      <p>Once a day the service deletes what this policy says is due. Deletion destroys the keys and the
        encrypted data together; nothing can be recovered afterwards, not even from the database file.
        Cases on legal hold, and reports linked to them or to a case that is still open, are kept whatever
        the policy says. A reporter's own request to delete their report is carried out at once.</p>
      <LastPurge purge={stored.last_purge} />
      {draft.policies.map((policy, i) => (
        <fieldset key={policy.kind}>
          <legend>{labelOf(taxonomy, 'kinds', policy.kind)}</legend>
          <TextField id={`retention-closed-${policy.kind}`} label="Delete closed reports after (days)"
                     value={policy.closed} onValue={setPolicy(i, 'closed')} inputMode="numeric" class="admin-number"
                     hint={`Counted from the day the report was closed. ${kDaysHint}`}
                     error={fieldError(error, `policies[${i}].delete_closed_after_days`)} />
          <TextField id={`retention-any-${policy.kind}`} label="Delete any report after (days, optional)"
                     value={policy.any} onValue={setPolicy(i, 'any')} inputMode="numeric" class="admin-number"
                     hint={`Counted from the day the report arrived, whatever its status. Leave empty to keep open reports. ${kDaysHint}`}
                     error={fieldError(error, `policies[${i}].delete_any_after_days`)} />
        </fieldset>
      ))}
      <TextField id="retention-cases" label="Delete closed cases after (days)" value={draft.cases}
                 onValue={set('cases')} inputMode="numeric" class="admin-number"
                 hint={`Counted from the day the case was closed or merged. ${kDaysHint}`}
                 error={fieldError(error, 'delete_closed_cases_after_days')} />
      <TextField id="retention-bundles" label="Delete stored evidence bundles after (days)" value={draft.bundles}
                 onValue={set('bundles')} inputMode="numeric" class="admin-number"
                 hint={`Counted from the day the bundle was made; partners should download it before then. ${kDaysHint}`}
                 error={fieldError(error, 'delete_bundles_after_days')} />
      <Notice>{mutation.done}</Notice>
      {error && !known.has(error.field) && <ErrorNotice error={error} />}
      <button type="submit" class="primary" disabled={mutation.busy}>Save the retention policy</button>
    </form>
  );
}
