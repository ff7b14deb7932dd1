// Builds the explorer page (src/explorer/) into ONE self-contained file, dist/explorer/explorer.html:
// the Web Workers (analysis; GENIUS import) are bundled first and embedded as text in the page's
// bundle (started from Blob URLs), and the page's bundle (with lit-html, vega and vega-lite) is inlined into the HTML, so the
// file works offline from file:// or from `treatylab explore`'s local server. Sizes are written to
// dist/explorer/sizes.json (read by bench/explorer.ts). Run by `npm run build` after tsup, and by
// `npm start` with `--quiet` (no size line), so that `treatylab explore` works after the set-up.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const OUT = "dist/explorer";
mkdirSync(OUT, { recursive: true });
// zod's classic entry re-exports every locale as a namespace (`z.locales`) that esbuild keeps even
// unused; treatylab never reads it (zod sets English itself), so that one import resolves to an
// empty module and the 40-odd other languages stay out of the page.
const noZodLocales = {
  name: "no-zod-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: "zod-locales", namespace: "empty" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};
const common = {
  plugins: [noZodLocales],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  platform: "browser",
  write: false,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
};

const worker = await build({ ...common, entryPoints: ["src/explorer/worker.ts"] });
const workerJs = worker.outputFiles[0].text;
// The GENIUS importer (with the XML parser) runs in its own worker, started only for dropped XML files.
const genius = await build({ ...common, entryPoints: ["src/explorer/geniusWorker.ts"] });
const geniusJs = genius.outputFiles[0].text;
// The forecast-inputs files shipped in examples/forecast/ (capabilities and issue scales for a
// built-in scenario), keyed by the scenario they name: the page applies them to that built-in, as
// `treatylab forecast examples/forecast/<file>.json` does.
const forecastInputs = {};
for (const name of readdirSync("examples/forecast")
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const data = JSON.parse(readFileSync(`examples/forecast/${name}`, "utf8"));
  if (typeof data?.scenario === "string" && ("capabilities" in data || "scales" in data))
    forecastInputs[data.scenario] = { path: `examples/forecast/${name}`, data };
}
const page = await build({
  ...common,
  entryPoints: ["src/explorer/page.ts"],
  define: {
    TREATYLAB_EXPLORER_WORKER: JSON.stringify(workerJs),
    TREATYLAB_GENIUS_WORKER: JSON.stringify(geniusJs),
    TREATYLAB_FORECAST_INPUTS: JSON.stringify(forecastInputs),
  },
});
const pageJs = page.outputFiles[0].text;

/** Input files of a bundle whose path matches a pattern (what must NOT be in the page). */
const carried = (meta, pattern) => Object.keys(meta.inputs).filter((f) => pattern.test(f));
for (const [name, meta] of [
  ["worker", worker.metafile],
  ["page", page.metafile],
]) {
  const bad = carried(meta, /src\/cli\/|src\/render\/|fast-xml-parser|zod\/v4\/locales\/(?!en\.)|node:/);
  if (bad.length)
    throw new Error(
      `the explorer's ${name} bundle carries ${bad.slice(0, 5).join(", ")}: import a path that avoids them`,
    );
}

// Inline scripts: "</script" and "<!--" must not appear in a script element's text.
const inline = (js) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const template = readFileSync("src/explorer/explorer.html", "utf8");
const html = template.replace("/*TREATYLAB_EXPLORER_SCRIPT*/", () => inline(pageJs));
writeFileSync(`${OUT}/explorer.html`, html);

const size = (s) => ({ bytes: Buffer.byteLength(s), gzip: gzipSync(s).length });
const sizes = { worker: size(workerJs), geniusWorker: size(geniusJs), page: size(pageJs), html: size(html) };
writeFileSync(`${OUT}/sizes.json`, `${JSON.stringify(sizes, null, 2)}\n`);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
if (!process.argv.includes("--quiet"))
  console.log(
    `explorer: dist/explorer/explorer.html ${kb(sizes.html.bytes)} (${kb(sizes.html.gzip)} gzip); worker ${kb(sizes.worker.bytes)} (${kb(sizes.worker.gzip)} gzip)`,
  );
