// A view's frame: sets document.title, renders the view's one <h1> and moves
// focus to it when the view opens, so keyboard and screen-reader users land
// at the top of the new content after every navigation.
import { useEffect, useRef } from 'preact/hooks';

// `title`: the heading and the window title; `actions`: optional buttons shown
// beside the heading; `children`: the view.
export function Page({ title, actions, children }) {
  const heading = useRef(null);
  useEffect(() => {
    document.title = `${title} · Pillarbox`;
    heading.current?.focus();
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} ref={heading}>{title}</h1>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
