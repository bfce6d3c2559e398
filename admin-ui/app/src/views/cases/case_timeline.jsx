// A case's timeline: its events oldest first, each as a sentence with who
// (you, or another member of the desk) and when.
import { useSession } from '../../session.js';
import { describeEvent, formatTime } from './case_text.js';

export function CaseTimeline({ item, taxonomy, names }) {
  const { user } = useSession();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {item.timeline.length === 0 ? <p class="muted">Nothing has happened yet.</p> : (
        <ol class="timeline">
          {item.timeline.map((event) => {
            const { text, link } = describeEvent(event, { taxonomy, names });
            const who = event.actor === user.user_id ? 'you' : 'another member of the desk';
            return (
              <li key={event.seq}>
                <span class="timeline-text">{text}</span>
                {link && <> (<a href={link.href}>{link.label}</a>)</>}
                <span class="muted"> — by {who}, {formatTime(event.at)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
