import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/cli/format/displayWidth.js";
import { renderTable } from "../../src/cli/format/renderTable.js";

describe("terminal tables (box drawing without a table library, issue 18: start-up)", () => {
  it("measures what a terminal shows: colour codes and combining marks take no column, wide characters two", () => {
    expect(displayWidth("russia")).toBe(6);
    expect(displayWidth("\u001b[1mrussia\u001b[22m")).toBe(6);
    expect(displayWidth("中文字")).toBe(6);
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("ＡＢ")).toBe(4); // fullwidth forms
    expect(displayWidth("e\u0301")).toBe(1); // e + combining acute
    expect(displayWidth("🕊")).toBe(1); // text presentation
    expect(displayWidth("🤝")).toBe(2); // emoji presentation
    expect(displayWidth("Україна")).toBe(7);
    expect(displayWidth("")).toBe(0);
  });

  it("draws the box exactly: header rule only when there are rows, no rules between rows, cells top-left", () => {
    expect(
      renderTable(
        ["party", "x"],
        [
          ["russia", 0.8],
          ["ukraine\nsecond line", null],
        ],
        "table",
      ),
    ).toBe(
      [
        "┌─────────────┬─────┐",
        "│ party       │ x   │",
        "├─────────────┼─────┤",
        "│ russia      │ 0.8 │",
        "│ ukraine     │     │",
        "│ second line │     │",
        "└─────────────┴─────┘",
      ].join("\n"),
    );
    expect(renderTable(["p", "q"], [], "table")).toBe(["┌───┬───┐", "│ p │ q │", "└───┴───┘"].join("\n"));
    expect(renderTable(["日本", "q"], [["中文字", "b"]], "table")).toBe(
      ["┌────────┬───┐", "│ 日本   │ q │", "├────────┼───┤", "│ 中文字 │ b │", "└────────┴───┘"].join("\n"),
    );
  });

  it("bold headers are bolded line by line and take no room", () => {
    const t = renderTable(["parameter", "value"], [["parties.russia.reservation", 0.44]], "table", {
      maxWidth: 24,
      color: true,
    });
    expect(t.split("\n")[1]).toBe("│ \u001b[1mparameter\u001b[22m    │ \u001b[1mvalue\u001b[22m │");
    for (const line of t.split("\n")) expect(displayWidth(line)).toBe(24);
  });

  it("every line of a table is equally wide on a terminal and every cell's text is in it", () => {
    const piece = fc.constantFrom("a", "bc", "Київ", "中文", "🤝", "e\u0301", "0.25", "-");
    const cell = fc.array(piece, { maxLength: 4 }).map((p) => p.join(" "));
    const multi = fc.array(cell, { minLength: 1, maxLength: 3 }).map((l) => l.join("\n"));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(multi, { minLength: 4, maxLength: 4 }), { maxLength: 4 }),
        fc.boolean(),
        (n, rows, color) => {
          const head = Array.from({ length: n }, (_, k) => `h${k}`);
          const body = rows.map((r) => r.slice(0, n));
          const lines = renderTable(head, body, "table", { color }).split("\n");
          const w = displayWidth(lines[0]!);
          for (const l of lines) expect(displayWidth(l)).toBe(w);
          expect(lines.length).toBe(
            (body.length > 0 ? 4 : 3) + body.reduce((a, r) => a + Math.max(...r.map((c) => c.split("\n").length)), 0),
          );
          const plain = lines.join("\n").replace(/\u001b\[[0-9;]*m/g, "");
          for (const r of body) for (const c of r) for (const l of c.split("\n")) expect(plain).toContain(l);
        },
      ),
      { numRuns: 200 },
    );
  });
});
