// MapLibre map over an offline base layer: Natural Earth country outlines from world-atlas,
// converted to GeoJSON here. The style has no remote source and no glyphs (no text layers),
// so the map works with no network at all.
import maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { feature } from "topojson-client";
import countries110 from "world-atlas/countries-110m.json";
import { h, clear } from "./dom.js";

export const TYPE_COLORS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
const OTHER = "#7f7f7f";

function colorExpr() {
  const e = ["match", ["get", "event_type"]];
  for (const [k, v] of Object.entries(TYPE_COLORS)) e.push(k, v);
  e.push(OTHER);
  return e;
}

export function createMap(container, { onEvent }) {
  const land = feature(countries110, countries110.objects.countries);
  window.__mapIdle = false;
  const map = new maplibregl.Map({
    container,
    attributionControl: false,
    style: {
      version: 8,
      sources: {
        countries: { type: "geojson", data: land },
        events: {
          type: "geojson", data: { type: "FeatureCollection", features: [] },
          cluster: true, clusterRadius: 40, clusterMaxZoom: 9,
          clusterProperties: { fatalities: ["+", ["coalesce", ["get", "fatalities"], 0]] },
        },
      },
      layers: [
        { id: "sea", type: "background", paint: { "background-color": "#dfe9f2" } },
        { id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f6f4ee" } },
        { id: "borders", type: "line", source: "countries", paint: { "line-color": "#a9a59a", "line-width": 0.6 } },
        {
          id: "clusters", type: "circle", source: "events", filter: ["has", "point_count"],
          paint: {
            "circle-color": "#37474f", "circle-opacity": 0.75,
            "circle-stroke-color": "#fff", "circle-stroke-width": 1.5,
            "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 9, 50, 16, 1000, 26, 20000, 36],
          },
        },
        {
          id: "events", type: "circle", source: "events", filter: ["!", ["has", "point_count"]],
          paint: {
            "circle-color": colorExpr(), "circle-opacity": 0.85,
            "circle-stroke-color": "#222", "circle-stroke-width": 0.8,
            "circle-radius": ["interpolate", ["linear"], ["coalesce", ["get", "fatalities"], 0], 0, 5, 10, 9, 100, 16, 1000, 24],
          },
        },
      ],
    },
    center: [15, 28], zoom: 2, maxZoom: 14,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.on("idle", () => { window.__mapIdle = true; });
  map.on("click", "clusters", async (e) => {
    const f = e.features[0];
    const zoom = await map.getSource("events").getClusterExpansionZoom(f.properties.cluster_id);
    map.easeTo({ center: f.geometry.coordinates, zoom });
  });
  map.on("click", "events", (e) => onEvent(e.features[0].properties.id));
  for (const l of ["clusters", "events"]) {
    map.on("mouseenter", l, () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", l, () => { map.getCanvas().style.cursor = ""; });
  }
  const loaded = new Promise((res) => map.on("load", res));

  async function setEvents(fc) {
    await loaded;
    window.__mapIdle = false;
    window.__mapFeatureCount = fc.features.length;
    map.getSource("events").setData(fc);
    if (fc.features.length) {
      const b = new maplibregl.LngLatBounds();
      for (const f of fc.features) b.extend(f.geometry.coordinates);
      map.fitBounds(b, { padding: 60, maxZoom: 7, duration: 0 });
    }
  }
  return { map, setEvents };
}

export function renderLegend(el) {
  clear(el);
  for (const [k, v] of Object.entries(TYPE_COLORS)) {
    el.append(h("div", { class: "legend-row" }, h("span", { class: "swatch", "data-color": v }), k));
  }
  // colours via CSSOM (allowed by the CSP), not inline style attributes
  for (const s of el.querySelectorAll(".swatch")) s.style.background = s.dataset.color;
  el.append(h("div", { class: "legend-row muted" }, "size: fatalities · dark: clusters"));
}
