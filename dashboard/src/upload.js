// Upload a brochure through POST /api/brochures and follow its status until it succeeds or fails with its reason.
import { apiUrl, errorOf, getJson } from "./api.js";

const POLL_MS = 500;
const GIVE_UP_MS = 5 * 60 * 1000;

export function setUpUpload(form, statusLine, onIngested) {
  const show = (state, text) => {
    statusLine.dataset.status = state;
    statusLine.textContent = text;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) {
      show("error", "Choose a PDF file first.");
      return;
    }
    const key = form.elements.key.value.trim();
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    try {
      show("uploading", `Uploading ${file.name}…`);
      const response = await fetch(apiUrl("api/brochures", { name: file.name }), {
        method: "POST",
        headers: { "Content-Type": "application/pdf", ...(key ? { "x-functions-key": key } : {}) },
        body: file,
      });
      if (!response.ok) {
        const error = await errorOf(response);
        show("error", response.status === 401
          ? "Upload refused: this app needs a function key (enter it above)."
          : `Upload refused: ${error.message}`);
        return;
      }
      let status = await response.json();
      const deadline = Date.now() + GIVE_UP_MS;
      while (status.status === "pending" && Date.now() < deadline) {
        show("pending", `Brochure ${status.id}: pending (being extracted)…`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await getJson(`api/brochures/${encodeURIComponent(status.id)}`);
      }
      if (status.status === "succeeded") {
        show("succeeded", `Brochure ${status.id}: succeeded, ${status.projectCount} projects.`);
        form.reset();
        onIngested(status);
      } else if (status.status === "failed") {
        show("failed", `Brochure ${status.id}: failed: ${status.error ?? "no reason given"}`);
      } else {
        show("pending", `Brochure ${status.id}: still pending after five minutes; check back later.`);
      }
    } catch (error) {
      show("error", `Upload failed: ${error.message}`);
    } finally {
      submit.disabled = false;
    }
  });
}
