// A modal confirmation for an action that cannot be taken back (disabling an
// account, removing a desk member). role="alertdialog", labelled by its
// heading and described by its text; focus starts on "Cancel" (the safe
// choice), stays inside while it is open (Tab wraps), Escape cancels, and
// focus returns to the control that opened it. Used by the admin views
// (disable an account, remove a desk member) and the cases (merge).
import { useEffect, useRef } from 'preact/hooks';

// `title`: the question; `children`: what will happen; `confirmLabel`: the
// action's button; `busy`: disables both buttons while the action runs;
// `error`: an ApiError to show inside; `danger`: the action destroys
// something (red button; default) or not; `onConfirm()`, `onCancel()`.
export function ConfirmDialog({ title, children, confirmLabel, busy, error, danger = true, onConfirm, onCancel }) {
  const dialog = useRef(null);
  const cancel = useRef(null);
  useEffect(() => {
    const opener = document.activeElement;
    cancel.current?.focus();
    return () => opener?.focus?.();
  }, []);

  function onKeyDown(event) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const controls = [...dialog.current.querySelectorAll('button:not([disabled])')];
    if (controls.length === 0) return;
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div class="modal-backdrop">
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title"
           aria-describedby="confirm-text" ref={dialog} onKeyDown={onKeyDown}>
        <h2 id="confirm-title">{title}</h2>
        <div id="confirm-text">{children}</div>
        {error && <p class="notice notice-error" role="alert">{error.message}</p>}
        <div class="dialog-buttons">
          <button type="button" ref={cancel} onClick={onCancel} disabled={busy}>Cancel</button>
          <button type="button" class={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
