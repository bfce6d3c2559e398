// Every view of the app, gathered from the areas' route lists. A route is
// { pattern: '/cases/:id', view: Component, title: 'Case', roles: [...],
//   nav: 'Cases' (shown in the navigation when set, in list order) }.
// A view receives its pattern's parameters as props (e.g. { id }).
import { routes as account } from './views/account_routes.js';
import { routes as admin } from './views/admin/routes.js';
import { routes as cases } from './views/cases/routes.js';
import { routes as insights } from './views/insights/routes.js';
import { routes as triage } from './views/triage/routes.js';

export const routes = [...triage, ...cases, ...insights, ...admin, ...account];

// The routes `role` may open.
export function routesFor(role) {
  return routes.filter((route) => route.roles.includes(role));
}
