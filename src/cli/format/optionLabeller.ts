import type { Scenario } from "../../model/types.js";

/**
 * A function giving the label of an option (or its id when it has none; numeric values with their unit).
 *
 * @example
 * ```ts
 * optionLabeller(s)("nato", "no-ukraine"); // "Written pledge: no NATO for Ukraine, Georgia, Moldova"
 * ```
 */
export function optionLabeller(s: Scenario): (issue: string, option: string) => string {
  return (issueId, optionId) => {
    const issue = s.issues.find((i) => i.id === issueId);
    if (!issue) return optionId;
    if (issue.type === "numeric") return issue.unit ? `${optionId} ${issue.unit}` : optionId;
    return issue.options.find((o) => o.id === optionId)?.label ?? optionId;
  };
}
