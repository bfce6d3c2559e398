// Audit log (admins): the verification of the log's keyed chain first, in
// words (GET /audit/verification; the check is itself audited), with "Verify
// again"; then the entries as stored, in seq order, a page at a time
// (GET /audit?after=&limit=, "Older"/"Newer"). The first page shown is the
// newest when the chain is intact, the one around the broken entry otherwise.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';

const PAGE = 50;

// Unix seconds -> "2026-11-22 20:43:06 UTC" (the stored instant, in UTC).
function formatInstant(seconds) {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function firstPageAfter(verification) {
  if (!verification.ok) return Math.max(0, verification.first_bad_seq - 6);
  return Math.max(0, verification.entries + 1 - PAGE);  // +1: the check's own entry
}

function Verdict({ verification, checkedAt }) {
  const when = checkedAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (verification.ok) {
    return (
      <div class="admin-verdict admin-verdict-ok" role="status">
        <p class="admin-verdict-title">The chain is intact: {verification.entries} entries verified.</p>
        <p>No entry was edited, deleted or reordered since it was written. Checked at {when}.</p>
      </div>
    );
  }
  return (
    <div class="admin-verdict admin-verdict-bad" role="alert">
      <p class="admin-verdict-title">The chain is broken at entry {verification.first_bad_seq}: {verification.problem}</p>
      <p>{verification.entries} entries before it verified. Someone changed the database outside the
        service: keep a copy of it as it is now and investigate before anything else. Checked at {when}.</p>
    </div>
  );
}

export function AuditLog() {
  const [verification, setVerification] = useState(null);
  const [checkedAt, setCheckedAt] = useState(null);
  const [verifying, setVerifying] = useState(true);
  const [verifyError, setVerifyError] = useState(null);
  const [after, setAfter] = useState(null);
  const [page, setPage] = useState(null);
  const [pageError, setPageError] = useState(null);
  const [names, setNames] = useState({});

  async function verify(keepPosition) {
    setVerifying(true);
    setVerifyError(null);
    try {
      const answer = await api.get('/audit/verification');
      setVerification(answer);
      setCheckedAt(new Date());
      if (!keepPosition) setAfter(firstPageAfter(answer));
    } catch (caught) {
      setVerifyError(caught);
      if (!keepPosition) setAfter(0);
    } finally {
      setVerifying(false);
    }
  }

  useEffect(() => {
    verify(false);
    api.get('/users').then(
      (answer) => setNames(Object.fromEntries(answer.users.map((user) => [user.id, user.username]))),
      () => setNames({}),  // ids are shown instead
    );
  }, []);

  // The entries wait for the verification, so the check never counts the
  // listing's own audit entry and the page starts where it matters.
  useEffect(() => {
    if (after === null) return undefined;
    let current = true;
    setPageError(null);
    api.get('/audit', { after, limit: PAGE }).then(
      (answer) => current && setPage({ after, entries: answer.entries }),
      (caught) => current && setPageError(caught),
    );
    return () => {
      current = false;
    };
  }, [after]);

  const entries = page ? page.entries : [];
  const firstSeq = entries.length ? entries[0].seq : (page ? page.after + 1 : 1);
  const lastSeq = entries.length ? entries[entries.length - 1].seq : (page ? page.after : 0);
  const bad = verification && !verification.ok ? verification.first_bad_seq : 0;

  return (
    <Page title="Audit log" actions={
      <button type="button" class="primary" onClick={() => verify(true)} disabled={verifying}>
        {verifying ? 'Verifying…' : 'Verify again'}
      </button>}>
      <h2>Verification</h2>
      {verifying && !verification && <Loading what="Verifying the whole chain" />}
      {verifying && verification && <p class="muted" role="status">Verifying the whole chain…</p>}
      <ErrorNotice error={verifyError} />
      {verification && <Verdict verification={verification} checkedAt={checkedAt} />}
      <p class="hint">Every entry carries a keyed tag over its content and the previous entry's tag, so an
        edit, deletion or reordering made outside the service breaks the chain at that entry. Each
        verification and each reading of this log is itself recorded.</p>

      <h2>Entries</h2>
      <ErrorNotice error={pageError} />
      {!page && !pageError && <Loading what="Loading the entries" />}
      {page && entries.length === 0 && <p>No entries after entry {page.after}.</p>}
      {page && entries.length > 0 && (
        <>
          <p class="muted" id="audit-range">Entries {firstSeq} to {lastSeq}, oldest first, as stored.</p>
          <div class="table-scroll admin-scroll">
            <table class="data admin-audit" aria-describedby="audit-range">
              <caption class="visually-hidden">Audit log entries {firstSeq} to {lastSeq}</caption>
              <thead>
                <tr><th scope="col">Seq</th><th scope="col">Time (UTC)</th><th scope="col">Actor</th>
                  <th scope="col">Action</th><th scope="col">Object</th><th scope="col">Detail</th></tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.seq} class={entry.seq === bad ? 'admin-audit-bad' : undefined}>
                    <th scope="row">{entry.seq}{entry.seq === bad && <span class="badge admin-badge-off"> broken here</span>}</th>
                    <td>{formatInstant(entry.at)}</td>
                    <td>{names[entry.actor] || entry.actor}</td>
                    <td><code>{entry.action}</code></td>
                    <td>{entry.object_type}{entry.object_id ? <> <code class="admin-key">{entry.object_id}</code></> : ''}</td>
                    <td><code class="admin-key">{entry.detail}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {page && (
        <nav class="admin-pager" aria-label="Audit log pages">
          <button type="button" disabled={firstSeq <= 1} onClick={() => setAfter(Math.max(0, firstSeq - 1 - PAGE))}>
            Older
          </button>
          <button type="button" disabled={entries.length < PAGE} onClick={() => setAfter(lastSeq)}>Newer</button>
        </nav>
      )}
    </Page>
  );
}
