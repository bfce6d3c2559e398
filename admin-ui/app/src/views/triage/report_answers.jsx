// A report's decrypted answers, labelled with the questions of its
// questionnaire (GET /api/v1/questionnaires/{kind}), in the questionnaire's
// order; option values read as their labels. Answers the questionnaire no
// longer names come last under a readable form of their field name.
import { humanize } from '../../ui/format.js';
import { wordOf, REDACTION_REASONS } from './words.js';

function optionLabel(field, value) {
  return field?.options?.find((option) => option.value === value)?.label || humanize(value);
}

function answerText(field, value) {
  const values = Array.isArray(value) ? value : [value];
  if (field && (field.type === 'enum' || field.type === 'multi_enum')) {
    return values.map((one) => optionLabel(field, one)).join(', ');
  }
  return values.join(', ');
}

// `answers` ({field: value}), `questionnaire` (or null while it loads),
// `redactions` ([{field, span, reason}]) to mark redacted answers.
export function ReportAnswers({ answers, questionnaire, redactions }) {
  const fields = questionnaire?.fields || [];
  const known = new Set(fields.map((field) => field.name));
  const shown = [
    ...fields.filter((field) => answers[field.name] !== undefined && answers[field.name] !== ''),
    ...Object.keys(answers).filter((name) => !known.has(name)).map((name) => ({ name, label: humanize(name) })),
  ];
  if (shown.length === 0) return <p class="muted">The report has no answers.</p>;
  return (
    <dl class="answers">
      {shown.map((field) => {
        const marks = (redactions || []).filter((redaction) => redaction.field === field.name);
        return (
          <div key={field.name} class="answer">
            <dt>{field.label}</dt>
            <dd class={field.type === 'long_text' ? 'long-answer' : undefined}>
              {answerText(field, answers[field.name])}
              {marks.length > 0 && (
                <p class="redaction-mark">
                  Redacted in evidence bundles{marks.some((mark) => mark.span) ? ' (in part)' : ''}:{' '}
                  {[...new Set(marks.map((mark) => wordOf(REDACTION_REASONS, mark.reason)))].join(', ')}
                </p>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
