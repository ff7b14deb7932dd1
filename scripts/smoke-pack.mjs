// Tarball smoke test (run by `npm run check:package`, after `npm run build`): packs the package,
// installs the tarball into a temporary folder holding three fresh projects (ESM, CommonJS and
// TypeScript with `module: node16`), imports `treatylab` and `treatylab/node` together in each and
// checks that an error thrown by `treatylab/node` is `instanceof` the classes of `treatylab` (one
// engine per format), that CommonJS TypeScript keeps the `Rational` type, and that the CLI and the
// example files the README uses work from the installed package (two shipped examples run there), and that a Monte Carlo run on two
// threads (`runMonteCarloParallel` of `treatylab/node`, whose worker script the CommonJS build
// must find in dist/workers/) gives the same result from ESM and CommonJS. Dependencies are installed with
// `--prefer-offline` (from the npm cache when it has them).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(tmpdir(), "treatylab-smoke-"));
const run = (cmd, args, cwd = dir) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const write = (rel, text) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};
try {
  run("npm", ["pack", "--silent", "--pack-destination", dir], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  write("package.json", JSON.stringify({ name: "smoke", private: true }));
  write("bad.json", JSON.stringify({ id: "bad" })); // not a valid scenario: a ScenarioError
  // A Monte Carlo job run on two threads from each format: the results must agree.
  const threaded = `monteCarloJob(nash1950, { "parties.*.reservation": { spread: 0.1 } }, { draws: 300, seed: "smoke", solutions: ["nash"] })`;
  const types = JSON.parse(run("node", ["-p", "JSON.stringify(require('./package.json').devDependencies)"], root))[
    "@types/node"
  ];
  run("npm", [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `./${tarball}`,
    `@types/node@${types}`,
  ]);

  // ESM
  write("esm/package.json", JSON.stringify({ type: "module" }));
  write(
    "esm/main.js",
    `import { analyze, monteCarloJob, nash1950, TreatylabError, ScenarioError } from "treatylab";
import { walkBundles } from "treatylab/advanced";
import { loadScenario, runMonteCarloParallel } from "treatylab/node";
if (analyze(nash1950).solutions.nash == null) throw new Error("no Nash solution");
if (typeof walkBundles !== "function") throw new Error("advanced");
for (const [file, cls] of [["no-such-file.json", TreatylabError], ["bad.json", ScenarioError]]) {
  try { await loadScenario(file); throw new Error("did not throw"); }
  catch (e) { if (!(e instanceof cls) || !(e instanceof TreatylabError)) throw new Error("ESM: error from treatylab/node is not instanceof treatylab's " + cls.name + ": " + e); }
}
console.log("montecarlo " + JSON.stringify(await runMonteCarloParallel(${threaded}, { threads: 2 })));
console.log("esm ok");
`,
  );
  // CommonJS
  write("cjs/package.json", JSON.stringify({ type: "commonjs" }));
  write(
    "cjs/main.js",
    `const { analyze, monteCarloJob, nash1950, TreatylabError, ScenarioError } = require("treatylab");
const { walkBundles } = require("treatylab/advanced");
const { loadScenario, runMonteCarloParallel } = require("treatylab/node");
if (analyze(nash1950).solutions.nash == null) throw new Error("no Nash solution");
if (typeof walkBundles !== "function") throw new Error("advanced");
(async () => {
  for (const [file, cls] of [["no-such-file.json", TreatylabError], ["bad.json", ScenarioError]]) {
    try { await loadScenario(file); throw new Error("did not throw"); }
    catch (e) { if (!(e instanceof cls) || !(e instanceof TreatylabError)) throw new Error("CJS: error from treatylab/node is not instanceof treatylab's " + cls.name + ": " + e);
      if (e.constructor.name !== cls.name || cls.name !== e.name) throw new Error("CJS: the error's class is named " + e.constructor.name + ", expected " + e.name); }
  }
  console.log("montecarlo " + JSON.stringify(await runMonteCarloParallel(${threaded}, { threads: 2 })));
  console.log("cjs ok");
})().catch((e) => { console.error(e); process.exitCode = 1; });
`,
  );
  // TypeScript, ESM and CommonJS files under module node16
  write("ts/package.json", JSON.stringify({ type: "module" }));
  write(
    "ts/tsconfig.json",
    JSON.stringify({
      compilerOptions: { module: "node16", target: "es2022", strict: true, noEmit: true, types: ["node"] },
      include: ["*.ts", "*.cts"],
    }),
  );
  const tsBody = (imp) => `${imp}
const a: Analysis = analyze(nash1950);
const r: Rational | undefined = undefined as Rational | undefined;
const s: string | undefined = r?.toFraction();
// @ts-expect-error: Rational is a real type (fraction.js's Fraction), not any
const notRational: Rational = "1/3";
const e: unknown = a;
if (e instanceof TreatylabError || e instanceof ScenarioError) console.log(a.zopa.count, s, notRational);
void loadScenario;
`;
  write(
    "ts/esm.ts",
    tsBody(
      `import { analyze, nash1950, ScenarioError, TreatylabError, type Analysis, type Rational } from "treatylab";\nimport { loadScenario } from "treatylab/node";`,
    ),
  );
  write(
    "ts/cjs.cts",
    tsBody(
      `import { analyze, nash1950, ScenarioError, TreatylabError, type Analysis, type Rational } from "treatylab";\nimport { loadScenario } from "treatylab/node";`,
    ),
  );

  const monteCarloLine = (out, format) => {
    const line = out.split("\n").find((l) => l.startsWith("montecarlo "));
    if (!line) throw new Error(`${format}: no Monte Carlo result on two threads`);
    return line;
  };
  const esm = run("node", ["esm/main.js"]);
  const cjs = run("node", ["cjs/main.js"]);
  process.stdout.write(
    esm
      .split("\n")
      .filter((l) => !l.startsWith("montecarlo "))
      .join("\n"),
  );
  process.stdout.write(
    cjs
      .split("\n")
      .filter((l) => !l.startsWith("montecarlo "))
      .join("\n"),
  );
  if (monteCarloLine(esm, "ESM") !== monteCarloLine(cjs, "CommonJS"))
    throw new Error("Monte Carlo on two threads: CommonJS and ESM results differ");
  console.log("threads ok (runMonteCarloParallel, 2 threads: CommonJS result = ESM result)");
  run("node", [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "ts"]);
  console.log("typescript ok (ESM and CommonJS files, Rational resolves)");
  // The CLI and the README's example files from the installed package
  const out = run("npx", [
    "--no-install",
    "treatylab",
    "check",
    "ukraine-2025",
    "--proposal",
    "node_modules/treatylab/examples/proposals/us-28-point-plan.json",
    "--format",
    "json",
  ]);
  // The built CLI records the package version (defined at build) in its JSON and in --version.
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const generator = JSON.stringify(JSON.parse(out).generator);
  if (generator !== JSON.stringify({ name: "treatylab", version }))
    throw new Error(`the CLI's JSON records generator ${generator}, expected treatylab ${version}`);
  const said = run("npx", ["--no-install", "treatylab", "--version"]).trim();
  if (said !== version) throw new Error(`treatylab --version says ${said}, package.json ${version}`);
  // The installed executable runs the program from the code cache the build wrote (the preload
  // script scripts/start-spy.cjs reports whether V8 accepted it, on stderr).
  const spied = spawnSync(
    "node",
    [
      "--require",
      path.join(root, "scripts", "start-spy.cjs"),
      "node_modules/treatylab/dist/cli/main.cjs",
      "analyze",
      "nash-1950",
    ],
    { cwd: dir, encoding: "utf8" },
  );
  if (spied.status !== 0) throw new Error(`the installed CLI failed: ${spied.stderr}`);
  const cache = /^CODE-CACHE (\w+)$/m.exec(spied.stderr)?.[1];
  if (cache !== "accepted") throw new Error(`the installed CLI's code cache: ${cache}, expected accepted`);
  console.log(`cli ok (check with the shipped example proposal; generator treatylab ${version}; code cache accepted)`);
  // Shipped examples run from the install (no src/, the working folder is the user's): one that
  // imports the package and one that reads a data file beside itself, through the repository's tsx.
  const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/esm/index.mjs")).href;
  for (const example of ["stability-ukraine.ts", "check-proposal.ts"]) {
    const printed = run("node", ["--import", tsx, path.join("node_modules/treatylab/examples", example)]);
    if (printed.trim() === "") throw new Error(`examples/${example} printed nothing from the installed package`);
  }
  console.log("examples ok (stability-ukraine.ts, check-proposal.ts from the installed package)");
} catch (err) {
  console.error(`smoke test failed in ${dir}:\n${err.stderr ?? ""}${err.stdout ?? ""}${err.message}`);
  process.exitCode = 1;
} finally {
  if (process.exitCode !== 1) rmSync(dir, { recursive: true, force: true });
}
