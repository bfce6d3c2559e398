// The closed vocabularies (kinds, pillars, regions, sectors, ways to act)
// from GET /api/v1/taxonomy, fetched once per page load and shared.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { humanize } from './ui/format.js';

let pending = null;

// Resolves with the taxonomy JSON ({ kinds: [{value,label,...}], pillars, ... }).
export function loadTaxonomy() {
  if (!pending) pending = api.get('/taxonomy').catch((error) => { pending = null; throw error; });
  return pending;
}

// The taxonomy once loaded (null before), re-rendering the caller then.
export function useTaxonomy() {
  const [taxonomy, setTaxonomy] = useState(null);
  useEffect(() => {
    let current = true;
    loadTaxonomy().then((value) => current && setTaxonomy(value), () => {});
    return () => { current = false; };
  }, []);
  return taxonomy;
}

// The label of `value` in the list `list` ("pillars", "kinds", ...), or a
// readable form of the code while the taxonomy loads or for unknown values.
export function labelOf(taxonomy, list, value) {
  const entry = taxonomy?.[list]?.find((item) => item.value === value);
  return entry ? entry.label : humanize(value);
}

// The options of `list` for a SelectField, optionally after a first
// { value: '', label: emptyLabel } entry.
export function optionsOf(taxonomy, list, emptyLabel) {
  const options = (taxonomy?.[list] || []).map((item) => ({ value: item.value, label: item.label }));
  return emptyLabel === undefined ? options : [{ value: '', label: emptyLabel }, ...options];
}
