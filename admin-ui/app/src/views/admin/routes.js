// The admin views (see src/routes.js for the shape of a route): accounts,
// desks and their members, partner organizations, workflow settings and the
// audit log with its chain verification. Admins only; the server checks too.
import { AuditLog } from './audit.jsx';
import { Desks } from './desks.jsx';
import { Organizations } from './organizations.jsx';
import { Settings } from './settings.jsx';
import { Users } from './users.jsx';

const admin = ['admin'];

export const routes = [
  { pattern: '/admin/users', view: Users, title: 'Users', nav: 'Users', roles: admin },
  { pattern: '/admin/desks', view: Desks, title: 'Desks', nav: 'Desks', roles: admin },
  { pattern: '/admin/organizations', view: Organizations, title: 'Organizations', nav: 'Organizations', roles: admin },
  { pattern: '/admin/settings', view: Settings, title: 'Settings', nav: 'Settings', roles: admin },
  { pattern: '/admin/audit', view: AuditLog, title: 'Audit log', nav: 'Audit log', roles: admin },
];
