// Desks (admins): each desk's kinds of report, key version and members
// (GET /desks); adding a member (POST /desks/:id/members) and removing one
// (DELETE /desks/:id/members/:user_id, which rotates the desk key), and
// rotating a desk key with re-sealing (desk_key_rotation.jsx).
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { SelectField } from '../../ui/fields.jsx';
import { humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { ConfirmDialog } from '../../ui/confirm_dialog.jsx';
import { DeskKeyRotation } from './desk_key_rotation.jsx';

async function loadDesks() {
  const [desks, users] = await Promise.all([api.get('/desks'), api.get('/users')]);
  return { desks: desks.desks, users: users.users };
}

function AddMember({ desk, users, onAdded }) {
  const members = new Set(desk.members.map((member) => member.user_id));
  const eligible = users.filter((user) => !user.disabled && !members.has(user.id)
    && (user.role === 'reviewer' || user.role === 'admin'));
  const [userId, setUserId] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const id = `add-${desk.id}`;

  async function add(event) {
    event.preventDefault();
    if (!userId) {
      setError({ field: 'user_id', message: 'Choose the account to add.' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/desks/${encodeURIComponent(desk.id)}/members`, { user_id: userId });
      const added = users.find((user) => user.id === userId);
      setUserId('');
      onAdded(`${added ? added.username : 'The account'} is now a member of ${desk.name}. Their sessions ended: `
        + 'the desk opens for them at their next sign-in.');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (eligible.length === 0) {
    return <p class="muted">Every active reviewer and admin is already a member.</p>;
  }
  return (
    <form class="toolbar" onSubmit={add} method="post" novalidate>
      <SelectField id={id} label={`Add a member to ${desk.name}`} value={userId} onValue={setUserId}
                   options={[{ value: '', label: 'Choose an account' },
                             ...eligible.map((user) => ({ value: user.id, label: `${user.username} (${user.role})` }))]}
                   error={error && (error.field === 'user_id' || error.field === 'desk' || error.status === 409)
                     ? error.message : ''} />
      <button type="submit" class="primary" disabled={busy}>Add member</button>
      {error && !['user_id', 'desk'].includes(error.field) && error.status !== 409 && <ErrorNotice error={error} />}
    </form>
  );
}

export function Desks() {
  const { data, error, loading, reload } = useLoad(loadDesks, []);
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState(null);
  const [removeError, setRemoveError] = useState(null);
  const [busy, setBusy] = useState(false);

  function changed(message) {
    setDone(message);
    reload();
  }

  async function remove() {
    setBusy(true);
    setRemoveError(null);
    const { desk, member } = removing;
    try {
      const answer = await api.del(`/desks/${encodeURIComponent(desk.id)}/members/${encodeURIComponent(member.user_id)}`);
      setRemoving(null);
      changed(`${member.username} was removed from ${desk.name}. The desk key is now version ${answer.key_version}.`);
    } catch (caught) {
      setRemoveError(caught.status === 409
        ? Object.assign(caught, { message: `${member.username} cannot be removed: no active member of ${desk.name} `
            + 'would remain, and new reports would be sealed to nobody. Add another member first.' })
        : caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Desks">
      <p>A desk is a team that receives some kinds of report. Only its members hold the key that opens them.</p>
      <Notice>{done}</Notice>
      {loading && !data && <Loading what="Loading the desks" />}
      <ErrorNotice error={error} />
      {data && data.desks.length === 0 && <p>There are no desks.</p>}
      {data && data.desks.map((desk) => (
        <section class="card admin-desk" key={desk.id} aria-labelledby={`desk-${desk.id}`}>
          <h2 id={`desk-${desk.id}`}>{desk.name}</h2>
          <dl class="facts">
            <dt>Kinds of report</dt><dd>{desk.kinds.length ? desk.kinds.map(humanize).join(', ') : 'None'}</dd>
            <dt>Key version</dt><dd>{desk.key_version}</dd>
          </dl>
          <h3>Members</h3>
          {desk.members.length === 0 ? <p>This desk has no members.</p> : (
            <div class="table-scroll admin-scroll">
              <table class="data">
                <caption class="visually-hidden">Members of {desk.name}</caption>
                <thead>
                  <tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">State</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th></tr>
                </thead>
                <tbody>
                  {desk.members.map((member) => (
                    <tr key={member.user_id}>
                      <th scope="row">{member.username}</th>
                      <td>{humanize(member.role)}</td>
                      <td>{member.disabled ? <span class="badge admin-badge-off">Disabled</span>
                        : <span class="badge">Active</span>}</td>
                      <td>
                        <button type="button" class="danger"
                                onClick={() => { setRemoveError(null); setRemoving({ desk, member }); }}>
                          Remove<span class="visually-hidden"> {member.username} from {desk.name}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <AddMember desk={desk} users={data.users} onAdded={changed} />
          <DeskKeyRotation desk={desk} onChanged={reload} />
        </section>
      ))}
      {removing && (
        <ConfirmDialog title={`Remove ${removing.member.username} from ${removing.desk.name}?`}
                       confirmLabel="Remove and rotate the key" busy={busy} error={removeError}
                       onConfirm={remove} onCancel={() => setRemoving(null)}>
          <p>This rotates the desk key: reports that arrive from now on are sealed to a new key that
            {' '}{removing.member.username} does not get, so they cannot read them even with a copy of the
            old key. Their sessions end at once.</p>
          <p>The other members receive the new key at once; nothing else changes for them.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
