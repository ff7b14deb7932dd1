import { run } from "./test/cli/run.ts";
const args = process.argv.slice(2);
const r = await run(...args);
process.stdout.write(r.out); process.stderr.write(r.err); console.error("code", r.code);
