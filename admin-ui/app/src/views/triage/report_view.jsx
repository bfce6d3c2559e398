// One report, laid out for a calm reading: its facts and decrypted answers
// first (labelled with the questionnaire's questions), the conversation with
// the reporter, internal notes, evidence files and redactions; beside them
// (below on a narrow screen) the actions: status and assignment, tags and
// pillars, related reports.
//
// Opening a report is audited server-side, so GET /reports/{id} runs once per
// visit: it carries the workflow state (revision, assignee, deadlines) too,
// and later changes update the view from each change's answer. After a
// conflict the fresh state comes from the queue, not from opening the report
// again.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { labelOf, useTaxonomy } from '../../taxonomy.js';
import { formatDay } from '../../ui/format.js';
import { ErrorNotice, Loading } from '../../ui/notice.jsx';
import { Page } from '../../ui/page.jsx';
import { useLoad } from '../../ui/use_load.js';
import { findTriageItem } from './find_item.js';
import { ReportAnswers } from './report_answers.jsx';
import { ReportMessages, ReportNotes } from './report_conversation.jsx';
import { ReportFiles, ReportRedactions } from './report_evidence.jsx';
import { ReportLabels } from './report_labels.jsx';
import { ReportRelated } from './report_related.jsx';
import { ReportWorkflow } from './report_workflow.jsx';
import { statusLabel } from './words.js';

const BACK = <a href="#/queue">Back to the queue</a>;

function ReportFacts({ report, status, taxonomy }) {
  return (
    <dl class="facts report-facts">
      <dt>Kind</dt><dd>{labelOf(taxonomy, 'kinds', report.kind)}{report.demo && <> <span class="badge">Demo report</span></>}</dd>
      <dt>Received</dt><dd>{formatDay(report.received_day)}</dd>
      <dt>Region</dt><dd>{labelOf(taxonomy, 'regions', report.region)}</dd>
      <dt>Sector</dt><dd>{labelOf(taxonomy, 'sectors', report.sector)}</dd>
      <dt>Desk</dt><dd>{report.desk}</dd>
      <dt>Status</dt><dd>{statusLabel(status)}</dd>
    </dl>
  );
}

// The workflow state of `report` (from GET /reports/{id}); `reload()` asks
// the queue for the current one (after a 409).
function useTriageItem(report) {
  const [item, setItem] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    setError(null);
    if (report) setItem(report);
  }, [report]);
  // After a conflict the status may have changed too: search without it.
  // The old item stays shown (with the conflict message) until the new one comes.
  const reload = useCallback(() => {
    if (!report) return;
    findTriageItem({ ...report, status: '' }).then(
      (found) => (found ? setItem(found) : setError(new Error('The report is no longer in the queue.'))), setError);
  }, [report]);
  return { item, setItem, error, reload };
}

export function ReportView({ id }) {
  const taxonomy = useTaxonomy();
  const opened = useLoad(() => api.get(`/reports/${id}`), [id]);
  const report = opened.data && opened.data.id === id ? opened.data : null;
  const questionnaire = useLoad(() => (report ? api.get(`/questionnaires/${report.kind}`) : Promise.resolve(null)),
                                [report?.kind]);
  const { item, setItem, error: itemError, reload } = useTriageItem(report);
  const [labels, setLabels] = useState(null);
  const [redactions, setRedactions] = useState(null);
  const [redactionError, setRedactionError] = useState(null);

  useEffect(() => {
    if (!report) return;
    setLabels({ tags: report.tags || [], pillars: report.pillars || [] });
    setRedactions(null);
    setRedactionError(null);
    api.get(`/reports/${id}/redactions`).then((answer) => setRedactions(answer.redactions), setRedactionError);
  }, [report]);

  if (opened.error && !report) {
    const missing = opened.error.status === 404;
    return (
      <Page title="Report" actions={BACK}>
        {missing ? <p>There is no such report on your desks.</p> : <ErrorNotice error={opened.error} />}
      </Page>
    );
  }
  if (!report || !labels) {
    return <Page title="Report" actions={BACK}><Loading what="Opening the report" /></Page>;
  }

  const fields = questionnaire.data?.fields || [];
  const sealed = fields.filter((field) => String(field.storage).startsWith('sealed') && report.answers[field.name] !== undefined);
  const status = item ? item.status : report.status;
  return (
    <Page title="Report" actions={BACK}>
      <div class="report-layout">
        <div class="report-main">
          <ReportFacts report={report} status={status} taxonomy={taxonomy} />
          <section class="card" aria-labelledby="answers-title">
            <h2 id="answers-title">What the reporter told us</h2>
            {questionnaire.loading && !questionnaire.data && <Loading what="Loading the questions" />}
            <ErrorNotice error={questionnaire.error} />
            {(questionnaire.data || questionnaire.error) && (
              <ReportAnswers answers={report.answers} questionnaire={questionnaire.data} redactions={redactions} />
            )}
          </section>
          <ReportMessages reportId={id} />
          <ReportNotes reportId={id} />
          <ReportFiles reportId={id} />
          <ReportRedactions reportId={id} redactions={redactions} loadError={redactionError}
                            onChange={setRedactions} fields={sealed} />
        </div>
        <aside class="report-side" aria-label="Actions on this report">
          {item ? <ReportWorkflow reportId={id} item={item} onItem={setItem} onStale={reload} />
            : itemError ? <ErrorNotice error={itemError} /> : <Loading what="Loading the workflow state" />}
          <ReportLabels reportId={id} labels={labels} onLabels={setLabels} taxonomy={taxonomy} />
          <ReportRelated reportId={id} taxonomy={taxonomy} />
        </aside>
      </div>
    </Page>
  );
}
