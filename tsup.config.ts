import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("./package.json", "utf8")) as { version: string };

// The public entries. See docs/decisions.md ("Build: per-module ESM, one CommonJS copy").
// - ESM is emitted unbundled, one file per source module (dist/<folder>/<module>.js): a bundler
//   importing one function from the package keeps only the modules it reaches (with
//   `"sideEffects": false`), and `treatylab`, `treatylab/advanced`, `treatylab/node`,
//   `treatylab/plot` and the CLI all load the same module instances (one engine, so an error
//   thrown by `treatylab/node` is `instanceof TreatylabError` from `treatylab`).
// - CommonJS is one code-split build (dist/cjs/): the four entries share chunks, so CommonJS also
//   holds one copy of the engine.
const entry = { index: "src/index.ts", advanced: "src/advanced.ts", node: "src/node.ts", plot: "src/plot.ts" };
const define = { "process.env.TREATYLAB_VERSION": JSON.stringify(pkg.version) };

export default defineConfig([
  {
    entry: ["src/**/*.ts"],
    bundle: false,
    format: ["esm"],
    dts: { entry },
    sourcemap: false,
    target: "node20",
    define,
  },
  {
    entry,
    outDir: "dist/cjs",
    format: ["cjs"],
    dts: { entry },
    shims: true,
    sourcemap: false,
    target: "node20",
    splitting: true,
    // Code-split CommonJS goes through a second transform that turns classes with fields into
    // anonymous class expressions (`e.constructor.name` was "_class"): esbuild's keepNames sets
    // each class's and function's name explicitly, so CommonJS errors name their class as ESM's do.
    keepNames: true,
    define,
  },
]);
