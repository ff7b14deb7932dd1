// Extracts the `@example` blocks of src/**/*.ts and type-checks them in one TypeScript program.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Example {
  readonly file: string; // relative to the repository root
  readonly line: number; // 1-based line of the first code line
  readonly code: string;
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRIES: Readonly<Record<string, string>> = {
  treatylab: "src/index.ts",
  "treatylab/advanced": "src/advanced.ts",
  "treatylab/node": "src/node.ts",
  "treatylab/plot": "src/plot.ts",
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : [],
  );
}

/** Every ```ts block that follows an `@example` tag in a doc comment under src/. */
export function extractExamples(): Example[] {
  const out: Example[] = [];
  for (const abs of tsFiles(path.join(ROOT, "src")).sort()) {
    const lines = readFileSync(abs, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
      const open = lines[i + 1];
      if (open === undefined || !/^\s*\*\s*```ts\s*$/.test(open)) continue;
      const body: string[] = [];
      let j = i + 2;
      for (; j < lines.length && !/^\s*\*\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.replace(/^\s*\* ?/, ""));
      out.push({ file: path.relative(ROOT, abs), line: i + 3, code: body.join("\n") });
      i = j;
    }
  }
  return out;
}

/** Code with comments and string contents removed. */
function stripped(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
}

/** True when the example only restates a value: no call, no `new`, no declaration, no function. */
export function isConstantOnly(code: string): boolean {
  const body = stripped(code)
    .split("\n")
    .filter((l) => !/^\s*import\b/.test(l))
    .join("\n");
  return !/[\w$)\]>]\s*(?:<[^;\n]*>)?\s*\(|\bnew\b|=>|\bfunction\b|\b(?:const|let|type|interface)\b/.test(body);
}

// Names an example may use without declaring them: the usual inputs of the documented calls.
const INDEX = path.join(ROOT, "src/index.js");
const AMBIENT = `declare const scenario: import("${INDEX}").Scenario;
declare const c: import("${INDEX}").CompiledScenario;
declare const compiled: import("${INDEX}").CompiledScenario;
declare const json: unknown;
`;

export interface ExampleError {
  readonly example: Example;
  readonly message: string;
}

/** Type-checks every example in one program; each example is its own module importing the four entries. */
export function typeCheckExamples(examples: readonly Example[]): ExampleError[] {
  const dir = path.join(ROOT, "test/docs/.examples");
  const entryFor = (spec: string): string | undefined => {
    const rel = ENTRIES[spec];
    return rel === undefined ? undefined : path.join(ROOT, rel);
  };
  // All exported names of the entries, so an example may use any public export without an import line.
  const entryProgram = ts.createProgram(
    Object.values(ENTRIES).map((r) => path.join(ROOT, r)),
    {
      noEmit: true,
      allowJs: false,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    },
  );
  const checker = entryProgram.getTypeChecker();
  const exported = new Map<string, string>(); // name -> spec
  for (const [spec, rel] of Object.entries(ENTRIES)) {
    const sf = entryProgram.getSourceFile(path.join(ROOT, rel));
    const sym = sf && checker.getSymbolAtLocation(sf);
    if (!sym) continue;
    for (const e of checker.getExportsOfModule(sym)) if (!exported.has(e.name)) exported.set(e.name, spec);
  }
  const virtual = new Map<string, { text: string; example: Example; offset: number }>();
  examples.forEach((ex, k) => {
    const code = ex.code;
    const importLines = code.split("\n").filter((l) => /^\s*import\b/.test(l));
    const imported = new Set<string>();
    for (const l of importLines) for (const m of l.matchAll(/\b([A-Za-z_$][\w$]*)\b/g)) imported.add(m[1]!);
    const used = new Set(stripped(code).match(/\b[A-Za-z_$][\w$]*\b/g) ?? []);
    const auto = new Map<string, string[]>();
    for (const name of used) {
      const spec = exported.get(name);
      if (spec === undefined || imported.has(name)) continue;
      auto.set(spec, [...(auto.get(spec) ?? []), name]);
    }
    const head =
      [...auto]
        .map(([spec, names]) => `import { ${names.join(", ")} } from "${entryFor(spec)!.replace(/\.ts$/, ".js")}";`)
        .join("\n") +
      "\n" +
      AMBIENT;
    // Imports stay at the top; the rest runs in a block so it may shadow the ambient names.
    // Package specifiers point at the sources, so the check needs no build.
    // An example of an internal (non-public) function imports it relative to its own file: `from "./x.js"`.
    const lines = code.split("\n").map((l) =>
      l
        .replace(/(["'])(treatylab(?:\/\w+)?)\1/, (m, q: string, spec: string) => {
          const e = entryFor(spec);
          return e ? q + e.replace(/\.ts$/, ".js") + q : m;
        })
        .replace(/(\bfrom\s+)(["'])(\.\.?\/[^"']+)\2/, (_m, from: string, q: string, rel: string) => {
          return from + q + path.join(ROOT, path.dirname(ex.file), rel) + q;
        }),
    );
    const text =
      head +
      lines.map((l) => (/^\s*import\b/.test(l) ? l : "")).join("\n") +
      "\n{\n" +
      lines.map((l) => (/^\s*import\b/.test(l) ? "" : l)).join("\n") +
      "\n}\nexport {};\n";
    const offset = head.split("\n").length - 1; // line index of the example's first line in text
    virtual.set(path.join(dir, `ex${k}.ts`), { text, example: ex, offset });
  });
  // The two copies of the example (imports, then body) sit at `offset` and `offset + lines + 1`.
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ["node"],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    const v = virtual.get(path.resolve(name));
    return v ? ts.createSourceFile(name, v.text, lang) : getSourceFile(name, lang, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(path.resolve(name))?.text ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors: ExampleError[] = [];
  for (const [name, v] of virtual) {
    const sf = program.getSourceFile(name)!;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const n = v.example.code.split("\n").length;
      const at = d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line;
      const rel = at >= v.offset + n + 1 ? at - v.offset - n - 1 : at - v.offset;
      const line = v.example.line + Math.max(0, Math.min(n - 1, rel));
      errors.push({
        example: v.example,
        message: `${v.example.file}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
      });
    }
  }
  return errors;
}

/** A stable key for an example: its file and a hash of its code (line numbers move when the file changes). */
export function exampleKey(ex: Example): string {
  let h = 2166136261;
  for (let i = 0; i < ex.code.length; i++) h = Math.imul(h ^ ex.code.charCodeAt(i), 16777619) >>> 0;
  return `${ex.file}#${h.toString(16).padStart(8, "0")}`;
}

/** The failing examples by key, each with its messages: type errors, and "only restates a value". */
export function failingExamples(examples: readonly Example[]): Map<string, string[]> {
  const failing = new Map<string, string[]>();
  const add = (ex: Example, message: string): void => {
    failing.set(exampleKey(ex), [...(failing.get(exampleKey(ex)) ?? []), message]);
  };
  for (const e of typeCheckExamples(examples)) add(e.example, e.message);
  for (const ex of examples)
    if (isConstantOnly(ex.code)) add(ex, `${ex.file}:${ex.line}: the example only restates a value; show a real call`);
  return failing;
}
