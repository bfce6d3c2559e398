// Loading data for a view.
import { useCallback, useEffect, useState } from 'preact/hooks';

// Calls `loader()` (a function returning a promise) when the component mounts
// and whenever `deps` change. Returns { data, error, loading, reload }:
// `reload()` runs the loader again and keeps the old data visible meanwhile.
// A stale answer (deps changed while it was on its way) is dropped.
export function useLoad(loader, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setState((old) => ({ ...old, loading: true }));
    loader().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error) => current && setState((old) => ({ data: old.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { ...state, reload };
}
