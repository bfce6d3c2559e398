// Keyboard navigation of the triage queue: j / ArrowDown and k / ArrowUp move
// the selection, Enter opens the selected report, "/" focuses the first
// filter. Shortcuts never fire while the user types in a field (input,
// textarea, select, contenteditable) or holds Ctrl, Alt or Meta.
import { useEffect, useRef } from 'preact/hooks';

// True when `target` takes typed text (or choices) itself.
export function isTypingTarget(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
}

// Installs the shortcuts on the document while the calling view is shown.
// `handlers`: { next(), previous(), open(), focusFilter() }; the latest
// handlers are used (no re-installation per render).
export function useQueueKeys(handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    function onKey(event) {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      const on = latest.current;
      const tag = event.target?.tagName?.toLowerCase();
      if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        on.next();
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        on.previous();
      } else if (event.key === '/') {
        event.preventDefault();
        on.focusFilter();
      } else if (event.key === 'Enter' && tag !== 'a' && tag !== 'button' && tag !== 'summary') {
        // On a link or button Enter keeps its own meaning.
        if (on.open()) event.preventDefault();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
