import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as advanced from "../../src/advanced.js";
import * as core from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import * as plotEntry from "../../src/plot.js";
import { sourceFiles } from "../helpers/sourceFiles.js";

// Issue #16: the building blocks exported from `treatylab/advanced` show real calls. The examples
// of the modules below are complete programs: this test compiles each one (against the sources,
// through tsconfig's `paths`) and fails on any type error. Elsewhere many examples are fragments
// that use names from the surrounding text; for those, every name they import from the package
// must be exported by the entry they import it from.
// The modules whose examples are all complete programs (the enumeration kernels):
const COMPLETE = ["src/enumeration/walkPlan.ts", "src/enumeration/walkBundles.ts", "src/uncertainty/zopaKernel.ts"].map(
  path.normalize,
);

interface Example {
  readonly where: string;
  readonly code: string;
}

/** The ```ts blocks of the doc comments of a source file, comment stars stripped. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const out: Example[] = [];
  for (const m of text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)) {
    const line = text.slice(0, m.index).split("\n").length;
    out.push({
      where: `${file}:${line}`,
      code: m[1]!
        .split("\n")
        .map((l) => l.replace(/^\s*\* ?/, ""))
        .join("\n"),
    });
  }
  return out;
}

const importsPackage = (e: Example): boolean => /^import .* from "treatylab(\/\w+)?";$/m.test(e.code);

/** Type errors of the examples, each compiled as its own module, as "file:line: message". */
function typeErrors(examples: readonly Example[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.resolve("tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const virtual = new Map(examples.map((e, i) => [path.resolve(`__example_${i}.ts`), e] as const));
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version, ...rest) => {
    const e = virtual.get(path.resolve(file));
    return e ? ts.createSourceFile(file, `${e.code}\nexport {};\n`, version) : read(file, version, ...rest);
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (file) => virtual.has(path.resolve(file)) || exists(file);
  const program = ts.createProgram(
    [...virtual.keys()],
    { ...config.options, noEmit: true, noUnusedLocals: false },
    host,
  );
  return [...virtual].flatMap(([file, e]) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${e.where} (example line ${line}): ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    }),
  );
}

describe("@example programs type-check", () => {
  const all = sourceFiles("src").flatMap(examplesOf);

  it("every example of the enumeration kernels imports what it uses from the package", () => {
    const kernels = all.filter((e) => COMPLETE.some((f) => e.where.startsWith(`${f}:`)));
    expect(kernels.length).toBeGreaterThanOrEqual(15);
    expect(kernels.filter((e) => !importsPackage(e)).map((e) => e.where)).toEqual([]);
  });

  it("every example of the enumeration kernels compiles", () => {
    const kernels = all.filter((e) => COMPLETE.some((f) => e.where.startsWith(`${f}:`)));
    expect(typeErrors(kernels)).toEqual([]);
  }, 120_000);

  it("every name an example imports from the package is exported by that entry", () => {
    const entries: Record<string, Record<string, unknown>> = {
      treatylab: core,
      "treatylab/advanced": advanced,
      "treatylab/node": nodeEntry,
      "treatylab/plot": plotEntry,
    };
    const missing: string[] = [];
    let checked = 0;
    for (const e of all) {
      for (const m of e.code.matchAll(/^import (?:type )?\{([^}]*)\} from "(treatylab(?:\/\w+)?)"/gm)) {
        const entry = entries[m[2]!];
        if (!entry) {
          missing.push(`${e.where}: unknown entry ${m[2]}`);
          continue;
        }
        const typeOnly = m[0].startsWith("import type");
        for (const raw of m[1]!.split(",")) {
          const name = raw.trim();
          if (name === "" || typeOnly || name.startsWith("type ")) continue;
          checked++;
          if (!(name in entry)) missing.push(`${e.where}: ${name} is not exported by ${m[2]}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("a wrong call in an example is a type error (so the check above can fail)", () => {
    const wrong = {
      where: "injected",
      code: 'import { compileScenario, nash1950 } from "treatylab";\nimport { planWalk } from "treatylab/advanced";\nplanWalk(compileScenario(nash1950), "yes");',
    };
    expect(typeErrors([wrong]).join("\n")).toMatch(/injected .*not assignable/);
  }, 120_000);
});
