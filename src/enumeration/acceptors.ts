import type { CompiledScenario } from "../model/compile.js";

/**
 * Someone whose acceptance a bundle needs, in table form: a party, or (once the model has them) an
 * acceptance agent that must accept. Utility is additive: the sum over issues of `contrib[i][o]`.
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * const a: Acceptor = { contrib: c.contrib[0]!, reservation: c.reservation[0]!, redLine: c.redLine[0]! };
 * ```
 */
export interface Acceptor {
  readonly contrib: readonly Float64Array[];
  readonly reservation: number;
  readonly redLine: readonly Uint8Array[];
}

/**
 * The parties of a compiled scenario as {@link Acceptor}s, in party order.
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * const c = compileScenario(nash1950);
 * partyAcceptors(c).length === c.partyIds.length; // true
 * partyAcceptors(c).map((a) => a.reservation); // [0.35294117647058826, 0.375]
 * ```
 */
export function partyAcceptors(c: CompiledScenario): Acceptor[] {
  return c.partyIds.map((_, p) => ({ contrib: c.contrib[p]!, reservation: c.reservation[p]!, redLine: c.redLine[p]! }));
}

/**
 * The constituencies that must accept every settlement (veto players, and all of them under the
 * `all` rule) as {@link Acceptor}s: they prune exactly like parties' reservations and red lines.
 *
 * @example
 * ```ts
 * import { mustAcceptAgents } from "./acceptors.js";
 * mustAcceptAgents(compileScenario(nash1950)).length; // 0: no party has constituencies
 * mustAcceptAgents(compileScenario(builtinScenario("ukraine-2025-ratification"))).length; // 2: referendum, Congress
 * ```
 */
export function mustAcceptAgents(c: CompiledScenario): Acceptor[] {
  return c.agents
    .filter((a) => a.mustAccept)
    .map((a) => ({ contrib: a.contrib, reservation: a.reservation, redLine: a.redLine }));
}

/**
 * Why the decomposed (frontier) method cannot analyse a scenario exactly, or null when it can:
 * utilities must be additive (no interaction terms) and ratification may not count votes (only
 * constituencies that must accept, which prune like reservations).
 *
 * @example
 * ```ts
 * const c = compileScenario(nash1950);
 * notDecomposable(c); // null, or "interaction terms make utilities non-additive"
 * ```
 */
export function notDecomposable(c: CompiledScenario): string | null {
  if (c.hasInteractions) return "interaction terms make utilities non-additive";
  const voting = votingParties(c)[0] ?? -1;
  if (voting >= 0)
    return `party "${c.partyIds[voting]}" ratifies by a vote count (${c.ratification[voting]!.rule} rule), which is not additive`;
  return null;
}

/**
 * The parties whose ratification counts votes (a constituency that need not accept), in party
 * order: their acceptance is checked on complete bundles only.
 *
 * @example
 * ```ts
 * import { votingParties } from "./acceptors.js";
 * const family: Constituency = { id: "family", weights: { hat: 1 }, values: { hat: { jack: 1, bill: 0 } },
 *   reservation: 0.5 };
 * const jack: Party = { ...nash1950.parties[1]!, constituencies: [family], ratification: { rule: "majority" } };
 * votingParties(compileScenario({ ...nash1950, parties: [nash1950.parties[0]!, jack] })); // [1]
 * ```
 */
export function votingParties(c: CompiledScenario): number[] {
  return c.ratification.flatMap((r, p) => (r.agents.some((a) => !c.agents[a]!.mustAccept) ? [p] : []));
}

/**
 * Every option a bundle can take at issue i: those no acceptor rejects by a red line.
 *
 * @example
 * ```ts
 * import { allowedOptions, partyAcceptors } from "./acceptors.js";
 * const c = compileScenario(builtinScenario("ukraine-2025"));
 * allowedOptions(c, partyAcceptors(c), 0); // Int32Array [1, 2]: red lines rule out nato options 0 and 3
 * ```
 */
export function allowedOptions(c: CompiledScenario, acceptors: readonly Acceptor[], i: number): Int32Array {
  const list: number[] = [];
  for (let o = 0; o < c.sizes[i]!; o++) if (acceptors.every((a) => !a.redLine[i]![o])) list.push(o);
  return Int32Array.from(list);
}
