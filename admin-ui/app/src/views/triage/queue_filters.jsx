// The filters of the triage queue (every filter GET /api/v1/reports offers
// except status, which has its own switcher). Values live in the queue's
// state only: never in the URL, never in web storage.
import { SelectField, TextField } from '../../ui/fields.jsx';
import { optionsOf } from '../../taxonomy.js';

// The empty filter set.
export const NO_FILTERS = {
  kind: '', region: '', sector: '', assignee: '', tag: '', pillar: '', desk: '', from: '', to: '', overdue: false,
};

// True when some filter is set.
export function anyFilter(filters) {
  return Object.keys(NO_FILTERS).some((key) => Boolean(filters[key]));
}

// The query parameters of `filters` (empty ones are dropped by apiUrl).
export function filterQuery(filters) {
  return { ...filters, overdue: filters.overdue ? 'true' : '' };
}

export const FIRST_FILTER_ID = 'filter-kind';

const ASSIGNEES = [
  { value: '', label: 'Anyone or no one' },
  { value: 'me', label: 'Me' },
  { value: 'none', label: 'No one (unassigned)' },
];

// `filters`, `onChange(next)`, `taxonomy`, `tags` ([{id, name}]), `desks`
// (ids the user holds), `error` (an ApiError naming a parameter, or null).
// The first control's id is FIRST_FILTER_ID ("/" focuses it).
export function QueueFilters({ filters, onChange, taxonomy, tags, desks, error }) {
  const set = (key) => (value) => onChange({ ...filters, [key]: value });
  const fieldErr = (key) => (error && error.field === key ? error.message : '');
  return (
    <form class="triage-filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <SelectField id="filter-kind" label="Kind" value={filters.kind} onValue={set('kind')}
                   options={optionsOf(taxonomy, 'kinds', 'Every kind')} error={fieldErr('kind')} />
      <SelectField id="filter-region" label="Region" value={filters.region} onValue={set('region')}
                   options={optionsOf(taxonomy, 'regions', 'Every region')} error={fieldErr('region')} />
      <SelectField id="filter-sector" label="Sector" value={filters.sector} onValue={set('sector')}
                   options={optionsOf(taxonomy, 'sectors', 'Every sector')} error={fieldErr('sector')} />
      <SelectField id="filter-assignee" label="Assigned to" value={filters.assignee} onValue={set('assignee')}
                   options={ASSIGNEES} error={fieldErr('assignee')} />
      <SelectField id="filter-tag" label="Tag" value={filters.tag} onValue={set('tag')}
                   options={[{ value: '', label: 'Any tag' }, ...tags.map((tag) => ({ value: tag.id, label: tag.name }))]}
                   error={fieldErr('tag')} />
      <SelectField id="filter-pillar" label="Pillar" value={filters.pillar} onValue={set('pillar')}
                   options={optionsOf(taxonomy, 'pillars', 'Any pillar')} error={fieldErr('pillar')} />
      {desks.length > 1 && (
        <SelectField id="filter-desk" label="Desk" value={filters.desk} onValue={set('desk')}
                     options={[{ value: '', label: 'Every desk' }, ...desks.map((desk) => ({ value: desk, label: desk }))]}
                     error={fieldErr('desk')} />
      )}
      <TextField id="filter-from" label="Received from" type="date" value={filters.from} onValue={set('from')}
                 error={fieldErr('from')} />
      <TextField id="filter-to" label="Received until" type="date" value={filters.to} onValue={set('to')}
                 error={fieldErr('to')} />
      <div class="field triage-check">
        <input id="filter-overdue" type="checkbox" checked={filters.overdue}
               onChange={(event) => set('overdue')(event.currentTarget.checked)} />
        <label for="filter-overdue">Only overdue</label>
      </div>
    </form>
  );
}
