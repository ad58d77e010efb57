// The projects table: one row per project, a button in the title cell expands the full record with its provenance.
import { catalogue } from "./api.js";
import { el, languageName, topicLabel } from "./format.js";

const COLUMNS = ["Title", "Region", "Countries", "Outcome", "Brochure, page"];

function detailList(project, topicNames) {
  const item = (term, ...value) => [el("dt", { text: term }), el("dd", {}, ...value)];
  const countries = project.countries.map((code, i) => `${project.countryNames?.[i] ?? code} (${code})`).join(", ");
  const outcomes = (project.outcomes?.length ? project.outcomes : project.outcome ? [project.outcome] : [])
    .map((o) => `${o.id}. ${o.title}`).join("; ");
  const b = project.bounds;
  return el("dl", { class: "record" },
    item("Language", el("span", { "data-language": project.language ?? "" }, `${languageName(project.language)} (${project.language ?? "—"})`)),
    item("Description", el("span", { lang: project.language }, project.description || "—")),
    item("Region", project.region ?? "—"),
    item("Countries", countries || "—"),
    item("Policy outcome", outcomes || "—"),
    item("Topics", project.topics.map((slug) => topicNames.get(slug) ?? topicLabel(slug)).join(", ") || "—"),
    item("Activities", project.activities.map(topicLabel).join(", ") || "—"),
    item("Modality", project.modality.map(topicLabel).join(", ") || "—"),
    project.printings?.length > 1
      ? item("Printings", el("span", { "data-printings": project.printings.map((p) => p.id).join(" ") },
        project.printings.map((p) => `${p.brochureId} (${languageName(p.language)})`).join(", ")))
      : null,
    item("Source", el("span", { "data-provenance": "" }, `brochure ${project.brochureId}, page ${project.page}`),
      b ? el("span", { class: "hint", text: ` (card at x ${b.x}, y ${b.y}, ${b.width} × ${b.height} pt)` }) : null),
    item("Source PDF", el("a", {
      href: catalogue.pdfUrl(project.brochureId, project.page), target: "_blank", rel: "noopener", class: "pdf-link",
      text: `Open ${project.brochureId} at page ${project.page}`,
    }), el("span", { class: "visually-hidden", text: " (opens in a new tab)" })),
    item("Extraction confidence", `${Math.round(project.confidence * 100)} %`
      + (project.confidenceReasons?.length ? ` (${project.confidenceReasons.join("; ")})` : "")));
}

function projectRows(project, topicNames) {
  const detailId = `record-${project.id}`;
  const detail = el("tr", { class: "detail", id: detailId, hidden: true },
    el("td", { colspan: String(COLUMNS.length) }, detailList(project, topicNames)));
  const toggle = el("button", {
    type: "button", class: "expand", "aria-expanded": "false", "aria-controls": detailId,
    onclick: () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      detail.hidden = !open;
    },
  }, el("span", { class: "chevron", "aria-hidden": "true" }), el("span", { lang: project.language, text: project.title }));
  const cell = (label, ...content) => el("td", { "data-label": label }, ...content);
  const row = el("tr", { class: "project", "data-project": project.id, "data-region": project.region ?? "" },
    el("th", { scope: "row", "data-label": COLUMNS[0] }, toggle),
    cell(COLUMNS[1], project.region ?? "—"),
    cell(COLUMNS[2], el("span", { "data-countries": project.countries.join(" ") },
      project.countries.join(", ") || "—")),
    cell(COLUMNS[3], project.outcome ? project.outcome.id : "—"),
    cell(COLUMNS[4], `${project.brochureId}, p. ${project.page}`,
      project.language ? el("span", { class: "hint", "data-language": project.language, title: languageName(project.language), text: ` · ${project.language}` }) : null));
  return [row, detail];
}

/** @param {Map<string, string>} topicNames topic slug → the taxonomy's name for it (from the facets) */
export function renderProjects(tbody, projects, topicNames = new Map()) {
  tbody.replaceChildren(...projects.flatMap((project) => projectRows(project, topicNames)));
  if (projects.length === 0) {
    tbody.append(el("tr", {}, el("td", { colspan: String(COLUMNS.length), text: "No project matches these filters." })));
  }
}
