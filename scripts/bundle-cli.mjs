// Bundles the command-line program (issue 18: start-up time). Run by `npm run build` right after
// tsup, which has written the CLI unbundled, one file per module (dist/cli/**), like the engine.
// Loading ~80 separate ES modules costs Node 30-40 ms of resolving and linking before any work;
// esbuild turns the CLI and the engine modules it reaches into dist/cli/main.js plus shared
// chunks (dist/cli/chunk-*.js), split at the CLI's lazy `import()`s, so a command still loads
// only its own code. Packages (commander, zod, immer, ...) stay external and load from
// node_modules as before. The library entries (dist/index.js, ...) are not touched.
//
// The chunks sit directly in dist/cli/, the depth of the modules they replace, because three
// modules find files relative to themselves: src/files/version.ts (../../package.json),
// src/workers/batchPool.ts (../workers/batchWorker.js) and src/cli/commands/explore.ts
// (../explorer/explorer.html); each tries the paths a bundled copy needs. Not minified: esbuild
// marks each module's code with a `// dist/<path>.js` comment, which test/cli/lazyCommands.test.ts
// reads to check what a command line loads. See docs/decisions.md ("Build: the CLI is bundled").
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const OUT = "dist/cli";
const result = await build({
  entryPoints: { main: `${OUT}/main.js` },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  outdir: OUT,
  chunkNames: "chunk-[hash]",
  write: false,
  logLevel: "error",
});
// The inputs were read; replace the unbundled CLI by the bundle.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const file of result.outputFiles) {
  if (path.dirname(file.path) !== path.resolve(OUT)) throw new Error(`bundle-cli: unexpected output ${file.path}`);
  writeFileSync(file.path, file.contents);
}
chmodSync(`${OUT}/main.js`, 0o755);
const files = readdirSync(OUT);
if (!process.argv.includes("--quiet")) console.log(`bundled the CLI: ${OUT}/main.js and ${files.length - 1} chunks`);
