// Curation in place: edit a project (a JSON merge patch with If-Match), mark it reviewed, withdraw it, see its history,
// add a missed card. Every change goes through the API with the function key typed in the Curate panel.
import { catalogue } from "./api.js";
import { el, topicLabel } from "./format.js";

export const REVIEW_REASONS = {
  "low-confidence": "low extraction confidence",
  "no-region": "no region printed",
  "no-outcome": "no outcome printed",
  "no-countries": "no country named",
  "stated-count-gap": "brochure states another project count",
};

/** Valid values of the editable fields, read from the API's own description (the filters' vocabularies). */
let vocabulary = null;
export async function loadVocabulary(outcomeTitles) {
  const document = await catalogue.openApi();
  const parameters = document.paths["/api/projects"].get.parameters;
  const values = (name) => parameters.find((p) => p.name === name)?.schema?.enum ?? [];
  vocabulary = {
    region: values("region"), outcome: values("outcome"), topics: values("topic"),
    activities: values("activity"), modality: values("modality"), outcomeTitles,
  };
  return vocabulary;
}

const key = () => document.getElementById("curator-key").value.trim();

/** What an ApiError means for a person, including every field problem of a 400. */
export function explain(error) {
  if (error.status === 401) return ["This app needs a function key for changes: enter it in the Curate panel."];
  if (error.status === 412) return ["Someone changed this project since you opened it. Close the form and open it again to see the current version."];
  const errors = error.problem?.errors;
  if (error.status === 400 && Array.isArray(errors)) return errors.map((e) => `${e.field}: ${e.detail}`);
  return [error.message];
}

function showStatus(target, lines, state) {
  target.dataset.state = state;
  target.replaceChildren(...(lines.length === 1 ? [el("p", { text: lines[0] })] : [el("ul", {}, lines.map((l) => el("li", { text: l })))]));
}

const list = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);

function select(name, label, options, current, { multiple = false, none = null } = {}) {
  const id = `edit-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const control = el("select", { id, name, multiple, size: multiple ? "5" : null },
    none ? el("option", { value: "", text: none }) : null,
    options.map(([value, text]) => el("option", { value, text, selected: multiple ? current.includes(value) : current === value })));
  return el("div", { class: "field" }, el("label", { for: id, text: label }), control);
}

function input(name, label, value, { textarea = false, hint = null } = {}) {
  const id = `edit-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const control = textarea ? el("textarea", { id, name, rows: "4" }) : el("input", { id, name });
  control.value = value;
  return el("div", { class: `field${textarea ? " field-full" : ""}` },
    el("label", { for: id }, label, hint ? el("span", { class: "hint", text: ` (${hint})` }) : null), control);
}

/** The edit form for a project, filled from its current record; onSaved(record) after a successful PATCH. */
export async function openEditor(container, projectId, onSaved) {
  const status = el("div", { class: "form-status", role: "status", "aria-live": "polite" });
  container.replaceChildren(status);
  let current;
  try {
    current = await catalogue.project(projectId);
  } catch (error) {
    showStatus(status, explain(error), "error");
    return;
  }
  const p = current.record;
  const v = vocabulary;
  const outcomeName = (id) => (v.outcomeTitles.get(id) ? `${id}. ${v.outcomeTitles.get(id)}` : `Outcome ${id}`);
  const form = el("form", { class: "edit-form", "aria-label": `Edit ${p.title}` },
    input("title", "Title", p.title),
    select("region", "Region", v.region.map((r) => [r, r]), p.region ?? "", { none: "— none —" }),
    input("countries", "Countries", p.countries.join(", "), { hint: "ISO codes or names, comma-separated" }),
    select("outcome", "Policy outcome", v.outcome.map((o) => [o, outcomeName(o)]), p.outcome?.id ?? "", { none: "— none —" }),
    select("topics", "Topics", v.topics.map((t) => [t, topicLabel(t)]), p.topics, { multiple: true }),
    select("activities", "Activities", v.activities.map((t) => [t, topicLabel(t)]), p.activities, { multiple: true }),
    select("modality", "Modality", v.modality.map((t) => [t, topicLabel(t)]), p.modality, { multiple: true }),
    input("description", "Description", p.description, { textarea: true }),
    el("div", { class: "actions" },
      el("button", { type: "submit", text: "Save correction" }),
      el("button", { type: "button", class: "secondary", text: "Cancel", onclick: () => container.replaceChildren() })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    const chosen = (name) => [...f[name].selectedOptions].map((o) => o.value);
    const wanted = {
      title: f.title.value.trim(),
      region: f.region.value || null,
      countries: list(f.countries.value),
      outcome: f.outcome.value || null,
      topics: chosen("topics"),
      activities: chosen("activities"),
      modality: chosen("modality"),
      description: f.description.value.trim(),
    };
    // A merge patch of what changed only: an untouched field stays the extractor's (or the earlier correction's).
    const before = { ...p, region: p.region ?? null, outcome: p.outcome?.id ?? null };
    const patch = Object.fromEntries(Object.entries(wanted).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(before[name])));
    if (Object.keys(patch).length === 0) {
      showStatus(status, ["Nothing changed."], "info");
      return;
    }
    try {
      const saved = await catalogue.patch(projectId, patch, current.etag, key());
      showStatus(status, [`Saved: ${Object.keys(patch).join(", ")}.`], "saved");
      onSaved(saved.record);
    } catch (error) {
      showStatus(status, explain(error), "error");
    }
  });
  container.replaceChildren(form, status);
  form.elements.title.focus();
}

/** History entries as a list: when, who, what, each field before → after. */
export async function showHistory(container, projectId) {
  try {
    const history = await catalogue.history(projectId);
    const value = (v) => (v === null || v === undefined ? "—" : Array.isArray(v) ? v.map((x) => x?.id ?? x).join(", ") || "—" : typeof v === "object" ? v.id ?? JSON.stringify(v) : String(v));
    container.replaceChildren(el("div", { class: "history" },
      el("h4", { text: "History" }),
      el("ol", {}, history.entries.map((e) => el("li", { "data-action": e.action },
        el("strong", { text: `${new Date(e.at).toISOString().replace("T", " ").slice(0, 16)} UTC — ${e.action}` }),
        ` by ${e.by}`, e.note ? el("span", { class: "hint", text: ` (${e.note})` }) : null,
        e.changes.length && e.action !== "extracted"
          ? el("ul", {}, e.changes.map((c) => el("li", { text: `${c.field}: ${value(c.before)} → ${value(c.after)}` })))
          : null)))));
  } catch (error) {
    container.replaceChildren(el("p", { class: "form-status", "data-state": "error", text: explain(error).join(" ") }));
  }
}

/** Mark reviewed or withdraw, against the record as it is now. */
export async function act(projectId, action) {
  const current = await catalogue.project(projectId);
  return action === "withdraw"
    ? catalogue.withdraw(projectId, current.etag, key())
    : catalogue.patch(projectId, { reviewed: true }, current.etag, key());
}

/** The add-a-card form of the Curate panel. */
export function setUpAddCard(form, status, brochures, onAdded) {
  const v = vocabulary;
  form.elements.brochure.replaceChildren(...brochures.filter((b) => b.status === "succeeded").map((b) => el("option", { value: b.id, text: b.id })));
  form.elements.region.replaceChildren(el("option", { value: "", text: "— none —" }), ...v.region.map((r) => el("option", { value: r, text: r })));
  form.elements.outcome.replaceChildren(el("option", { value: "", text: "— none —" }),
    ...v.outcome.map((o) => el("option", { value: o, text: v.outcomeTitles.get(o) ? `${o}. ${v.outcomeTitles.get(o)}` : `Outcome ${o}` })));
  if (form.dataset.ready) return;
  form.dataset.ready = "true";
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    const card = { title: f.title.value.trim(), description: f.description.value.trim(), countries: list(f.countries.value) };
    if (f.region.value) card.region = f.region.value;
    if (f.outcome.value) card.outcome = f.outcome.value;
    if (f.page.value) card.page = Number(f.page.value);
    try {
      const added = await catalogue.add(f.brochure.value, card, key());
      showStatus(status, [`Added ${added.record.id}: ${added.record.title}.`], "saved");
      form.reset();
      onAdded(added.record);
    } catch (error) {
      showStatus(status, explain(error), "error");
    }
  });
}
