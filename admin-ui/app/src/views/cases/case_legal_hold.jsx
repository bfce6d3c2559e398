// The case's legal hold (PUT /cases/{id}/legal-hold): while a case is held,
// neither it nor any report linked to it is deleted by the retention purge,
// whatever the policy says (a reporter's own deletion request still wins).
// Placing a hold is one click; releasing it asks first, since the purge may
// then delete the case and its reports at its next run.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../ui/confirm_dialog.jsx';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Notice } from '../../ui/notice.jsx';
import { useMutation } from '../../ui/use_mutation.js';

// `item`: the case JSON (legal_hold, closed_day); `onChanged()` after a change.
export function CaseLegalHold({ item, onChanged }) {
  const mutation = useMutation();
  const [confirming, setConfirming] = useState(false);

  async function setHeld(held) {
    const saved = await mutation.run(() => api.put(`/cases/${item.id}/legal-hold`, { held }),
      held ? 'The case is on legal hold.' : 'The legal hold was released.');
    if (saved) {
      setConfirming(false);
      onChanged();
    }
  }

  return (
    <section class="card legal-hold" aria-labelledby="legal-hold-title">
      <h2 id="legal-hold-title">Legal hold</h2>
      {item.legal_hold
        ? <p><span class="badge hold-on">On hold</span> The retention purge keeps this case and every report
            linked to it until the hold is released.</p>
        : <p>Not on hold. {item.closed_day
            ? `Closed on ${formatDay(item.closed_day)}: the retention policy deletes it when its time comes.`
            : 'The retention policy applies once the case is closed.'}</p>}
      <Notice>{mutation.done}</Notice>
      {!confirming && <ErrorNotice error={mutation.error} />}
      {item.legal_hold
        ? <button type="button" onClick={() => { mutation.clear(); setConfirming(true); }} disabled={mutation.busy}>
            Release the legal hold</button>
        : <button type="button" onClick={() => setHeld(true)} disabled={mutation.busy}>
            Place on legal hold</button>}
      {confirming && (
        <ConfirmDialog title="Release the legal hold?" confirmLabel="Release the hold" busy={mutation.busy}
                       error={mutation.error} onConfirm={() => setHeld(false)} onCancel={() => setConfirming(false)}>
          <p>Once released, the retention purge may delete this case and the reports linked to it at its next
            run, if the policy says they are due. Deleted reports cannot be recovered.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
