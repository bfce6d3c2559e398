// Idle logout with a warning. The server ends a session after
// idle_timeout_seconds without a request; the app signs out a little before,
// so no screen of decrypted reports stays open on an unattended desk.
//
// - Activity is a key press, click or touch in the app. While the user is
//   active, the server's idle timer is refreshed at most once a minute
//   (GET /auth/session), since reading a long report makes no request.
// - kWarnSeconds before the limit (half the limit for short timeouts), a
//   dialog says so and counts down;
//   "Stay signed in" counts as activity.
// - At the limit the app signs out (POST /auth/logout) and says why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, onServerActivity } from './api.js';

const kWarnSeconds = 120;
const kRefreshSeconds = 60;
const kSafetySeconds = 10;

// `idleSeconds`: the server's idle timeout; `onIdle()`: sign out.
export function IdleGuard({ idleSeconds, onIdle }) {
  const lastActivity = useRef(Date.now());
  const lastServerTouch = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState(null);
  const stayButton = useRef(null);
  const limit = Math.max(idleSeconds - kSafetySeconds, 30);
  const warnFrom = limit - Math.min(kWarnSeconds, limit / 2);

  useEffect(() => {
    onServerActivity(() => { lastServerTouch.current = Date.now(); });
    const active = () => {
      lastActivity.current = Date.now();
      if (Date.now() - lastServerTouch.current > kRefreshSeconds * 1000) {
        lastServerTouch.current = Date.now();
        api.get('/auth/session').catch(() => {});
      }
    };
    const events = ['keydown', 'pointerdown', 'touchstart'];
    events.forEach((name) => addEventListener(name, active, { passive: true }));
    const timer = setInterval(() => {
      const idle = (Date.now() - lastActivity.current) / 1000;
      if (idle >= limit) onIdle();
      else if (idle >= warnFrom) setSecondsLeft(Math.ceil(limit - idle));
      else setSecondsLeft(null);
    }, 1000);
    return () => {
      events.forEach((name) => removeEventListener(name, active));
      clearInterval(timer);
      onServerActivity(() => {});
    };
  }, [limit, warnFrom, onIdle]);

  const warning = secondsLeft !== null;
  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  if (!warning) return null;
  return (
    <div class="modal-backdrop">
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">Still there?</h2>
        <p id="idle-text">
          You will be signed out in {secondsLeft} seconds because nothing happened for a while.
        </p>
        <button type="button" class="primary" ref={stayButton}
                onClick={() => { lastActivity.current = Date.now(); setSecondsLeft(null); }}>
          Stay signed in
        </button>
      </div>
    </div>
  );
}
