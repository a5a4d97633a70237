import "./style.css";
import { get } from "./api.js";
import { h, clear } from "./dom.js";
import { createMap, renderLegend } from "./map.js";
import { renderTimeline } from "./timeline.js";
import { renderArticle } from "./reader.js";
import { renderNetwork } from "./network.js";
import { renderEvent } from "./eventpanel.js";
import { FILTER_KEYS, readUrl, writeUrl, filterParams } from "./state.js";

let state = readUrl();
let taxonomy = {};
const $ = (id) => document.getElementById(id);
const form = $("filters");
const fieldIds = { event_type: "f-type", sub_event_type: "f-sub", actor: "f-actor", country: "f-country",
  admin1: "f-admin1", date_from: "f-from", date_to: "f-to", source: "f-source", fatalities_min: "f-fat",
  review_status: "f-review" };

function showError(err) {
  $("map-note").textContent = `error: ${err.message}`;
}

function setOptions(select, values, current) {
  const first = select.options[0];
  clear(select).append(first);
  for (const v of values) select.append(h("option", { value: v.value }, v.label));
  if (current && ![...select.options].some((o) => o.value === current)) select.append(h("option", { value: current }, current));
  select.value = current || "";
}

function syncForm() {
  for (const [k, id] of Object.entries(fieldIds)) $(id).value = state[k] || "";
  const subs = state.event_type ? taxonomy[state.event_type] || [] : Object.values(taxonomy).flat();
  setOptions($("f-sub"), subs.map((s) => ({ value: s, label: s })), state.sub_event_type);
  const href = (kind) => `/api/export.${kind}?${filterParams(state)}`;
  $("export-csv").href = href("csv");
  $("export-geojson").href = href("geojson");
}

function switchTab(tab) {
  state.tab = tab === "list" ? undefined : tab;
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.tab === tab);
  for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.id === "tab-" + tab);
  writeUrl(state);
  if (tab === "network") loadNetwork();
}

const mapApi = createMap($("map"), { onEvent: (id) => openEvent(id) });
window.__wirecoder = { map: mapApi.map, get state() { return state; } };
renderLegend($("legend"));

let refreshSeq = 0;
async function refresh() {
  const seq = ++refreshSeq;
  writeUrl(state);
  syncForm();
  const p = filterParams(state);
  try {
    const [list, fc, stats, timelineStats] = await Promise.all([
      get("/api/events", new URLSearchParams([...p, ["limit", "200"]])),
      get("/api/events", new URLSearchParams([...p, ["format", "geojson"]])),
      get("/api/stats", p),
      get("/api/stats", filterParams(state, { without: ["date_from", "date_to"] })),
    ]);
    if (seq !== refreshSeq) return;
    mapApi.setEvents(fc);
    $("map-note").textContent = fc.features.length >= 20000 ? "map shows the 20,000 most recent events of this filter" : "";
    renderList(list);
    $("total").textContent = `${stats.total.toLocaleString()} events · ${stats.fatalities.toLocaleString()} fatalities`;
    renderTimeline($("timeline"), timelineStats, { from: state.date_from, to: state.date_to }, (from, to) => {
      state.date_from = from; state.date_to = to; refresh();
    });
    $("brush-label").textContent = state.date_from || state.date_to ? `range ${state.date_from || "…"} – ${state.date_to || "…"}` : "drag on the timeline to pick a range";
    $("brush-clear").hidden = !(state.date_from || state.date_to);
    if (document.querySelector("#tabs .active")?.dataset.tab === "network") loadNetwork();
    document.body.dataset.loaded = String(seq);
  } catch (err) { showError(err); }
}

function renderList(list) {
  const el = clear($("tab-list"));
  if (!list.events.length) { el.append(h("p", { class: "muted" }, "No events match these filters.")); return; }
  const ul = h("ul", { class: "event-list", id: "event-list" });
  for (const e of list.events) {
    ul.append(h("li", { class: `event-item status-${e.review_status}`, dataset: { id: e.id },
      onclick: () => openEvent(e.id) },
      h("div", {}, h("strong", {}, e.sub_event_type || e.event_type), " · ", e.date || "undated"),
      h("div", { class: "muted" }, [e.actor1, e.actor2].filter(Boolean).join(" → ") || "—"),
      h("div", { class: "muted" }, `${e.location || "unlocated"}${e.country_code ? ", " + e.country_code : ""} · ${e.fatalities ?? "?"} killed · ${e.review_status}`)));
  }
  el.append(ul);
  if (list.has_more) el.append(h("p", { class: "muted" }, "Showing the 200 most recent; narrow the filters or export for all."));
}

async function openEvent(id) {
  state.event = id;
  switchTab("event");
  try {
    const ev = await get(`/api/events/${encodeURIComponent(id)}`);
    renderEvent($("tab-event"), ev, {
      taxonomy,
      onArticle: (aid, eid) => openArticle(aid, eid),
      onChanged: async (eid) => { await openEvent(eid); refresh(); },
    });
  } catch (err) { clear($("tab-event")).append(h("p", {}, `error: ${err.message}`)); }
}

async function openArticle(id, focusEvent) {
  state.article = id;
  switchTab("article");
  try {
    renderArticle($("tab-article"), await get(`/api/articles/${encodeURIComponent(id)}`), focusEvent || state.event);
  } catch (err) { clear($("tab-article")).append(h("p", {}, `error: ${err.message}`)); }
}

async function loadNetwork() {
  try {
    renderNetwork($("tab-network"), await get("/api/network", filterParams(state)), (actor) => {
      state.actor = actor; refresh();
    });
  } catch (err) { clear($("tab-network")).append(h("p", {}, `error: ${err.message}`)); }
}

function renderSearch() {
  const el = clear($("tab-search"));
  const input = h("input", { type: "search", id: "search-q", placeholder: "search article text" });
  const results = h("ul", { class: "search-results" });
  const run = async () => {
    clear(results);
    if (!input.value.trim()) return;
    const r = await get("/api/search", new URLSearchParams({ q: input.value }));
    for (const x of r.results) {
      results.append(h("li", { onclick: () => openArticle(x.id) }, h("strong", {}, x.headline || x.id),
        h("div", { class: "muted" }, [x.source_name, x.publication_date, `${x.events} events`].filter(Boolean).join(" · ")),
        h("div", { class: "snippet" }, x.snippet.map((s) => s.hit ? h("mark", {}, s.text) : s.text))));
    }
    if (!r.results.length) results.append(h("li", { class: "muted" }, "no match"));
  };
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") run(); });
  el.append(h("div", { class: "search-row" }, input, h("button", { onclick: run }, "Search")), results);
}

async function loadFacets() {
  const [tax, facets, actors] = await Promise.all([get("/api/taxonomy"), get("/api/facets"), get("/api/actors", new URLSearchParams({ limit: "200" }))]);
  taxonomy = tax;
  setOptions($("f-type"), Object.keys(tax).map((t) => ({ value: t, label: t })), state.event_type);
  setOptions($("f-country"), facets.countries.map((c) => ({ value: c.code, label: `${c.code} (${c.n})` })), state.country);
  setOptions($("f-admin1"), facets.admin1.filter((a) => !state.country || a.country === state.country)
    .map((a) => ({ value: a.name, label: `${a.name} (${a.country})` })), state.admin1);
  setOptions($("f-source"), facets.sources.map((s) => ({ value: s.name, label: s.name })), state.source);
  const dl = clear($("actor-list"));
  for (const a of actors.actors) dl.append(h("option", { value: a.name }));
}

form.addEventListener("change", (e) => {
  const k = e.target.name;
  if (!FILTER_KEYS.includes(k)) return;
  state[k] = e.target.value || undefined;
  if (k === "event_type") state.sub_event_type = undefined;
  if (k === "country") { state.admin1 = undefined; loadFacets(); }
  refresh();
});
form.addEventListener("submit", (e) => e.preventDefault());
$("f-clear").addEventListener("click", () => {
  for (const k of FILTER_KEYS) state[k] = undefined;
  loadFacets(); refresh();
});
$("brush-clear").addEventListener("click", () => { state.date_from = state.date_to = undefined; refresh(); });
for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => switchTab(b.dataset.tab));
window.addEventListener("popstate", () => { state = readUrl(); refresh(); });

renderSearch();
loadFacets().then(() => {
  refresh();
  if (state.event) openEvent(state.event);
  if (state.article) openArticle(state.article);
  if (state.tab) switchTab(state.tab);
}).catch(showError);
