/**
 * The draws of a Monte Carlo run: the values of draw i (seeded per draw), the scenario they give,
 * and its compiled tables (built from the base tables when only reservations, powers and positive
 * weights are uncertain; weights are normalised by the model's `normaliseWeights`, as compiling does).
 * @module
 */
import seedrandom from "seedrandom";
import { applyEdits } from "../edits/applyEdits.js";
import { parameterEdit } from "../edits/parameter.js";
import { type CompiledScenario, compileScenario, contribution, normaliseWeights } from "../model/compile.js";
import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { type MonteCarloContext, permuteIssues } from "./monteCarloJob.js";
import { sample } from "./sample.js";

/**
 * The values of draw `i`: each uncertain parameter in order, from the generator
 * `seedrandom(seed + ":" + i)` (so draw i is the same whichever thread or shard runs it),
 * clamped to the parameter's range.
 *
 * @example
 * ```ts
 * drawValues(ctx, 0); // [0.43, 0.51, ...]
 * ```
 */
export function drawValues(ctx: MonteCarloContext, i: number): number[] {
  const rng = seedrandom(`${ctx.job.seed}:${i}`);
  return ctx.parameters.map((p) => Math.min(p.domain.max, Math.max(p.domain.min, sample(p.distribution, rng))));
}

/**
 * The scenario of draw `i` (its uncertain numbers replaced by the drawn values), structure
 * shared with the base scenario.
 *
 * @example
 * ```ts
 * drawScenario(ctx, 7).parties[0]?.reservation;
 * ```
 */
export function drawScenario(ctx: MonteCarloContext, i: number, values = drawValues(ctx, i)): Scenario {
  const s = applyEdits(
    ctx.scenario,
    ctx.parameters.map((p, k) => parameterEdit(p.ref, values[k]!)),
    { validate: false },
  );
  for (const p of s.parties)
    checkDrawnWeights(i, p.id, normaliseWeights(s.issues.map((issue) => p.weights[issue.id] ?? 0)));
  return s;
}

/** Refuses a draw that left a party with no positive weight (its normalised weights are all 0). */
function checkDrawnWeights(i: number, party: string, normalised: Float64Array): void {
  if (!normalised.some((x) => x > 0))
    throw new TreatylabError(
      `draw ${i}: every weight of party "${party}" was drawn as 0; narrow its weight distributions`,
    );
}

/**
 * The walk-ordered compiled scenario of a draw, built from the base tables: only reservations,
 * powers and the contributions of parties whose weights were drawn change.
 */
function perturbCompiled(ctx: MonteCarloContext, i: number, values: readonly number[]): CompiledScenario {
  const base = ctx.walk.base;
  const nv = ctx.walk.values!;
  const reservation = Float64Array.from(base.reservation);
  const power = Float64Array.from(base.power);
  const raw = new Map<number, Float64Array>();
  ctx.parameters.forEach((p, k) => {
    const party = base.partyIds.indexOf(p.ref.party);
    const v = values[k]!;
    if (p.ref.kind === "reservation") reservation[party] = v;
    else if (p.ref.kind === "power") power[party] = v;
    else if (p.ref.kind === "weight") {
      let w = raw.get(party);
      if (!w) {
        const src = ctx.scenario.parties[party]!;
        w = Float64Array.from(base.issueIds, (id) => src.weights[id] ?? 0);
        raw.set(party, w);
      }
      w[base.issueIds.indexOf(p.ref.issue)] = v;
    }
  });
  const contrib = base.contrib.slice();
  const weight = base.weight.slice();
  for (const [party, w] of raw) {
    const nw = normaliseWeights(w);
    checkDrawnWeights(i, base.partyIds[party]!, nw);
    weight[party] = nw;
    contrib[party] = nv[party]!.map((row, k) => row.map((x) => contribution(nw[k]!, x)));
  }
  return { ...base, contrib, weight, reservation, power };
}

/**
 * The compiled tables of draw `i`, issues in walk order (see `MonteCarloContext.walk`): built from
 * the base tables when only reservations, powers and positive weights are uncertain, else by
 * compiling the drawn scenario.
 *
 * @example
 * ```ts
 * drawCompiled(ctx, 3).reservation; // the drawn reservations
 * ```
 */
export function drawCompiled(ctx: MonteCarloContext, i: number, values = drawValues(ctx, i)): CompiledScenario {
  return ctx.walk.values
    ? perturbCompiled(ctx, i, values)
    : compileScenario(permuteIssues(drawScenario(ctx, i, values), ctx.walk.order));
}
