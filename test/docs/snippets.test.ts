// The TypeScript snippets of the README and docs/ type-check against the library, as a reader
// would paste them: a snippet that uses a name it never defines (the README's tour used `plan`
// and `text`, found by a new-user trial) or an API that changed fails here. Each ```ts block is
// one module (top-level await allowed), with `treatylab` and `treatylab/<entry>` resolved to src/.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The ```ts blocks of a markdown text, with the line each starts on. */
function tsBlocks(markdown: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  for (const m of markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm))
    out.push({ line: markdown.slice(0, m.index).split("\n").length, code: m[1]! });
  return out;
}

describe("the TypeScript snippets of the README and docs/", () => {
  it("tsBlocks finds each block and its line", () => {
    expect(tsBlocks("a\n```ts\nconst x = 1;\n```\nb\n```sh\nls\n```\n```ts\nx;\n```\n")).toEqual([
      { line: 2, code: "const x = 1;\n" },
      { line: 9, code: "x;\n" },
    ]);
  });

  it("type-check as written", () => {
    const docs = readdirSync(path.join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`);
    const dir = mkdtempSync(path.join(tmpdir(), "treatylab-snippets-"));
    try {
      const where = new Map<string, string>();
      // A block importing by a relative path is a contributor's excerpt of a module under src/
      // (docs/cli.md, for command authors), not a reader's snippet: listed, so the list cannot grow unseen.
      const excerpts: string[] = [];
      for (const file of ["README.md", ...docs])
        for (const { line, code } of tsBlocks(readFileSync(path.join(root, file), "utf8"))) {
          if (/from "\.\.?\//.test(code)) {
            excerpts.push(file);
            continue;
          }
          const name = `${file.replace(/[/.]/g, "_")}_${line}.ts`;
          where.set(name, `${file}:${line}`);
          writeFileSync(path.join(dir, name), `${code}\nexport {};\n`);
        }
      expect(where.size).toBeGreaterThan(10);
      expect(excerpts).toEqual(["docs/cli.md"]);
      writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            lib: ["ES2022", "DOM"],
            types: ["node"],
            typeRoots: [path.join(root, "node_modules/@types")],
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            baseUrl: root,
            paths: { treatylab: ["src/index.ts"], "treatylab/*": ["src/*.ts"] },
          },
          include: ["*.ts"],
        }),
      );
      let errors = "";
      try {
        execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", dir], {
          encoding: "utf8",
        });
      } catch (e) {
        errors = String((e as { stdout?: string }).stdout ?? e);
      }
      // name each error by the markdown file and line of its block
      const named = errors
        .split("\n")
        .filter((l) => l.includes("error TS"))
        .map((l) => l.replace(/^(\S+?\.ts)/, (f) => where.get(path.basename(f)) ?? f));
      expect(named).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
