/**
 * A brute-force implementation of the graph model's stability definitions, written straight from
 * the formulas (Fang, Hipel and Kilgour 1993), with its own utilities, moves and legal sequences
 * (tracking the last mover, or the set of opponents that have moved for GMCR+'s rule). Slow and
 * obvious on purpose: the fast engine is checked against it.
 */
import type { GraphModel, OptionCondition, PreferenceStatement } from "../../src/stability/model.js";

type Rule = "standard" | "gmcr-plus";

const holds = (s: number, cond: OptionCondition): boolean =>
  cond.every(([o, v]) => (((s >> o) & 1) === 1) === (v === "Y"));

export class Oracle {
  readonly n: number;
  readonly states: number[];
  readonly owner: number[];
  readonly dms: number;
  private readonly u: Map<number, number>[];

  constructor(readonly model: GraphModel) {
    this.n = model.options.length;
    this.dms = model.decisionMakers.length;
    this.owner = model.options.map((_, k) => model.decisionMakers.findIndex((d) => d.options.includes(k)));
    const infeasible: OptionCondition[] = [...(model.infeasible ?? [])];
    for (const g of model.mutuallyExclusive ?? [])
      for (const a of g)
        for (const b of g)
          if (a < b)
            infeasible.push([
              [a, "Y"],
              [b, "Y"],
            ]);
    for (const g of model.atLeastOne ?? []) infeasible.push(g.map((o) => [o, "N"] as const));
    this.states = [];
    for (let s = 0; s < 2 ** this.n; s++) if (!infeasible.some((p) => holds(s, p))) this.states.push(s);
    this.u = model.decisionMakers.map((d) => {
      const m = new Map<number, number>();
      const p = d.preference;
      if ("values" in p) this.states.forEach((s, j) => m.set(s, p.values[j]!));
      else if ("ranking" in p) {
        p.ranking.forEach((g, k) => {
          for (const st of typeof g === "string" ? [g] : g)
            m.set(
              [...st].reduce((c, ch, i) => c + (ch === "Y" ? 2 ** i : 0), 0),
              -k,
            );
        });
      } else {
        const st: readonly PreferenceStatement[] = p.statements;
        for (const s of this.states) {
          let score = 0;
          st.forEach((x, k) => {
            const lx = x as { allOf?: OptionCondition; anyOf?: OptionCondition[] };
            const ok = Array.isArray(x)
              ? holds(s, x as OptionCondition)
              : lx.allOf
                ? holds(s, lx.allOf)
                : lx.anyOf!.some((c) => holds(s, c));
            if (ok) score += 2 ** (st.length - 1 - k);
          });
          m.set(s, score);
        }
      }
      return m;
    });
  }

  util(i: number, s: number): number {
    return this.u[i]!.get(s)!;
  }

  moves(j: number, s: number): number[] {
    return this.states.filter((t) => {
      if (t === s) return false;
      for (let k = 0; k < this.n; k++) {
        const a = (s >> k) & 1;
        const b = (t >> k) & 1;
        if (a === b) continue;
        if (this.owner[k] !== j) return false;
        const dir = this.model.options[k]!.direction ?? "both";
        if (dir === "fwd" && a === 1) return false;
        if (dir === "back" && a === 0) return false;
      }
      return true;
    });
  }

  uis(j: number, s: number): number[] {
    return this.moves(j, s).filter((t) => this.util(j, t) > this.util(j, s));
  }

  /** States the coalition H reaches from s by legal sequences (at least one move). */
  reach(H: number[], s: number, improving: boolean, rule: Rule): Set<number> {
    const step = (j: number, x: number) => (improving ? this.uis(j, x) : this.moves(j, x));
    const out = new Set<number>();
    const seen = new Set<string>();
    // a frontier of (state, last mover or set of movers)
    const queue: [number, number][] = [[s, rule === "standard" ? -1 : 0]];
    while (queue.length) {
      const [x, tag] = queue.shift()!;
      for (const j of H) {
        if (rule === "standard" ? j === tag : (tag >> j) & 1) continue;
        for (const y of step(j, x)) {
          const nt = rule === "standard" ? j : tag | (1 << j);
          const key = `${y}/${nt}`;
          out.add(y);
          if (!seen.has(key)) {
            seen.add(key);
            queue.push([y, nt]);
          }
        }
      }
    }
    return out;
  }

  stable(concept: string, i: number, s: number, rule: Rule): boolean {
    const H = [...Array(this.dms).keys()].filter((j) => j !== i);
    const us = this.util(i, s);
    const ui = this.uis(i, s);
    const seq = () => ui.every((s1) => [...this.reach(H, s1, true, rule)].some((s2) => this.util(i, s2) <= us));
    const sim = () =>
      ui.every((s1) => {
        // every combination of the others staying or making one move from s
        let combos: number[] = [0];
        for (const j of H) {
          const ds = this.moves(j, s).map((t) => t ^ s);
          combos = combos.flatMap((c) => [c, ...ds.map((d) => c | d)]);
        }
        return combos.some((c) => c !== 0 && this.states.includes(s1 ^ c) && this.util(i, s1 ^ c) <= us);
      });
    switch (concept) {
      case "nash":
        return ui.length === 0;
      case "gmr":
        return ui.every((s1) => [...this.reach(H, s1, false, rule)].some((s2) => this.util(i, s2) <= us));
      case "smr":
        return ui.every((s1) =>
          [...this.reach(H, s1, false, rule)].some(
            (s2) => this.util(i, s2) <= us && this.moves(i, s2).every((s3) => this.util(i, s3) <= us),
          ),
        );
      case "seq":
        return seq();
      case "sim":
        return sim();
      case "seqSim":
        return rule === "gmcr-plus" ? seq() || sim() : seq() && sim();
      default:
        throw new Error(concept);
    }
  }
}
