// The user's own account: who is signed in, until when, and a password change
// (POST /auth/password ends every session of the account, this one included).
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { fieldError, TextField } from '../ui/fields.jsx';
import { ErrorNotice } from '../ui/notice.jsx';
import { Page } from '../ui/page.jsx';
import { useSession } from '../session.js';
import { humanize } from '../ui/format.js';

export function Account() {
  const { user, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function change(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { current_password: current, new_password: next }, { credentialCheck: true });
      signOut('password');
    } catch (caught) {
      setError(caught.status === 401
        ? Object.assign(caught, { field: 'current_password', message: 'The current password is wrong.' })
        : caught);
    } finally {
      setBusy(false);
    }
  }

  const ends = new Date(user.expires_at * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <Page title="Your account">
      <dl class="facts">
        <dt>Username</dt><dd>{user.username}</dd>
        <dt>Role</dt><dd>{humanize(user.role)}</dd>
        <dt>Session ends</dt><dd>at {ends} at the latest, or after {Math.round(user.idle_timeout_seconds / 60)} minutes without activity</dd>
      </dl>
      <h2>Change your password</h2>
      <p>At least 12 characters, not a common password. Every session of your account ends: sign in again after.</p>
      <form onSubmit={change} method="post" novalidate>
        <TextField id="password-current" label="Current password" type="password" value={current}
                   onValue={setCurrent} autoComplete="current-password"
                   error={fieldError(error, 'current_password')} />
        <TextField id="password-new" label="New password" type="password" value={next} onValue={setNext}
                   autoComplete="new-password" error={fieldError(error, 'new_password')} />
        {error && !error.field && <ErrorNotice error={error} />}
        <button type="submit" class="primary" disabled={busy}>Change password</button>
      </form>
    </Page>
  );
}
