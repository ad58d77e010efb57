// World choropleth of projects per country. world-atlas names countries by ISO 3166-1 numeric id; projects carry
// alpha-2 codes: i18n-iso-countries' code table (no locale data) translates, so no hand-written table is needed.
import { geoEqualEarth, geoPath } from "d3-geo";
import { scaleSequentialSqrt } from "d3-scale";
import { interpolateBlues } from "d3-scale-chromatic";
import { feature } from "topojson-client";
import { numericToAlpha2 } from "i18n-iso-countries";
import atlas from "world-atlas/countries-110m.json";
import { el, formatCount } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960;
const HEIGHT = 470;

const countries = feature(atlas, atlas.objects.countries).features
  .filter((f) => f.properties.name !== "Antarctica")
  .map((f) => ({ feature: f, alpha2: f.id ? numericToAlpha2(f.id) ?? null : null, name: f.properties.name }));
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "FeatureCollection", features: countries.map((c) => c.feature) });
const path = geoPath(projection);
// Shapes are projected once; a filter change only recolours them.
const shapes = countries.map((c) => ({ ...c, d: path(c.feature) }));

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * @param {HTMLElement} container where the map goes
 * @param {HTMLElement} tableContainer where its table alternative goes
 * @param {{value: string, label: string|null, count: number}[]} countryFacet projects per alpha-2 code
 */
export function renderMap(container, tableContainer, countryFacet, filterText, choose = null, chosen = "") {
  const counts = new Map(countryFacet.map((c) => [c.value.toUpperCase(), c.count]));
  const max = Math.max(1, ...counts.values());
  const colour = scaleSequentialSqrt(interpolateBlues).domain([0, max]);
  const mapped = countryFacet.filter((c) => shapes.some((s) => s.alpha2 === c.value.toUpperCase())).length;

  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "world",
    "aria-labelledby": "map-title map-desc" });
  const title = svg("title", { id: "map-title" });
  title.textContent = `World map of projects per country${filterText}`;
  const desc = svg("desc", { id: "map-desc" });
  desc.textContent = `${countryFacet.length} countries have projects, shaded from light (1) to dark (${max}). `
    + "The same numbers are in the table below the map.";
  root.append(title, desc);
  const group = svg("g", { class: "countries" });
  for (const shape of shapes) {
    const count = (shape.alpha2 && counts.get(shape.alpha2)) || 0;
    const country = svg("path", { d: shape.d, class: count ? "has-projects" : "no-projects" });
    // A click filters by the country (again: back to all); the table below offers the same as buttons for keyboards.
    if (count && choose) country.addEventListener("click", () => choose(shape.alpha2));
    if (shape.alpha2 && shape.alpha2 === chosen) country.setAttribute("data-chosen", "true");
    if (count) country.setAttribute("fill", colour(count));
    if (shape.alpha2) country.setAttribute("data-country", shape.alpha2);
    const tip = svg("title");
    tip.textContent = `${shape.name}: ${count} project${count === 1 ? "" : "s"}`;
    country.append(tip);
    group.append(country);
  }
  root.append(group);

  const legend = el("p", { class: "legend" },
    el("span", { class: "legend-scale", "aria-hidden": "true" }),
    ` 1 to ${formatCount(max)} projects; grey: none`,
    mapped < countryFacet.length ? `; ${countryFacet.length - mapped} too small to show at this scale` : "");
  const ramp = legend.querySelector(".legend-scale");
  ramp.style.backgroundImage = `linear-gradient(to right, ${colour(1)}, ${colour(max)})`;
  container.replaceChildren(root, legend);

  const table = el("table", { class: "data-table", id: "country-table" },
    el("caption", { text: `Projects per country${filterText}` }),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: "Country" }), el("th", { scope: "col", text: "Code" }), el("th", { scope: "col", text: "Projects" }))),
    el("tbody", {}, countryFacet.map((c) => el("tr", { "data-country": c.value, class: c.value === chosen ? "chosen" : null },
      el("th", { scope: "row" }, choose
        ? el("button", { type: "button", class: "link-button", "aria-pressed": c.value === chosen ? "true" : "false",
          title: `Filter by ${c.label ?? c.value}`, text: c.label ?? c.value, onclick: () => choose(c.value) })
        : c.label ?? c.value),
      el("td", { text: c.value }), el("td", { text: formatCount(c.count) })))));
  tableContainer.replaceChildren(table);
}
