// Messages about the outcome of an action.

// An error from the API (ApiError) or any Error, announced at once
// (role="alert"). Renders nothing when `error` is null.
export function ErrorNotice({ error }) {
  if (!error) return null;
  const where = error.field ? ` (${error.field})` : '';
  return <p class="notice notice-error" role="alert">{error.message}{where}</p>;
}

// A quiet confirmation ("Saved."), announced politely (role="status").
export function Notice({ children }) {
  if (!children) return null;
  return <p class="notice" role="status">{children}</p>;
}

// Shown while data loads.
export function Loading({ what = 'Loading' }) {
  return <p class="loading" role="status">{what}…</p>;
}
