// Size budget of the built package (run by `npm run check:package`, after `npm run build`): bundles
// `import { analyze } from "treatylab"` and `import { nashSolution } from "treatylab"` from dist/
// for a browser with esbuild (minified), and fails when the gzip size passes its budget. Keeps
// tree-shaking, the zod import without locale files and the XML parser and plots off the core path.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const budgets = [
  // [what, code, gzip budget in bytes, patterns of modules that must not be in the bundle (the English zod messages are used)]
  [
    "analyze",
    `import { analyze } from "treatylab"; globalThis.x = analyze;`,
    60_000,
    [/fast-xml-parser/, /zod\/v4\/locales\/(?!en\.js)/, /dist\/(plots|render|report|cli|files|workers)\//, /vega/],
  ],
  [
    "validateScenario",
    `import { validateScenario } from "treatylab"; globalThis.x = validateScenario;`,
    45_000,
    [/fast-xml-parser/, /zod\/v4\/locales\/(?!en\.js)/],
  ],
  ["nashSolution", `import { nashSolution } from "treatylab"; globalThis.x = nashSolution;`, 2_000, [/zod/, /immer/]],
];
let failed = false;
for (const [what, contents, budget, banned] of budgets) {
  const r = await build({
    stdin: { contents, resolveDir: root },
    // resolve "treatylab" to this package's built files, as an installed package would be
    alias: { treatylab: root },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "error",
  });
  const code = r.outputFiles[0].contents;
  const gz = gzipSync(code).length;
  // modules with code in the output (esbuild lists tree-shaken modules too, with 0 bytes)
  const inputs = Object.entries(Object.values(r.metafile.outputs)[0].inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  const bad = inputs.filter((f) => banned.some((b) => b.test(f)));
  const ok = gz <= budget && bad.length === 0;
  failed ||= !ok;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${what}: ${code.length} B minified, ${gz} B gzip (budget ${budget} B)${bad.length ? `; must not include ${bad.slice(0, 5).join(", ")}` : ""}`,
  );
}
if (failed) process.exit(1);
