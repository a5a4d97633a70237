// Article reader: the text with places, actors, dates, numbers, attributions and event
// triggers highlighted. Segments are built as text nodes; the text is never parsed as HTML.
import { h, clear } from "./dom.js";

const KIND_CLASS = { place: "hl-place", actor: "hl-actor", date: "hl-date", quantity: "hl-number",
  trigger: "hl-trigger", attribution: "hl-attr", demonym: "hl-place", claim: "hl-claim" };

export function highlightSegments(text, mentions, evidence) {
  const spans = mentions.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start
    && m.kind !== "claim");
  const ev = evidence.filter((e) => e.end > e.start && e.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const m of [...spans, ...ev]) { cuts.add(m.start); cuts.add(m.end); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i], b = pts[i + 1];
    // innermost mention covering [a, b)
    let best = null;
    for (const m of spans) if (m.start <= a && m.end >= b && (!best || m.end - m.start < best.end - best.start)) best = m;
    const inEvidence = ev.find((e) => e.start <= a && e.end >= b);
    out.push({ text: text.slice(a, b), mention: best, evidence: inEvidence || null });
  }
  return out;
}

export function renderArticle(el, art, focusEventId) {
  clear(el);
  const evidence = [];
  for (const e of art.events || []) for (const x of e.evidence || [])
    if (x.field === "event" || x.field === "trigger") evidence.push({ ...x, event: e.id });
  const mentions = art.mentions || [];
  const meta = [art.source_name, art.publication_date, art.byline].filter(Boolean).join(" · ");
  el.append(
    h("h2", { class: "headline" }, art.headline || "(no headline)"),
    h("div", { class: "muted" }, meta),
    h("div", { class: "key" }, ...Object.entries({ place: "hl-place", actor: "hl-actor", date: "hl-date",
      number: "hl-number", trigger: "hl-trigger", attribution: "hl-attr" })
      .map(([k, c]) => h("span", { class: c }, k)), h("span", { class: "hl-evidence" }, "event sentence")),
  );
  const body = h("div", { class: "article-text", id: "article-text" });
  // The headline is part of the analysed text: offsets include it.
  for (const seg of highlightSegments(art.text || "", mentions, evidence)) {
    const cls = [];
    if (seg.mention) cls.push("hl", KIND_CLASS[seg.mention.kind] || "hl-other");
    if (seg.evidence) cls.push("hl-evidence", seg.evidence.event === focusEventId ? "focus" : "");
    if (!cls.length) { body.append(document.createTextNode(seg.text)); continue; }
    const title = seg.mention ? `${seg.mention.kind}${seg.mention.label ? " · " + seg.mention.label : ""}` : "event evidence";
    body.append(h("span", { class: cls.filter(Boolean).join(" "), title, dataset: seg.evidence ? { event: seg.evidence.event } : {} }, seg.text));
  }
  el.append(body);
  const focus = body.querySelector(".focus");
  if (focus) focus.scrollIntoView({ block: "center" });
}
