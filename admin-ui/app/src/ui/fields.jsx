// Labelled form controls. Each control has a visible <label>, an optional
// hint and an error message tied to it with aria-describedby, and
// aria-invalid when it has an error, so an error is announced with its field.

function describedBy(id, hint, error) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras({ id, hint, error }) {
  return (
    <>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </>
  );
}

// A text input. `onValue(text)` receives each change.
export function TextField({ id, label, value, onValue, error, hint, type = 'text', ...rest }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value} onInput={(event) => onValue(event.currentTarget.value)}
             aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

// A multi-line text input.
export function TextArea({ id, label, value, onValue, error, hint, rows = 4, ...rest }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} onInput={(event) => onValue(event.currentTarget.value)}
                aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

// A drop-down list. `options`: [{ value, label }]; `onValue(value)`.
export function SelectField({ id, label, value, onValue, options, error, hint, ...rest }) {
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onValue(event.currentTarget.value)}
              aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} {...rest}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

// The error of `apiError` for the field named `field`, or '' (to pass as a
// control's `error`).
export function fieldError(apiError, field) {
  return apiError && apiError.field === field ? apiError.message : '';
}
