// The triage queue: the reports of the user's desks, newest first, with the
// API's filters, per-status counts as a switcher, keyset paging ("Show older
// reports" with the API's cursor) and keyboard navigation. One request per
// page of rows (tag names come from one GET /tags), never one per row.
// Filters stay in memory only (kept for the next visit of the queue in this
// page load), never in the URL or web storage.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { anyFilter, filterQuery, FIRST_FILTER_ID, NO_FILTERS, QueueFilters } from './queue_filters.jsx';
import { useQueueKeys } from './queue_keys.js';
import { assigneeText, deadlineOf, STATUSES, statusLabel } from './words.js';

const PAGE_SIZE = 50;

// The last filters and status of each user in this page load (memory only).
const remembered = new Map();

function StatusSwitcher({ status, counts, onStatus }) {
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : null;
  const choices = [{ value: '', label: 'All' }, ...STATUSES];
  return (
    <div class="status-switcher" role="group" aria-label="Status">
      {choices.map((choice) => {
        const count = choice.value ? counts?.[choice.value] : total;
        return (
          <button key={choice.value} type="button" aria-pressed={status === choice.value ? 'true' : 'false'}
                  onClick={() => onStatus(choice.value)}>
            {choice.label}{count === null || count === undefined ? '' : ` (${count})`}
          </button>
        );
      })}
    </div>
  );
}

function ShortcutHelp() {
  return (
    <details class="shortcut-help">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt><kbd>j</kbd> or <kbd>↓</kbd></dt><dd>Select the next report</dd>
        <dt><kbd>k</kbd> or <kbd>↑</kbd></dt><dd>Select the previous report</dd>
        <dt><kbd>Enter</kbd></dt><dd>Open the selected report</dd>
        <dt><kbd>/</kbd></dt><dd>Go to the filters</dd>
      </dl>
      <p class="muted">Shortcuts do nothing while you type in a field.</p>
    </details>
  );
}

function QueueRow({ item, selected, user, taxonomy, tagNames, onSelect, onOpen }) {
  const deadline = deadlineOf(item);
  return (
    <tr class={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined}>
      <td>{formatDay(item.received_day)}</td>
      <td>
        <a href={`#/reports/${item.id}`} id={`row-${item.id}`} onFocus={onSelect} onClick={onOpen}>
          {labelOf(taxonomy, 'kinds', item.kind)}
        </a>
        {selected && <span class="visually-hidden"> (selected)</span>}
        {item.demo && <> <span class="badge">Demo</span></>}
      </td>
      <td>{labelOf(taxonomy, 'regions', item.region)}<br /><span class="muted">{labelOf(taxonomy, 'sectors', item.sector)}</span></td>
      <td>{statusLabel(item.status)}</td>
      <td>{assigneeText(item.assignee, user)}</td>
      <td class={deadline.overdue ? 'overdue' : undefined}>
        {deadline.overdue && <strong>Overdue: </strong>}{deadline.text}
      </td>
      <td>
        {item.tags.length === 0 ? <span class="muted">None</span>
          : <ul class="tag-list">{item.tags.map((id) => <li key={id} class="badge">{tagNames.get(id) || 'Tag'}</li>)}</ul>}
      </td>
    </tr>
  );
}

export function TriageQueue() {
  const { user } = useSession();
  const taxonomy = useTaxonomy();
  const saved = remembered.get(user.user_id) || { filters: NO_FILTERS, status: '', opened: '' };
  const [filters, setFilters] = useState(saved.filters);
  const [status, setStatus] = useState(saved.status);
  const [rows, setRows] = useState([]);
  const [next, setNext] = useState(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState(null);
  const [counts, setCounts] = useState(null);
  const [tags, setTags] = useState([]);
  const [selected, setSelected] = useState(-1);
  const round = useRef(0);
  const opened = useRef(saved.opened);

  useEffect(() => {
    remembered.set(user.user_id, { filters, status, opened: opened.current });
  }, [filters, status]);

  useEffect(() => {
    api.get('/tags').then((answer) => setTags(answer.tags), () => setTags([]));
  }, []);

  // A new filter set: the first page and the counts, dropping stale answers.
  useEffect(() => {
    const mine = ++round.current;
    const query = filterQuery(filters);
    setLoading(true);
    setError(null);
    setSelected(-1);
    api.get('/reports', { ...query, status, limit: PAGE_SIZE }).then(
      (page) => {
        if (mine !== round.current) return;
        setRows(page.reports);
        setNext(page.next);
        setLoading(false);
        // Back from a report: that report is selected again (j goes on from it).
        setSelected(page.reports.findIndex((item) => item.id === opened.current));
      },
      (caught) => {
        if (mine !== round.current) return;
        setRows([]);
        setNext(null);
        setError(caught);
        setLoading(false);
      },
    );
    api.get('/reports/counts', query).then(
      (answer) => mine === round.current && setCounts(answer.counts),
      () => mine === round.current && setCounts(null),
    );
  }, [filters, status]);

  async function showOlder() {
    const mine = round.current;
    setLoadingMore(true);
    try {
      const page = await api.get('/reports', { ...filterQuery(filters), status, limit: PAGE_SIZE, after: next });
      if (mine !== round.current) return;
      setRows((old) => [...old, ...page.reports]);
      setNext(page.next);
    } catch (caught) {
      if (mine === round.current) setError(caught);
    } finally {
      setLoadingMore(false);
    }
  }

  function remember(id) {
    opened.current = id;
    remembered.set(user.user_id, { filters, status, opened: id });
  }

  function select(index) {
    if (rows.length === 0) return;
    const at = Math.max(0, Math.min(rows.length - 1, index));
    setSelected(at);
    document.getElementById(`row-${rows[at].id}`)?.focus();
  }

  useQueueKeys({
    next: () => select(selected + 1),
    previous: () => select(selected < 0 ? 0 : selected - 1),
    open: () => {
      if (selected < 0 || selected >= rows.length) return false;
      remember(rows[selected].id);
      navigate(`/reports/${rows[selected].id}`);
      return true;
    },
    focusFilter: () => {
      const box = document.getElementById('triage-filter-box');
      if (box) box.open = true;
      document.getElementById(FIRST_FILTER_ID)?.focus();
    },
  });

  const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
  const filtered = anyFilter(filters);
  return (
    <Page title="Triage queue" actions={<ShortcutHelp />}>
      <StatusSwitcher status={status} counts={counts} onStatus={setStatus} />
      <details class="triage-filter-box" id="triage-filter-box" open={filtered || undefined}>
        <summary>Filters{filtered ? ' (some set)' : ''}</summary>
        <QueueFilters filters={filters} onChange={setFilters} taxonomy={taxonomy} tags={tags}
                      desks={user.desks || []} error={error} />
        {filtered && <button type="button" onClick={() => setFilters(NO_FILTERS)}>Clear filters</button>}
      </details>
      <ErrorNotice error={error} />
      {loading ? <Loading what="Loading reports" /> : rows.length === 0 ? (
        !error && <p class="empty">No reports match these filters.</p>
      ) : (
        <>
          <p class="muted" role="status">
            {rows.length} report{rows.length === 1 ? '' : 's'} shown{next ? ', older ones follow' : ''}.
          </p>
          <div class="table-scroll">
            <table class="data triage-table">
              <caption class="visually-hidden">Reports, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Received</th><th scope="col">Kind</th><th scope="col">Region / sector</th>
                  <th scope="col">Status</th><th scope="col">Assigned to</th><th scope="col">Deadline</th>
                  <th scope="col">Tags</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((item, index) => (
                  <QueueRow key={item.id} item={item} selected={index === selected} user={user} taxonomy={taxonomy}
                            tagNames={tagNames} onSelect={() => setSelected(index)} onOpen={() => remember(item.id)} />
                ))}
              </tbody>
            </table>
          </div>
          {next && (
            <button type="button" class="show-older" onClick={showOlder} disabled={loadingMore}>
              {loadingMore ? 'Loading older reports…' : 'Show older reports'}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
