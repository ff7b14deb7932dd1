import { TreatylabError } from "../../model/errors.js";
import type { StrategyFactory } from "../types.js";
import { hardliner } from "./hardliner.js";
import { randomStrategy } from "./randomStrategy.js";
import { timeDependentFactory } from "./timeDependent.js";
import { titForTatFactory } from "./titForTat.js";
import { zeuthenStrategy } from "./zeuthen.js";

/**
 * The built-in strategies by name.
 *
 * @example
 * ```ts
 * Object.keys(builtinStrategies); // ["boulware", "linear", "conceder", "time-dependent", ...]
 * ```
 */
export const builtinStrategies: Readonly<Record<string, StrategyFactory>> = Object.freeze({
  boulware: timeDependentFactory("boulware", 0.2, "time-dependent, concedes late (Faratin e = 0.2)"),
  linear: timeDependentFactory("linear", 1, "time-dependent, concedes linearly (e = 1)"),
  conceder: timeDependentFactory("conceder", 2, "time-dependent, concedes early (e = 2)"),
  "time-dependent": timeDependentFactory(
    "time-dependent",
    1,
    "Faratin et al.'s family; set the exponent with :e=<value>",
  ),
  hardliner,
  "tit-for-tat": titForTatFactory(
    "tit-for-tat",
    "own",
    0,
    "mirrors the opponent's concessions measured in its own utility",
  ),
  "nice-tit-for-tat": titForTatFactory(
    "nice-tit-for-tat",
    "model",
    0.05,
    "mirrors concessions as the opponent model measures them; opens with a 5% gesture",
  ),
  random: randomStrategy,
  zeuthen: zeuthenStrategy,
});

/**
 * A parsed strategy spec: a factory and its numeric parameters.
 *
 * @example
 * ```ts
 * const s: StrategySpec = { factory: builtinStrategies.boulware!, params: { e: 0.1 }, label: "boulware:e=0.1" };
 * ```
 */
export interface StrategySpec {
  readonly factory: StrategyFactory;
  readonly params: Readonly<Record<string, number>>;
  readonly label: string;
}

/**
 * Parses `name[:key=value[:key=value...]]` (for example `boulware:e=0.1` or `tit-for-tat:delta=0.5`)
 * or wraps a factory, with a one-line error naming the known strategies, or the parameters the
 * strategy takes (its factory's `parameters`) for a key it does not read.
 *
 * @example
 * ```ts
 * parseStrategy("time-dependent:e=3").params.e; // 3
 * parseStrategy("time-dependent:E=3"); // throws: unknown parameter "E"; time-dependent takes e, k, model ...
 * ```
 */
export function parseStrategy(spec: string | StrategyFactory): StrategySpec {
  if (typeof spec !== "string") return { factory: spec, params: {}, label: spec.name };
  const [name = "", ...rest] = spec.trim().split(":");
  const factory = Object.prototype.hasOwnProperty.call(builtinStrategies, name) ? builtinStrategies[name] : undefined;
  if (!factory)
    throw new TreatylabError(
      `unknown strategy "${name}"; expected one of ${Object.keys(builtinStrategies).join(", ")} (parameters as name:key=value)`,
    );
  const params: Record<string, number> = {};
  const known = factory.parameters;
  for (const kv of rest) {
    const eq = kv.indexOf("=");
    const value = Number(kv.slice(eq + 1));
    if (eq <= 0 || !Number.isFinite(value))
      throw new TreatylabError(`strategy "${spec}": parameter "${kv}" is not key=number`);
    const key = kv.slice(0, eq);
    if (known !== undefined && !Object.prototype.hasOwnProperty.call(known, key)) {
      const names = Object.keys(known);
      throw new TreatylabError(
        `strategy "${spec}": unknown parameter "${key}"; ${names.length === 0 ? `${name} takes no parameters` : `${name} takes ${names.join(", ")} (docs/simulation.md, "Strategies")`}`,
      );
    }
    params[key] = value;
  }
  if (params.e !== undefined && !(params.e > 0)) throw new TreatylabError(`strategy "${spec}": e must be > 0`);
  return { factory, params, label: spec.trim() };
}
