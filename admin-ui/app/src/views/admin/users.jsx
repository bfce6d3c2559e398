// Users (admins): every account (GET /users) with its role, desks and state;
// creating an account (POST /users) ends on its one-time credentials panel;
// disabling one (POST /users/:id/disable) after a confirmation.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useSession } from '../../session.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.jsx';
import { formatDay, humanize } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { ConfirmDialog } from '../../ui/confirm_dialog.jsx';
import { CredentialsPanel } from './credentials_panel.jsx';

const ROLES = [
  { value: 'reviewer', label: 'Reviewer: triages the reports of their desks' },
  { value: 'admin', label: 'Admin: manages accounts, desks and settings' },
  { value: 'partner', label: 'Partner: downloads bundles shared with their organization' },
  { value: 'researcher', label: 'Researcher: reads published statistics only' },
];

async function loadDirectory() {
  const [users, desks, organizations] = await Promise.all([
    api.get('/users'), api.get('/desks'), api.get('/organizations'),
  ]);
  return { users: users.users, desks: desks.desks, organizations: organizations.organizations };
}

function nameOf(list, id) {
  const found = list.find((item) => item.id === id);
  return found ? found.name : id;
}

function CreateAccount({ desks, organizations, onCreated }) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState('reviewer');
  const [chosen, setChosen] = useState([]);
  const [organization, setOrganization] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const staff = role === 'reviewer' || role === 'admin';

  function toggle(id, on) {
    setChosen((old) => (on ? [...old, id] : old.filter((desk) => desk !== id)));
  }

  async function create(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { username: username.trim(), role, desks: staff ? chosen : [] };
    if (role === 'partner' && organization) body.organization_id = organization;
    try {
      const credentials = await api.post('/users', body);
      setUsername('');
      setChosen([]);
      setOrganization('');
      onCreated(credentials);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const known = ['username', 'role', 'desks', 'organization_id'];
  return (
    <form onSubmit={create} method="post" novalidate class="admin-form" aria-labelledby="create-title">
      <h2 id="create-title">Create an account</h2>
      <TextField id="new-username" label="Username" value={username} onValue={setUsername} autoComplete="off"
                 hint="3 to 64 characters: lower-case letters, digits, dot, dash or underscore; starts with a letter or digit."
                 error={fieldError(error, 'username') || (error && error.status === 409 ? error.message : '')} />
      <SelectField id="new-role" label="Role" value={role} onValue={setRole} options={ROLES}
                   error={fieldError(error, 'role')} />
      {staff && (
        <fieldset aria-describedby={`new-desks-hint${fieldError(error, 'desks') ? ' new-desks-error' : ''}`}>
          <legend>Desks</legend>
          <p class="hint" id="new-desks-hint">The desks whose reports this account reads. You can only give
            desks you are a member of yourself.</p>
          {desks.length === 0 && <p class="muted">There are no desks.</p>}
          {desks.map((desk) => (
            <div class="admin-check" key={desk.id}>
              <input type="checkbox" id={`new-desk-${desk.id}`} checked={chosen.includes(desk.id)}
                     onChange={(event) => toggle(desk.id, event.currentTarget.checked)} />
              <label for={`new-desk-${desk.id}`}>{desk.name}</label>
            </div>
          ))}
          {fieldError(error, 'desks') && <p class="field-error" id="new-desks-error">{fieldError(error, 'desks')}</p>}
        </fieldset>
      )}
      {role === 'partner' && (organizations.length === 0
        ? <p class="notice notice-error">No organization is registered yet: a partner account needs one.
            Register it first under <a href="#/admin/organizations">Organizations</a>.</p>
        : <SelectField id="new-organization" label="Organization" value={organization} onValue={setOrganization}
                       options={[{ value: '', label: 'Choose the organization' },
                                 ...organizations.map((org) => ({ value: org.id, label: org.name }))]}
                       hint="The partner downloads only the bundles shared with this organization."
                       error={fieldError(error, 'organization_id')} />)}
      {error && !known.includes(error.field) && error.status !== 409 && <ErrorNotice error={error} />}
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
    </form>
  );
}

export function Users() {
  const { user } = useSession();
  const { data, error, loading, reload } = useLoad(loadDirectory, []);
  const [credentials, setCredentials] = useState(null);
  const [disabling, setDisabling] = useState(null);
  const [disableError, setDisableError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  function created(answer) {
    setDone('');
    setCredentials(answer);
    reload();
  }

  async function disable() {
    setBusy(true);
    setDisableError(null);
    try {
      await api.post(`/users/${encodeURIComponent(disabling.id)}/disable`);
      setDone(`${disabling.username} is disabled: their sessions have ended and they can no longer sign in.`);
      setDisabling(null);
      reload();
    } catch (caught) {
      setDisableError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Users">
      <Notice>{done}</Notice>
      {credentials && <CredentialsPanel credentials={credentials} onDone={() => setCredentials(null)} />}
      {loading && !data && <Loading what="Loading the accounts" />}
      <ErrorNotice error={error} />
      {data && (
        <>
          <h2>Accounts</h2>
          {data.users.length === 0 ? <p>There are no accounts.</p> : (
            <div class="table-scroll admin-scroll">
              <table class="data">
                <caption class="visually-hidden">Every account, by username</caption>
                <thead>
                  <tr>
                    <th scope="col">Username</th><th scope="col">Role</th><th scope="col">Desks</th>
                    <th scope="col">Organization</th><th scope="col">Created</th><th scope="col">State</th>
                    <th scope="col"><span class="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((account) => (
                    <tr key={account.id}>
                      <th scope="row">{account.username}</th>
                      <td>{humanize(account.role)}</td>
                      <td>{account.desks.length === 0 ? <span class="muted">None</span>
                        : account.desks.map((desk) => nameOf(data.desks, desk)).join(', ')}</td>
                      <td>{account.organization_id ? nameOf(data.organizations, account.organization_id) : ''}</td>
                      <td>{formatDay(account.created_day)}</td>
                      <td>{account.disabled ? <span class="badge admin-badge-off">Disabled</span>
                        : <span class="badge">Active</span>}</td>
                      <td>
                        {!account.disabled && account.id !== user.user_id && (
                          <button type="button" class="danger"
                                  onClick={() => { setDisableError(null); setDisabling(account); }}>
                            Disable<span class="visually-hidden"> {account.username}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <CreateAccount desks={data.desks} organizations={data.organizations} onCreated={created} />
        </>
      )}
      {disabling && (
        <ConfirmDialog title={`Disable ${disabling.username}?`} confirmLabel="Disable account" busy={busy}
                       error={disableError} onConfirm={disable} onCancel={() => setDisabling(null)}>
          <p>Every session of {disabling.username} ends at once and they can no longer sign in.
            Their notes and audit entries stay. An account cannot be enabled again from here.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
