// The case board: the cases of the caller's desks in two columns, open and
// closed (GET /cases?status=...), each card with title, desk, reports,
// pillars, tags and when it was opened; and the form to open a new case
// (POST /cases) on one of the user's desks.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { fieldError, SelectField, TextArea, TextField } from '../../ui/fields.jsx';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { deskLabel } from './case_text.js';

function CaseCard({ item, taxonomy }) {
  return (
    <li class="case-card card">
      <h3><a href={`#/cases/${item.id}`}>{item.title}</a></h3>
      <dl class="case-card-facts">
        <dt>Desk</dt><dd>{deskLabel(item.desk)}</dd>
        <dt>Reports</dt><dd>{item.report_count}</dd>
        <dt>Pillars</dt>
        <dd>{item.pillars.length ? item.pillars.map((p) => labelOf(taxonomy, 'pillars', p)).join(', ') : 'none yet'}</dd>
        <dt>Tags</dt>
        <dd>{item.tags.length ? item.tags.map((tag) => <span class="badge" key={tag.id}>{tag.name}</span>) : 'none'}</dd>
        <dt>Activity</dt>
        <dd>opened {formatDay(item.created_day)}, {item.revision} change{item.revision === 1 ? '' : 's'} since</dd>
        {item.legal_hold && <><dt>Retention</dt><dd><span class="badge hold-on">On legal hold</span></dd></>}
      </dl>
    </li>
  );
}

// One column of the board: the first page, then "Show more" (keyset).
function Column({ status, title, taxonomy }) {
  const [pages, setPages] = useState({ cases: null, next: null, error: null, loading: false });
  async function load(after) {
    setPages((old) => ({ ...old, loading: true }));
    try {
      const page = await api.get('/cases', { status, limit: 50, after });
      setPages((old) => ({ cases: [...(after ? old.cases || [] : []), ...page.cases], next: page.next, error: null, loading: false }));
    } catch (error) {
      setPages((old) => ({ ...old, error, loading: false }));
    }
  }
  useEffect(() => { load(null); }, []);
  const headingId = `board-${status}`;
  return (
    <section class="board-column" aria-labelledby={headingId}>
      <h2 id={headingId}>{title} {pages.cases && <span class="muted">({pages.cases.length}{pages.next ? '+' : ''})</span>}</h2>
      <ErrorNotice error={pages.error} />
      {pages.cases === null && !pages.error && <Loading what="Loading cases" />}
      {pages.cases && pages.cases.length === 0 && <p class="muted">No {status} cases.</p>}
      {pages.cases && pages.cases.length > 0 && (
        <ul class="case-cards">
          {pages.cases.map((item) => <CaseCard key={item.id} item={item} taxonomy={taxonomy} />)}
        </ul>
      )}
      {pages.next && (
        <button type="button" onClick={() => load(pages.next)} disabled={pages.loading}>Show more {status} cases</button>
      )}
    </section>
  );
}

function NewCaseForm({ desks, onCancel }) {
  const [desk, setDesk] = useState(desks[0] || '');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post('/cases', { desk, title, summary });
      navigate(`/cases/${created.id}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }
  return (
    <form class="card new-case" onSubmit={submit} novalidate aria-labelledby="new-case-title">
      <h2 id="new-case-title">New case</h2>
      <SelectField id="case-desk" label="Desk" value={desk} onValue={setDesk}
                   options={desks.map((value) => ({ value, label: deskLabel(value) }))}
                   hint="Only members of this desk will see the case." error={fieldError(error, 'desk')} />
      <TextField id="case-title" label="Title" value={title} onValue={setTitle} maxLength={200}
                 hint="One line, up to 200 characters." error={fieldError(error, 'title')} />
      <TextArea id="case-summary" label="Summary (optional)" value={summary} onValue={setSummary}
                error={fieldError(error, 'summary')} />
      {error && !['desk', 'title', 'summary'].includes(error.field) && <ErrorNotice error={error} />}
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy}>Create case</button>
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}

export function CaseBoard() {
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const [creating, setCreating] = useState(false);
  const actions = user.desks.length > 0 && !creating
    ? <button type="button" class="primary" onClick={() => setCreating(true)}>New case</button>
    : null;
  return (
    <Page title="Cases" actions={actions}>
      {user.desks.length === 0 && <p>You are not a member of any desk, so there are no cases to show.</p>}
      {creating && <NewCaseForm desks={user.desks} onCancel={() => setCreating(false)} />}
      <div class="board">
        <Column status="open" title="Open" taxonomy={taxonomy} />
        <Column status="closed" title="Closed" taxonomy={taxonomy} />
      </div>
    </Page>
  );
}
