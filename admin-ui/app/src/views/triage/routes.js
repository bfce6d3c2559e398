// The triage views (see src/routes.js for the shape of a route): the queue
// (the start view of reviewers and admins) and one report.
import { TriageQueue } from './queue.jsx';
import { ReportView } from './report_view.jsx';

export const routes = [
  { pattern: '/queue', view: TriageQueue, title: 'Triage queue', roles: ['admin', 'reviewer'], nav: 'Queue' },
  { pattern: '/reports/:id', view: ReportView, title: 'Report', roles: ['admin', 'reviewer'] },
];
