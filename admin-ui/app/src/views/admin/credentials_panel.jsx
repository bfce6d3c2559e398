// The one-time credentials of a new account (POST /users answers them once):
// the password, the recovery code and the TOTP enrolment, as a QR code of the
// otpauth URI drawn into a <canvas> (the `qrcode` package, in the browser, no
// network) with the secret as text for manual entry. Nothing of it is kept
// once the admin closes the panel.
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'preact/hooks';

// "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP" (easier to type; authenticator
// apps ignore the spaces).
function grouped(secret) {
  return (secret.match(/.{1,4}/g) || []).join(' ');
}

// `credentials`: the POST /users answer; `onDone()` forgets them.
export function CredentialsPanel({ credentials, onDone }) {
  const canvas = useRef(null);
  const heading = useRef(null);
  const [qrError, setQrError] = useState('');
  useEffect(() => {
    heading.current?.focus();
    QRCode.toCanvas(canvas.current, credentials.totp_uri, { width: 232, margin: 2, errorCorrectionLevel: 'M' })
      .then(() => setQrError(''))
      .catch(() => setQrError('The QR code could not be drawn: enter the secret below by hand.'));
  }, [credentials.totp_uri]);

  return (
    <section class="admin-credentials card" aria-labelledby="credentials-title">
      <h2 id="credentials-title" tabIndex={-1} ref={heading}>Credentials for {credentials.username}</h2>
      <div class="admin-warning">
        <p><strong>Shown this once.</strong> The server keeps none of these in a readable form: once you
          close this panel they cannot be shown again (a lost password means a new account).</p>
        <p>Hand them over safely: in person, or split across two different channels. Never by ordinary
          email or chat, never in a ticket or a shared document.</p>
      </div>
      <dl class="facts admin-secrets">
        <dt>Username</dt><dd><code id="credential-username">{credentials.username}</code></dd>
        <dt>Role</dt><dd>{credentials.role}</dd>
        <dt>Password</dt><dd><code id="credential-password">{credentials.password}</code></dd>
        <dt>Recovery code</dt><dd><code id="credential-recovery">{credentials.recovery_code}</code>
          <span class="hint">Unlocks the account's keys if the password is lost; keep it offline.</span></dd>
      </dl>
      <h3>Two-step sign-in (TOTP)</h3>
      <p>In the authenticator app on the new user's phone, add an account and scan this code, or type
        the secret below by hand (time-based, 6 digits, 30 seconds).</p>
      <div class="admin-enrolment">
        <canvas ref={canvas} class="admin-qr" role="img"
                aria-label={`QR code to add ${credentials.username} to an authenticator app`} />
        <dl class="facts">
          <dt>Secret</dt><dd><code id="credential-totp-secret">{grouped(credentials.totp_secret)}</code></dd>
        </dl>
      </div>
      {qrError && <p class="notice notice-error" role="alert">{qrError}</p>}
      <button type="button" class="primary" onClick={onDone}>I have handed these over: hide them</button>
    </section>
  );
}
