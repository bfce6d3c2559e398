// Sharing a case with a partner organization as an evidence bundle (POST
// /cases/{id}/bundles): the organization (GET /organizations), the evidence
// files of the case's reports to include (GET /reports/{id}/files, listed
// only when the reviewer opens the form, since listing is audited), and the
// bundles already made of this case (GET /bundles).
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, SelectField } from '../../ui/fields.jsx';
import { formatBytes, formatDay } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { useLoad } from '../../ui/use_load.js';
import { shortId } from './case_text.js';
import { useMutation } from '../../ui/use_mutation.js';

async function loadChoices(item) {
  const [organizations, ...files] = await Promise.all([
    api.get('/organizations'),
    ...item.reports.map((report) => api.get(`/reports/${report.id}/files`)),
  ]);
  return {
    organizations: organizations.organizations,
    files: item.reports.flatMap((report, i) => files[i].files.map((file) => ({ ...file, report_id: report.id }))),
  };
}

function BundleForm({ item, onMade, onClose }) {
  const choices = useLoad(() => loadChoices(item), [item.id]);
  const [organization, setOrganization] = useState('');
  const [picked, setPicked] = useState(new Set());
  const mutation = useMutation();
  const organizations = choices.data?.organizations || [];
  const byId = Object.fromEntries(organizations.map((o) => [o.id, o.name]));
  async function share(event) {
    event.preventDefault();
    const made = await mutation.run(() => api.post(`/cases/${item.id}/bundles`, {
      organization_id: organization, evidence_file_ids: [...picked],
    }));
    if (made) onMade(`A bundle of ${formatBytes(made.size)} was made for ${byId[organization]}: its partners can download it now.`);
  }
  function toggle(id, on) {
    setPicked((old) => {
      const next = new Set(old);
      if (on) next.add(id); else next.delete(id);
      return next;
    });
  }
  if (choices.error) {
    return (
      <div>
        <ErrorNotice error={choices.error.status === 403
          ? { message: 'Your role may not list the partner organizations.' } : choices.error} />
        <button type="button" onClick={onClose}>Close</button>
      </div>
    );
  }
  if (!choices.data) return <Loading what="Loading organizations and evidence files" />;
  return (
    <form class="card form-card" onSubmit={share} novalidate aria-labelledby="bundle-form-title">
      <h3 id="bundle-form-title">New evidence bundle</h3>
      <p class="hint">
        The bundle holds the case's title, status, pillars and actions, the answers of its reports on your desks with
        their redactions applied, the files chosen below and the chain of custody. It holds no summary, no internal
        notes and no reviewer names. It is signed, encrypted to the organization's key, and only that organization's
        partners can download and open it.
      </p>
      {organizations.length === 0
        ? <p>No partner organization is registered yet: an admin registers them first.</p>
        : <SelectField id="bundle-organization" label="Organization" value={organization} onValue={setOrganization}
                       options={[{ value: '', label: 'Choose an organization' }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
                       error={fieldError(mutation.error, 'organization_id')} />}
      <fieldset aria-describedby={mutation.error?.field === 'evidence_file_ids' ? 'bundle-files-error' : undefined}>
        <legend>Evidence files to include</legend>
        {choices.data.files.length === 0 && <p class="muted">The reports of this case have no evidence files.</p>}
        {choices.data.files.map((file) => (
          <label key={file.id} class="check">
            <input type="checkbox" checked={picked.has(file.id)} onChange={(event) => toggle(file.id, event.currentTarget.checked)} />
            Report {shortId(file.report_id)}: {file.name} ({file.type}, {formatBytes(file.size)})
          </label>
        ))}
        {mutation.error?.field === 'evidence_file_ids' && <p class="field-error" id="bundle-files-error">{mutation.error.message}</p>}
      </fieldset>
      {mutation.error && !['organization_id', 'evidence_file_ids'].includes(mutation.error.field) && <ErrorNotice error={mutation.error} />}
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={!organization || mutation.busy}>{mutation.busy ? 'Making the bundle…' : 'Share the bundle'}</button>
        <button type="button" onClick={onClose} disabled={mutation.busy}>Cancel</button>
      </div>
    </form>
  );
}

export function CaseBundle({ item }) {
  const bundles = useLoad(() => api.get('/bundles'), [item.id]);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  const mine = (bundles.data?.bundles || []).filter((bundle) => bundle.case_id === item.id);
  return (
    <section aria-labelledby="bundle-title">
      <h2 id="bundle-title">Share as an evidence bundle</h2>
      <Notice>{done}</Notice>
      <ErrorNotice error={bundles.error} />
      {mine.length > 0 && (
        <ul>
          {mine.map((bundle) => (
            <li key={bundle.id}>Bundle {shortId(bundle.id)}: {formatDay(bundle.created_day)}, {formatBytes(bundle.size)}, {bundle.state}</li>
          ))}
        </ul>
      )}
      {!open && <button type="button" onClick={() => { setDone(''); setOpen(true); }}>Prepare a bundle</button>}
      {open && <BundleForm item={item} onClose={() => setOpen(false)}
                           onMade={(text) => { setOpen(false); setDone(text); bundles.reload(); }} />}
    </section>
  );
}
