#!/usr/bin/env node
/**
 * The `treatylab` executable as installed (`dist/cli/main.cjs`): it runs the bundled program
 * (`dist/cli/program.cjs`, built from src/cli/main.ts by scripts/bundle-cli.mjs) from V8's code
 * cache (`dist/cli/program.cache`), so that Node does not parse and compile the program on every
 * run (issue 18: start-up time; Node 20 has no module compile cache of its own).
 *
 * The cache is written by the build, which runs `analyze nash-1950` once with
 * `TREATYLAB_WRITE_CODE_CACHE=1`: the cache then holds the bytecode of every function that run
 * compiled. V8 checks a cache against its version, its flags and the program's source; a cache it
 * rejects (another Node, a `--flag`) only costs the compile that would have happened anyway. The
 * same variable writes a fresh cache for the Node in use, beside the program, when the build was
 * made by another Node. See docs/decisions.md ("Build: the CLI runs from a code cache").
 *
 * @example
 * ```sh
 * node dist/cli/main.cjs analyze nash-1950
 * TREATYLAB_WRITE_CODE_CACHE=1 node dist/cli/main.cjs analyze nash-1950 > /dev/null  # refresh the cache
 * ```
 * @module
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";

const program = path.join(__dirname, "program.cjs");
const cacheFile = path.join(__dirname, "program.cache");

// Fresh memory is what a start pays for most (on a VM, 10-20 us a 4 KB page): the program and its
// cache are read into one buffer, the program first (its text is copied out as a string), then the
// cache over it; and the program is already wrapped as a function expression (the build writes
// the wrapper), so no concatenated copy of 700 KB is made either. docs/benchmarks.md ("The CLI
// start and fresh memory").
const incomplete = (reason: string): never => {
  process.stderr.write(
    `treatylab: cannot read the program ${program} (${reason}): the build is incomplete; run \`npm run build\` in the treatylab folder, or reinstall the package\n`,
  );
  return process.exit(1);
};
const open = (file: string): { fd: number; size: number } => {
  const fd = openSync(file, "r");
  try {
    return { fd, size: fstatSync(fd).size };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
};
const readAll = (fd: number, buffer: Buffer, size: number): void => {
  try {
    for (let at = 0; at < size; ) {
      const n = readSync(fd, buffer, at, size - at, at);
      if (n === 0) throw new Error(`the file ended after ${at} of ${size} bytes`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
};
let source = "";
let buffer = Buffer.alloc(0);
let cache: { fd: number; size: number } | undefined;
try {
  const p = open(program);
  // The cache, when it can be opened and is not out of proportion (this build's is about 60% of
  // the program): anything else is not this build's, and V8 would refuse it after a full read.
  try {
    cache = open(cacheFile);
    if (cache.size === 0 || cache.size > 2 * p.size) {
      closeSync(cache.fd);
      cache = undefined;
    }
  } catch {
    cache = undefined; // no cache: compile as Node would
  }
  buffer = Buffer.allocUnsafe(Math.max(p.size, cache?.size ?? 0));
  readAll(p.fd, buffer, p.size);
  // The bundle is ASCII (the build checks it), which Node reads fastest as Latin-1.
  source = buffer.toString("latin1", 0, p.size);
} catch (err) {
  if (cache !== undefined) closeSync(cache.fd);
  incomplete((err as NodeJS.ErrnoException).code ?? (err as Error).message);
}
let cachedData: Buffer | undefined;
if (cache !== undefined)
  try {
    readAll(cache.fd, buffer, cache.size);
    cachedData = buffer.subarray(0, cache.size);
  } catch {
    cachedData = undefined; // unreadable: compile as Node would
  }
// The build's wrapper opens the program, after its licence comment: text without it (another
// build's, or not a program) is refused before anything of it runs.
const WRAPPER = "(function (exports, require, module, __filename, __dirname) {";
if (!source.slice(0, 4096).includes(WRAPPER)) incomplete("it is not a wrapped program");
// The program has no `import()` left (the build turns each into a `require`): Node 20 cannot run
// one from a script compiled from a code cache.
const script = new Script(source, { filename: program, ...(cachedData === undefined ? {} : { cachedData }) });

// Run it as Node runs a CommonJS module, with its own `require` (packages resolve from its
// folder), `module`, `exports`, `__filename` and `__dirname`.
const mod = { exports: {}, id: program, filename: program };
const load = createRequire(program);

if (process.env.TREATYLAB_WRITE_CODE_CACHE === "1")
  process.once("exit", () => {
    // After the run, so the cache holds the functions it compiled; atomically, as every file.
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch (err) {
      process.stderr.write(`treatylab: could not write the code cache ${cacheFile}: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
  });

// The program's text is one function expression (the build wraps it); it is only run from here.
const main: unknown = script.runInThisContext();
if (typeof main !== "function") incomplete("it is not a wrapped program");
(main as (...args: unknown[]) => void).call(mod.exports, mod.exports, load, mod, program, __dirname);
