// The form of an action of the catalogue (ActionDescription of the API):
// the way to act (the taxonomy's five), its subtype, name, organization,
// jurisdiction, region, status and days. Used to add (POST /actions) and to
// edit (PATCH /actions/{id} with the revision).
import { useState } from 'preact/hooks';
import { optionsOf } from '../../taxonomy.js';
import { fieldError, SelectField, TextField } from '../../ui/fields.jsx';
import { humanize } from '../../ui/format.js';
import { ErrorNotice } from '../../ui/notice.jsx';

// The subtypes of each way to act (schema/openapi.yaml, ActionDescription).
export const kSubtypes = {
  legal_action: ['lawsuit', 'class_action', 'regulator_complaint', 'labor_board_complaint', 'data_protection_complaint'],
  protest_campaign: ['union_petition', 'grievance', 'strike', 'public_campaign', 'public_comment'],
  alternatives: ['mutual_aid', 'cooperative_tool', 'community_fund'],
  track_abuse: ['incident_tracking', 'research', 'freedom_of_information_request'],
  weaken_systems: ['procurement_challenge', 'audit_demand', 'moratorium_demand'],
};

export const kActionStatuses = ['planned', 'active', 'won', 'lost', 'settled', 'ended'];

const kFields = ['kind', 'subtype', 'name', 'organization', 'jurisdiction', 'region', 'status', 'start_day', 'end_day'];

// `initial`: an Action or null for a new one; `onSubmit(body)` returns a
// promise (rejecting with an ApiError shown next to its field);
// `submitLabel`; `onCancel` (optional).
export function ActionForm({ idPrefix, taxonomy, initial, onSubmit, submitLabel, onCancel, error, busy }) {
  const [draft, setDraft] = useState(() => ({
    kind: initial?.kind || '', subtype: initial?.subtype || '', name: initial?.name || '',
    organization: initial?.organization || '', jurisdiction: initial?.jurisdiction || '',
    region: initial?.region || '', status: initial?.status || 'planned',
    start_day: initial?.start_day || '', end_day: initial?.end_day || '',
  }));
  const set = (name) => (value) => setDraft((old) => ({ ...old, [name]: value, ...(name === 'kind' ? { subtype: '' } : {}) }));
  function submit(event) {
    event.preventDefault();
    onSubmit({ ...draft, start_day: draft.start_day || null, end_day: draft.end_day || null });
  }
  const id = (name) => `${idPrefix}-${name}`;
  return (
    <form onSubmit={submit} novalidate class="action-form">
      <SelectField id={id('kind')} label="Way to act" value={draft.kind} onValue={set('kind')}
                   options={optionsOf(taxonomy, 'ways_to_act', 'Choose a way to act')} error={fieldError(error, 'kind')} />
      <SelectField id={id('subtype')} label="Type" value={draft.subtype} onValue={set('subtype')}
                   options={[{ value: '', label: draft.kind ? 'Choose a type' : 'Choose a way to act first' },
                             ...(kSubtypes[draft.kind] || []).map((value) => ({ value, label: humanize(value) }))]}
                   error={fieldError(error, 'subtype')} />
      <TextField id={id('name')} label="Name" value={draft.name} onValue={set('name')} maxLength={200}
                 error={fieldError(error, 'name')} />
      <TextField id={id('organization')} label="Organization leading it (optional)" value={draft.organization}
                 onValue={set('organization')} maxLength={200} error={fieldError(error, 'organization')} />
      <TextField id={id('jurisdiction')} label="Jurisdiction (optional)" value={draft.jurisdiction}
                 onValue={set('jurisdiction')} maxLength={200} error={fieldError(error, 'jurisdiction')} />
      <SelectField id={id('region')} label="Region" value={draft.region} onValue={set('region')}
                   options={optionsOf(taxonomy, 'regions', 'Choose a region')} error={fieldError(error, 'region')} />
      <SelectField id={id('status')} label="Status" value={draft.status} onValue={set('status')}
                   options={kActionStatuses.map((value) => ({ value, label: humanize(value) }))} error={fieldError(error, 'status')} />
      <div class="day-pair">
        <TextField id={id('start')} label="Started (optional)" type="date" value={draft.start_day} onValue={set('start_day')}
                   error={fieldError(error, 'start_day')} />
        <TextField id={id('end')} label="Ended (optional)" type="date" value={draft.end_day} onValue={set('end_day')}
                   error={fieldError(error, 'end_day')} />
      </div>
      {error && !kFields.includes(error.field) && <ErrorNotice error={error} />}
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>}
      </div>
    </form>
  );
}
