// A plain additive scenario large enough for the frontier algorithm, shared by the CLI tests
// that need `auto` to pick it (test/cli/heartbeat.test.ts, test/cli/helpExamples.test.ts).

/**
 * Two parties (`x`, `y`, opposed on every issue) over 7 three-option issues: 2,187 bundles, above
 * the enumeration cut-off (`AUTO_ENUMERATE_LIMIT`), so `auto` runs the frontier algorithm.
 */
export function wideAgenda(id = "wide"): Record<string, unknown> {
  const issues = Array.from({ length: 7 }, (_, i) => ({
    id: `i${i}`,
    options: [{ id: "a" }, { id: "b" }, { id: "c" }],
  }));
  const party = (pid: string, flip: boolean) => ({
    id: pid,
    weights: Object.fromEntries(issues.map((x, i) => [x.id, i + 1])),
    values: Object.fromEntries(issues.map((x) => [x.id, { a: flip ? 0 : 1, b: 0.5, c: flip ? 1 : 0 }])),
    reservation: 0.2,
  });
  return { id, issues, parties: [party("x", false), party("y", true)] };
}
