// Shared by the GENIUS round-trip tests (test/interop/roundTrip.test.ts, geniusIds.test.ts).
import { exportGenius } from "../../src/interop/geniusExport.js";
import { importGenius } from "../../src/interop/geniusImport.js";
import { compileScenario } from "../../src/model/compile.js";
import type { Scenario } from "../../src/model/types.js";
import { utilities } from "../../src/utility/utilities.js";

/** A scenario exported to GENIUS XML and read back (with `meta`, the id and title it is given). */
export function viaGenius(s: Scenario, meta?: { readonly id: string; readonly title: string }): Scenario {
  const f = exportGenius(s);
  const files = {
    domain: f.domain,
    profiles: f.profiles.map((p) => ({ name: p.name.replace(/\.xml$/, ""), xml: p.xml })),
  };
  return meta ? importGenius(files, meta) : importGenius(files);
}

/** Every bundle's utilities, by brute force over the compiled tables (issues and parties matched by position). */
export function allUtilities(s: Scenario): number[][] {
  const c = compileScenario(s);
  const out: number[][] = [];
  const b = new Int32Array(c.sizes.length);
  const walk = (k: number): void => {
    if (k === c.sizes.length) return void out.push([...utilities(c, b)]);
    for (let o = 0; o < c.sizes[k]!; o++) {
      b[k] = o;
      walk(k + 1);
    }
  };
  walk(0);
  return out;
}
