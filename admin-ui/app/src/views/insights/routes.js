// The insights views (see src/routes.js for the shape of a route):
// statistics for researchers, evidence bundles for partners (and, read-only,
// for the reviewers and admins whose desks' cases were shared).
import { BundlesView } from './bundles_view.jsx';
import { StatsView } from './stats_view.jsx';

export const routes = [
  { pattern: '/stats', view: StatsView, title: 'Statistics', nav: 'Statistics', roles: ['researcher'] },
  { pattern: '/bundles', view: BundlesView, title: 'Evidence bundles', nav: 'Bundles',
    roles: ['partner', 'reviewer', 'admin'] },
];
