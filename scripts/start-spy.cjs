/**
 * A preload script (`node --require scripts/start-spy.cjs ...`) that reports, on stderr when the
 * process exits, whether V8 accepted the code cache given to a vm.Script (`CODE-CACHE accepted`,
 * `rejected` or `none`: the CLI's launcher runs its program from one) and, with
 * TREATYLAB_SPY_LOADS=1, every file required and built-in module loaded (`LOADED <file>`,
 * `LOADED node:<name>`). Used by test/cli/lazyCommands.test.ts and scripts/smoke-pack.mjs (issue 18:
 * start-up time).
 */
// A CommonJS preload (--require), so that it runs before the program and loads no ESM loader.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vm = require("node:vm");
const Script = vm.Script;
// The launcher's `new Script(...)` reads the class from node:vm when it runs, so it gets this one.
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    const cache = options && options.cachedData ? (this.cachedDataRejected ? "rejected" : "accepted") : "none";
    process.on("exit", () => process.stderr.write(`CODE-CACHE ${cache}\n`));
  }
};
if (process.env.TREATYLAB_SPY_LOADS === "1")
  process.on("exit", () => {
    for (const file of Object.keys(require.cache)) process.stderr.write(`LOADED ${file}\n`);
    for (const m of process.moduleLoadList)
      if (m.startsWith("NativeModule ")) process.stderr.write(`LOADED node:${m.slice(13)}\n`);
  });
