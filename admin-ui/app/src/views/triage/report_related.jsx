// Reports related to this one (GET /reports/{id}/related: same organization,
// same AI system, or same kind, sector and month), each a link to
// '#/reports/<id>', and the open cases holding any of them.
import { api } from '../../api.js';
import { labelOf } from '../../taxonomy.js';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { useLoad } from '../../ui/use_load.js';
import { relationLabel, statusLabel } from './words.js';

// `reportId`, `taxonomy`.
export function ReportRelated({ reportId, taxonomy }) {
  const { data, error, loading } = useLoad(() => api.get(`/reports/${reportId}/related`), [reportId]);
  const reports = (data?.reports || []).filter((report) => report.id !== reportId);
  return (
    <section class="card side-card" aria-labelledby="related-title">
      <h2 id="related-title">Related reports</h2>
      {loading && !data ? <Loading what="Loading related reports" /> : <ErrorNotice error={error} />}
      {data && reports.length === 0 && <p class="muted">No related reports.</p>}
      {reports.length > 0 && (
        <ul class="plain-list related">
          {reports.map((report) => (
            <li key={report.id}>
              <a href={`#/reports/${report.id}`}>{labelOf(taxonomy, 'kinds', report.kind)}, {formatDay(report.received_day)}</a>
              <br /><span class="muted">{statusLabel(report.status)} · {(report.reasons || []).map(relationLabel).join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
      {data?.open_case_ids?.length > 0 && (
        <>
          <h3>Open cases holding them</h3>
          <ul class="plain-list">
            {data.open_case_ids.map((caseId, index) => (
              <li key={caseId}><a href={`#/cases/${caseId}`}>Case {index + 1} ({caseId.slice(0, 8)})</a></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
