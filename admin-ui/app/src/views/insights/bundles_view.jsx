// Evidence bundles (GET /api/v1/bundles). Partners see the ready bundles
// shared with their organization, download them (GET
// /api/v1/bundles/{id}/download, audited) and read how to check and open
// one offline with `pillarbox bundle verify` / `open`. Reviewers and admins
// see the bundles of their desks' cases, with the case and who shared it;
// they cannot download (the service cannot open a bundle, and whoever
// shared it holds its contents already).
import { useState } from 'preact/hooks';
import { api, download } from '../../api.js';
import { Page } from '../../ui/page.jsx';
import { ErrorNotice, Loading, Notice } from '../../ui/notice.jsx';
import { formatBytes, formatDay } from '../../ui/format.js';
import { saveFile } from '../../ui/save_file.js';
import { useLoad } from '../../ui/use_load.js';
import { useSession } from '../../session.js';

// The file name the service gives a bundle.
export function bundleFileName(id) {
  return `pillarbox-bundle-${id.slice(0, 8)}.pbx`;
}

async function loadBundles(role) {
  const { bundles } = await api.get('/bundles');
  let organizations = new Map();
  if (role === 'admin') {
    const answer = await api.get('/organizations');
    organizations = new Map(answer.organizations.map((organization) => [organization.id, organization.name]));
  }
  return { bundles, organizations };
}

export function BundlesView() {
  const { user } = useSession();
  const partner = user.role === 'partner';
  const { data, error, loading } = useLoad(() => loadBundles(user.role), [user.role]);
  const [notice, setNotice] = useState('');
  const [downloadError, setDownloadError] = useState(null);
  const [busy, setBusy] = useState('');

  async function fetchBundle(bundle) {
    setNotice('');
    setDownloadError(null);
    setBusy(bundle.id);
    try {
      const { blob, filename } = await download(`/bundles/${bundle.id}/download`, { accept: 'application/octet-stream' });
      saveFile(blob, filename || bundleFileName(bundle.id));
      setNotice(`Downloaded ${filename || bundleFileName(bundle.id)} (${formatBytes(blob.size)}). Check it before opening it.`);
    } catch (failure) {
      setDownloadError(failure);
    } finally {
      setBusy('');
    }
  }

  return (
    <Page title="Evidence bundles">
      <p class="intro">
        {partner
          ? 'Cases reviewers shared with your organization. Each bundle is signed by this instance and encrypted to your organization’s key: only your key file opens it.'
          : 'Bundles shared from your desks’ cases with partner organizations. Only the partners of the organization can download a bundle.'}
      </p>
      {loading && !data && <Loading what="Loading the bundles" />}
      <ErrorNotice error={error} />
      <ErrorNotice error={downloadError} />
      <Notice>{notice}</Notice>
      {data && data.bundles.length === 0 && (
        <p>{partner ? 'No bundle has been shared with your organization yet.' : 'No case of your desks has been shared yet.'}</p>
      )}
      {data && data.bundles.length > 0 && (
        partner
          ? <PartnerTable bundles={data.bundles} onDownload={fetchBundle} busy={busy} />
          : <StaffTable bundles={data.bundles} organizations={data.organizations} userId={user.user_id} />
      )}
      {partner && <Instructions example={data?.bundles[0] ? bundleFileName(data.bundles[0].id) : 'pillarbox-bundle-1a2b3c4d.pbx'} />}
    </Page>
  );
}

function PartnerTable({ bundles, onDownload, busy }) {
  return (
    <div class="table-scroll">
      <table class="data bundles-table">
        <caption class="visually-hidden">Bundles shared with your organization, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Bundle</th>
            <th scope="col">Shared on</th>
            <th scope="col">Size</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {bundles.map((bundle) => (
            <tr key={bundle.id}>
              <th scope="row"><code>{bundleFileName(bundle.id)}</code></th>
              <td>{formatDay(bundle.created_day)}</td>
              <td>{formatBytes(bundle.size)}</td>
              <td>
                <button type="button" onClick={() => onDownload(bundle)} disabled={busy === bundle.id}
                        aria-label={`Download ${bundleFileName(bundle.id)}`}>
                  {busy === bundle.id ? 'Downloading…' : 'Download'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StaffTable({ bundles, organizations, userId }) {
  return (
    <div class="table-scroll">
      <table class="data bundles-table">
        <caption class="visually-hidden">Bundles shared from your desks’ cases, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Bundle</th>
            <th scope="col">Case</th>
            <th scope="col">Organization</th>
            <th scope="col">Shared on</th>
            <th scope="col">Size</th>
            <th scope="col">Shared by</th>
          </tr>
        </thead>
        <tbody>
          {bundles.map((bundle) => (
            <tr key={bundle.id}>
              <th scope="row"><code>{bundleFileName(bundle.id)}</code></th>
              <td><a href={`#/cases/${bundle.case_id}`}>Case {bundle.case_id.slice(0, 8)}</a></td>
              <td>{organizations.get(bundle.organization_id) || <code>{bundle.organization_id.slice(0, 8)}</code>}</td>
              <td>{formatDay(bundle.created_day)}</td>
              <td>{formatBytes(bundle.size)}</td>
              <td>{bundle.created_by === userId ? 'You' : <code>{bundle.created_by.slice(0, 8)}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// How to check and open a bundle offline (service/src/app/bundle_command.cc).
function Instructions({ example }) {
  return (
    <section class="bundle-help" aria-labelledby="bundle-help-title">
      <h2 id="bundle-help-title">Checking and opening a bundle</h2>
      <p>
        You need the <code>pillarbox</code> program and your organization’s key file (made once with{' '}
        <code>pillarbox bundle keygen --out ORG.key</code>; its public half is what the instance’s admin
        registered). Keep the key file on the computer where you open bundles and never upload it anywhere.
      </p>
      <h3>1. Check the bundle</h3>
      <pre><code>pillarbox bundle verify {example} --key ORG.key</code></pre>
      <p>
        It checks the signature and every entry, lists the entries and ends with <samp>bundle intact</samp> (exit
        status 0). If anything was changed on the way it prints <samp>bundle ALTERED:</samp> with what is altered
        (exit status 1): do not rely on that file; download it again and tell the instance’s admin.
        Add <code>--json</code> for the same result as JSON.
      </p>
      <h3>2. Pin the instance’s signing key</h3>
      <p>
        Without a pinned key the output says the signer is <samp>not pinned</samp>. Ask the instance’s admin for its
        signing public key (printed by <code>pillarbox instance signing-key</code>) through a channel you trust, and
        add it with <code>--signer</code>:
      </p>
      <pre><code>pillarbox bundle verify {example} --key ORG.key --signer SIGNING_KEY_HEX</code></pre>
      <h3>3. Open it</h3>
      <pre><code>pillarbox bundle open {example} --key ORG.key --signer SIGNING_KEY_HEX --out case-folder</code></pre>
      <p>
        It checks the bundle again and writes its entries under <code>case-folder</code> (created readable by you
        only; nothing is overwritten). An altered bundle is not opened: nothing is written. Inside:{' '}
        <code>case.json</code> (title, status, pillars and actions), <code>pillars.json</code>, <code>actions.json</code>, <code>reports/1/answers.json</code>,{' '}
        <code>reports/2/…</code> (each report’s answers, redacted parts replaced by <samp>[redacted]</samp>),{' '}
        <code>reports/N/files/</code> (the evidence files shared) and <code>custody.json</code> (the audit trail of
        the case, to show the evidence was not changed).
      </p>
    </section>
  );
}
