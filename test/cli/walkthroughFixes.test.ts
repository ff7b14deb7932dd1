import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nash1950 } from "../../src/index.js";
import { counted } from "../../src/model/groupDigits.js";
import { run } from "./run.js";

// What a fresh-user walkthrough of the CLI found (8 December 2026): options that were accepted and
// did nothing, a stream of finished work overwritten without a word, a folder the stream would not
// create although --out creates it, and a misleading error for a scenario given to `stability`.
const SWEEP = ["sweep", "nash-1950", "--param", "parties.bill.reservation=0.2:0.8:4", "--threads", "1"];
const tmp = (): Promise<string> => fs.mkdtemp(path.join(os.tmpdir(), "treatylab-walk-"));

describe("the walkthrough's findings", () => {
  it("a --jsonl stream that holds rows is not overwritten without --resume; one with its header only is", async () => {
    const dir = await tmp();
    const file = path.join(dir, "rows.jsonl");
    expect((await run(...SWEEP, "--format", "json", "--jsonl", file)).code).toBe(0);
    const before = await fs.readFile(file, "utf8");
    expect(before.trimEnd().split("\n")).toHaveLength(5); // header and four rows
    // Another job (another seed would do; here other values) into the same file: refused, file kept.
    const other = await run(
      "sweep",
      "nash-1950",
      "--param",
      "parties.jack.reservation=0.1:0.5:3",
      "--threads",
      "1",
      "--jsonl",
      file,
    );
    expect(other.code).toBe(2);
    expect(other.err).toMatch(
      /rows\.jsonl" already holds rows of a run: give --resume to continue the same job there, or remove the file/,
    );
    expect(await fs.readFile(file, "utf8")).toBe(before);
    // The same job without --resume: refused as well (it would have started afresh).
    expect((await run(...SWEEP, "--jsonl", file)).code).toBe(2);
    // With --resume: the rows are kept.
    const resumed = await run(...SWEEP, "--format", "json", "--jsonl", file, "--resume");
    expect(resumed.code, resumed.err).toBe(0);
    expect(await fs.readFile(file, "utf8")).toBe(before);
    // A file with its header only (a run stopped before any row) starts afresh.
    await fs.writeFile(file, `${before.split("\n")[0]}\n`);
    expect((await run(...SWEEP, "--jsonl", file)).code).toBe(0);
    expect(await fs.readFile(file, "utf8")).toBe(before);
    // A file treatylab did not write is refused, not emptied.
    await fs.writeFile(file, "my notes\n");
    const notes = await run(...SWEEP, "--jsonl", file);
    expect(notes.err).toMatch(/already holds data treatylab did not write/);
    expect(await fs.readFile(file, "utf8")).toBe("my notes\n");
    for (const text of [
      "hello\nworld\n",
      "no newline",
      `${before.split("\n")[0]}\n{"draw":3,"val\n${before.split("\n")[2]}\n`,
    ]) {
      // notes of several lines, a line without its end, a stream damaged in the middle (review)
      await fs.writeFile(file, text);
      expect((await run(...SWEEP, "--jsonl", file)).code).toBe(2);
      expect(await fs.readFile(file, "utf8")).toBe(text);
    }
  });

  it("--jsonl creates missing folders, as --out does", async () => {
    const dir = await tmp();
    const file = path.join(dir, "a", "b", "rows.jsonl");
    const r = await run(...SWEEP, "--jsonl", file);
    expect(r.code, r.err).toBe(0);
    expect((await fs.readFile(file, "utf8")).trimEnd().split("\n")).toHaveLength(5);
  });

  it("--resume without --jsonl, and forecast -u or --spread without --draws, are refused", async () => {
    const resume = await run("montecarlo", "nash-1950", "--spread", "0.1", "--draws", "100", "--resume");
    expect(resume.code).toBe(2);
    expect(resume.err).toMatch(/--resume continues a --jsonl stream: give the stream's file with --jsonl <file>/);
    const spread = await run("forecast", "examples/forecast/ec-scholz.csv", "--spread", "0.2");
    expect(spread.code).toBe(2);
    expect(spread.err).toMatch(/--spread describes the Monte Carlo over the inputs: give --draws <n> too/);
    const u = await run("forecast", "dayton-1995", "-u", "no-such-file.json");
    expect(u.err).toMatch(/--uncertainty describes the Monte Carlo over the inputs: give --draws <n> too/);
    // With --draws they run.
    expect((await run("forecast", "examples/forecast/ec-scholz.csv", "--spread", "0.2", "--draws", "20")).code).toBe(0);
  });

  it("`stability` given a settlement scenario without --control says to give --control", async () => {
    const r = await run("stability", "nash-1950");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /nash-1950 is a settlement scenario, not a graph model: give the clauses each party controls after signature with --control <party=issues>/,
    );
    const other = await run("stability", "examples/points/bob-carol.json");
    expect(other.err).toMatch(/is neither a built-in graph model/);
  });

  it("a proposal's refused clause names where it came from: the file or the --set clause", async () => {
    const dir = await tmp();
    const file = path.join(dir, "p.json");
    await fs.writeFile(file, JSON.stringify({ bundle: { book: "nobody" } }));
    for (const verb of ["check", "explain"]) {
      const r = await run(verb, "nash-1950", "--proposal", file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /p\.json: (proposal|bundle)\.book: unknown option "nobody"; expected one of "bill", "jack"/,
      );
    }
    const set = await run("check", "nash-1950", "--proposal", file, "--set", "nosuch=bill");
    expect(set.err).toMatch(/--set nosuch=bill: proposal\.nosuch: unknown issue "nosuch"/);
    const missing = await run("check", "nash-1950", "--set", "book=bill");
    expect(missing.err).toMatch(/--set: proposal: no option for issue "whip"/);
  });

  it("convert --to genius refuses a folder that holds another domain's files, and rewrites its own", async () => {
    const dir = path.join(await tmp(), "out");
    expect((await run("convert", "nash-1950", "--to", "genius", "--out", dir)).code).toBe(0);
    expect((await run("convert", "nash-1950", "--to", "genius", "--out", dir)).code).toBe(0);
    const before = (await fs.readdir(dir)).sort();
    const barter = path.join(dir, "..", "barter.json");
    await fs.writeFile(barter, JSON.stringify({ ...nash1950, id: "barter" }));
    const other = await run("convert", barter, "--to", "genius", "--out", dir);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/already holds other files \(nash-1950_domain\.xml\): a GENIUS folder holds one domain/);
    expect((await fs.readdir(dir)).sort()).toEqual(before);
    expect((await run("analyze", dir)).code).toBe(0);
    // Files the reader does not take (a README, .git) are no reason to refuse (review).
    const notes = path.join(await tmp(), "notes");
    await fs.mkdir(path.join(notes, ".git"), { recursive: true });
    await fs.writeFile(path.join(notes, "README.md"), "hi\n");
    expect((await run("convert", "nash-1950", "--to", "genius", "--out", notes)).code).toBe(0);
  });

  it("errors in a graph-model file, a forecast-inputs file's base and merged parts name the file", async () => {
    const dir = await tmp();
    const gm = path.join(dir, "gm.json");
    await fs.writeFile(
      gm,
      JSON.stringify({
        options: [{ name: "a" }, { name: "b" }],
        decisionMakers: [
          { name: "A", options: [7], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
          { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
        ],
      }),
    );
    expect((await run("stability", gm)).err).toMatch(
      /gm\.json: \$\.decisionMakers\[0\]\.options\[0\]: refers to option 7/,
    );
    const inputs = path.join(dir, "inputs.json");
    await fs.writeFile(inputs, JSON.stringify({ scenario: "nosuch", capabilities: {} }));
    expect((await run("forecast", inputs)).err).toMatch(
      /inputs\.json: \$\.scenario: is "nosuch", which is neither a built-in scenario nor a file beside this one .*; expected a built-in scenario id \(see `treatylab scenarios`\)/,
    );
    const mc = path.join(dir, "mc.json");
    const fc = path.join(dir, "fc.json");
    const half = ["--spread", "0.1", "--draws", "200", "--shard", "1/2", "--format", "json", "--out"];
    await run("montecarlo", "nash-1950", ...half, mc);
    await run("forecast", "examples/forecast/ec-scholz.csv", ...half, fc);
    expect((await run("merge", mc, fc)).err).toMatch(
      /not all shard outputs of the same kind of run: .*mc\.json is treatylab-montecarlo-part, .*fc\.json is treatylab-forecast-montecarlo-part/,
    );
  });

  it("forecast tables are strict: a CSV row with more fields than the header, a JSON row with another key", async () => {
    const dir = await tmp();
    const csv = path.join(dir, "t.csv");
    await fs.writeFile(csv, "Actor,Capability,Position,Salience\nA,1,0,0.5\nB,2,10,0.4,extra\n");
    expect((await run("forecast", csv)).err).toMatch(
      /t\.csv, line 3 \(row 2\): has 5 fields; expected 4, one per column/,
    );
    const json = path.join(dir, "t.json");
    await fs.writeFile(
      json,
      JSON.stringify([
        { actor: "A", capability: 1, position: 0, salience: 1, extra: 1 },
        { actor: "B", capability: 1, position: 5, salience: 1 },
      ]),
    );
    expect((await run("forecast", json)).err).toMatch(/t\.json, row 1: has the key "extra"; expected only the keys/);
  });

  it("forecast and montecarlo read a GENIUS folder, as every scenario command does", async () => {
    const mc = await run(
      "montecarlo",
      "examples/genius/nash-1950",
      "--spread",
      "0.1",
      "--draws",
      "100",
      "--format",
      "json",
    );
    expect(mc.code, mc.err).toBe(0);
    expect((JSON.parse(mc.out) as { draws: number }).draws).toBe(100);
    // Read, then refused for what it is (no ordered scale), not as "a folder, not a JSON file".
    const f = await run("forecast", "examples/genius/nash-1950");
    expect(f.err).toMatch(/examples\/genius\/nash-1950: no issue has an ordered scale/);
  });

  it("the stability heading drops its second 'stability' only for a scenario's clauses", async () => {
    const clauses = await run("stability", "nash-1950", "--control", "bill=pen,toy", "--control", "jack=book");
    expect(clauses.out.split("\n")[0]).toBe(
      "Nash (1950): the Bill and Jack barter: stability of the kept clauses (standard sanctions)",
    );
    const gm = path.join(await tmp(), "pact.json");
    await fs.writeFile(
      gm,
      JSON.stringify({
        name: "Regional stability pact",
        options: [{ name: "a" }, { name: "b" }],
        decisionMakers: [
          { name: "A", options: [0], preference: { ranking: ["YN", "NN", "YY", "NY"] } },
          { name: "B", options: [1], preference: { ranking: ["NY", "NN", "YY", "YN"] } },
        ],
      }),
    );
    expect((await run("stability", gm)).out.split("\n")[0]).toBe(
      "Regional stability pact: stability (standard sanctions)",
    );
  });

  it("a forecast-inputs number past 1e15 is refused at its path in the inputs file", async () => {
    const file = path.join(await tmp(), "inputs.json");
    await fs.writeFile(
      file,
      JSON.stringify({
        scenario: "ukraine-2025",
        scales: { crimea: { positions: { "ukrainian-control": 0, "frozen-line": 50, "de-jure-russian": 1e300 } } },
      }),
    );
    // was $.issues[5].options[3].position, a path in the scenario derived from the file
    expect((await run("forecast", file)).err).toMatch(
      /inputs\.json: \$\.scales\.crimea\.positions\.de-jure-russian: Too big/,
    );
  });

  it("counts take the singular for one", () => {
    expect(counted(1, "draw")).toBe("1 draw");
    expect(counted(0, "draw")).toBe("0 draws");
    expect(counted(12_000, "draw")).toBe("12,000 draws");
    expect(counted(1n, "party", "parties")).toBe("1 party");
    expect(counted(2n, "party", "parties")).toBe("2 parties");
  });
});
