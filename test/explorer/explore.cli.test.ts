import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { run } from "../cli/run.js";

const OUT = path.resolve("test-output");

describe("treatylab explore --out (needs dist/explorer from npm run build)", () => {
  it("writes one page with the scenario embedded and a policy forbidding requests", async () => {
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, "explore-nash.html");
    const r = await run("explore", "nash-1950", "--out", file);
    expect(r).toMatchObject({ code: 0, err: `wrote ${file}\n` });
    const html = readFileSync(file, "utf8");
    const embedded = /<script id="treatylab-scenario" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(embedded!)).toEqual(builtinScenario("nash-1950"));
    // The page may not fetch anything (the browser test checks the DOM has no external script,
    // stylesheet, image or frame, and records every request).
    expect(html.includes("connect-src 'none'")).toBe(true);
  });

  it("escapes the embedded scenario so that its text cannot end the script element", async () => {
    const file = path.join(OUT, "explore-escape.json");
    const s = { ...builtinScenario("nash-1950"), id: "escape", title: "</script><script>alert(1)</script>" };
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, JSON.stringify(s));
    const r = await run("explore", file, "--out", "-");
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("</script><script>alert(1)");
    const embedded = /<script id="treatylab-scenario" type="application\/json">(.*?)<\/script>/s.exec(r.out)?.[1];
    expect(JSON.parse(embedded!).title).toBe(s.title);
  });

  it("rejects a bad port and an unknown scenario with one line and exit code 2", async () => {
    const bad = await run("explore", "nash-1950", "--port", "70000");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"70000" is not a port number/);
    const unknown = await run("explore", "no-such-scenario", "--out", path.join(OUT, "x.html"));
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim().split("\n")).toHaveLength(1);
  });
});
