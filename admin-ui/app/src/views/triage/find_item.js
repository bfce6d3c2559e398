// The current queue item of one report (revision, assignee, deadlines) after
// a conflict: asking GET /api/v1/reports/{id} again would open (and audit)
// the report again, so the view asks the queue with filters only that
// report's clear metadata can match (its desk, kind, region, sector, status
// and received day) and picks the report out. The queue is not an audited
// read.
import { api } from '../../api.js';

const MAX_PAGES = 20;

// Resolves with the TriageItem of `summary` ({id, desk, kind, region, sector,
// status, received_day}) or null when the queue does not list it.
export async function findTriageItem(summary) {
  const query = {
    desk: summary.desk, kind: summary.kind, region: summary.region, sector: summary.sector,
    status: summary.status, from: summary.received_day, to: summary.received_day, limit: 100,
  };
  let after = '';
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api.get('/reports', { ...query, after });
    const found = answer.reports.find((item) => item.id === summary.id);
    if (found) return found;
    if (!answer.next) return null;
    after = answer.next;
  }
  return null;
}
