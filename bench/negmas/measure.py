"""NegMAS side of bench/negmas.ts (treatylab's own code, MIT): one fresh process per case and round.

    python3 measure.py CHECKOUT probe
    python3 measure.py CHECKOUT measure FOLDER [--method pareto|mobanos] [--budget-ms MS] [--max-memory-gb GB]

`probe` imports what is measured and prints {"ok": true, "version", "stubbed", "python"} or
{"ok": false, "reason"}. `measure` reads the GENIUS folder (discounts ignored: the frontier does
not depend on them, and NegMAS drops the reservation of a discounted profile) and times the
frontier + Nash once (the first call in this process), then again until the budget is spent
(warm; the best run counts). The frontier is `pareto_frontier` (method pareto: enumerates every
bundle, keeps those every party accepts) or, for two parties, MOBANOS (method mobanos:
`MOBANOSParetoSampler.init` builds the frontier issue by issue over all bundles; the outcomes'
utilities are then evaluated and those below a reservation dropped, which leaves the frontier of
the bundles every party accepts). The Nash product is taken relative to the
reservations, as in treatylab and GENIUS: `nash_points` otherwise uses max(reservation, worst
utility), so the utility ranges it is given start at the reservation. Prints one JSON line.
Timers start after the interpreter and the imports (`importMs` reports the imports).
"""

from __future__ import annotations

import gc
import json
import math
import sys
import time

def main() -> int:
    args = sys.argv[1:]
    if len(args) < 2 or args[1] not in ("probe", "measure"):
        print(__doc__, file=sys.stderr)
        return 2
    checkout, mode = args[0], args[1]
    python = f"{sys.executable} {sys.version.split()[0]}"
    t0 = time.perf_counter()
    try:
        import negmas_env

        api = negmas_env.load(checkout)
    except (ImportError, FileNotFoundError) as err:
        print(json.dumps({"ok": False, "reason": str(err), "python": python}))
        return 0
    import_ms = (time.perf_counter() - t0) * 1000
    if mode == "probe":
        import numpy

        print(json.dumps({"ok": True, "version": api["version"], "stubbed": api["stubbed"], "python": python, "numpy": numpy.__version__}))
        return 0
    return measure(api, args[2], import_ms, options(args[3:]))


def options(args: list[str]) -> dict[str, float]:
    out: dict = {"budget-ms": 1000.0, "max-memory-gb": 6.0, "method": "pareto"}
    for k in range(0, len(args) - 1, 2):
        key = args[k].lstrip("-")
        out[key] = args[k + 1] if key == "method" else float(args[k + 1])
    return out


def measure(api, folder: str, import_ms: float, opts: dict) -> int:  # noqa: ANN001
    import resource

    cap = int(opts["max-memory-gb"] * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    t = time.perf_counter()
    scenario = api["load_genius_domain_from_folder"](folder, ignore_discount=True)
    read_ms = (time.perf_counter() - t) * 1000
    ufuns = scenario.ufuns
    issues = scenario.outcome_space.issues
    pareto_frontier, nash_points, mobanos = api["pareto_frontier"], api["nash_points"], api["MOBANOSParetoSampler"]
    if opts["method"] == "mobanos" and (mobanos is None or len(ufuns) != 2):
        reason = "two parties only" if mobanos is not None else "no MOBANOS in this checkout"
        print(json.dumps({"ok": False, "reason": reason}))
        return 0
    reservations = [u.reserved_value if u.reserved_value is not None else -math.inf for u in ufuns]

    def mobanos_frontier():
        sampler = mobanos()
        sampler.init(ufuns[0], ufuns[1])
        points = [tuple(float(u(o)) for u in ufuns) for o in sampler.pareto_outcomes(min_util=-math.inf)]
        return [p for p in points if all(x >= r for x, r in zip(p, reservations))]

    def frontier_and_nash():
        frontier = mobanos_frontier() if opts["method"] == "mobanos" else pareto_frontier(ufuns, issues=issues)[0]
        ranges = []
        for u in ufuns:
            lo, hi = u.minmax()
            r = u.reserved_value
            ranges.append((min(lo, r), hi) if r is not None and math.isfinite(r) else (lo, hi))
        return frontier, nash_points(ufuns, frontier, ranges=ranges)

    try:
        t = time.perf_counter()
        frontier, nash = frontier_and_nash()
        first_ms = (time.perf_counter() - t) * 1000
        # Warm-up, untimed, the same as on treatylab's side: repeat the call for half the budget
        # (counting the first call; at most 2,000 calls), then time the best of up to 50.
        warm_spent, warm_calls = first_ms, 0
        while warm_spent < opts["budget-ms"] / 2 and warm_calls < 2000:
            t = time.perf_counter()
            frontier_and_nash()
            warm_spent, warm_calls = warm_spent + (time.perf_counter() - t) * 1000, warm_calls + 1
        gc.collect()  # once before the timed calls, as on treatylab's side
        best, runs, spent = math.inf, 0, 0.0
        while runs < 1 or (spent < opts["budget-ms"] and runs < 50):
            t = time.perf_counter()
            frontier_and_nash()
            ms = (time.perf_counter() - t) * 1000
            best, runs, spent = min(best, ms), runs + 1, spent + ms
    except MemoryError:
        print(json.dumps({"ok": False, "reason": f"out of memory, over {opts['max-memory-gb']:g} GB"}))
        return 0
    print(
        json.dumps(
            {
                "ok": True,
                "parties": len(ufuns),
                "bundles": scenario.outcome_space.cardinality,
                "importMs": import_ms,
                "readMs": read_ms,
                "firstMs": first_ms,
                "warmMs": best,
                "warmRuns": runs,
                "frontier": [list(map(float, p)) for p in frontier],
                "nash": [list(map(float, p)) for p, _ in nash],
                "stubbed": sorted(api["stubbed"]),
                "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
