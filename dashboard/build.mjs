// Bundles the dashboard into OUT_DIR: index.html plus content-hashed app-*.js and app-*.css (so they can be cached as
// immutable). Called by the FunctionApp build (SstcFunctions.FunctionApp.csproj, target DashboardBundle), which embeds
// OUT_DIR in the assembly; `npm run build` writes dist/ for a look by hand.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const outDir = path.resolve(process.argv[2] ?? "dist");
const here = path.dirname(new URL(import.meta.url).pathname);

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const result = await build({
  entryPoints: { app: path.join(here, "src/main.js"), styles: path.join(here, "src/styles.css") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022"],
  outdir: outDir,
  entryNames: "[name]-[hash]",
  metafile: true,
  legalComments: "eof",
  logLevel: "warning",
});

const outputs = Object.entries(result.metafile.outputs);
const named = (entry) => {
  const found = outputs.find(([, meta]) => meta.entryPoint?.endsWith(entry));
  if (!found) throw new Error(`no output for ${entry}`);
  return path.basename(found[0]);
};

const template = await readFile(path.join(here, "src/index.html"), "utf8");
const html = template
  .replaceAll("%APP_JS%", `dashboard/${named("src/main.js")}`)
  .replaceAll("%APP_CSS%", `dashboard/${named("src/styles.css")}`);
if (html.includes("%APP_")) throw new Error("index.html still has a placeholder");
await writeFile(path.join(outDir, "index.html"), html);
console.log(`dashboard bundled into ${outDir}: ${outputs.map(([file]) => path.basename(file)).join(", ")}, index.html`);
