import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../helpers/sourceFiles.js";

// docs/architecture.md: the folders of src/ form a graph of imports that points one way (no
// cycle between folders, and no exception). Type-only imports count too: they are dependencies of
// the design.
const files = sourceFiles("src");

/** The folder of a source file under src/ ("(entry)" for src/index.ts and the other entries). */
const folderOf = (file: string): string => {
  const parts = path.relative("src", file).split(path.sep);
  return parts.length > 1 ? parts[0]! : "(entry)";
};

/** Folder-level import edges: from -> to -> the imports that make the edge. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const f of files) {
    // Doc comments are cut first: an import inside an @example is not a dependency of the file.
    const code = readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const m of code.matchAll(/^(?:import|export)\b[^"]*?from "(\.{1,2}\/[^"]+)"/gm)) {
      const target = path.normalize(path.join(path.dirname(f), m[1]!));
      const [a, b] = [folderOf(f), folderOf(target)];
      if (a === b) continue;
      const out = graph.get(a) ?? new Map<string, string[]>();
      graph.set(a, out);
      out.set(b, [...(out.get(b) ?? []), `${f} -> ${m[1]}`]);
    }
  }
  return graph;
}

/** A cycle of folders as a readable path with the imports that close it, or null. */
function findCycle(graph: Map<string, Map<string, string[]>>): string | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (v: string): string | null => {
    state.set(v, "open");
    stack.push(v);
    for (const [w, why] of graph.get(v) ?? []) {
      if (state.get(w) === "open") return `${[...stack.slice(stack.indexOf(w)), w].join(" -> ")} (e.g. ${why[0]})`;
      if (!state.has(w)) {
        const c = visit(w);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(v, "done");
    return null;
  };
  for (const v of graph.keys()) {
    if (state.has(v)) continue;
    const c = visit(v);
    if (c) return c;
  }
  return null;
}

describe("architecture", () => {
  it("the folders of src/ import each other without cycles", () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(findCycle(graph)).toBeNull();
  });

  it("the cycle finder finds a cycle when there is one (so the check above can fail)", () => {
    const graph = folderGraph();
    const withCycle = new Map(graph);
    withCycle.set("model", new Map([...(graph.get("model") ?? []), ["cli", ["model -> cli (injected)"]]]));
    expect(findCycle(withCycle)).toMatch(/model -> cli/);
  });

  it("folders split by concept keep one direction (docs/architecture.md): frontier/ on enumeration/, workers/ on files/, jobs/ over the verbs over batch/", () => {
    const graph = folderGraph();
    expect(graph.get("frontier")?.has("enumeration")).toBe(true);
    expect(graph.get("enumeration")?.get("frontier") ?? []).toEqual([]);
    expect(graph.get("workers")?.has("files")).toBe(true);
    expect(graph.get("files")?.get("workers") ?? []).toEqual([]);
    // The batch tasks dispatch to the verbs (jobs/ above them); the shard helpers sit below them.
    expect(graph.get("jobs")?.has("uncertainty")).toBe(true);
    expect(graph.get("uncertainty")?.has("batch")).toBe(true);
    expect(
      [...(graph.get("batch")?.keys() ?? [])].filter((f) =>
        ["uncertainty", "sensitivity", "forecast", "jobs"].includes(f),
      ),
    ).toEqual([]);
    expect(files.some((f) => /^src[\\/](search|io)[\\/]/.test(f))).toBe(false);
  });

  it("the entries are the only files at the top of src/, and the model is the bottom layer", () => {
    expect(files.filter((f) => folderOf(f) === "(entry)").sort()).toEqual(
      ["advanced.ts", "index.ts", "node.ts", "plot.ts"].map((f) => path.join("src", f)),
    );
    expect([...(folderGraph().get("model")?.keys() ?? [])]).toEqual([]);
  });
});
