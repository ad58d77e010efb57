// The brochure list: each brochure's status, what was found against what it states, and why it failed.
import { el, formatCount } from "./format.js";

const STATUS_TEXT = { succeeded: "Succeeded", pending: "Pending", failed: "Failed" };

export function renderBrochures(container, brochures, choose) {
  const rows = [...brochures].sort((a, b) => a.id.localeCompare(b.id));
  const table = el("table", { class: "data-table brochures", id: "brochure-table" },
    el("caption", { text: `${formatCount(rows.length)} brochure${rows.length === 1 ? "" : "s"} and their processing status` }),
    el("thead", {}, el("tr", {},
      ["Brochure", "Status", "Projects found (stated)", "Reason or warnings", "Corrections without a card"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows.map((b) => el("tr", { "data-brochure": b.id, "data-status": b.status },
      el("th", { scope: "row" }, b.status === "succeeded"
        ? el("button", { type: "button", class: "link-button", text: b.title ? `${b.title} (${b.id})` : b.id, title: `Show the projects of ${b.id}`, onclick: () => choose(b.id) })
        : b.id),
      el("td", {}, el("span", { class: `status status-${b.status}`, text: STATUS_TEXT[b.status] ?? b.status })),
      el("td", { text: b.projectCount == null ? "—" : `${formatCount(b.projectCount)}${b.statedProjectCount != null ? ` (${formatCount(b.statedProjectCount)})` : ""}` }),
      el("td", { class: b.error ? "reason" : null, text: b.error ?? (b.warnings?.length ? b.warnings.join(" ") : "—") }),
      el("td", { text: b.unmatchedCorrections?.length ? b.unmatchedCorrections.map((c) => c.anchorTitle ?? c.cardKey).join("; ") : "—" })))));
  if (rows.length === 0) table.append(el("tbody", {}, el("tr", {}, el("td", { colspan: "5", text: "No brochure yet." }))));
  container.replaceChildren(table);
}
