// A desk's key rotation (GET/POST /desks/{id}/key-rotation, admins who hold
// the desk's keys): rotating makes a new key pair for future reports and
// re-seals every existing record of the desk to it in the background, after
// which older key versions are retired (nobody can unseal them from the
// database any more). The job runs in the service with the keys of this
// session; after a restart it waits until an admin resumes it here.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../ui/confirm_dialog.jsx';
import { ErrorNotice, Notice } from '../../ui/notice.jsx';
import { useLoad } from '../../ui/use_load.js';
import { useMutation } from '../../ui/use_mutation.js';

const kPollMilliseconds = 1500;

function Progress({ state }) {
  if (state.running) {
    return <p role="status">Re-sealing: {state.records_on_old_versions} record{state.records_on_old_versions === 1 ? '' : 's'} still
      sealed to older key versions.</p>;
  }
  if (state.records_on_old_versions > 0) {
    return <p>{state.records_on_old_versions} record{state.records_on_old_versions === 1 ? ' is' : 's are'} still sealed to older
      key versions. Resume the re-sealing so those versions can be retired.</p>;
  }
  return <p>All records are sealed to key version {state.current_version}.</p>;
}

// `desk`: the desk from GET /desks; `onChanged()` after a rotation (the key version shown above changes).
export function DeskKeyRotation({ desk, onChanged }) {
  const loaded = useLoad(() => api.get(`/desks/${desk.id}/key-rotation`), [desk.id]);
  const mutation = useMutation();
  const [confirming, setConfirming] = useState(false);
  const state = loaded.data;

  useEffect(() => {
    if (!state?.running) return undefined;
    const timer = setTimeout(loaded.reload, kPollMilliseconds);
    return () => clearTimeout(timer);
  }, [state]);

  async function start(newVersion) {
    const body = newVersion ? { new_version: true } : {};
    const answer = await mutation.run(() => api.post(`/desks/${desk.id}/key-rotation`, body),
      newVersion ? 'The key was rotated; existing records are being re-sealed.' : 'Re-sealing resumed.');
    if (answer) {
      setConfirming(false);
      loaded.reload();
      if (newVersion) onChanged();
    }
  }

  if (loaded.error?.status === 404) {
    return <p class="muted">You hold no key of this desk, so you cannot rotate it.</p>;
  }
  return (
    <div class="admin-key-rotation">
      <h3>Key rotation</h3>
      <ErrorNotice error={loaded.error} />
      {state && <Progress state={state} />}
      {state?.unreadable_records > 0 && (
        <p class="notice notice-error" role="alert">{state.unreadable_records} records are sealed to a key version no member
          holds.</p>
      )}
      <Notice>{mutation.done}</Notice>
      {!confirming && <ErrorNotice error={mutation.error} />}
      {state && !state.running && (
        <div class="form-buttons">
          <button type="button" onClick={() => { mutation.clear(); setConfirming(true); }} disabled={mutation.busy}>
            Rotate the key<span class="visually-hidden"> of {desk.name}</span>…</button>
          {state.records_on_old_versions > 0 && (
            <button type="button" onClick={() => start(false)} disabled={mutation.busy}>
              Resume re-sealing<span class="visually-hidden"> for {desk.name}</span></button>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog title={`Rotate the key of ${desk.name}?`} confirmLabel="Rotate and re-seal" danger={false}
                       busy={mutation.busy} error={mutation.error} onConfirm={() => start(true)}
                       onCancel={() => setConfirming(false)}>
          <p>A new key pair is made for this desk and sealed to every active member. Reports that arrive from now on
            are sealed to it, and every existing report, note and case of the desk is re-sealed to it in the
            background. Then the older key versions are retired: a copy of an old key, for example one a former
            member kept, no longer opens anything in the database.</p>
          <p>Members keep working meanwhile. If the service restarts before the re-sealing ends, come back here and
            resume it.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
