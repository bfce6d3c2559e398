// A modal confirmation dialog: focus goes to its first button when it opens
// and stays inside it (Tab cycles), Escape cancels, and focus returns to
// what had it before when it closes.
import { useEffect, useRef } from 'preact/hooks';

// `title`: the heading; `children`: what will happen; `confirmLabel`: the
// confirming button's text; `onConfirm()`, `onCancel()`; `busy` disables both.
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy, danger = true }) {
  const box = useRef(null);
  useEffect(() => {
    const before = document.activeElement;
    box.current?.querySelector('button')?.focus();
    return () => before?.focus?.();
  }, []);
  function onKeyDown(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      const buttons = [...box.current.querySelectorAll('button:not([disabled])')];
      if (buttons.length === 0) return;
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  }
  return (
    <div class="modal-backdrop">
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title"
           aria-describedby="confirm-text" ref={box} onKeyDown={onKeyDown}>
        <h2 id="confirm-title">{title}</h2>
        <div id="confirm-text">{children}</div>
        <div class="dialog-buttons">
          <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
          <button type="button" class={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
