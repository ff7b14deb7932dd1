import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Issue #16: the scenario format is written twice, as the interfaces of src/model/types.ts (with
// the doc comments users read) and as the zod schema of src/model/schema.ts. No cast joins them:
// `ScenarioFormatsAgree` in schema.ts makes the compiler prove them the same shape both ways. This
// test runs the compiler on that file (CI runs no separate type check), and on copies with one
// side changed to show the proof fails then.
const SCHEMA = path.resolve("src/model/schema.ts");
const TYPES = path.resolve("src/model/types.ts");

function typeErrors(overrides: Readonly<Record<string, string>> = {}): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.resolve("tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version, ...rest) => {
    const text = overrides[path.resolve(file)];
    return text !== undefined ? ts.createSourceFile(file, text, version) : read(file, version, ...rest);
  };
  const program = ts.createProgram(
    [SCHEMA, path.resolve("src/model/validate.ts")],
    { ...config.options, noEmit: true },
    host,
  );
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const replaced = (file: string, from: string, to: string): string => {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe("the scenario format's two definitions (types.ts and the zod schema) agree", () => {
  it("the compiler proves them equal, and validateScenario returns the schema's output as a Scenario without a cast", () => {
    expect(typeErrors()).toEqual([]);
    expect(readFileSync("src/model/validate.ts", "utf8")).not.toMatch(/as Scenario\b/);
  });

  it("the proof fails when the schema gains a field the interfaces lack", () => {
    const schema = replaced(
      SCHEMA,
      "  discount: finite.positive().max(1).optional(),",
      "  discount: finite.positive().max(1).optional(),\n  extra: z.string().optional(),",
    );
    expect(typeErrors({ [SCHEMA]: schema }).join("\n")).toMatch(/does not satisfy the constraint 'true'/);
  });

  it("the proof fails when an interface's field differs from the schema's (optional vs required)", () => {
    const types = replaced(
      TYPES,
      '  readonly rule: "all" | "majority" | "quota";',
      '  readonly rule?: "all" | "majority" | "quota";',
    );
    expect(typeErrors({ [TYPES]: types }).join("\n")).toMatch(/does not satisfy the constraint 'true'/);
  });
});
