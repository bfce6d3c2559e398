// Running one change against the API from a view: tracks busy, the error
// (an ApiError, shown next to its field or as a notice) and a success
// message for a role="status" notice.
import { useCallback, useState } from 'preact/hooks';

// Returns { busy, error, done, run(action, doneText), clear() }: `run` awaits
// `action()`, then sets `done` to `doneText` (or the error) and resolves
// with action's value (undefined on error).
export function useMutation() {
  const [state, setState] = useState({ busy: false, error: null, done: '' });
  const run = useCallback(async (action, doneText) => {
    setState({ busy: true, error: null, done: '' });
    try {
      const value = await action();
      setState({ busy: false, error: null, done: doneText || '' });
      return value;
    } catch (error) {
      setState({ busy: false, error, done: '' });
      return undefined;
    }
  }, []);
  const clear = useCallback(() => setState({ busy: false, error: null, done: '' }), []);
  return { ...state, run, clear };
}
