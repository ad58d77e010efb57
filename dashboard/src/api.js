// The public HTTP API, and nothing else: the dashboard sees exactly what any client sees.

/** Query-string names of the filters the dashboard offers (same names as GET /api/projects and /api/facets). */
export const FILTERS = ["region", "country", "topic", "outcome", "activity", "modality", "brochure", "q", "review"];

export class ApiError extends Error {
  constructor(status, detail, problem = null) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }
}

/** "api/…" relative to the page, so the dashboard also works behind a path prefix. */
export function apiUrl(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  return url;
}

/**
 * GET JSON. Catalogue reads are cacheable for 10 s; "no-cache" makes the browser revalidate with the ETag instead, so a
 * brochure that has just been ingested shows at once (a 304 costs next to nothing).
 */
export async function getJson(path, params) {
  const response = await fetch(apiUrl(path, params), { cache: "no-cache", headers: { Accept: "application/json" } });
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

export async function errorOf(response) {
  let detail = `${response.status} ${response.statusText}`;
  let problem = null;
  try {
    problem = await response.json();
    if (problem?.detail) detail = problem.detail;
  } catch {
    // Not a problem document: the status line says enough.
  }
  return new ApiError(response.status, detail, problem);
}

/** A write with the function key (when given); answers the JSON body and the response's ETag, or throws an ApiError. */
async function send(method, path, { key, body, contentType, ifMatch } = {}) {
  const headers = { Accept: "application/json" };
  if (key) headers["x-functions-key"] = key;
  if (contentType) headers["Content-Type"] = contentType;
  if (ifMatch) headers["If-Match"] = ifMatch;
  const response = await fetch(apiUrl(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  if (!response.ok) throw await errorOf(response);
  return { record: await response.json(), etag: response.headers.get("ETag") };
}

const projectPath = (id) => `api/projects/${encodeURIComponent(id)}`;

export const catalogue = {
  brochures: () => getJson("api/brochures"),
  brochure: (id) => getJson(`api/brochures/${encodeURIComponent(id)}`),
  facets: (filters) => getJson("api/facets", filters),
  projects: (filters, top, continuationToken) => getJson("api/projects", { ...filters, top, continuationToken }),
  pdfUrl: (brochureId, page) => `${apiUrl(`api/brochures/${encodeURIComponent(brochureId)}/pdf`).pathname}#page=${page}`,
  exportUrl: (filters, format) => `${apiUrl("api/projects", { ...filters, format }).pathname}${apiUrl("api/projects", { ...filters, format }).search}`,
  openApi: () => getJson("api/openapi.json"),
  history: (id) => getJson(`${projectPath(id)}/history`),
  /** The project as it is now, with its ETag: what an edit is made against. */
  async project(id) {
    const response = await fetch(apiUrl(projectPath(id)), { cache: "no-store", headers: { Accept: "application/json" } });
    if (!response.ok) throw await errorOf(response);
    return { record: await response.json(), etag: response.headers.get("ETag") };
  },
  patch: (id, patch, etag, key) => send("PATCH", projectPath(id), { key, body: patch, contentType: "application/merge-patch+json", ifMatch: etag }),
  withdraw: (id, etag, key) => send("DELETE", projectPath(id), { key, ifMatch: etag }),
  add: (brochureId, card, key) => send("POST", `api/brochures/${encodeURIComponent(brochureId)}/projects`, { key, body: card, contentType: "application/json" }),
};
