// Words for the closed values of the triage views (statuses, close reasons,
// redaction reasons, relation reasons) and small helpers shared by the queue
// and the report view. Pure functions.
import { formatDay, humanize } from '../../ui/format.js';

// The workflow's statuses in order, with the words reviewers read.
export const STATUSES = [
  { value: 'new', label: 'New' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'in_review', label: 'In review' },
  { value: 'linked_to_case', label: 'Linked to a case' },
  { value: 'closed', label: 'Closed' },
];

export const CLOSE_REASONS = [
  { value: 'actioned', label: 'Actioned' },
  { value: 'insufficient', label: 'Not enough information' },
  { value: 'duplicate', label: 'Duplicate' },
  { value: 'out_of_scope', label: 'Out of scope' },
];

export const REDACTION_REASONS = [
  { value: 'personal_data', label: 'Personal data' },
  { value: 'third_party', label: 'About a third party' },
  { value: 'safety', label: 'Safety of the reporter' },
  { value: 'irrelevant', label: 'Not relevant' },
  { value: 'legal_privilege', label: 'Legal privilege' },
];

const RELATION_REASONS = {
  organization: 'same organization',
  ai_system: 'same AI system',
  kind_sector_month: 'same kind, sector and month',
};

// The label of `value` in a [{value, label}] list, or a readable fallback.
export function wordOf(list, value) {
  return list.find((entry) => entry.value === value)?.label || humanize(value);
}

export function statusLabel(status) {
  return wordOf(STATUSES, status);
}

export function relationLabel(reason) {
  return RELATION_REASONS[reason] || humanize(reason);
}

// The statuses a report in `status` may move to (cases/report_workflow.h:
// any forward move, steps may be skipped; reopen closed -> in_review).
export function allowedMoves(status) {
  if (status === 'closed') return ['in_review'];
  const at = STATUSES.findIndex((entry) => entry.value === status);
  return at < 0 ? [] : STATUSES.slice(at + 1).map((entry) => entry.value);
}

// Who a report is assigned to, for `user` reading it.
export function assigneeText(assignee, user) {
  if (!assignee) return 'Unassigned';
  if (assignee === user.user_id) return 'You';
  return 'Another reviewer';
}

// The deadline that matters now for a queue item, as text:
// { text, overdue }. Overdue is said in words, never by colour alone.
export function deadlineOf(item) {
  if (item.status === 'closed') return { text: 'None (closed)', overdue: false };
  if (item.status === 'new') {
    return { text: `Acknowledge by ${formatDay(item.acknowledge_due_day)}`, overdue: item.overdue };
  }
  if (!item.first_feedback_day) {
    return { text: `First feedback by ${formatDay(item.feedback_due_day)}`, overdue: item.overdue };
  }
  return { text: `Feedback given ${formatDay(item.first_feedback_day)}`, overdue: item.overdue };
}
