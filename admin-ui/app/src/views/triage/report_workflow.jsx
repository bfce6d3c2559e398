// The workflow side of a report: its status with the moves the API allows
// (POST /reports/{id}/status, a reason when closing), its assignment ("Assign
// to me", "Unassign": POST /reports/{id}/assignee) and its deadlines. Both
// changes send the revision the view holds; a 409 means the report changed
// meanwhile: the view says so and loads the current state.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useSession } from '../../session.js';
import { fieldError, SelectField } from '../../ui/fields.jsx';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Notice } from '../../ui/notice.jsx';
import { allowedMoves, assigneeText, CLOSE_REASONS, deadlineOf, statusLabel, wordOf } from './words.js';

const CHANGED = 'This report was changed by someone else since you opened it. Its current state is shown now; check it and try again.';

// `reportId`, `item` (the queue item), `onItem(next)` (the item after a
// change), `onStale()` (load the item again after a 409).
export function ReportWorkflow({ reportId, item, onItem, onStale }) {
  const { user } = useSession();
  const moves = allowedMoves(item.status);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = moves.includes(target) ? target : moves[0] || '';

  async function run(request, done) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const next = await request();
      onItem(next);
      setNotice(done(next));
      setReason('');
      setTarget('');
    } catch (caught) {
      if (caught.status === 409 && caught.field === 'revision') {
        setError(Object.assign(caught, { message: CHANGED, field: '' }));
        onStale();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  function changeStatus(event) {
    event.preventDefault();
    const body = { status: chosen, revision: item.revision };
    if (chosen === 'closed') body.reason = reason || null;
    run(() => api.post(`/reports/${reportId}/status`, body), (next) => `Status changed to ${statusLabel(next.status)}.`);
  }

  function assign(assignee) {
    run(() => api.post(`/reports/${reportId}/assignee`, { assignee, revision: item.revision }),
        (next) => (next.assignee ? 'Assigned to you.' : 'No one is assigned now.'));
  }

  const deadline = deadlineOf(item);
  return (
    <section class="card side-card" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Status and assignment</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{statusLabel(item.status)}{item.close_reason ? ` (${wordOf(CLOSE_REASONS, item.close_reason)})` : ''}</dd>
        <dt>Assigned to</dt><dd>{assigneeText(item.assignee, user)}</dd>
        <dt>Deadline</dt>
        <dd class={deadline.overdue ? 'overdue' : undefined}>{deadline.overdue && <strong>Overdue: </strong>}{deadline.text}</dd>
        <dt>Acknowledged</dt><dd>{item.acknowledged_day ? formatDay(item.acknowledged_day) : 'Not yet'}</dd>
        <dt>First feedback</dt><dd>{item.first_feedback_day ? formatDay(item.first_feedback_day) : `Due by ${formatDay(item.feedback_due_day)}`}</dd>
      </dl>
      <div class="button-row">
        {item.assignee !== user.user_id && (
          <button type="button" onClick={() => assign(user.user_id)} disabled={busy}>Assign to me</button>
        )}
        {item.assignee && <button type="button" onClick={() => assign(null)} disabled={busy}>Unassign</button>}
      </div>
      {moves.length > 0 && (
        <form onSubmit={changeStatus} novalidate>
          <SelectField id="status-target" label="Move to" value={chosen} onValue={setTarget}
                       options={moves.map((value) => ({ value, label: statusLabel(value) }))}
                       error={fieldError(error, 'status')} />
          {chosen === 'closed' && (
            <SelectField id="status-reason" label="Reason for closing" value={reason} onValue={setReason}
                         options={[{ value: '', label: 'Choose a reason' }, ...CLOSE_REASONS]}
                         error={fieldError(error, 'reason')} />
          )}
          <button type="submit" class="primary" disabled={busy}>Change status</button>
        </form>
      )}
      {error && error.field !== 'status' && error.field !== 'reason' && <ErrorNotice error={error} />}
      <Notice>{notice}</Notice>
    </section>
  );
}
