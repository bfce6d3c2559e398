// Sign-in: username, password and the 6-digit code of the authenticator app
// (TOTP). One answer for every wrong credential, as the server gives it.
import { useState } from 'preact/hooks';
import { api, ApiError, setToken } from '../api.js';
import { TextField } from '../ui/fields.jsx';
import { ErrorNotice } from '../ui/notice.jsx';
import { Page } from '../ui/page.jsx';

// `onSignedIn(user)` receives the session description (GET /auth/session).
// `reason`: why the user is here again ("idle", "expired"), or ''.
export function Login({ onSignedIn, reason }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const login = await api.post('/auth/login', { username, password, totp: code.replace(/\s+/g, '') });
      setToken(login.token);
      setPassword('');
      onSignedIn(await api.get('/auth/session'));
    } catch (caught) {
      setToken(null);
      setCode('');
      if (caught instanceof ApiError && caught.status === 401) {
        setError(new ApiError(401, '', '', 'Wrong username, password or code. Codes work once: wait for the next one.'));
      } else if (caught instanceof ApiError && caught.status === 503) {
        setError(new ApiError(503, '', '', 'Too many sign-ins at this moment. Try again in a few seconds.'));
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <Page title="Sign in">
        {reason === 'idle' && <p class="notice" role="status">You were signed out after a period without activity.</p>}
        {reason === 'expired' && <p class="notice" role="status">Your session ended. Sign in again to go on.</p>}
        <form onSubmit={submit} method="post" novalidate>
          <TextField id="login-username" label="Username" value={username} onValue={setUsername}
                     autoComplete="username" autoCapitalize="none" spellcheck={false} required />
          <TextField id="login-password" label="Password" type="password" value={password} onValue={setPassword}
                     autoComplete="current-password" required />
          <TextField id="login-code" label="Code from your authenticator app" value={code} onValue={setCode}
                     inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7}
                     hint="Six digits. Each code works once." required />
          <ErrorNotice error={error} />
          <button type="submit" class="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </Page>
    </main>
  );
}
