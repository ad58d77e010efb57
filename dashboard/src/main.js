// The dashboard: headline figures, charts and map of the catalogue under the filters in the URL, the projects table,
// and the upload form. Everything comes from the public API (api.js).
import { catalogue, FILTERS } from "./api.js";
import { renderBarChart } from "./charts.js";
import { el, formatCount, outcomeLabel, topicLabel } from "./format.js";
import { renderMap } from "./map.js";
import { renderProjects } from "./table.js";
import { setUpUpload } from "./upload.js";

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);

const state = {
  filters: {},
  /** Continuation tokens of the pages before the current one (null for the first page), and the next page's. */
  pageTokens: [null],
  nextToken: null,
  /** Every load bumps this; an answer to an older load is dropped instead of overwriting a newer one. */
  generation: 0,
};

function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""]).filter(([, v]) => v !== ""));
}

function urlOf(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}`;
}

function readForm() {
  const form = $("filters");
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]).filter(([, v]) => v !== ""));
}

function writeForm(filters) {
  const form = $("filters");
  for (const name of FILTERS) {
    const control = form.elements[name];
    const wanted = filters[name] ?? "";
    if (control.tagName === "SELECT" && wanted) {
      // A shared link may spell a value differently (br, africa): pick the option the API would match.
      const option = [...control.options].find((o) => o.value.toLowerCase() === wanted.toLowerCase());
      if (option) control.value = option.value;
      else control.append(el("option", { value: wanted, text: wanted })), control.value = wanted;
    } else {
      control.value = wanted;
    }
  }
}

function describe(filters) {
  const parts = [];
  const form = $("filters");
  for (const name of FILTERS) {
    if (!filters[name]) continue;
    const control = form.elements[name];
    const shown = control.tagName === "SELECT" ? control.selectedOptions[0]?.dataset.name ?? filters[name] : `“${filters[name]}”`;
    parts.push(name === "q" ? `words ${shown}` : shown);
  }
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function fillSelect(select, values, label, allText) {
  const current = select.value;
  select.replaceChildren(el("option", { value: "", text: allText }),
    ...values.map((v) => el("option", { value: v.value, "data-name": label(v), text: `${label(v)} (${formatCount(v.count)})` })));
  select.value = current;
}

/** Everything that does not depend on the filters: the headline figures and the filter choices. */
async function loadCatalogue() {
  const [brochures, facets] = await Promise.all([catalogue.brochures(), catalogue.facets({})]);
  const figures = {
    brochures: brochures.brochures.length,
    projects: facets.total,
    countries: facets.facets.country.length,
    regions: facets.facets.region.length,
  };
  for (const [name, value] of Object.entries(figures)) {
    document.querySelector(`[data-figure=${name}]`).textContent = formatCount(value);
  }
  $("figures").setAttribute("aria-busy", "false");
  const form = $("filters");
  fillSelect(form.elements.region, facets.facets.region, (v) => v.value, "All regions");
  fillSelect(form.elements.country,
    [...facets.facets.country].sort((a, b) => (a.label ?? a.value).localeCompare(b.label ?? b.value)),
    (v) => v.label ?? v.value, "All countries");
  fillSelect(form.elements.topic, facets.facets.topic, (v) => v.label ?? topicLabel(v.value), "All topics");
  fillSelect(form.elements.outcome,
    [...facets.facets.outcome].sort((a, b) => a.value.localeCompare(b.value, "en", { numeric: true })),
    outcomeLabel, "All outcomes");
}

async function loadView() {
  const generation = ++state.generation;
  const filters = state.filters;
  const token = state.pageTokens[state.pageTokens.length - 1];
  const [facets, page] = await Promise.all([catalogue.facets(filters), catalogue.projects(filters, PAGE_SIZE, token)]);
  if (generation !== state.generation) return;

  const suffix = describe(filters);
  const choose = (name) => (value) => applyFilters({ ...state.filters, [name]: state.filters[name] === value ? "" : value });
  renderBarChart($("chart-region"), `Projects per region${suffix}`,
    facets.facets.region.map((v) => ({ ...v, label: v.value })), choose("region"), filters.region);
  renderBarChart($("chart-outcome"), `Projects per policy outcome${suffix}`,
    [...facets.facets.outcome].sort((a, b) => a.value.localeCompare(b.value, "en", { numeric: true }))
      .map((v) => ({ ...v, label: outcomeLabel(v) })), choose("outcome"), filters.outcome);
  renderBarChart($("chart-topic"), `Projects per topic${suffix}`,
    facets.facets.topic.map((v) => ({ ...v, label: v.label ?? topicLabel(v.value) })), choose("topic"), filters.topic);
  renderMap($("map"), $("map-table"), facets.facets.country, suffix);

  // The facets carry the taxonomy's names for the topics of every matching project, so the records use them too.
  const topicNames = new Map(facets.facets.topic.filter((v) => v.label).map((v) => [v.value, v.label]));
  renderProjects(document.querySelector("#projects tbody"), page.projects, topicNames);
  state.nextToken = page.continuationToken ?? null;
  const pages = Math.max(1, Math.ceil(facets.total / PAGE_SIZE));
  const pageNumber = state.pageTokens.length;
  $("projects-count").dataset.total = String(facets.total);
  $("projects-count").textContent = `${formatCount(facets.total)} project${facets.total === 1 ? "" : "s"} match${facets.total === 1 ? "es" : ""}${suffix}.`;
  $("page-label").textContent = `Page ${pageNumber} of ${pages}`;
  $("page-previous").disabled = pageNumber === 1;
  $("page-next").disabled = !state.nextToken;
  $("filter-summary").textContent = suffix ? `Showing${suffix}.` : "Showing every project.";
  document.body.dataset.loaded = String(generation);
}

function showError(error) {
  const line = $("load-error");
  line.hidden = false;
  line.textContent = `The catalogue could not be loaded: ${error.message}`;
}

async function applyFilters(filters, { push = true } = {}) {
  state.filters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  state.pageTokens = [null];
  writeForm(state.filters);
  if (push && urlOf(state.filters) !== `${location.pathname}${location.search}`) {
    history.pushState(null, "", urlOf(state.filters));
  }
  try {
    $("load-error").hidden = true;
    await loadView();
  } catch (error) {
    showError(error);
  }
}

async function start() {
  const form = $("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters(readForm());
  });
  for (const name of ["region", "country", "topic", "outcome"]) {
    form.elements[name].addEventListener("change", () => applyFilters(readForm()));
  }
  $("filters-clear").addEventListener("click", () => applyFilters({}));
  window.addEventListener("popstate", () => {
    // Back and forward between filtered views; a jump to an anchor (the skip link) changes no filter.
    const filters = filtersFromUrl();
    if (urlOf(filters) !== urlOf(state.filters)) applyFilters(filters, { push: false });
  });

  $("page-next").addEventListener("click", async () => {
    if (!state.nextToken) return;
    state.pageTokens.push(state.nextToken);
    await loadView().catch(showError);
    $("projects-heading").focus();
  });
  $("page-previous").addEventListener("click", async () => {
    if (state.pageTokens.length === 1) return;
    state.pageTokens.pop();
    await loadView().catch(showError);
    $("projects-heading").focus();
  });

  setUpUpload($("upload"), $("upload-status"), async () => {
    await loadCatalogue().catch(showError);
    await applyFilters(state.filters, { push: false });
  });

  try {
    await loadCatalogue();
  } catch (error) {
    showError(error);
  }
  await applyFilters(filtersFromUrl(), { push: false });
}

start();
