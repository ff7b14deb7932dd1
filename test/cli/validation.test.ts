import { describe, expect, it } from "vitest";
import { run } from "./run.js";

describe("treatylab validation", () => {
  it("prints the series as CSV with each plan's verdict next to the record, and as JSON", async () => {
    const csv = await run("validation", "--format", "csv");
    expect(csv.code).toBe(0);
    expect(csv.out).toMatch(
      /^date,snapshot,role,outcomes,zopa,zopa_share,.*,plan,tabled_by,accepted_by_all_model,rejected_by_model,rejected_by_record,match\n/,
    );
    expect(csv.out).toContain(',no agreement,"US 28-point peace plan, November 2025",us,false,eu,ukraine;eu,partial\n');
    const json = JSON.parse((await run("validation", "--format", "json")).out) as {
      set: string;
      snapshots: { id: string; zopa: number }[];
    };
    expect(json.set).toBe("ukraine");
    expect(json.snapshots.map((r) => r.id)).toEqual([
      "ukraine-2022-03-istanbul",
      "ukraine-2025-06-istanbul",
      "ukraine-2025-08-alaska",
      "ukraine-2025-11-28-point",
    ]);
  });

  it("writes a Vega-Lite spec, and names the sets when given an unknown one (exit 2)", async () => {
    const spec = JSON.parse((await run("validation", "--format", "vega")).out) as { vconcat: unknown[] };
    expect(spec.vconcat).toHaveLength(2);
    const bad = await run("validation", "nosuch");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no validation set "nosuch"; sets: ukraine');
  });
});
