// Actor network: who acts on whom, edge width by number of events; d3-force layout in SVG.
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide } from "d3-force";
import { svg, clear, h } from "./dom.js";

export function renderNetwork(el, data, onActor) {
  clear(el);
  if (!data.edges.length) { el.append(h("p", { class: "muted" }, "No actor pairs for this filter.")); return; }
  const W = el.clientWidth || 420, H = 420;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", id: "network-svg" });
  el.append(h("p", { class: "muted" }, `${data.nodes.length} actors, ${data.edges.length} links (actor1 → actor2). Click an actor to filter.`), root);
  const nodes = data.nodes.map((n) => ({ ...n }));
  const links = data.edges.map((e) => ({ ...e }));
  const maxW = Math.max(...links.map((l) => l.weight));
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(80))
    .force("charge", forceManyBody().strength(-180))
    .force("center", forceCenter(W / 2, H / 2))
    .force("collide", forceCollide(14))
    .stop();
  for (let i = 0; i < 250; i++) sim.tick();  // static layout: no animation loop to wait for
  const pad = 20;
  const clampX = (x) => Math.max(pad, Math.min(W - pad, x)), clampY = (y) => Math.max(pad, Math.min(H - pad, y));
  for (const l of links) {
    root.append(svg("line", { x1: clampX(l.source.x), y1: clampY(l.source.y), x2: clampX(l.target.x), y2: clampY(l.target.y),
      "stroke-width": 1 + (5 * l.weight) / maxW, class: "edge" }));
  }
  const maxN = Math.max(...nodes.map((n) => n.weight));
  for (const n of nodes) {
    const g = svg("g", { class: "node", transform: `translate(${clampX(n.x)},${clampY(n.y)})` });
    const c = svg("circle", { r: 4 + (8 * n.weight) / maxN });
    const t = svg("text", { x: 8, y: 4 });
    t.textContent = n.id;
    const tip = svg("title");
    tip.textContent = `${n.id}: ${n.weight} events`;
    g.append(c, t, tip);
    g.addEventListener("click", () => onActor(n.id));
    root.append(g);
  }
}
