// Bar charts that are tables: each bar is drawn next to its label and its number, so the values are there as text
// for everyone (and for screen readers, a real table with a caption).
import { el, formatCount } from "./format.js";

/**
 * @param {HTMLElement} figure the <figure> to fill
 * @param {string} title caption
 * @param {{value: string, label: string, count: number}[]} rows by descending count
 * @param {(value: string) => void} choose called when a bar's label is activated (filters by that value)
 */
export function renderBarChart(figure, title, rows, choose, chosen) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const table = el("table", { class: "bar-chart" },
    el("caption", { text: title }),
    el("thead", { class: "visually-hidden" },
      el("tr", {}, el("th", { scope: "col", text: "Value" }), el("th", { scope: "col", text: "Projects" }))),
    el("tbody", {}, rows.map((row) => {
      const bar = el("span", { class: "bar", "aria-hidden": "true" });
      bar.style.width = `${(100 * row.count) / max}%`; // CSSOM, allowed by the page's style-src 'self' policy
      const current = chosen === row.value;
      return el("tr", { "data-value": row.value, class: current ? "chosen" : null },
        el("th", { scope: "row" },
          el("button", {
            type: "button", class: "link-button", "aria-pressed": current ? "true" : "false",
            title: `Filter by ${row.label}`, onclick: () => choose(row.value), text: row.label,
          })),
        el("td", {}, el("span", { class: "bar-track" }, bar), el("span", { class: "count", text: formatCount(row.count) })));
    })));
  if (rows.length === 0) table.append(el("tbody", {}, el("tr", {}, el("td", { colspan: "2", text: "No projects." }))));
  figure.replaceChildren(table);
}
