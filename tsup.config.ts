import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("./package.json", "utf8")) as { version: string };

export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node.ts", plot: "src/plot.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: false,
  },
  {
    // batchWorker: the worker-thread entry of src/io/batchPool.ts (found beside the bundles at run time).
    entry: { "cli/main": "src/cli/main.ts", batchWorker: "src/io/batchWorker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    define: { "process.env.TREATYLAB_VERSION": JSON.stringify(pkg.version) },
  },
]);
