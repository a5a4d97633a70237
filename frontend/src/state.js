// Filter and view state, mirrored in the URL so every view is a permalink.
export const FILTER_KEYS = ["event_type", "sub_event_type", "actor", "country", "admin1",
  "date_from", "date_to", "source", "fatalities_min", "review_status"];
const VIEW_KEYS = ["event", "article", "tab"];

export function readUrl() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const v = p.get(k);
    if (v) s[k] = v;
  }
  return s;
}

export function writeUrl(state, push = false) {
  const p = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (state[k]) p.set(k, state[k]);
  const url = location.pathname + (p.toString() ? "?" + p : "");
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

export function filterParams(state, { without = [] } = {}) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state[k] && !without.includes(k)) p.set(k, state[k]);
  return p;
}
