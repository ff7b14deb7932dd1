// Developer tool: lists the failing `@example` blocks under a path prefix and, with --write, rewrites
// examples.baseline.json to exactly the examples that still fail (the list may only shrink: the test
// refuses a new failure, so --write never hides one).
//   node --import tsx test/docs/examplesReport.ts [src/prefix ...] [--write]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exampleKey, extractExamples, failingExamples } from "./exampleCheck.js";

const args = process.argv.slice(2);
const write = args.includes("--write");
const prefixes = args.filter((a) => !a.startsWith("--"));
const all = extractExamples();
const chosen = prefixes.length === 0 ? all : all.filter((e) => prefixes.some((p) => e.file.startsWith(p)));
const failing = failingExamples(chosen);
for (const [, messages] of failing) console.log(messages.join("\n  "));
console.log(`${failing.size} of ${chosen.length} examples fail`);
if (write) {
  const file = path.join(import.meta.dirname, "examples.baseline.json");
  const old = JSON.parse(readFileSync(file, "utf8")) as string[];
  const inScope = (k: string) => prefixes.length === 0 || prefixes.some((p) => k.startsWith(p));
  const keys = new Set(all.map(exampleKey));
  // Keep out-of-scope entries that still exist; in scope, keep only baseline entries that still fail.
  const next = old.filter((k) => keys.has(k) && (inScope(k) ? failing.has(k) : true));
  const fresh = [...failing.keys()].filter((k) => !old.includes(k));
  writeFileSync(file, JSON.stringify(next.sort(), null, 2) + "\n");
  console.log(
    `baseline: ${old.length} -> ${next.length}` + (fresh.length ? `; ${fresh.length} NEW failures must be fixed` : ""),
  );
}
