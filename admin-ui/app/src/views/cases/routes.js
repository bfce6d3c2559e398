// The cases views (see src/routes.js for the shape of a route): the case
// board and a case, the actions catalogue, and aggregation.
import { ActionView } from './action_view.jsx';
import { ActionsList } from './actions_list.jsx';
import { AggregateGroup } from './aggregate_group.jsx';
import { Aggregates } from './aggregates.jsx';
import { CaseBoard } from './case_board.jsx';
import { CaseView } from './case_view.jsx';

const staff = ['admin', 'reviewer'];

export const routes = [
  { pattern: '/cases', view: CaseBoard, title: 'Cases', nav: 'Cases', roles: staff },
  { pattern: '/cases/:id', view: CaseView, title: 'Case', roles: staff },
  { pattern: '/actions', view: ActionsList, title: 'Actions', nav: 'Actions', roles: staff },
  { pattern: '/actions/:id', view: ActionView, title: 'Action', roles: staff },
  { pattern: '/aggregates', view: Aggregates, title: 'Aggregation', nav: 'Aggregation', roles: staff },
  { pattern: '/aggregates/:by/:digest', view: AggregateGroup, title: 'Group of reports', roles: staff },
];
