// The dimensions GET /api/v1/stats groups by, with readable names for them
// and their values: the taxonomy (kinds, regions, sectors, pillars, ways to
// act), the fixed workflow statuses, and every clear enum / multi_enum answer
// of the questionnaires (answer.<field>, region and sector excepted: they are
// dimensions of their own), as docs/ARCHITECTURE.md "Researcher statistics"
// lists them.
import { api } from '../../api.js';
import { loadTaxonomy } from '../../taxonomy.js';
import { humanize } from '../../ui/format.js';

const REPORT_STATUSES = ['new', 'acknowledged', 'in_review', 'linked_to_case', 'closed'];
const CASE_STATUSES = ['open', 'closed', 'merged'];

function valuesOf(list) {
  const labels = new Map();
  for (const entry of list || []) labels.set(entry.value, entry.label);
  return labels;
}

function fixedValues(codes) {
  return new Map(codes.map((code) => [code, humanize(code)]));
}

// Resolves with [{ name, label, multi, values: Map(value -> label) }] in the
// API's canonical order.
export async function loadDimensions() {
  const taxonomy = await loadTaxonomy();
  const dimensions = [
    { name: 'kind', label: 'Kind of report', multi: false, values: valuesOf(taxonomy.kinds) },
    { name: 'region', label: 'Region', multi: false, values: valuesOf(taxonomy.regions) },
    { name: 'sector', label: 'Sector', multi: false, values: valuesOf(taxonomy.sectors) },
    { name: 'status', label: 'Report status', multi: false, values: fixedValues(REPORT_STATUSES) },
    { name: 'pillar', label: 'Pillar of its cases', multi: true, values: valuesOf(taxonomy.pillars) },
    { name: 'action_kind', label: 'Way to act of its cases', multi: true, values: valuesOf(taxonomy.ways_to_act) },
    { name: 'case_status', label: 'Status of its cases', multi: true, values: fixedValues(CASE_STATUSES) },
  ];
  const questionnaires = await Promise.all(
    (taxonomy.kinds || []).map((kind) => api.get(`/questionnaires/${encodeURIComponent(kind.value)}`)));
  const answers = new Map();
  for (const questionnaire of questionnaires) {
    for (const field of questionnaire.fields || []) {
      if (field.storage !== 'clear' || field.name === 'region' || field.name === 'sector') continue;
      if (field.type !== 'enum' && field.type !== 'multi_enum') continue;
      const name = `answer.${field.name}`;
      if (!answers.has(name)) {
        answers.set(name, { name, label: `Answer: ${humanize(field.name).toLowerCase()}`, multi: true, values: new Map() });
      }
      const values = answers.get(name).values;
      for (const option of field.options || []) if (!values.has(option.value)) values.set(option.value, option.label);
    }
  }
  return [...dimensions, ...[...answers.values()].sort((a, b) => a.name.localeCompare(b.name))];
}

// The readable label of `value` of dimension `name`.
export function valueLabel(dimensions, name, value) {
  const dimension = (dimensions || []).find((entry) => entry.name === name);
  return dimension?.values.get(value) || humanize(value);
}

// The readable label of dimension `name`.
export function dimensionLabel(dimensions, name) {
  return (dimensions || []).find((entry) => entry.name === name)?.label || humanize(name);
}

// "Region: Europe, Sector: Health" for a combination of values ("All
// reports" for month totals).
export function comboLabel(dimensions, values) {
  const parts = Object.entries(values).map(([name, value]) => valueLabel(dimensions, name, value));
  return parts.length ? parts.join(' · ') : 'All reports';
}
