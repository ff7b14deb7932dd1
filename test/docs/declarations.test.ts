import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What the published type declarations (dist/*.d.ts, bundled by tsup) promise, against what the
// built modules export at run time. The bundler turns `export type { SomeClass }` into a plain
// export of a declared class, which TypeScript then lets a program call as a value that is not
// there (found in review: `new Session(...)` type-checked and failed at run time).
const ENTRIES = ["index", "advanced", "node", "plot"] as const;

function declaredExports(entry: string): { values: string[]; all: string[] } {
  const file = path.resolve("dist", `${entry}.d.ts`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const module = checker.getSymbolAtLocation(source)!;
  const values: string[] = [];
  const all: string[] = [];
  for (const symbol of checker.getExportsOfModule(module)) {
    const name = symbol.getName();
    all.push(name);
    // A type-only export (`export { type X }`) is an alias that does not carry a value.
    const typeOnly = symbol.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d)) ?? false;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!typeOnly && target.flags & ts.SymbolFlags.Value) values.push(name);
  }
  return { values: values.sort(), all: all.sort() };
}

describe("published declarations", () => {
  it.each(ENTRIES)("dist/%s.d.ts declares as values exactly the names its .js exports", async (entry) => {
    const declared = declaredExports(entry);
    const runtime = Object.keys(
      (await import(pathToFileURL(path.resolve("dist", `${entry}.js`)).href)) as Record<string, unknown>,
    ).sort();
    expect(declared.values.filter((n) => !runtime.includes(n))).toEqual([]); // promised, absent
    expect(runtime.filter((n) => !declared.values.includes(n))).toEqual([]); // present, untyped
  });

  it("no name, value or type, is declared by both `treatylab` and `treatylab/advanced`", () => {
    const core = new Set(declaredExports("index").all);
    expect(declaredExports("advanced").all.filter((n) => core.has(n))).toEqual([]);
  });
});
