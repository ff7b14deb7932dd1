// Maps the frames of a stack that `treatylab ... --verbose` printed for an internal error back to
// the sources. The CLI runs one minified bundle (dist/cli/program.cjs, scripts/bundle-cli.mjs), so
// its frames read `program.cjs:399:431`; the build writes the bundle's source map beside it
// (dist/cli/program.cjs.map, left out of the package), and this script replaces each such
// position by the source file, line and column it came from (`src/cli/program.ts:179:29`), with
// Node's own source-map reader (node:module SourceMap). Build the same commit first: esbuild's
// output depends only on the sources and its own version, so the map fits a user's bundle of
// those sources; the stack's last line names the version and the build id, which the map records
// (x_treatylab_build), and a mismatch of either is warned about.
//
// Usage: node scripts/map-stack.mjs [file]   (the stack on standard input when no file is given)
// Example: treatylab analyze x.json --verbose 2> err.txt; node scripts/map-stack.mjs err.txt
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mapFile = path.join(root, "dist/cli/program.cjs.map");
let payload;
try {
  payload = JSON.parse(readFileSync(mapFile, "utf8"));
} catch (err) {
  process.stderr.write(
    `map-stack: cannot read ${path.relative(root, mapFile)} (${err.code ?? err.message}): run \`npm run build\` first\n`,
  );
  process.exit(2);
}
const map = new SourceMap(payload);
const file = process.argv[2];
let text;
try {
  text = readFileSync(file ?? 0, "utf8");
} catch (err) {
  process.stderr.write(`map-stack: cannot read ${file ?? "standard input"} (${err.code ?? err.message})\n`);
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
// The build id the map records (scripts/bundle-cli.mjs) and the one the stack's last line states.
const build = payload.x_treatylab_build;
const line = /\btreatylab (\d+\.\d+\.\d+\S*)(?: \(build ([0-9a-f]+)\))?, Node /.exec(text);
const stated = line?.[1];
if (stated === undefined)
  process.stderr.write(
    `map-stack: no "treatylab <version>, Node <version>" line: positions assume this build, ${version}\n`,
  );
else if (stated !== version)
  process.stderr.write(
    `map-stack: the stack is from treatylab ${stated}, this build is ${version}: build ${stated} for exact positions\n`,
  );
else if (line[2] !== undefined && build !== undefined && line[2] !== build)
  process.stderr.write(
    `map-stack: the stack is from build ${line[2]} of treatylab ${stated}, this is build ${build}: positions may be off; build the sources the stack came from (the same commit) for exact ones\n`,
  );
// A frame's location: after "(" or "at ", any path (spaces and backslashes too) ending in the
// program's file name, then line and column.
let mapped = 0;
let unmapped = 0;
const out = text.replace(
  /(\(|\bat )([^()\n]*?[\\/])?program\.cjs:(\d+):(\d+)/g,
  (whole, before, _dir, line, column) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    // findEntry gives the nearest mapping before the position, even on an earlier line: a line
    // past the program's (another build) is left as it is.
    if (entry.originalSource === undefined || entry.generatedLine !== Number(line) - 1) {
      unmapped++;
      return whole;
    }
    mapped++;
    const source = path
      .relative(root, path.resolve(path.dirname(mapFile), entry.originalSource))
      .split(path.sep)
      .join("/");
    return `${before}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  },
);
if (mapped === 0)
  process.stderr.write(
    `map-stack: no frame of program.cjs was mapped${unmapped ? ` (${unmapped} outside this build's program)` : ""}\n`,
  );
else if (unmapped > 0)
  process.stderr.write(`map-stack: ${unmapped} frame(s) outside this build's program left as they were\n`);
process.stdout.write(out);
