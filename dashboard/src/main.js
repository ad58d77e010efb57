// The dashboard: headline figures, charts and map of the catalogue under the filters in the URL, the projects table
// (sortable, exportable, editable by curators), the brochure list, the review queue and the upload form. Everything
// comes from the public API (api.js).
import { catalogue, FILTERS } from "./api.js";
import { renderBrochures } from "./brochures.js";
import { renderBarChart } from "./charts.js";
import { loadVocabulary, setUpAddCard } from "./curate.js";
import { el, formatCount, outcomeLabel, topicLabel } from "./format.js";
import { renderMap } from "./map.js";
import { curatorTools, detailList, renderProjects } from "./table.js";
import { setUpUpload } from "./upload.js";

const PAGE_SIZES = [10, 25, 50, 100, 200];
const SORTS = ["title", "region", "countries", "outcome", "confidence"];
const $ = (id) => document.getElementById(id);
const phone = window.matchMedia("(max-width: 640px)");

const state = {
  filters: {},
  pageSize: 10,
  sort: "",
  /** Continuation tokens of the pages before the current one (null for the first page), and the next page's. */
  pageTokens: [null],
  nextToken: null,
  /** Sorted views fetch every match once and page through it here. */
  sorted: null,
  sortedPage: 0,
  /** Every load bumps this; an answer to an older load is dropped instead of overwriting a newer one. */
  generation: 0,
  outcomeTitles: new Map(),
};

function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""]).filter(([, v]) => v !== ""));
}

function viewFromUrl() {
  const params = new URLSearchParams(location.search);
  const size = Number(params.get("top"));
  state.pageSize = PAGE_SIZES.includes(size) ? size : 10;
  state.sort = SORTS.includes(params.get("sort")) ? params.get("sort") : "";
}

function urlOf(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  if (state.pageSize !== 10) params.set("top", String(state.pageSize));
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

function readForm() {
  const form = $("filters");
  return Object.fromEntries(FILTERS.map((name) => {
    const control = form.elements[name];
    return [name, control.type === "checkbox" ? (control.checked ? control.value : "") : control.value.trim()];
  }).filter(([, v]) => v !== ""));
}

function writeForm(filters) {
  const form = $("filters");
  for (const name of FILTERS) {
    const control = form.elements[name];
    const wanted = filters[name] ?? "";
    if (control.type === "checkbox") {
      control.checked = wanted === control.value;
    } else if (control.tagName === "SELECT" && wanted) {
      // A shared link may spell a value differently (br, africa): pick the option the API would match.
      const option = [...control.options].find((o) => o.value.toLowerCase() === wanted.toLowerCase());
      if (option) control.value = option.value;
      else control.append(el("option", { value: wanted, text: wanted })), control.value = wanted;
    } else {
      control.value = wanted;
    }
  }
  $("page-size").value = String(state.pageSize);
  $("sort-by").value = state.sort;
}

function describe(filters) {
  const parts = [];
  const form = $("filters");
  for (const name of FILTERS) {
    if (!filters[name]) continue;
    const control = form.elements[name];
    if (control.type === "checkbox") {
      parts.push("needing review");
      continue;
    }
    const shown = control.tagName === "SELECT" ? control.selectedOptions[0]?.dataset.name ?? filters[name] : `“${filters[name]}”`;
    parts.push(name === "q" ? `words ${shown}` : shown);
  }
  return parts.length ? ` (${parts.join(", ")})` : "";
}

const SELECTS = {
  region: { all: "All regions", label: (v) => v.value },
  country: { all: "All countries", label: (v) => v.label ?? v.value, sort: (a, b) => (a.label ?? a.value).localeCompare(b.label ?? b.value) },
  topic: { all: "All topics", label: (v) => v.label ?? topicLabel(v.value) },
  outcome: { all: "All outcomes", label: outcomeLabel, sort: (a, b) => a.value.localeCompare(b.value, "en", { numeric: true }) },
  activity: { all: "All activities", label: (v) => topicLabel(v.value) },
  modality: { all: "All modalities", label: (v) => topicLabel(v.value) },
  brochure: { all: "All brochures", label: (v) => v.value, sort: (a, b) => a.value.localeCompare(b.value) },
};

/** A select's options with the number of projects each would give, under the other filters; the choice stays. */
function fillSelect(name, values) {
  const select = $("filters").elements[name];
  const { all, label, sort } = SELECTS[name];
  const rows = sort ? [...values].sort(sort) : values;
  // A shared link may spell a value differently (br, africa): keep the option the API matched.
  const current = rows.find((v) => v.value.toLowerCase() === select.value.toLowerCase())?.value ?? select.value;
  select.replaceChildren(el("option", { value: "", text: all }),
    ...rows.map((v) => el("option", { value: v.value, "data-name": label(v), "data-count": String(v.count), text: `${label(v)} (${formatCount(v.count)})` })));
  if (current && !rows.some((v) => v.value === current)) select.append(el("option", { value: current, "data-count": "0", text: `${current} (0)` }));
  select.value = current;
}

async function loadBrochures() {
  const brochures = (await catalogue.brochures()).brochures;
  renderBrochures($("brochure-list"), brochures, (id) => chooseFilter("brochure", id, true));
  return brochures;
}

/** Once: the vocabulary for the editors and the brochure list. */
async function loadCatalogue() {
  const [brochures, facets] = await Promise.all([loadBrochures(), catalogue.facets({})]);
  for (const v of facets.facets.outcome) if (v.label) state.outcomeTitles.set(v.value, v.label);
  for (const name of Object.keys(SELECTS)) fillSelect(name, facets.facets[name] ?? []);
  await loadVocabulary(state.outcomeTitles);
  setUpAddCard($("add-card"), $("add-status"), brochures, async (record) => {
    await refresh();
    curateStatus(`Added ${record.id}.`);
  });
}

/** Every match of the filters in the API's order (pages of 200), for a sorted view. */
async function allMatches(filters) {
  const projects = [];
  state.reviewReasons = {};
  let token = null;
  do {
    const page = await catalogue.projects(filters, 200, token);
    projects.push(...page.projects);
    Object.assign(state.reviewReasons, page.review ?? {});
    token = page.continuationToken ?? null;
  } while (token);
  return projects;
}

const SORT_KEYS = {
  title: (p) => p.title.toLocaleLowerCase(),
  region: (p) => p.region ?? "\uffff",
  countries: (p) => (p.countryNames?.[0] ?? p.countries[0] ?? "\uffff"),
  outcome: (p) => (p.outcome ? p.outcome.id.padStart(3, "0") : "\uffff"),
  confidence: (p) => p.confidence,
};

function sortProjects(projects, sort) {
  const key = SORT_KEYS[sort];
  return [...projects].sort((a, b) => {
    const x = key(a), y = key(b);
    return typeof x === "number" ? x - y : String(x).localeCompare(String(y));
  });
}

async function loadView() {
  const generation = ++state.generation;
  const filters = state.filters;
  // Each select counts under every other filter: choosing another value shows what it would give.
  const active = Object.keys(SELECTS).filter((name) => filters[name]);
  const without = (name) => Object.fromEntries(Object.entries(filters).filter(([k]) => k !== name));
  const token = state.pageTokens[state.pageTokens.length - 1];
  const [distinct, facets, page, ...others] = await Promise.all([
    catalogue.facets({ ...filters, distinct: "true" }),
    catalogue.facets(filters),
    state.sort ? null : catalogue.projects(filters, state.pageSize, token),
    ...active.map((name) => catalogue.facets(without(name))),
  ]);
  if (state.sort && !state.sorted) state.sorted = sortProjects(await allMatches(filters), state.sort);
  if (generation !== state.generation) return;

  for (const name of Object.keys(SELECTS)) {
    const source = active.includes(name) ? others[active.indexOf(name)] : facets;
    fillSelect(name, name === "brochure" ? source.facets.brochure ?? [] : source.facets[name]);
  }
  const figures = {
    brochures: (facets.facets.brochure ?? []).length,
    // One project printed in several editions (or uploaded twice) counts once.
    projects: distinct.total,
    countries: facets.facets.country.length,
    regions: facets.facets.region.length,
  };
  for (const [name, value] of Object.entries(figures)) document.querySelector(`[data-figure=${name}]`).textContent = formatCount(value);
  const editions = $("figure-printings");
  editions.hidden = facets.total === distinct.total;
  editions.textContent = `in ${formatCount(facets.total)} printings`;
  $("figures").setAttribute("aria-busy", "false");

  const suffix = describe(filters);
  renderBarChart($("chart-region"), `Projects per region${suffix}`,
    facets.facets.region.map((v) => ({ ...v, label: v.value })), choose("region"), filters.region);
  renderBarChart($("chart-outcome"), `Projects per policy outcome${suffix}`,
    [...facets.facets.outcome].sort((a, b) => a.value.localeCompare(b.value, "en", { numeric: true }))
      .map((v) => ({ ...v, label: outcomeLabel(v) })), choose("outcome"), filters.outcome);
  renderBarChart($("chart-topic"), `Projects per topic${suffix}`,
    facets.facets.topic.map((v) => ({ ...v, label: v.label ?? topicLabel(v.value) })), choose("topic"), filters.topic);
  renderMap($("map"), $("map-table"), facets.facets.country, suffix, choose("country"), filters.country);

  // The facets carry the taxonomy's names for the topics of every matching project, so the records use them too.
  const topicNames = new Map(facets.facets.topic.filter((v) => v.label).map((v) => [v.value, v.label]));
  let projects;
  let pageNumber;
  if (state.sort) {
    projects = state.sorted.slice(state.sortedPage * state.pageSize, (state.sortedPage + 1) * state.pageSize);
    pageNumber = state.sortedPage + 1;
    state.nextToken = (state.sortedPage + 1) * state.pageSize < state.sorted.length ? "sorted" : null;
  } else {
    projects = page.projects;
    pageNumber = state.pageTokens.length;
    state.nextToken = page.continuationToken ?? null;
  }
  renderProjects(document.querySelector("#projects tbody"), projects, topicNames, page?.review ?? (filters.review ? reviewOf(projects) : null), changed);
  for (const th of document.querySelectorAll("#projects thead th[data-sort]")) {
    th.setAttribute("aria-sort", th.dataset.sort === state.sort ? "ascending" : "none");
  }
  const pages = Math.max(1, Math.ceil(facets.total / state.pageSize));
  $("projects-count").dataset.total = String(facets.total);
  $("projects-count").textContent = `${formatCount(facets.total)} project${facets.total === 1 ? "" : "s"} match${facets.total === 1 ? "es" : ""}${suffix}.`;
  $("page-label").textContent = `Page ${pageNumber} of ${pages}`;
  $("page-previous").disabled = pageNumber === 1;
  $("page-next").disabled = !state.nextToken;
  $("filter-summary").textContent = suffix ? `Showing${suffix}.` : "Showing every project.";
  $("export-csv").href = catalogue.exportUrl(filters, "csv");
  $("export-xlsx").href = catalogue.exportUrl(filters, "xlsx");
  document.body.dataset.loaded = String(generation);
}

/** In a sorted review view the reasons come from the review queue's pages. */
function reviewOf(projects) {
  return state.reviewReasons ? Object.fromEntries(projects.map((p) => [p.id, state.reviewReasons[p.id]])) : null;
}

const choose = (name) => (value) => chooseFilter(name, state.filters[name] === value ? "" : value, true);

function chooseFilter(name, value, reveal) {
  return applyFilters({ ...state.filters, [name]: value }, { reveal });
}

function showError(error) {
  const line = $("load-error");
  line.hidden = false;
  line.textContent = `The catalogue could not be loaded: ${error.message}`;
}

function curateStatus(text) {
  $("curate-status").textContent = text;
}

/** After a curator's change: the view, the brochure list and an open permalink panel show the new state. */
async function changed(record, message) {
  curateStatus(message);
  await refresh();
  if (new URLSearchParams(location.search).get("project") === record.id) await showProject(record.id);
}

async function refresh() {
  state.sorted = null;
  await Promise.all([loadView(), loadBrochures()]).catch(showError);
}

async function applyFilters(filters, { push = true, reveal = false } = {}) {
  state.filters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  state.pageTokens = [null];
  state.sorted = null;
  state.sortedPage = 0;
  writeForm(state.filters);
  if (push && urlOf(state.filters) !== `${location.pathname}${location.search}`) {
    history.pushState(null, "", urlOf(state.filters));
  }
  try {
    $("load-error").hidden = true;
    await loadView();
    // On a phone the results are far below the filters: bring them into view, or nothing seems to happen.
    if (reveal && phone.matches) $("projects-heading").scrollIntoView({ block: "start" });
  } catch (error) {
    showError(error);
  }
}

/** ?project=ID: the project on its own, on top of the list (a permalink). */
async function showProject(id) {
  const panel = $("project-panel");
  try {
    const { record } = await catalogue.project(id);
    panel.replaceChildren(el("h3", { text: record.title }), detailList(record, new Map()), curatorTools(record, changed));
    panel.hidden = false;
  } catch (error) {
    panel.replaceChildren(el("p", { class: "load-error", text: `Project ${id}: ${error.message}` }));
    panel.hidden = false;
  }
}

async function start() {
  const form = $("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters(readForm(), { reveal: true });
  });
  for (const name of [...Object.keys(SELECTS), "review"]) {
    form.elements[name].addEventListener("change", () => applyFilters(readForm(), { reveal: true }));
  }
  $("filters-clear").addEventListener("click", () => applyFilters({}));
  $("page-size").addEventListener("change", () => {
    state.pageSize = Number($("page-size").value);
    applyFilters(state.filters);
  });
  $("sort-by").addEventListener("change", () => {
    state.sort = $("sort-by").value;
    applyFilters(state.filters);
  });
  for (const th of document.querySelectorAll("#projects thead th[data-sort]")) {
    const label = th.textContent;
    th.replaceChildren(el("button", { type: "button", class: "sort-button", text: label, title: `Sort by ${label.toLowerCase()}`,
      onclick: () => {
        state.sort = state.sort === th.dataset.sort ? "" : th.dataset.sort;
        applyFilters(state.filters);
      } }));
  }
  window.addEventListener("popstate", () => {
    // Back and forward between filtered views; a jump to an anchor (the skip link) changes no filter.
    const filters = filtersFromUrl();
    const before = urlOf(state.filters);
    viewFromUrl();
    if (urlOf(filters) !== before) applyFilters(filters, { push: false });
  });

  const turn = async (delta) => {
    if (state.sort) state.sortedPage = Math.max(0, state.sortedPage + delta);
    else if (delta > 0) state.pageTokens.push(state.nextToken);
    else state.pageTokens.pop();
    await loadView().catch(showError);
    $("projects-heading").focus();
  };
  $("page-next").addEventListener("click", () => state.nextToken && turn(1));
  $("page-previous").addEventListener("click", () => $("page-previous").disabled || turn(-1));

  setUpUpload($("upload"), $("upload-status"), async () => {
    await loadBrochures().catch(showError);
    await applyFilters(state.filters, { push: false });
  });

  viewFromUrl();
  try {
    await loadCatalogue();
  } catch (error) {
    showError(error);
  }
  const project = new URLSearchParams(location.search).get("project");
  if (project) await showProject(project);
  await applyFilters(filtersFromUrl(), { push: false });
  if (project) $("project-panel").scrollIntoView({ block: "start" });
}

start();
