// Evidence of a report: its files (GET /reports/{id}/files: type, size,
// the metadata removed at upload, warnings; each downloaded with
// api.download and saved with saveFile) and the redactions applied to
// evidence bundles (GET/POST/DELETE /reports/{id}/redactions: whole-answer
// redaction with a reason code; removable).
import { useState } from 'preact/hooks';
import { api, download } from '../../api.js';
import { useSession } from '../../session.js';
import { fieldError, SelectField } from '../../ui/fields.jsx';
import { formatBytes, formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { saveFile } from '../../ui/save_file.js';
import { useLoad } from '../../ui/use_load.js';
import { REDACTION_REASONS, wordOf } from './words.js';

// `reportId`.
export function ReportFiles({ reportId }) {
  const { data, error, loading } = useLoad(() => api.get(`/reports/${reportId}/files`), [reportId]);
  const [failure, setFailure] = useState(null);
  const [notice, setNotice] = useState('');

  async function fetchFile(file) {
    setFailure(null);
    setNotice('');
    try {
      const { blob, filename } = await download(`/reports/${reportId}/files/${file.id}`);
      saveFile(blob, filename);
      setNotice(`Downloaded ${filename || 'the file'}.`);
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <section class="card" aria-labelledby="files-title">
      <h2 id="files-title">Evidence files</h2>
      {loading && !data ? <Loading what="Loading files" /> : <ErrorNotice error={error} />}
      {data && data.files.length === 0 && <p class="muted">The reporter attached no files.</p>}
      {data && data.files.length > 0 && (
        <div class="table-scroll">
          <table class="data">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Size</th>
                <th scope="col">Metadata removed</th><th scope="col">Added</th><th scope="col">File</th></tr>
            </thead>
            <tbody>
              {data.files.map((file) => (
                <tr key={file.id}>
                  <td class="file-name">{file.name}</td>
                  <td>{file.type}</td>
                  <td>{formatBytes(file.size)}</td>
                  <td>
                    {file.removed.length ? file.removed.map(humanize).join(', ') : 'None found'}
                    {file.warnings.length > 0 && <p class="warning"><strong>Warning:</strong> {file.warnings.map(humanize).join(', ')}</p>}
                  </td>
                  <td>{formatDay(file.created_day)}</td>
                  <td><button type="button" onClick={() => fetchFile(file)} aria-label={`Download ${file.name}`}>Download</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNotice error={failure} />
      <Notice>{notice}</Notice>
    </section>
  );
}

// `reportId`, `redactions` (the list, or null while loading), `onChange(list)`,
// `fields` ([{name, label}]: the report's sealed answers).
export function ReportRedactions({ reportId, redactions, loadError, onChange, fields }) {
  const { user } = useSession();
  const [field, setField] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const labelOfField = (name) => fields.find((one) => one.name === name)?.label || humanize(name);
  const pickedField = fields.some((one) => one.name === field) ? field : fields[0]?.name || '';

  async function add(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const created = await api.post(`/reports/${reportId}/redactions`, { field: pickedField, reason });
      onChange([...(redactions || []), created]);
      setReason('');
      setNotice(`“${labelOfField(created.field)}” is redacted in evidence bundles.`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function remove(redaction) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await api.del(`/reports/${reportId}/redactions/${redaction.id}`);
      onChange(redactions.filter((one) => one.id !== redaction.id));
      setNotice('Redaction removed.');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="redactions-title">
      <h2 id="redactions-title">Redactions for evidence bundles</h2>
      <p class="muted">Redacted answers show as “[redacted]” in bundles shared with partners. The report itself is unchanged.</p>
      {redactions === null && !loadError && <Loading what="Loading redactions" />}
      <ErrorNotice error={loadError} />
      {redactions && redactions.length === 0 && <p class="muted">Nothing is redacted.</p>}
      {redactions && redactions.length > 0 && (
        <ul class="plain-list">
          {redactions.map((redaction) => (
            <li key={redaction.id}>
              <strong>{labelOfField(redaction.field)}</strong>
              {redaction.span ? ` (bytes ${redaction.span.start}–${redaction.span.end})` : ' (whole answer)'}
              {' · '}{wordOf(REDACTION_REASONS, redaction.reason)}
              {' · '}{redaction.created_by === user.user_id ? 'by you' : 'by another reviewer'}, {formatDay(redaction.created_day)}{' '}
              <button type="button" class="link-button" disabled={busy} onClick={() => remove(redaction)}
                      aria-label={`Remove the redaction of ${labelOfField(redaction.field)}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      {fields.length > 0 ? (
        <form class="inline-form" onSubmit={add} novalidate>
          <SelectField id="redaction-field" label="Answer to redact" value={pickedField} onValue={setField}
                       options={fields.map((one) => ({ value: one.name, label: one.label }))}
                       error={fieldError(error, 'field')} />
          <SelectField id="redaction-reason" label="Reason for redacting" value={reason} onValue={setReason}
                       options={[{ value: '', label: 'Choose a reason' }, ...REDACTION_REASONS]}
                       error={fieldError(error, 'reason')} />
          <button type="submit" disabled={busy}>Redact whole answer</button>
        </form>
      ) : <p class="muted">The report has no encrypted answers to redact.</p>}
      {error && error.field !== 'field' && error.field !== 'reason' && <ErrorNotice error={error} />}
      <Notice>{notice}</Notice>
    </section>
  );
}
