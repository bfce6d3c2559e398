// The user's own account (every role).
import { Account } from './account.jsx';

export const routes = [
  { pattern: '/account', view: Account, title: 'Your account', nav: 'Account',
    roles: ['admin', 'reviewer', 'partner', 'researcher'] },
];
