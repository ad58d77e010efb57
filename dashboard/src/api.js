// The public HTTP API, and nothing else: the dashboard sees exactly what any client sees.

/** Query-string names of the filters the dashboard offers (same names as GET /api/projects and /api/facets). */
export const FILTERS = ["region", "country", "topic", "outcome", "q"];

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
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
  try {
    const problem = await response.json();
    if (problem?.detail) detail = problem.detail;
  } catch {
    // Not a problem document: the status line says enough.
  }
  return new ApiError(response.status, detail);
}

export const catalogue = {
  brochures: () => getJson("api/brochures"),
  brochure: (id) => getJson(`api/brochures/${encodeURIComponent(id)}`),
  facets: (filters) => getJson("api/facets", filters),
  projects: (filters, top, continuationToken) => getJson("api/projects", { ...filters, top, continuationToken }),
  pdfUrl: (brochureId, page) => `${apiUrl(`api/brochures/${encodeURIComponent(brochureId)}/pdf`).pathname}#page=${page}`,
};
