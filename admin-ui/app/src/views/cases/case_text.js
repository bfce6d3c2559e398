// Wording shared by the cases views: short ids, desks, times, and the
// case timeline's events as readable sentences.
import { labelOf } from '../../taxonomy.js';
import { humanize } from '../../ui/format.js';

// The first 8 hex digits of an id, enough to tell items apart on screen.
export function shortId(id) {
  return String(id || '').slice(0, 8);
}

// A desk id ("voice_cloning") as a label ("Voice cloning").
export function deskLabel(desk) {
  return humanize(desk);
}

// Unix seconds -> "22 Nov 2026, 14:05" in the browser's time zone.
export function formatTime(seconds) {
  if (!seconds) return '';
  return new Date(seconds * 1000).toLocaleString('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

// "k=v;k=v" -> { k: v }.
export function parseDetail(detail) {
  const out = {};
  for (const part of String(detail || '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

// A timeline event as { text, link } where link ({ href, label }) is an
// optional link to the object named. `names`: { tags: {id: name},
// actions: {id: name} } for readable labels; `taxonomy` for pillars.
export function describeEvent(event, { taxonomy, names }) {
  const detail = parseDetail(event.detail);
  const report = (verb) => (detail.report === 'hidden'
    ? { text: `A report of another desk was ${verb}` }
    : { text: `Report ${shortId(detail.report)} was ${verb}`, link: { href: `#/reports/${detail.report}`, label: 'open the report' } });
  switch (event.event) {
    case 'case.created': return { text: 'The case was opened' };
    case 'case.title.changed': return { text: 'The title was changed' };
    case 'case.summary.changed': return { text: 'The summary was changed' };
    case 'case.status.changed':
      return { text: `The status changed from ${humanize(detail.from)} to ${humanize(detail.to)}` };
    case 'case.report.added': return report('added');
    case 'case.report.removed': return report('removed');
    case 'case.tag.added': return { text: `Tag “${names.tags[detail.tag] || shortId(detail.tag)}” was added` };
    case 'case.tag.removed': return { text: `Tag “${names.tags[detail.tag] || shortId(detail.tag)}” was removed` };
    case 'case.pillar.added': return { text: `Pillar “${labelOf(taxonomy, 'pillars', detail.pillar)}” was linked` };
    case 'case.pillar.removed': return { text: `Pillar “${labelOf(taxonomy, 'pillars', detail.pillar)}” was unlinked` };
    case 'case.action.linked':
      return { text: `Action “${names.actions[detail.action] || shortId(detail.action)}” was linked`,
               link: { href: `#/actions/${detail.action}`, label: 'open the action' } };
    case 'case.action.unlinked':
      return { text: `Action “${names.actions[detail.action] || shortId(detail.action)}” was unlinked` };
    case 'case.note.added': return { text: 'An internal note was added' };
    case 'case.merged.into':
      return { text: `This case was merged into case ${shortId(detail.into)}`,
               link: { href: `#/cases/${detail.into}`, label: 'open that case' } };
    case 'case.merged.from': {
      const reports = Number(detail.reports || 0);
      const notes = Number(detail.notes || 0);
      return { text: `Case ${shortId(detail.from)} was merged into this one (${reports} report${reports === 1 ? '' : 's'} and ${notes} note${notes === 1 ? '' : 's'} moved)` };
    }
    default: return { text: humanize(event.event) };
  }
}
