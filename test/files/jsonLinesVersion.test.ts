import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATOR } from "../../src/cli/context.js";
import { run } from "../cli/run.js";

// Issue #16: JSON Lines outputs record the treatylab version that wrote them, like the JSON
// results (`generator` first): each row of `sweep --format jsonl`, and the header line of a
// `--jsonl` stream, which `--resume` checks as `merge` checks shard parts.
const SWEEP = ["sweep", "nash-1950", "--param", "parties.bill.reservation=0.2:0.8:4", "--threads", "1"];

const lines = async (file: string): Promise<Record<string, unknown>[]> =>
  (await fs.readFile(file, "utf8"))
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("JSON Lines record the version (issue #16)", () => {
  it("each line of `sweep --format jsonl` has generator first, then the row as --format json gives it", async () => {
    const jsonl = await run(...SWEEP, "--format", "jsonl");
    const json = JSON.parse((await run(...SWEEP, "--format", "json")).out) as { rows: object[] };
    const rows = jsonl.out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(4);
    rows.forEach((r, k) => {
      expect(Object.keys(r)[0]).toBe("generator");
      expect(r).toEqual({ generator: GENERATOR, ...json.rows[k] });
    });
  });

  it("a --jsonl stream's header records the version; --resume keeps the file and its rows", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-jsonl-"));
    const file = path.join(dir, "rows.jsonl");
    const first = await run(...SWEEP, "--format", "json", "--jsonl", file);
    expect(first.code).toBe(0);
    const written = await lines(file);
    expect(Object.keys(written[0]!)[0]).toBe("generator");
    expect(written[0]).toMatchObject({ generator: GENERATOR, kind: "treatylab-sweep-stream" });
    // interrupted after two rows: resuming computes the rest and gives the same result
    await fs.writeFile(file, `${(await fs.readFile(file, "utf8")).split("\n").slice(0, 3).join("\n")}\n`);
    const resumed = await run(...SWEEP, "--format", "json", "--jsonl", file, "--resume");
    expect(resumed.code).toBe(0);
    expect(resumed.out).toBe(first.out);
    expect(await lines(file)).toHaveLength(written.length);
  });

  it("--resume refuses a stream another version wrote, and keeps one that records no version (older files)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "treatylab-jsonl-"));
    const file = path.join(dir, "rows.jsonl");
    const first = await run(...SWEEP, "--format", "json", "--jsonl", file);
    const [header, ...rest] = await lines(file);
    const rewrite = (h: object): Promise<void> =>
      fs.writeFile(file, [h, ...rest.slice(0, 1)].map((x) => `${JSON.stringify(x)}\n`).join(""));

    await rewrite({ ...header, generator: { name: "treatylab", version: "0.0.1-other" } });
    const other = await run(...SWEEP, "--format", "json", "--jsonl", file, "--resume");
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/written by treatylab 0\.0\.1-other, this is treatylab /);

    const { generator: _g, ...unversioned } = header!;
    await rewrite(unversioned);
    const older = await run(...SWEEP, "--format", "json", "--jsonl", file, "--resume");
    expect(older.code).toBe(0);
    expect(older.out).toBe(first.out);
  });
});
