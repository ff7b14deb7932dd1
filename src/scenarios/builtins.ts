import { annanPlan2004 } from "../cases/annanPlan2004.js";
import { campDavid1978 } from "../cases/campDavid1978.js";
import { campDavid2000 } from "../cases/campDavid2000.js";
import { colombiaFarc2016 } from "../cases/colombiaFarc2016.js";
import { dayton1995 } from "../cases/dayton1995.js";
import { goodFriday1998 } from "../cases/goodFriday1998.js";
import { jcpoa2015 } from "../cases/jcpoa2015.js";
import { minsk2015 } from "../cases/minsk2015.js";
import type { Scenario } from "../model/types.js";
import { validateScenario } from "../model/validate.js";
import { type BuiltinScenarioId, builtinScenarioIds, isBuiltinScenarioId, unknownBuiltin } from "./catalog.js";
import { nash1950 } from "./nash1950.js";
import { ukraine2025 } from "./ukraine2025.js";
import { ukraine2025Ratification } from "./ukraine2025Ratification.js";

// The ids are those of `BUILTIN_LOADERS` (catalog.ts), no more and no fewer: the type checks it.
const registry: { readonly [id in BuiltinScenarioId]: Scenario } = {
  "nash-1950": nash1950,
  "ukraine-2025": ukraine2025,
  "ukraine-2025-ratification": ukraine2025Ratification,
  "camp-david-1978": campDavid1978.scenario,
  "dayton-1995": dayton1995.scenario,
  "good-friday-1998": goodFriday1998.scenario,
  "camp-david-2000": campDavid2000.scenario,
  "annan-plan-2004": annanPlan2004.scenario,
  "minsk-2-2015": minsk2015.scenario,
  "jcpoa-2015": jcpoa2015.scenario,
  "colombia-farc-2016": colombiaFarc2016.scenario,
};

export { builtinScenarioIds };

/**
 * A built-in scenario by id, validated and frozen.
 *
 * @example
 * ```ts
 * import { analyze, builtinScenario } from "treatylab";
 * analyze(builtinScenario("ukraine-2025"));
 * ```
 */
export function builtinScenario(id: string): Scenario {
  if (!isBuiltinScenarioId(id)) throw unknownBuiltin(id);
  return validateScenario(registry[id]);
}
