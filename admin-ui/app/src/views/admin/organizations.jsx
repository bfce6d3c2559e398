// Organizations (admins): the partner organizations evidence bundles are
// shared with (GET /organizations) and registering one with its public key
// (POST /organizations), made offline by `pillarbox bundle keygen`.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { fieldError, TextField } from '../../ui/fields.jsx';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';

export function Organizations() {
  const { data, error, loading, reload } = useLoad(() => api.get('/organizations'), []);
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [saveError, setSaveError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  async function register(event) {
    event.preventDefault();
    setBusy(true);
    setSaveError(null);
    setDone('');
    try {
      const created = await api.post('/organizations', { name: name.trim(), public_key: publicKey.trim() });
      setName('');
      setPublicKey('');
      setDone(`${created.name} is registered. Create its partner accounts under Users.`);
      reload();
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  }

  const organizations = data ? data.organizations : [];
  return (
    <Page title="Organizations">
      <p>Partner organizations receive evidence bundles encrypted to their own key: the service can seal a
        bundle to them but never open it again.</p>
      <Notice>{done}</Notice>
      {loading && !data && <Loading what="Loading the organizations" />}
      <ErrorNotice error={error} />
      {data && (
        <>
          <h2>Registered organizations</h2>
          {organizations.length === 0 ? <p>No organization is registered yet.</p> : (
            <div class="table-scroll admin-scroll">
              <table class="data">
                <caption class="visually-hidden">Registered organizations, by name</caption>
                <thead>
                  <tr><th scope="col">Name</th><th scope="col">Public key</th><th scope="col">Registered</th></tr>
                </thead>
                <tbody>
                  {organizations.map((org) => (
                    <tr key={org.id}>
                      <th scope="row">{org.name}</th>
                      <td><code class="admin-key">{org.public_key}</code></td>
                      <td>{formatDay(org.created_day)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <form onSubmit={register} method="post" novalidate class="admin-form" aria-labelledby="register-title">
        <h2 id="register-title">Register an organization</h2>
        <div class="admin-help">
          <h3>Before you start: the organization makes its key pair offline</h3>
          <ol>
            <li>On a computer the organization controls, someone there runs
              {' '}<code>pillarbox bundle keygen --out organization.key</code>.</li>
            <li>It writes the secret key file (keep it there, backed up, never sent to anyone) and prints the
              public key: 64 hexadecimal digits.</li>
            <li>They send you only that printed public key. Check it with them over a second channel (read
              out the first and last digits on a call) so nobody can slip in their own key.</li>
          </ol>
        </div>
        <TextField id="org-name" label="Name" value={name} onValue={setName} autoComplete="off"
                   hint="As partners will recognise it; unique."
                   error={fieldError(saveError, 'name')} />
        <TextField id="org-key" label="Public key" value={publicKey} onValue={setPublicKey} autoComplete="off"
                   spellcheck={false} class="admin-key-input"
                   hint="The 64 hexadecimal digits printed by pillarbox bundle keygen."
                   error={fieldError(saveError, 'public_key')} />
        {saveError && !['name', 'public_key'].includes(saveError.field) && <ErrorNotice error={saveError} />}
        <button type="submit" class="primary" disabled={busy}>Register organization</button>
      </form>
    </Page>
  );
}
