// The app: the sign-in screen, or the shell (skip link, header with the
// navigation of the user's role, the current view, the idle guard).
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, onSessionEnded, setToken } from './api.js';
import { IdleGuard } from './idle_guard.jsx';
import { matchRoute, navigate, useRoute } from './router.js';
import { routesFor } from './routes.js';
import { SessionContext } from './session.js';
import { Login } from './views/login.jsx';
import { Page } from './ui/page.jsx';

function NotFound() {
  return (
    <Page title="Not found">
      <p>There is nothing at this address, or it is not open to your role.</p>
      <p><a href="#/">Go to the start</a></p>
    </Page>
  );
}

function Navigation({ routes, path, user, onSignOut }) {
  return (
    <header class="top">
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('page-title')?.focus();
      }}>Skip to content</a>
      <span class="brand">Pillarbox</span>
      <nav aria-label="Main">
        <ul>
          {routes.filter((route) => route.nav).map((route) => {
            const current = path === route.pattern || path.startsWith(`${route.pattern}/`);
            return (
              <li key={route.pattern}>
                <a href={`#${route.pattern}`} aria-current={current ? 'page' : undefined}>{route.nav}</a>
              </li>
            );
          })}
        </ul>
      </nav>
      <span class="who">{user.username}</span>
      <button type="button" class="link-button" onClick={() => onSignOut('user')}>Sign out</button>
    </header>
  );
}

export function App() {
  const [user, setUser] = useState(null);
  const [signedOutBecause, setSignedOutBecause] = useState('');
  const route = useRoute();

  const signOut = useCallback((reason) => {
    api.post('/auth/logout').catch(() => {});
    setToken(null);
    setUser(null);
    setSignedOutBecause(reason === 'user' ? '' : reason === 'idle' ? 'idle' : 'expired');
  }, []);

  useEffect(() => {
    onSessionEnded(() => {
      setUser(null);
      setSignedOutBecause('expired');
    });
  }, []);

  const signOutIdle = useCallback(() => signOut('idle'), [signOut]);
  const allowed = useMemo(() => (user ? routesFor(user.role) : []), [user]);
  const signIn = useCallback((next) => {
    setSignedOutBecause('');
    setUser(next);
    const start = routesFor(next.role).find((candidate) => candidate.nav);
    if (route.path === '/' && start) navigate(start.pattern);
  }, [route.path]);

  if (!user) return <Login onSignedIn={signIn} reason={signedOutBecause} />;

  let content = <NotFound />;
  if (route.path === '/') {
    const start = allowed.find((candidate) => candidate.nav);
    if (start) navigate(start.pattern);
  }
  for (const candidate of allowed) {
    const params = matchRoute(candidate.pattern, route.parts);
    if (params) {
      const View = candidate.view;
      content = <View {...params} />;
      break;
    }
  }
  return (
    <SessionContext.Provider value={{ user, signOut }}>
      <Navigation routes={allowed} path={route.path} user={user} onSignOut={signOut} />
      <main id="main">{content}</main>
      <IdleGuard idleSeconds={user.idle_timeout_seconds} onIdle={signOutIdle} />
    </SessionContext.Provider>
  );
}
