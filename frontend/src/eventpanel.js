// Event panel: every field with its evidence sentence, sources, attribution and hedges,
// review (accept / edit / reject) and the audit trail.
import { h, clear } from "./dom.js";
import { post } from "./api.js";

const FIELDS = [
  ["event_type", "Type", "event"], ["sub_event_type", "Sub-type", null],
  ["date", "Date", "date"], ["actor1", "Actor 1", "actor1"], ["assoc_actor_1", "Assoc. actor 1", "assoc_actor_1"],
  ["actor2", "Actor 2", "actor2"], ["assoc_actor_2", "Assoc. actor 2", "assoc_actor_2"],
  ["location", "Location", "location"], ["admin1", "Admin1", null],
  ["country_code", "Country", null], ["fatalities", "Fatalities", "fatalities"],
];
const EDITABLE = ["event_type", "sub_event_type", "date", "actor1", "actor2", "location", "fatalities"];

function evidenceFor(ev, field) {
  const all = ev.evidence || [];
  return all.find((e) => e.field === field) || null;
}

export function renderEvent(el, ev, { taxonomy, onArticle, onChanged }) {
  clear(el);
  const primary = evidenceFor(ev, "event");
  el.append(h("h2", {}, `${ev.event_type} — ${ev.sub_event_type || ""}`),
    h("div", { class: "muted" }, `id ${ev.id} · confidence ${ev.confidence ?? "?"} · `,
      h("span", { class: `status status-${ev.review_status}`, id: "review-status" }, ev.review_status)));
  if (primary) el.append(h("blockquote", { class: "evidence-main" }, primary.text));

  const table = h("table", { class: "fields" });
  for (const [k, label, evField] of FIELDS) {
    let v = ev[k];
    if (k === "location" && ev.latitude != null) v = `${ev.location} (${ev.latitude.toFixed(3)}, ${ev.longitude.toFixed(3)}) ${ev.geo_precision || ""}`;
    if (k === "date" && ev.time_precision) v = `${ev.date ?? "?"} (${ev.time_precision})`;
    // each field shows the sentence/span it was read from (the event's own sentence is above)
    const e = evField && evField !== "event" && v != null ? evidenceFor(ev, evField) : null;
    const own = Boolean(e);
    table.append(h("tr", {}, h("th", {}, label), h("td", {}, v ?? "—",
      own ? h("div", { class: "field-evidence" }, "“", e.text, "”") : null)));
  }
  el.append(table);

  const attr = (ev.record && ev.record.attribution) || [];
  el.append(h("h3", {}, "According to"));
  el.append(attr.length ? h("ul", { class: "attribution" }, attr.map((a) => h("li", {},
    a.source, " ", h("span", { class: "tag" }, a.kind), a.named ? h("span", { class: "tag" }, "named") : h("span", { class: "tag" }, "anonymous"),
    a.hedged ? h("span", { class: "tag hedge" }, "hedged") : null))) : h("p", { class: "muted" }, "No attribution recorded."));

  const quants = (ev.record && ev.record.quantities) || [];
  if (quants.length) el.append(h("h3", {}, "Quantities"), h("ul", {}, quants.map((q) => h("li", {}, `${q.value} ${q.unit} — “${q.text}”`))));

  el.append(h("h3", {}, `Sources (${(ev.sources || []).length})`));
  el.append(h("ul", { class: "sources" }, (ev.sources || []).map((s) => h("li", {},
    h("a", { href: "#", class: "open-article", onclick: (e) => { e.preventDefault(); onArticle(s.id, s.event_id || ev.id); } },
      s.headline || s.id), " ", h("span", { class: "muted" }, [s.source_name, s.publication_date].filter(Boolean).join(", "))))));

  // Review
  const msg = h("div", { class: "review-msg", id: "review-msg", role: "status" });
  const act = async (body) => {
    try {
      await post(`/api/events/${encodeURIComponent(ev.id)}/review`, body);
      msg.textContent = `${body.action} saved`;
      onChanged(ev.id);
    } catch (err) { msg.textContent = `review failed: ${err.message}`; }
  };
  const form = h("form", { class: "edit-form", id: "edit-form", hidden: true });
  const inputs = {};
  for (const k of EDITABLE) {
    let input;
    if (k === "event_type") {
      input = h("select", { name: k }, Object.keys(taxonomy).map((t) => h("option", { value: t }, t)));
    } else if (k === "sub_event_type") {
      input = h("select", { name: k }, Object.entries(taxonomy).flatMap(([t, subs]) => subs.map((s) => h("option", { value: s }, `${s} (${t})`))));
    } else {
      input = h("input", { name: k, type: k === "fatalities" ? "number" : "text", min: k === "fatalities" ? 0 : null });
    }
    input.value = ev[k] ?? "";
    inputs[k] = input;
    form.append(h("label", {}, k, input));
  }
  const reviewer = h("input", { name: "reviewer", placeholder: "your name" });
  const note = h("input", { name: "note", placeholder: "note (why)" });
  form.append(h("label", {}, "reviewer", reviewer), h("label", {}, "note", note),
    h("button", { type: "submit", id: "save-edit" }, "Save edit"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const changes = {};
    for (const [k, input] of Object.entries(inputs)) {
      let v = input.value.trim();
      if (k === "fatalities") v = v === "" ? null : Number(v);
      if (v === "") v = null;
      if (v !== (ev[k] ?? null)) changes[k] = v;
    }
    act({ action: "edit", changes, reviewer: reviewer.value || null, note: note.value || null });
  });
  el.append(h("h3", {}, "Review"), h("div", { class: "review-buttons" },
    h("button", { id: "btn-accept", onclick: () => act({ action: "accept" }) }, "Accept"),
    h("button", { id: "btn-edit", onclick: () => { form.hidden = !form.hidden; } }, "Edit…"),
    h("button", { id: "btn-reject", onclick: () => act({ action: "reject" }) }, "Reject"),
    h("button", { id: "btn-reset", onclick: () => act({ action: "reset" }) }, "Reset")), form, msg);

  el.append(h("h3", {}, "Audit trail"));
  el.append((ev.reviews || []).length ? h("ol", { class: "audit", id: "audit" }, ev.reviews.map((r) => h("li", {},
    h("strong", {}, r.action), ` ${r.at}`, r.reviewer ? ` by ${r.reviewer}` : "",
    r.changes && Object.keys(r.changes).length ? h("ul", {}, Object.entries(r.changes).map(([f, [a, b]]) => h("li", {}, `${f}: ${a ?? "—"} → ${b ?? "—"}`))) : null,
    r.note ? h("div", { class: "muted" }, r.note) : null))) : h("p", { class: "muted", id: "audit" }, "Not reviewed yet."));
}
