// The statistics query form: up to three dimensions, the first and last
// complete month, and the mechanism (threshold, or DP with an epsilon
// charged to the researcher's budget). Errors the API names a field for are
// shown next to that field.
import { SelectField, TextField, fieldError } from '../../ui/fields.jsx';
import { defaultMonths } from './stats_model.js';

const ORDINALS = ['First', 'Second', 'Third'];

// `form`: { dimensions: [3 names or ''], from, to, mechanism, epsilon };
// `setForm(next)`; `onSubmit()`; `error`: the ApiError naming a field, or
// null; `budget`: the remaining budget from the last answer ('' before).
export function StatsForm({ dimensions, form, setForm, onSubmit, running, error, budget }) {
  const latest = defaultMonths().latest;
  const options = [{ value: '', label: 'None' },
                   ...dimensions.map((dimension) => ({ value: dimension.name, label: dimension.label }))];
  const update = (changes) => setForm({ ...form, ...changes });
  const setDimension = (i, value) => {
    const next = [...form.dimensions];
    next[i] = value;
    update({ dimensions: next });
  };
  const groupError = fieldError(error, 'group_by');
  const submit = (event) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form class="stats-form" onSubmit={submit} noValidate>
      <fieldset aria-describedby={groupError ? 'stats-group-error' : 'stats-group-hint'}>
        <legend>Group by (up to three)</legend>
        <p class="hint" id="stats-group-hint">
          Answers and case dimensions count a report once under each of its values, and not at all without one.
        </p>
        <div class="stats-dimensions">
          {ORDINALS.map((ordinal, i) => (
            <SelectField key={ordinal} id={`stats-dimension-${i + 1}`} label={`${ordinal} dimension`}
                         value={form.dimensions[i]} onValue={(value) => setDimension(i, value)} options={options} />
          ))}
        </div>
        {groupError && <p class="field-error" id="stats-group-error">{groupError}</p>}
      </fieldset>

      <fieldset>
        <legend>Months</legend>
        <div class="stats-months">
          <TextField id="stats-from" label="From" type="month" value={form.from} max={latest}
                     onValue={(value) => update({ from: value })} error={fieldError(error, 'from')}
                     hint="YYYY-MM" />
          <TextField id="stats-to" label="To" type="month" value={form.to} max={latest}
                     onValue={(value) => update({ to: value })} error={fieldError(error, 'to')}
                     hint={`YYYY-MM; complete months only, ${latest} at the latest`} />
        </div>
      </fieldset>

      <fieldset aria-describedby={fieldError(error, 'mechanism') ? 'stats-mechanism-error' : undefined}>
        <legend>Mechanism</legend>
        <div class="radio">
          <input type="radio" id="stats-mechanism-threshold" name="stats-mechanism" value="threshold"
                 checked={form.mechanism === 'threshold'} onChange={() => update({ mechanism: 'threshold' })} />
          <label for="stats-mechanism-threshold">
            Threshold (exact counts; small counts suppressed; free)
          </label>
        </div>
        <div class="radio">
          <input type="radio" id="stats-mechanism-dp" name="stats-mechanism" value="dp"
                 checked={form.mechanism === 'dp'} onChange={() => update({ mechanism: 'dp' })} />
          <label for="stats-mechanism-dp">
            Differential privacy (noisy counts; charges epsilon to your budget)
          </label>
        </div>
        {fieldError(error, 'mechanism') && (
          <p class="field-error" id="stats-mechanism-error">{fieldError(error, 'mechanism')}</p>
        )}
        {form.mechanism === 'dp' && (
          <TextField id="stats-epsilon" label="Epsilon" value={form.epsilon} inputMode="decimal"
                     onValue={(value) => update({ epsilon: value })} error={fieldError(error, 'epsilon')}
                     hint="A positive decimal (at most 6 digits after the point). Smaller is more private and noisier." />
        )}
        <p class="stats-budget" id="stats-budget">
          {budget
            ? <>Privacy budget left: <strong>{budget}</strong> epsilon.</>
            : 'Your privacy budget left is shown after your first query.'}
        </p>
      </fieldset>

      <button type="submit" class="primary" disabled={running}>{running ? 'Asking…' : 'Show statistics'}</button>
    </form>
  );
}
