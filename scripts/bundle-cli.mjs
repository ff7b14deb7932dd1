// Bundles the command-line program (issue 18: start-up time). Run by `npm run build` right after
// tsup, which has written the CLI unbundled, one ES module per source module (dist/cli/**), like
// the engine. See docs/decisions.md ("Build: the CLI runs from a code cache").
//
// - dist/cli/program.cjs: esbuild turns src/cli/main.ts and every engine module it reaches into one
//   CommonJS module, minified, ASCII only, written inside Node's CommonJS function wrapper (the
//   launcher compiles the text as it is, without a wrapped copy). The CLI's lazy `import()`s stay
//   lazy: esbuild wraps each module reached through one in an init function, so a command still
//   runs only its own modules' code. Packages (zod, immer, ...) stay external and load from
//   node_modules, except commander, which every run uses: it is bundled (cached with the rest),
//   its licence in a comment at the top, and its `node:child_process` (needed only for executable
//   subcommands, which treatylab has none of; loading it takes 5-8 ms) is loaded when first used.
// - dist/cli/main.cjs, the executable (src/cli/launcher.ts): it compiles program.cjs with V8's code
//   cache, dist/cli/program.cache, which this script then writes by running `analyze nash-1950`
//   once with TREATYLAB_WRITE_CODE_CACHE=1. A run from the cache skips parsing and compiling
//   the program (Node 20 has no module compile cache of its own).
//
// program.cjs sits in dist/cli/, the depth of the modules it replaces, because three modules find
// files relative to themselves: src/files/version.ts (../../package.json), src/workers/batchPool.ts
// (../workers/batchWorker.js) and src/cli/commands/explore.ts (../explorer/explorer.html).
// The library entries (dist/index.js, ...) are not touched.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = "dist/cli";
if (!existsSync(`${OUT}/main.js`)) {
  console.error(`bundle-cli: ${OUT}/main.js is missing: run tsup first (\`npm run build\` runs both)`);
  process.exit(1);
}
const quiet = process.argv.includes("--quiet");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const common = { bundle: true, format: "cjs", platform: "node", target: "node20", write: false, logLevel: "error" };
const BUNDLED = "commander";
// The build id's stand-in while esbuild bundles (as long as the id, so no column moves).
const BUILD_PLACEHOLDER = "bUiLd-Id-TbD";
// Node's CommonJS function wrapper, which opens the program (src/cli/launcher.ts looks for it).
const WRAPPER = "(function (exports, require, module, __filename, __dirname) {";
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).filter(
  (name) => name !== BUNDLED,
);
const commander = JSON.parse(readFileSync(`node_modules/${BUNDLED}/package.json`, "utf8"));
const licence = readFileSync(`node_modules/${BUNDLED}/LICENSE`, "utf8").trim();
if (licence.includes("*/")) throw new Error(`bundle-cli: ${BUNDLED}'s licence cannot go in a comment`);
// commander's `require("node:child_process")`, as an object that loads the module when first used.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`node_modules/${BUNDLED}/`) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents:
        'let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};
const [program, launcher] = await Promise.all([
  build({
    ...common,
    // From the sources (as tsup's ESM build, with its define), so that the source map below
    // points to src/.
    entryPoints: ["src/cli/main.ts"],
    outfile: `${OUT}/program.cjs`,
    external,
    plugins: [lazyChildProcess],
    // Every `import()` becomes a `require` wrapped in a promise, packages' too (node:crypto, the
    // optional vega packages, which ship CommonJS): Node 20 fails an `import()` in a script
    // compiled from a code cache ("A dynamic import callback was not specified"), and its flag
    // for one, vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, is experimental and warns.
    supported: { "dynamic-import": false },
    minify: true,
    // No keepNames: it set the name of 1,100 functions one by one at every start (3 ms of
    // `analyze nash-1950`). Error classes name themselves (this.name); the frames of a `--verbose`
    // stack are mapped back to the sources by scripts/map-stack.mjs with the source map written
    // beside the program, which the package leaves out (docs/decisions.md).
    sourcemap: "external",
    sourcesContent: false,
    // The modules find files relative to `import.meta.url`: the bundle's own URL. The program is
    // written as one function expression, Node's CommonJS wrapper (the launcher compiles the
    // file's text as it is: wrapping it there made a second 700 KB string, docs/benchmarks.md),
    // whose body starts with "use strict" (a directive only counts before any statement).
    define: {
      "import.meta.url": "__treatylabUrl",
      "process.env.TREATYLAB_VERSION": JSON.stringify(pkg.version),
      // Replaced below by the build id: the first 12 hex digits of the program's SHA-256.
      "process.env.TREATYLAB_BUILD": JSON.stringify(BUILD_PLACEHOLDER),
    },
    banner: {
      js: `/*! treatylab ${pkg.version} (${pkg.license}). Bundled with it: ${BUNDLED} ${commander.version}, under this licence:\n${licence}\n*/\n${WRAPPER}"use strict";var __treatylabUrl=require("node:url").pathToFileURL(__filename).href;`,
    },
    footer: { js: "})" },
  }),
  build({ ...common, packages: "external", entryPoints: ["src/cli/launcher.ts"], outfile: `${OUT}/main.cjs` }),
]);
const output = (suffix) => program.outputFiles.find((f) => f.path.endsWith(suffix)).contents;
// The build id, which an internal error's --verbose line prints and the source map records, so
// that scripts/map-stack.mjs can tell a stack of another build of the same version.
const placed = Buffer.from(output("program.cjs")).toString("latin1");
if (placed.split(BUILD_PLACEHOLDER).length !== 2)
  throw new Error(`bundle-cli: the build id's placeholder should appear once in ${OUT}/program.cjs`);
const buildId = createHash("sha256").update(placed).digest("hex").slice(0, BUILD_PLACEHOLDER.length);
const text = placed.replace(BUILD_PLACEHOLDER, buildId);
const code = Buffer.from(text, "latin1");
const map = JSON.stringify({
  ...JSON.parse(Buffer.from(output("program.cjs.map")).toString("utf8")),
  x_treatylab_build: buildId,
});
// (A real one names its module, `import("vega")`; the worker bootstrap's `import(${...})` is text.)
const dynamicImport = /\bimport\("/.exec(text);
if (dynamicImport)
  throw new Error(
    `bundle-cli: ${OUT}/program.cjs still holds an import(), which fails when run from the code cache: ${JSON.stringify(dynamicImport.input.slice(dynamicImport.index - 60, dynamicImport.index + 60))}`,
  );
// The launcher looks for the wrapper in the program's first 4,096 characters (src/cli/launcher.ts).
const wrapperAt = text.indexOf(WRAPPER);
if (wrapperAt < 0 || wrapperAt > 4096 - 64)
  throw new Error(
    `bundle-cli: ${OUT}/program.cjs does not open with its wrapper in its first 4,096 characters (at ${wrapperAt})`,
  );
// The launcher reads the program as Latin-1 (Node's fastest read), which is right for ASCII only.
const wide = code.findIndex((b) => b > 0x7f);
if (wide >= 0)
  throw new Error(
    `bundle-cli: ${OUT}/program.cjs has a non-ASCII byte at ${wide} (near ${JSON.stringify(Buffer.from(code.subarray(Math.max(0, wide - 40), wide + 10)).toString("utf8"))}); write it as a \\u escape in the source`,
  );
// The inputs were read; replace the unbundled CLI by the bundle.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/program.cjs`, code);
writeFileSync(`${OUT}/program.cjs.map`, map);
writeFileSync(`${OUT}/main.cjs`, launcher.outputFiles[0].contents);
chmodSync(`${OUT}/main.cjs`, 0o755);

// The code cache: one run of the most common command, its output discarded.
const run = spawnSync(process.execPath, [`${OUT}/main.cjs`, "analyze", "nash-1950"], {
  env: { ...process.env, TREATYLAB_WRITE_CODE_CACHE: "1", NO_COLOR: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
if (run.status !== 0) throw new Error(`bundle-cli: writing the code cache failed (exit ${run.status})`);
const kb = (f) => `${Math.round(statSync(`${OUT}/${f}`).size / 1024)} KB`;
if (!quiet)
  console.log(
    `bundled the CLI: ${OUT}/main.cjs runs ${OUT}/program.cjs (${kb("program.cjs")}) from its code cache (${kb("program.cache")})`,
  );
