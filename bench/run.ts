/**
 * `npm run bench`: runs every benchmark, one child process each (so peak memory is measured per
 * benchmark), and prints their tables. Pass names to run some: `npm run bench -- analysis`.
 * Opt-in (not in the default list, several minutes): `NEGMAS_SRC=DIR npm run bench -- negmas`, the
 * side-by-side run against a NegMAS checkout (it prints why and exits 0 when Python or NegMAS is missing).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const all = [
  "analysis",
  "simulation",
  "montecarlo",
  "forecast",
  "explorer",
  "stability",
  "whatif",
  "backtest",
  "cli",
  "firstCall",
];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const file = path.join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`bench: no benchmark ${name} (${file})`);
    failed++;
    continue;
  }
  console.log(`\n== ${name} ==`);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", file], {
    stdio: "inherit",
    cwd: path.resolve(here, ".."),
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
