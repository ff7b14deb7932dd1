import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointWidth, displayUnits, displayWidth, unitWidth } from "../../src/cli/format/displayWidth.js";
import { renderTable } from "../../src/cli/format/renderTable.js";
import { longestPiece, wrapProse, wrapText } from "../../src/cli/format/wrapText.js";
import { runCli } from "../../src/cli/program.js";

async function runWidth(columns: number, argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: true, columns });
  return { code, out, err };
}

/** The headers of every terminal table in a text, each read across its wrapped lines. */
function tableHeaders(text: string): string[][] {
  const lines = text.split("\n");
  const tables: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("┌")) continue;
    const parts: string[][] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith("├") && !lines[i]!.startsWith("└"); i++)
      parts.push(
        lines[i]!.split("│")
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    const head = parts[0]!.map((_, k) =>
      parts
        .map((p) => p[k]!)
        .filter(Boolean)
        .reduce((a, b) => (a === "" ? b : /[._=/:-]$/.test(a) ? a + b : `${a} ${b}`), ""),
    );
    tables.push(head);
  }
  return tables;
}

const CASES: readonly (readonly string[])[] = [
  ["sweep", "ukraine-2025", "-p", "parties.russia.reservation=0.3:0.6:3", "--threads", "1"],
  [
    "sweep",
    "nash-1950",
    "-p",
    "parties.bill.reservation=0.2,0.4",
    "-p",
    "parties.jack.reservation=0.2,0.4",
    "--threads",
    "1",
  ],
  ["sensitivity", "ukraine-2025", "-p", "parties.*.reservation", "--threads", "1", "--steps", "4"],
  ["simulate", "ukraine-2025", "--protocol", "stacked", "--scope", "zopa", "--trace-rows", "8"],
  ["analyze", "ukraine-2025"],
  ["check", "ukraine-2025", "--proposal", "examples/proposals/us-28-point-plan.json", "--set", "army-cap=800"],
  ["backtest", "--draws", "0"],
  ["compare", "ukraine-2025", "--edits", "examples/events/sanctions.json"],
  ["stability", "ukraine-2025-may"],
  ["simulate", "nash-1950"],
  ["montecarlo", "nash-1950", "--spread", "0.1", "--draws", "200", "--threads", "1"],
];

/** Text reports without a table, whose every line must fit as well. */
const PROSE: readonly (readonly string[])[] = [
  ["explain", "ukraine-2025", "--proposal", "examples/proposals/us-28-point-plan.json"],
  ["diff", "ukraine-2025", "--edits", "examples/events/sanctions.json"],
  ["validate", "ukraine-2025"],
];

describe("terminal tables fit the terminal, headers stay whole and distinct (issue 17)", () => {
  for (const width of [80, 100])
    it.each(CASES.map((argv) => [argv.join(" "), argv] as const))(`%s at ${width} columns`, async (_, argv) => {
      const r = await runWidth(width, argv);
      expect(r.code, r.err).toBe(0);
      // every line: tables and the prose around them
      const long = r.out.split("\n").filter((l) => [...l].length > width);
      expect(long).toEqual([]);
      const tables = tableHeaders(r.out);
      expect(tables.length).toBeGreaterThan(0);
      for (const head of tables) {
        expect(new Set(head).size, head.join(" | ")).toBe(head.length);
        for (const h of head) expect(h).not.toContain("…");
      }
    });

  for (const width of [60, 80, 100])
    it.each(PROSE.map((argv) => [argv.join(" "), argv] as const))(`%s at ${width} columns`, async (_, argv) => {
      const r = await runWidth(width, argv);
      expect(r.code, r.err).toBe(0);
      expect(r.out.split("\n").filter((l) => [...l].length > width)).toEqual([]);
      // wrapping moved words to new lines, it dropped none
      const wide = await runWidth(10_000, argv);
      expect(r.out.replace(/\s+/g, " ")).toBe(wide.out.replace(/\s+/g, " "));
    });

  it("wrapProse wraps prose at spaces with a hanging indent and leaves table lines alone", () => {
    const line = "  entered: nato=moratorium, army-cap=600, donbas=frozen-line, zaporizhzhia=frozen-line";
    expect(wrapProse(line, 60)).toBe(
      "  entered: nato=moratorium, army-cap=600,\n    donbas=frozen-line, zaporizhzhia=frozen-line",
    );
    const table = "│ " + "x".repeat(100) + " │";
    expect(wrapProse(table, 60)).toBe(table);
    expect(wrapProse("short", 60)).toBe("short");
    expect(wrapProse("3. change 1 clause: accountability: Amnesty -> Tribunal and reparations", 40)).toBe(
      "3. change 1 clause: accountability:\n   Amnesty -> Tribunal and reparations",
    );
    expect(wrapProse("a".repeat(50), 20)).toBe(
      ["a".repeat(20), "  " + "a".repeat(20), "  " + "a".repeat(10)].join("\n"),
    );
  });

  it("a sweep too wide for the terminal becomes narrower tables repeating the swept parameters", async () => {
    const r = await runWidth(100, CASES[1]!);
    const tables = tableHeaders(r.out);
    expect(tables.length).toBeGreaterThan(1);
    for (const head of tables)
      expect(head.slice(0, 2)).toEqual(["parties.bill.reservation", "parties.jack.reservation"]);
    // every column appears once, apart from the repeated keys
    const all = tables.flatMap((h) => h.slice(2));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain("nash.bundle");
  });

  it("the simulate trace names each response column by its party", async () => {
    const r = await runWidth(100, CASES[3]!);
    const trace = tableHeaders(r.out.slice(r.out.indexOf("Trace"))).flat();
    expect(trace.filter((h) => h.startsWith("response"))).toEqual([
      "response_russia",
      "response_ukraine",
      "response_us",
      "response_eu",
    ]);
  });

  it("check lists no 0-change alternative for a proposal every party accepts", async () => {
    const r = await runWidth(100, CASES[5]!);
    expect(r.out).toContain("Every party accepts this proposal.");
    expect(r.out).not.toMatch(/change 0 clause/);
    expect(r.out).toMatch(/Other settlements every party accepts, closest first:\n1\. change 1 clause: /);
  });

  it("the analysis names the measure each solution maximises", async () => {
    const r = await runWidth(100, ["analyze", "nash-1950"]);
    expect(
      tableHeaders(r.out)
        .find((h) => h[0] === "solution")!
        .at(-1),
    ).toBe("value maximised");
    expect(r.out.replace(/\n/g, " ")).toMatch(
      /Value maximised: Nash, the product of gains .*Utilitarian, the sum of utilities\./,
    );
  });

  it("wrapText cuts nothing and breaks at spaces or separators before a letter, not inside numbers", () => {
    expect(wrapText("parties.russia.reservation", 12)).toBe("parties.\nrussia.\nreservation");
    expect(wrapText("+0.04339 (to 0.4834)", 14)).toBe("+0.04339 (to\n0.4834)");
    expect(wrapText("abcdefghij", 4)).toBe("abcd\nefgh\nij");
    const t = renderTable(
      ["a", "parties.russia.reservation"],
      [["x", "0.123456789 0.123456789 0.123456789"]],
      "table",
      { maxWidth: 30 },
    );
    for (const l of t.split("\n")) expect([...l].length).toBeLessThanOrEqual(30);
    expect(t.replace(/[│\s]/g, "")).toContain("0.1234567890.1234567890.123456789");
  });

  it("wrapText measures columns as a terminal shows them: wide characters take two, colour codes none", () => {
    expect(wrapText("韩国政府希望在朝鲜半岛实现持久和平", 10)).toBe("韩国政府希\n望在朝鲜半\n岛实现持久\n和平");
    expect(wrapText("中文 and more", 6)).toBe("中文\nand\nmore");
    expect(wrapText("中", 1)).toBe("中"); // wider than a line: alone, not cut
    // A bundle's terms stay whole: at the space, not after "box=" (the line stays half full).
    expect(wrapText("book=jack, box=bill, pen=bill", 18)).toBe("book=jack,\nbox=bill, pen=bill");
    expect(wrapText("a parties.russia.reservation", 12)).toBe("a parties.\nrussia.\nreservation");
    expect(wrapText("\u001b[1mabcdef\u001b[22m", 3)).toBe("\u001b[1mabc\ndef\u001b[22m");
  });

  // The wrapping of code points as one column each, as it was before wide characters were measured:
  // what wrapText must still give on text whose characters all take one column.
  // Stated directly rather than as wrapText's loop: a line of one-column characters longer than
  // max breaks at the last position j <= max where a space starts, unless that leaves the line
  // less than half full (2j < max) and a separator followed by a letter comes after it (then
  // there); with no space, after the last such separator, else after the last hyphen between a
  // letter or digit and a digit; else at max. The spaces starting the
  // rest are dropped, and the rest wraps alike.
  const breakAt = (chars: readonly string[], max: number): number => {
    const positions = Array.from({ length: max }, (_, k) => max - k);
    const space = positions.find((j) => chars[j] === " ");
    // After a separator before a letter; where no space fits, also after a hyphen between a
    // letter or digit and a digit (not an exponent's: 1e-7).
    const hyphenBeforeDigit = (j: number): boolean =>
      chars[j - 1] === "-" &&
      /\p{Nd}/u.test(chars[j]!) &&
      /[\p{L}\p{Nd}]/u.test(chars[j - 2]!) &&
      !(/^[eE]$/.test(chars[j - 2]!) && j > 2 && /\p{Nd}/u.test(chars[j - 3]!));
    const sep = positions.find(
      (j) =>
        (space === undefined || j > space) && j > 1 && ".,;_=/-:)".includes(chars[j - 1]!) && /\p{L}/u.test(chars[j]!),
    );
    if (space !== undefined && (sep === undefined || 2 * space >= max)) return space;
    if (sep !== undefined) return sep;
    return (space === undefined ? positions.find((j) => j > 1 && hyphenBeforeDigit(j)) : undefined) ?? max;
  };
  const wrapLine = (chars: readonly string[], max: number): string[] => {
    if (chars.length <= max) return [chars.join("")];
    const j = breakAt(chars, max);
    const rest = chars.slice(j);
    const start = rest.findIndex((ch) => ch !== " ");
    return [chars.slice(0, j).join("").trimEnd(), ...wrapLine(start < 0 ? [] : rest.slice(start), max)];
  };
  const oneColumnWrap = (text: string, max: number): string =>
    text
      .split("\n")
      .flatMap((line) => wrapLine([...line], max))
      .join("\n");

  it("displayWidth of each code point of the Basic Multilingual Plane is codePointWidth's (the one-column shortcut checked exhaustively)", () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogates are halves of code points
      const ch = String.fromCodePoint(cp);
      if (displayWidth(ch) !== codePointWidth(ch))
        expect.fail(`U+${cp.toString(16)}: ${displayWidth(ch)} != ${codePointWidth(ch)}`);
    }
  });

  it("displayWidth's one-column shortcut gives the sum of its units' widths, on any mix of text", () => {
    // Code points around the shortcut's edges (controls, DEL, C1 controls, no-break space, the
    // last one-column Latin letters, combining marks), wide ones and colour codes.
    const piece = fc.constantFrom(
      ..."a| |~|\u001f|\u007f|\u0085|\u00a0|é|\u02ff|\u0300|e\u0301|Київ|─|✓|−|中|🤝|\u001b[1m|\u001b[22m".split("|"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const line = pieces.join("");
        expect(displayWidth(line)).toBe(displayUnits(line).reduce((w, u) => w + unitWidth(u), 0));
      }),
    );
  });

  it("wrapText: every line fits (or is one character wider than a line), nothing but spaces is dropped, and one-column text wraps as before", () => {
    const piece = fc.constantFrom(
      "a",
      "bc",
      "Київ",
      "中文",
      "韩国政府",
      "🤝",
      "e\u0301",
      "0.25",
      "-",
      ".",
      " ",
      "x_y",
      "ＡＢ",
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (t, max) => {
        const out = wrapText(t, max);
        for (const line of out.split("\n")) {
          if (displayWidth(line) > max) expect([...line.replace(/[\u0300-\u036f]/g, "")].length).toBe(1);
        }
        expect(out.replace(/\s/g, "")).toBe(t.replace(/\s/g, ""));
      }),
      { numRuns: 500 },
    );
    const ascii = fc.array(
      fc.constantFrom(
        "a",
        "bc",
        "Київ",
        "0.25",
        "-",
        ".",
        " ",
        "x_y",
        "(to",
        "0.4834)",
        "2022",
        "e",
        "1e-7",
        "=-0.5",
        "٣",
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(ascii, fc.integer({ min: 1, max: 12 }), (p, max) => {
        const t = p.join("");
        expect(wrapText(t, max)).toBe(oneColumnWrap(t, max));
      }),
      { numRuns: 500 },
    );
  });

  it("a column as wide as longestPiece wraps its text without cutting a word (the table fitter's minimum)", () => {
    expect(longestPiece("ukraine-2022-03-istanbul calibration")).toBe(11);
    expect(wrapText("ukraine-2022-03-istanbul", 10)).toBe("ukraine-\n2022-03-\nistanbul");
    expect(wrapText("2022-04-01 1e-7", 5)).toBe("2022-\n04-01\n1e-7");
    expect(wrapText("1.000 (0.943-1.000)", 13)).toBe("1.000\n(0.943-1.000)"); // the space first
    const piece = fc.constantFrom(
      "ukraine",
      "-",
      "2022",
      "03",
      ".",
      "0.25",
      " ",
      "x_y",
      "1e-7",
      "=-0.5",
      "calibration",
      "Київ",
      "中文",
      "a=b",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (p, extra) => {
        const t = p.join("");
        const max = Math.max(1, longestPiece(t) + extra);
        const lines = wrapText(t, max).split("\n");
        let at = 0;
        lines.forEach((line, i) => {
          if (i > 0) {
            // a line starts at a space dropped, or right after a separator: never between two
            // letters or digits of a word
            const space = t[at] === " ";
            while (t[at] === " ") at++;
            if (!space)
              expect(/[\p{L}\p{Nd}]/u.test(t[at - 1]!) && /[\p{L}\p{Nd}]/u.test(t[at]!), `${t} at ${max}`).toBe(false);
          }
          expect(t.startsWith(line, at)).toBe(true);
          at += line.length;
          expect(displayWidth(line)).toBeLessThanOrEqual(max);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("--help fits a 60-column terminal (the examples' command lines excepted: they stay whole to paste)", async () => {
    for (const argv of [["--help"], ["analyze", "--help"], ["montecarlo", "--help"], ["sweep", "--help"]]) {
      const r = await runWidth(60, argv);
      expect(r.code).toBe(0);
      const wide = r.out
        .split("\n")
        .filter((l) => !/^\s*\$ treatylab /.test(l) && displayWidth(l) > 60 && !/^\S+$/.test(l.trim()));
      expect(wide).toEqual([]);
    }
  });

  it("every --help wraps its notes as paragraphs: no line of one falls back to the first column (plot's 'Kinds:')", async () => {
    const { commands } = await import("../../src/cli/commands/index.js");
    for (const name of commands.flatMap((c) => c.names)) {
      const r = await runWidth(80, [name, "--help"]);
      expect(r.code, name).toBe(0);
      const lines = r.out.split("\n");
      const end = lines.findIndex((l) => /^Examples?:/.test(l));
      const body = lines.slice(0, end < 0 ? undefined : end);
      // A paragraph's continuation lines are indented; a line at the first column after one is a
      // hard line break inside the paragraph's source, re-wrapped line by line.
      const broken = body.filter((l, k) => k > 0 && /^ {2}\S/.test(body[k - 1]!) && /^[a-z(]/.test(l));
      expect(broken, name).toEqual([]);
    }
  });

  it("a fitted table cuts no word while every column's longest word fits at once (divide's 'retireme|nt')", () => {
    const word = fc.constantFrom("retirement", "zaporizhzhia", "cottage", "(Summer", "account)", "50", "0.25", "x");
    const cell = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 40, max: 80 }),
        (rows, maxWidth) => {
          const head = ["item", "carol points", "bob points", "share"];
          const longest = (k: number): number =>
            Math.max(8, ...[head[k]!, ...rows.map((r) => r[k]!)].flatMap((c) => c.split(" ").map((w) => w.length + 3)));
          // each column's longest word, one column for a separator after it, and the padding
          fc.pre(head.reduce((a, _, k) => a + longest(k) + 1, 1) <= maxWidth);
          const out = renderTable(head, rows, "table", { maxWidth });
          expect(displayWidth(out.split("\n")[0]!)).toBeLessThanOrEqual(maxWidth);
          // every word of every cell is on one line of the drawing
          const lines = out
            .split("\n")
            .filter((l) => l.startsWith("│"))
            .map((l) => l.split("│").map((c) => c.trim()));
          for (const r of rows)
            for (const [k, c] of r.entries())
              for (const w of c.split(" ")) expect(lines.some((l) => l[k + 1]!.split(" ").includes(w))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a table with wide characters fits the terminal: every line equally wide, at most maxWidth columns", () => {
    const piece = fc.constantFrom("a", "bc", "Київ", "中文", "韩国政府希望", "🤝", "0.25", "parties.russia");
    const cell = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(" "));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 30, max: 60 }),
        (rows, maxWidth) => {
          const lines = renderTable(["party", "position"], rows, "table", { maxWidth }).split("\n");
          const w = displayWidth(lines[0]!);
          expect(w).toBeLessThanOrEqual(maxWidth);
          for (const l of lines) expect(displayWidth(l)).toBe(w);
        },
      ),
      { numRuns: 200 },
    );
  });
});
