import type { CompiledConstraint, CompiledScenario } from "../model/compile.js";
import { LimitError } from "../model/errors.js";
import { type Acceptor, allowedOptions } from "./acceptors.js";
import { PointStore } from "./pointStore.js";

/**
 * A block of issues that the decomposed methods treat as one: a single issue, or the issues that
 * cross-issue constraints link (a connected component), whose options are then the feasible
 * combinations. Every option of a group is free of red lines; `options.values` holds each
 * acceptor's utility from the group (in acceptor order) and `options.bundles` the option index of
 * each group issue (full-width rows, 0 on the other issues).
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * import { type IssueGroup, issueGroups } from "./issueGroups.js";
 * const c = compileScenario({ ...nash1950, constraints: [{ if: { book: "bill" }, then: { bat: "jack" } }] });
 * const groups: IssueGroup[] = issueGroups(c, partyAcceptors(c));
 * groups[0]!.issues; // [0, 3]: book and bat, linked by the constraint
 * groups[0]!.options.size; // 3: their feasible combinations (of 4)
 * ```
 */
export interface IssueGroup {
  readonly issues: readonly number[];
  readonly options: PointStore;
}

/** Issue components linked by constraints (union-find), each sorted, in order of first issue. */
// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
const components = (function components(c: CompiledScenario): number[][] {
  const parent = c.sizes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const k of c.constraints) {
    const linked = [...k.ifIssues, ...k.thenIssues];
    for (const i of linked) parent[find(i)] = find(linked[0]!);
  }
  const byRoot = new Map<number, number[]>();
  c.sizes.forEach((_, i) => {
    const r = find(i);
    byRoot.set(r, [...(byRoot.get(r) ?? []), i]);
  });
  return [...byRoot.values()];
});

function satisfies(k: CompiledConstraint, bundle: Int32Array): boolean {
  for (let j = 0; j < k.ifIssues.length; j++) if (!k.ifAllowed[j]![bundle[k.ifIssues[j]!]!]) return true;
  for (let j = 0; j < k.thenIssues.length; j++) if (!k.thenAllowed[j]![bundle[k.thenIssues[j]!]!]) return false;
  return true;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Splits a scenario's issues into {@link IssueGroup}s: issues linked by constraints are branched
 * on together (their feasible, red-line-free combinations enumerated once), every other issue is
 * its own group. A group with no option means an empty ZOPA.
 *
 * @example
 * ```ts
 * import { partyAcceptors } from "./acceptors.js";
 * import { issueGroups } from "./issueGroups.js";
 * const c = compileScenario({ ...nash1950, constraints: [{ if: { book: "bill" }, then: { bat: "jack" } }] });
 * issueGroups(c, partyAcceptors(c), 512 * 2 ** 20).map((g) => g.issues); // [[0, 3], [1], [2], [4], [5], [6], [7], [8]]
 * ```
 */
export const issueGroups = (function issueGroups(
  c: CompiledScenario,
  acceptors: readonly Acceptor[],
  memoryBudgetBytes = Number.POSITIVE_INFINITY,
): IssueGroup[] {
  const I = c.issueIds.length;
  const D = acceptors.length;
  const allowed = c.sizes.map((_, i) => allowedOptions(c, acceptors, i));
  return components(c).map((issues) => {
    const store = new PointStore(D, I, issues.length === 1 ? allowed[issues[0]!]!.length : 64);
    const rules = c.constraints.filter((k) => issues.includes(k.ifIssues[0] ?? k.thenIssues[0]!));
    const bundle = new Int32Array(I);
    const walk = (function walk(k: number): void {
      if (k === issues.length) {
        for (const rule of rules) if (!satisfies(rule, bundle)) return;
        if (store.size * store.pointBytes > memoryBudgetBytes)
          throw new LimitError(
            `the constraints linking issues ${issues.map((i) => `"${c.issueIds[i]}"`).join(", ")} give more than ${store.size} feasible combinations, over the memory budget of ${Math.round(memoryBudgetBytes / 2 ** 20)} MB; raise it (--memory-budget), split the constraints or coarsen numeric steps`,
          );
        const j = store.add();
        for (const i of issues) store.bundles[j * I + i] = bundle[i]!;
        for (let d = 0; d < D; d++) {
          let u = 0;
          for (const i of issues) u += acceptors[d]!.contrib[i]![bundle[i]!]!;
          store.values[j * D + d] = u;
        }
        return;
      }
      const i = issues[k]!;
      for (const o of allowed[i]!) {
        bundle[i] = o;
        walk(k + 1);
      }
      bundle[i] = 0;
    });
    walk(0);
    return { issues, options: store };
  });
});
