import { run } from "./test/cli/run.js";
const r = await run("forecast", ...process.argv.slice(2));
console.log(r.code, r.err);
