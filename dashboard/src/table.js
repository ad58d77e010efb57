// The projects table: one row per project, a button in the title cell expands the full record with its provenance,
// its permalink and, for curators, edit / review / withdraw / history.
import { catalogue } from "./api.js";
import { act, explain, openEditor, REVIEW_REASONS, showHistory } from "./curate.js";
import { el, languageName, topicLabel } from "./format.js";

const COLUMNS = ["Title", "Region", "Countries", "Outcome", "Brochure, page"];

const countryText = (project) => project.countries.map((code, i) => project.countryNames?.[i] ?? code).join(", ");

export function permalink(projectId) {
  const url = new URL(location.href);
  url.search = `?project=${encodeURIComponent(projectId)}`;
  url.hash = "";
  return url.toString();
}

export function detailList(project, topicNames) {
  const item = (term, ...value) => [el("dt", { text: term }), el("dd", {}, ...value)];
  const countries = project.countries.map((code, i) => `${project.countryNames?.[i] ?? code} (${code})`).join(", ");
  const outcomes = (project.outcomes?.length ? project.outcomes : project.outcome ? [project.outcome] : [])
    .map((o) => `${o.id}. ${o.title}`).join("; ");
  const b = project.bounds;
  const curation = project.curation;
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
      + (project.confidenceReasons?.length ? ` (${project.confidenceReasons.join("; ")})` : "")),
    item("Origin", el("span", { "data-origin": project.origin ?? "extracted" }, project.origin ?? "extracted"),
      curation?.correctedFields?.length ? ` (corrected: ${curation.correctedFields.join(", ")}; last by ${curation.updatedBy})` : "",
      curation?.reviewedAt ? ` — reviewed by ${curation.reviewedBy}` : "",
      curation?.withdrawn ? " — withdrawn" : ""),
    item("Permalink", el("a", { class: "permalink", href: permalink(project.id), text: project.id })));
}

/** The curator's buttons and the place where the form or history opens. */
export function curatorTools(project, onChanged) {
  const area = el("div", { class: "curator-area" });
  const status = el("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const run = async (action, done) => {
    try {
      const result = await act(project.id, action);
      status.dataset.state = "saved";
      status.textContent = done;
      onChanged(result.record, done);
    } catch (error) {
      status.dataset.state = "error";
      status.textContent = explain(error).join(" ");
    }
  };
  const buttons = el("div", { class: "actions curator-actions" },
    el("button", { type: "button", class: "secondary", "data-action": "edit", text: "Edit",
      onclick: () => openEditor(area, project.id, (record) => onChanged(record, `Saved ${record.id}.`)) }),
    el("button", { type: "button", class: "secondary", "data-action": "review", text: "Mark reviewed",
      onclick: () => run("review", `Marked ${project.id} reviewed.`) }),
    el("button", { type: "button", class: "secondary", "data-action": "withdraw", text: "Withdraw",
      onclick: () => run("withdraw", `Withdrew ${project.id}; it is kept, with its history.`) }),
    el("button", { type: "button", class: "secondary", "data-action": "history", text: "History",
      onclick: () => showHistory(area, project.id) }));
  return el("div", { class: "curator" }, buttons, status, area);
}

function projectRows(project, topicNames, review, onChanged) {
  const detailId = `record-${project.id}`;
  const detail = el("tr", { class: "detail", id: detailId, hidden: true },
    el("td", { colspan: String(COLUMNS.length) }, detailList(project, topicNames), curatorTools(project, onChanged)));
  const toggle = el("button", {
    type: "button", class: "expand", "aria-expanded": "false", "aria-controls": detailId,
    onclick: () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      detail.hidden = !open;
    },
  }, el("span", { class: "chevron", "aria-hidden": "true" }), el("span", { lang: project.language, text: project.title }));
  const cell = (label, ...content) => el("td", { "data-label": label }, ...content);
  const badge = project.origin && project.origin !== "extracted" ? el("span", { class: `badge badge-${project.origin}`, text: project.origin }) : null;
  const why = review?.reasons?.length
    ? el("span", { class: "review-reasons", "data-review": review.reasons.join(" ") }, `Needs review: ${review.reasons.map((r) => REVIEW_REASONS[r] ?? r).join(", ")}`)
    : null;
  const row = el("tr", { class: "project", "data-project": project.id, "data-region": project.region ?? "" },
    el("th", { scope: "row", "data-label": COLUMNS[0] }, toggle, badge, why),
    cell(COLUMNS[1], project.region ?? "—"),
    cell(COLUMNS[2], el("span", { "data-countries": project.countries.join(" ") }, countryText(project) || "—")),
    cell(COLUMNS[3], project.outcome ? el("span", { "data-outcome": project.outcome.id, text: `${project.outcome.id}. ${project.outcome.title}` }) : "—"),
    cell(COLUMNS[4], `${project.brochureId}, p. ${project.page}`,
      project.language ? el("span", { class: "hint", "data-language": project.language, title: languageName(project.language), text: ` · ${project.language}` }) : null));
  return [row, detail];
}

/**
 * @param {Map<string, string>} topicNames topic slug → the taxonomy's name for it (from the facets)
 * @param {Record<string, {reasons: string[]}>} review the review queue's reasons per project id, when shown
 */
export function renderProjects(tbody, projects, topicNames = new Map(), review = null, onChanged = () => {}) {
  tbody.replaceChildren(...projects.flatMap((project) => projectRows(project, topicNames, review?.[project.id], onChanged)));
  if (projects.length === 0) {
    tbody.append(el("tr", {}, el("td", { colspan: String(COLUMNS.length), text: "No project matches these filters." })));
  }
}
