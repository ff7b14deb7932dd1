import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/edits/applyEdits.js";
import { applyEditsData, parameterAssignments } from "../../src/edits/editsData.js";
import { applyEvents, sanctionsEvent } from "../../src/edits/events.js";
import type { ScenarioEdit } from "../../src/edits/types.js";
import { loadScenario } from "../../src/files/loadScenario.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "./run.js";

const tmp = mkdtempSync(path.join(tmpdir(), "treatylab-whatif-"));
const nash = builtinScenario("nash-1950");
// A reservation shift and an option-value shift (Jack comes to value Bill keeping the ball).
const edits: ScenarioEdit[] = [
  { op: "shiftReservation", party: "bill", by: -0.1 },
  { op: "shiftValue", party: "jack", issue: "ball", option: "bill", by: 0.5 },
];
const editsFile = path.join(tmp, "edits.json");
writeFileSync(editsFile, JSON.stringify(edits));
const editedFile = path.join(tmp, "nash-edited.json");
writeFileSync(editedFile, JSON.stringify(applyEdits(nash, edits)));
// The same as --param: Bill's reservation set to the shifted value, Jack's ball value to 0.5.
const params = [
  "--param",
  `parties.bill.reservation=${applyEdits(nash, edits).parties[0]!.reservation}`,
  "--param",
  "parties.jack.values.ball.bill=0.5",
];
const pointsFree = path.join(tmp, "proposal.json");
writeFileSync(
  pointsFree,
  JSON.stringify({
    book: "jack",
    whip: "jack",
    ball: "jack",
    bat: "jack",
    box: "bill",
    pen: "bill",
    toy: "bill",
    knife: "jack",
    hat: "jack",
  }),
);

// Each command that takes a scenario, with arguments that make it fast. `{}` is where the scenario goes.
const table: readonly (readonly string[])[] = [
  ["analyze", "{}", "--format", "json"],
  ["check", "{}", "--proposal", pointsFree, "--format", "json"],
  ["explain", "{}", "--solution", "nash", "--format", "json"],
  ["simulate", "{}", "--seed", "3", "--rounds", "30", "--format", "json"],
  ["tournament", "{}", "--strategies", "boulware,conceder", "--rounds", "20", "--format", "json"],
  ["spe", "{}", "--rounds", "3", "--discount", "bill=0.9,jack=0.9", "--format", "json"],
  ["sweep", "{}", "-p", "parties.jack.reservation=0.1,0.3", "--threads", "1", "--format", "json"],
  ["sensitivity", "{}", "-p", "parties.jack.reservation", "--steps", "8", "--threads", "1", "--format", "json"],
  ["montecarlo", "{}", "--spread", "0.1", "--draws", "200", "--seed", "5", "--threads", "1", "--format", "json"],
  ["plot", "{}", "--format", "json"],
  ["report", "{}", "--seed", "1"],
  ["show", "{}"],
  ["divide", "{}", "--parties", "bill,jack", "--items", "book,ball,pen", "--format", "json"],
  ["convert", "{}", "--to", "treatylab"],
  ["stability", "{}", "--control", "bill=pen,toy", "--control", "jack=book,ball", "--format", "json"],
];

/**
 * Vega numbers its clip paths with a counter that lives as long as the process (`clip1`, then
 * `clip3` for the same plot drawn again), so in-process runs of `report` differ there only.
 */
const sameProcess = (html: string): string => html.replace(/clip\d+/g, "clip");

/** sweep and sensitivity own --param (their axes / parameters): there the what-if flag is --fix. */
const paramFlagOf = (cmd: string): string => (cmd === "sweep" || cmd === "sensitivity" ? "--fix" : "--param");

describe("--edits and --param on every command that takes a scenario", () => {
  it.each(table.map((args) => [args[0]!, args] as const))(
    "%s: --edits gives the result of the edited file",
    async (_name, args) => {
      const onFile = await run(...args.map((a) => (a === "{}" ? editedFile : a)));
      const withEdits = await run(...args.map((a) => (a === "{}" ? "nash-1950" : a)), "--edits", editsFile);
      expect(onFile.err).toBe("");
      expect(onFile.code).toBe(0);
      expect(withEdits.err).toBe("");
      expect(sameProcess(withEdits.out)).toBe(sameProcess(onFile.out));
      const flag = paramFlagOf(args[0]!);
      const withParams = await run(
        ...args.map((a) => (a === "{}" ? "nash-1950" : a)),
        ...params.map((p) => (p === "--param" ? flag : p)),
      );
      expect(withParams.err).toBe("");
      expect(sameProcess(withParams.out)).toBe(sameProcess(onFile.out));
    },
  );

  it("forecast applies --edits and --param to a scenario's forecast (and refuses them on a table)", async () => {
    const inputs = "examples/forecast/ukraine-2025.json";
    const plain = await run("forecast", inputs, "--model", "mean", "--format", "json");
    const edited = await run(
      "forecast",
      inputs,
      "--model",
      "mean",
      "--format",
      "json",
      "--param",
      "parties.russia.weights.crimea=40",
    );
    expect(plain.code).toBe(0);
    expect(edited.err).toBe("");
    expect(edited.out).not.toBe(plain.out);
    const table = await run("forecast", "examples/forecast/ec-scholz.csv", "--edits", editsFile);
    expect(table.code).toBe(2);
    expect(table.err).toMatch(/--edits and --param change a scenario/);
  });

  it("the edits change the answer (so the table above can fail)", async () => {
    const plain = await run("analyze", "nash-1950", "--format", "json");
    const edited = await run("analyze", "nash-1950", "--edits", editsFile, "--format", "json");
    expect(JSON.parse(edited.out).zopa.count).not.toBe(JSON.parse(plain.out).zopa.count);
  });

  it("compare and diff take the what-ifs as the second scenario", async () => {
    expect((await run("compare", "nash-1950", "--edits", editsFile, "--format", "json")).out).toBe(
      (await run("compare", "nash-1950", editedFile, "--format", "json")).out,
    );
    const d = await run("diff", "nash-1950", ...params);
    expect(d.out).toContain("parties[bill].reservation");
    expect(d.out).toContain("parties[jack].values.ball.bill: 0 -> 0.5");
    expect((await run("compare", "nash-1950", editedFile, "--edits", editsFile)).err).toMatch(/not both/);
  });

  it("validate checks the edited scenario; plot refuses what-ifs on a saved result", async () => {
    const v = await run("validate", "nash-1950", "--edits", editsFile);
    expect(v.out.replace(/^\S+: /, "")).toBe((await run("validate", editedFile)).out.replace(/^\S+: /, ""));
    expect((await run("validate", "nash-1950", "--param", "parties.bill.weights.hat=-1")).code).toBe(2);
    const saved = path.join(tmp, "run.json");
    expect((await run("simulate", "nash-1950", "--rounds", "5", "--format", "json", "--out", saved)).code).toBe(0);
    const p = await run("plot", saved, "--edits", editsFile);
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/is a saved result: --edits and --param apply to a scenario/);
  });

  it("applies several --edits files in order, then --param (which wins)", async () => {
    const second = path.join(tmp, "second.json");
    writeFileSync(second, JSON.stringify({ edits: [{ op: "setReservation", party: "bill", value: 0.3 }] }));
    const s = await run(
      "show",
      "nash-1950",
      "--edits",
      editsFile,
      "--edits",
      second,
      "--param",
      "parties.jack.reservation=0.2",
    );
    const shown = JSON.parse(s.out);
    expect(shown.parties[0].reservation).toBe(0.3);
    expect(shown.parties[1].reservation).toBe(0.2);
    expect(shown.parties[1].values.ball.bill).toBe(0.5);
    const p = await run("show", "nash-1950", "--param", "parties.*.reservation=0.1");
    expect(JSON.parse(p.out).parties.map((x: { reservation: number }) => x.reservation)).toEqual([0.1, 0.1]);
  });

  it("bad what-ifs are one line naming the flag (exit 2)", async () => {
    const bad = path.join(tmp, "bad.json");
    writeFileSync(bad, JSON.stringify([{ op: "shiftValue", party: "jack", issue: "ball", option: "nobody", by: 1 }]));
    const r = await run("analyze", "nash-1950", "--edits", bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^treatylab: --edits .*bad\.json: edits\[0\]\.option: unknown option "nobody"/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    const v = await run("analyze", "nash-1950", "--param", "parties.bill.reservation=high");
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/--param "parties.bill.reservation=high": "high" is not a number/);
    expect((await run("check", "nash-1950", "--param", "parties.bill.weights=3")).err).toMatch(
      /is not a parameter path/,
    );
    expect(
      (await run("sweep", "nash-1950", "-p", "parties.bill.reservation=0.1,0.2", "--fix", "parties.bill.reservation"))
        .err,
    ).toMatch(/--fix .*expected path=value/);
  });
});

describe("events that change the value of options", () => {
  it("the shipped example (sanctions with relief) applies to ukraine-2025 and raises Russia's value of staged relief", async () => {
    const r = await run("show", "ukraine-2025", "--edits", "examples/events/sanctions-with-relief.json");
    expect(r.err).toBe("");
    const before = builtinScenario("ukraine-2025").parties.find((p) => p.id === "russia")!;
    const after = JSON.parse(r.out).parties.find((p: { id: string }) => p.id === "russia");
    expect(after.values.sanctions.staged).toBe((before.values.sanctions as Record<string, number>).staged! + 2);
    expect(after.reservation).toBeCloseTo(before.reservation - 0.05, 12);
  });

  it("shiftValue adds to a raw value, kept >= 0, and names an unknown issue", () => {
    const s = applyEdits(nash, [
      { op: "shiftValue", party: "jack", issue: "pen", option: "bill", by: 0.5 },
      { op: "shiftValue", party: "jack", issue: "pen", option: "jack", by: -0.25 },
    ]);
    expect(s.parties[1]!.values.pen).toEqual({ bill: 0.5, jack: 0.75 });
    const clamped = applyEdits(s, [{ op: "shiftValue", party: "jack", issue: "pen", option: "bill", by: -5 }]);
    expect((clamped.parties[1]!.values.pen as Record<string, number>).bill).toBe(0);
    expect(() => applyEdits(nash, [{ op: "shiftValue", party: "jack", issue: "nope", option: "jack", by: 1 }])).toThrow(
      /edits\[0\]\.issue: unknown issue "nope"/,
    );
  });

  it("sanctions raise the value of relief for the target", () => {
    const e = sanctionsEvent({ target: "jack", by: 0.05, relief: [{ issue: "hat", option: "bill", by: 0.25 }] });
    const s = applyEvents(nash, [e]);
    expect(s.parties[1]!.reservation).toBeCloseTo(nash.parties[1]!.reservation - 0.05, 12);
    expect(s.parties[1]!.values.hat).toEqual({ bill: 0.25, jack: 1 });
    expect(s.parties[0]).toBe(nash.parties[0]); // untouched, shared
  });

  it("applyEditsData reads edits, events, { edits } and { events }, and names the file on error", () => {
    const one: ScenarioEdit = { op: "setReservation", party: "bill", value: 0.2 };
    for (const data of [
      [one],
      { edits: [one] },
      [{ id: "x", edits: [one] }],
      { events: [{ id: "x", edits: [one] }] },
      [{ round: 4, label: "sim event", edits: [one] }],
    ])
      expect(applyEditsData(nash, data, "f.json").parties[0]!.reservation).toBe(0.2);
    expect(() => applyEditsData(nash, { nope: 1 }, "f.json")).toThrow(/^f\.json: expected an array/);
    expect(() =>
      applyEditsData(nash, [{ id: "ev", edits: [{ op: "setReservation", party: "zed", value: 0 }] }], "f.json"),
    ).toThrow(/^f\.json: events\[0\] "ev": edits\[0\]\.party: unknown party "zed"/);
  });

  it("parameterAssignments gives the setting edits, wildcards expanded", () => {
    expect(parameterAssignments(nash, ["parties.*.weights.hat=3"])).toEqual([
      { op: "setWeight", party: "bill", issue: "hat", value: 3 },
      { op: "setWeight", party: "jack", issue: "hat", value: 3 },
    ]);
  });
});

describe("scenario files that name a base and edits", () => {
  it("a built-in base with edits equals the edited scenario; other fields replace the base's", async () => {
    const f = path.join(tmp, "derived.json");
    writeFileSync(f, JSON.stringify({ base: "nash-1950", id: "nash-derived", title: "Derived", edits }));
    const s = await loadScenario(f);
    expect(s).toEqual({ ...applyEdits(nash, edits), id: "nash-derived", title: "Derived" });
    const a = await run("analyze", f, "--format", "json");
    const b = await run("analyze", editedFile, "--format", "json");
    expect(JSON.parse(a.out).zopa).toEqual(JSON.parse(b.out).zopa);
  });

  it("a relative file base (itself derived) and events, resolved from the file's folder", async () => {
    const dir = mkdtempSync(path.join(tmp, "chain-"));
    writeFileSync(path.join(dir, "a.json"), JSON.stringify({ base: "nash-1950", edits: [edits[0]] }));
    writeFileSync(
      path.join(dir, "b.json"),
      JSON.stringify({ base: "./a.json", events: [{ id: "value", edits: [edits[1]] }] }),
    );
    expect(await loadScenario(path.join(dir, "b.json"))).toEqual(JSON.parse(readFileSync(editedFile, "utf8")));
  });

  it("a cycle, a missing base and a bad edit are one-line errors naming the file", async () => {
    const dir = mkdtempSync(path.join(tmp, "cycle-"));
    writeFileSync(path.join(dir, "x.json"), JSON.stringify({ base: "y.json", edits: [] }));
    writeFileSync(path.join(dir, "y.json"), JSON.stringify({ base: "x.json", edits: [] }));
    await expect(loadScenario(path.join(dir, "x.json"))).rejects.toThrow(
      /\$\.base: "x\.json" leads back to itself \(x\.json -> y\.json -> x\.json\)/,
    );
    writeFileSync(path.join(dir, "m.json"), JSON.stringify({ base: "missing.json" }));
    await expect(loadScenario(path.join(dir, "m.json"))).rejects.toThrow(/missing\.json: no such file/);
    writeFileSync(
      path.join(dir, "e.json"),
      JSON.stringify({ base: "nash-1950", edits: [{ op: "setWeight", party: "zed", issue: "hat", value: 1 }] }),
    );
    const r = await run("analyze", path.join(dir, "e.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/e\.json: edits\[0\]\.party: unknown party "zed"/);
  });
});
