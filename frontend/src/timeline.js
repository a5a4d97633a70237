// Histogram of events per day/week/month with a brush: drag to pick a date range.
import { svg, clear } from "./dom.js";

const H = 90, PAD = 18;

function bucketEnd(bucket, interval) {
  if (interval === "year" || bucket.length === 4) return bucket + "-12-31";
  if (interval === "month" || bucket.length === 7) {
    const [y, m] = bucket.split("-").map(Number);
    const d = new Date(Date.UTC(y, m, 0));
    return d.toISOString().slice(0, 10);
  }
  if (interval === "week") {
    const d = new Date(bucket + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 6);
    return d.toISOString().slice(0, 10);
  }
  return bucket;
}

function bucketStart(bucket) {
  return bucket.length === 4 ? bucket + "-01-01" : bucket.length === 7 ? bucket + "-01" : bucket;
}

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function stepKey(dateStr, interval) {
  // the bucket a date (or a coarser bucket's start) falls in, for this interval
  if (interval === "year") return dateStr.slice(0, 4);
  if (interval === "month") return dateStr.slice(0, 7);
  const t = Date.parse(dateStr + "T00:00:00Z");
  if (interval === "week") return iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
  return iso(t);
}

function nextKey(key, interval) {
  if (interval === "year") return String(Number(key) + 1);
  if (interval === "month") {
    const [y, m] = key.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  return iso(Date.parse(key + "T00:00:00Z") + (interval === "week" ? 7 : 1) * DAY);
}

// Empty periods get empty bars so the x axis is continuous time.
export function fillGaps(timeline, interval) {
  const byKey = new Map();
  for (const b of timeline) {
    const k = stepKey(bucketStart(b.bucket), interval);
    const cur = byKey.get(k) || { bucket: k, n: 0, fatalities: 0 };
    cur.n += b.n; cur.fatalities += b.fatalities;
    byKey.set(k, cur);
  }
  const keys = [...byKey.keys()].sort();
  if (!keys.length) return [];
  const out = [];
  for (let k = keys[0], guard = 0; k <= keys[keys.length - 1] && guard < 5000; k = nextKey(k, interval), guard++) {
    out.push(byKey.get(k) || { bucket: k, n: 0, fatalities: 0 });
  }
  return out;
}

export function renderTimeline(el, stats, range, onBrush) {
  clear(el);
  const W = el.clientWidth || el.parentElement.clientWidth || 800;
  el.setAttribute("viewBox", `0 0 ${W} ${H}`);
  el.setAttribute("height", H);
  const bars = fillGaps(stats.timeline || [], stats.interval);
  if (!bars.length) return;
  const max = Math.max(...bars.map((b) => b.n));
  const bw = (W - 2 * PAD) / bars.length;
  const g = svg("g");
  bars.forEach((b, i) => {
    const bh = Math.max(1, ((H - 24) * b.n) / max);
    const start = bucketStart(b.bucket), end = bucketEnd(b.bucket, stats.interval);
    const inRange = range.from || range.to
      ? (!range.from || end >= range.from) && (!range.to || start <= range.to) : true;
    const r = svg("rect", {
      x: PAD + i * bw, y: H - 16 - bh, width: Math.max(1, bw - 1), height: bh,
      class: "bar" + (inRange ? "" : " out"),
    });
    const t = svg("title");
    t.textContent = `${b.bucket}: ${b.n} events, ${b.fatalities} fatalities`;
    r.append(t);
    g.append(r);
  });
  el.append(g);
  const labels = [bars[0], bars[Math.floor(bars.length / 2)], bars[bars.length - 1]];
  labels.forEach((b, j) => {
    const t = svg("text", { x: j === 0 ? PAD : j === 2 ? W - PAD : W / 2, y: H - 3,
      "text-anchor": j === 0 ? "start" : j === 2 ? "end" : "middle", class: "axis" });
    t.textContent = b.bucket;
    el.append(t);
  });

  // Brush: pointer drag across bars -> [first bucket start, last bucket end].
  const sel = svg("rect", { y: 0, height: H - 16, class: "brush", x: 0, width: 0 });
  el.append(sel);
  let x0 = null;
  const idx = (x) => Math.min(bars.length - 1, Math.max(0, Math.floor((x - PAD) / bw)));
  const localX = (ev) => {
    const r = el.getBoundingClientRect();
    return ((ev.clientX - r.left) * W) / r.width;
  };
  el.onpointerdown = (ev) => { x0 = localX(ev); el.setPointerCapture(ev.pointerId); };
  el.onpointermove = (ev) => {
    if (x0 === null) return;
    const x1 = localX(ev);
    sel.setAttribute("x", Math.min(x0, x1));
    sel.setAttribute("width", Math.abs(x1 - x0));
  };
  el.onpointerup = (ev) => {
    if (x0 === null) return;
    const x1 = localX(ev);
    const a = idx(Math.min(x0, x1)), b = idx(Math.max(x0, x1));
    x0 = null;
    sel.setAttribute("width", 0);
    onBrush(bucketStart(bars[a].bucket), bucketEnd(bars[b].bucket, stats.interval));
  };
}
