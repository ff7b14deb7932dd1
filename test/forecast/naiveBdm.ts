// A deliberately naive, formula-by-formula implementation of one bdm-scholz round (docs/forecast.md),
// used as an oracle for the optimised src/forecast/bdm.ts (which sums the vote denominator over
// sorted distances instead of the triple loop).
export interface NaiveRow {
  c: number;
  x: number;
  s: number;
}

export function naiveRound(
  rows: readonly NaiveRow[],
  range: number,
  rule: "scholz" | "nearest",
): { risk: number[]; next: number[]; kind: (string | null)[]; from: number[] } {
  const n = rows.length;
  const vote = (k: number, a: number, b: number, r: number[]): number =>
    rows[k]!.c *
    rows[k]!.s *
    ((Math.abs(rows[k]!.x - rows[b]!.x) / range) ** r[k]! - (Math.abs(rows[k]!.x - rows[a]!.x) / range) ** r[k]!);
  const prob = (i: number, j: number, r: number[]): number => {
    if (rows[i]!.x === rows[j]!.x) return 0;
    let num = 0;
    let den = 0;
    for (let k = 0; k < n; k++) {
      num += Math.max(0, vote(k, i, j, r));
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) den += Math.abs(vote(k, a, b, r));
    }
    return den > 0 ? num / den : 0;
  };
  const eu = (p: number, i: number, j: number, r: number[]): number => {
    const d = Math.abs(rows[i]!.x - rows[j]!.x) / range;
    const rp = r[p]!;
    const us = 2 - 4 * (0.5 - 0.5 * d) ** rp;
    const uf = 2 - 4 * (0.5 + 0.5 * d) ** rp;
    const usq = 2 - 4 * 0.5 ** rp;
    const P = prob(i, j, r);
    return rows[j]!.s * (P * us + (1 - P) * uf) + (1 - rows[j]!.s) * us - usq;
  };
  const ones = rows.map(() => 1);
  const D = rows.map((_, a) => rows.reduce((sum, _r, o) => (o === a ? sum : sum + eu(a, o, a, ones)), 0));
  const mx = Math.max(...D);
  const mn = Math.min(...D);
  const risk = D.map((d) => {
    const A = mx > mn ? (2 * d - mx - mn) / (mx - mn) : 0;
    return (1 - A / 3) / (1 + A / 3);
  });
  const next: number[] = [];
  const kind: (string | null)[] = [];
  const from: number[] = [];
  for (let a = 0; a < n; a++) {
    const xa = rows[a]!.x;
    const conf: { o: number; key: number }[] = [];
    const comp: { o: number; key: number; to: number }[] = [];
    const cap: { o: number; key: number }[] = [];
    for (let o = 0; o < n; o++) {
      const xo = rows[o]!.x;
      if (xo === xa) continue;
      const e1 = eu(a, a, o, risk);
      const e2 = eu(a, o, a, risk);
      if (e2 > e1 && e1 > 0) conf.push({ o, key: Math.abs(xo - xa) });
      else if (e2 > 0 && e1 < 0 && e2 > Math.abs(e1)) {
        const to = xa + (xo - xa) * Math.abs(e1 / e2);
        comp.push({
          o,
          to,
          key:
            rule === "scholz"
              ? (Math.abs(e1) * xa + Math.abs(e2) * xo) / (Math.abs(e1) + Math.abs(e2))
              : Math.abs(to - xa),
        });
      } else if (e2 > 0 && e1 < 0) cap.push({ o, key: Math.abs(xo - xa) });
    }
    const first = <T extends { key: number; o: number }>(list: T[]): T | undefined =>
      [...list].sort((p, q) => p.key - q.key || p.o - q.o)[0];
    const c1 = first(conf);
    const c2 = first(comp);
    const c3 = first(cap);
    if (c1) [next[a], kind[a], from[a]] = [rows[c1.o]!.x, "confrontation", c1.o];
    else if (c2) [next[a], kind[a], from[a]] = [c2.to, "compromise", c2.o];
    else if (c3) [next[a], kind[a], from[a]] = [rows[c3.o]!.x, "capitulation", c3.o];
    else [next[a], kind[a], from[a]] = [xa, null, -1];
  }
  return { risk, next, kind, from };
}
