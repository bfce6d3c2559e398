// Fragment routing: the view is chosen by location.hash ("#/reports/<id>").
// Only opaque ids ever go into the fragment, never text a user typed (no
// search terms, no names), and the fragment is never sent to the server.
import { useEffect, useState } from 'preact/hooks';

// The current route: { path: "/reports/abc", parts: ["reports", "abc"] }.
export function currentRoute() {
  const path = (location.hash || '#/').slice(1) || '/';
  return { path, parts: path.split('/').filter(Boolean).map(decodeURIComponent) };
}

// Goes to `path` ("/cases/<id>").
export function navigate(path) {
  if (location.hash !== `#${path}`) location.hash = path;
}

// The route, re-rendering the caller when it changes.
export function useRoute() {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

// Matches `parts` against `pattern` ("/reports/:id"); returns the parameters
// ({ id: "abc" }) or null.
export function matchRoute(pattern, parts) {
  const wanted = pattern.split('/').filter(Boolean);
  if (wanted.length !== parts.length) return null;
  const params = {};
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i].startsWith(':')) params[wanted[i].slice(1)] = parts[i];
    else if (wanted[i] !== parts[i]) return null;
  }
  return params;
}
