import type { Issue, Note, Scenario } from "./types.js";

/**
 * The label of an option of this issue: its `label`, or its id when it has none; a numeric value
 * comes with the issue's unit.
 *
 * @example
 * ```ts
 * import { issueOptionLabel } from "./labels.js";
 * issueOptionLabel(ukraine2025.issues[0]!, "no-ukraine"); // "Written pledge: no NATO for Ukraine, Georgia, Moldova"
 * const cap: Issue = { id: "cap", type: "numeric", unit: "troops", range: { min: 0, max: 10, step: 5 } };
 * issueOptionLabel(cap, "5"); // "5 troops"
 * ```
 */
export function issueOptionLabel(issue: Issue, optionId: string): string {
  if (issue.type === "numeric") return issue.unit ? `${optionId} ${issue.unit}` : optionId;
  return issue.options.find((o) => o.id === optionId)?.label ?? optionId;
}

/**
 * The label of an option of an issue: its `label`, or its id when it has none; a numeric value
 * comes with the issue's unit. Unknown issues (or no scenario) give the option id back.
 *
 * @example
 * ```ts
 * optionLabel(ukraine2025, "nato", "no-ukraine"); // "Written pledge: no NATO for Ukraine, Georgia, Moldova"
 * optionLabel(ukraine2025, "army-cap", "600"); // "600,000"
 * optionLabel(undefined, "army-cap", "600"); // "600"
 * ```
 */
export function optionLabel(s: Scenario | undefined, issueId: string, optionId: string): string {
  const issue = s?.issues.find((i) => i.id === issueId);
  return issue ? issueOptionLabel(issue, optionId) : optionId;
}

/**
 * A function giving the label of an option (see {@link optionLabel}) of the scenario.
 *
 * @example
 * ```ts
 * optionLabeller(ukraine2025)("nato", "no-ukraine"); // "Written pledge: no NATO for Ukraine, Georgia, Moldova"
 * ```
 */
export function optionLabeller(s: Scenario | undefined): (issue: string, option: string) => string {
  return (issueId, optionId) => optionLabel(s, issueId, optionId);
}

/**
 * The label of an issue, or its id when it has none (or is unknown, or there is no scenario).
 *
 * @example
 * ```ts
 * issueLabel(ukraine2025, "nato"); // "NATO and alliance status"
 * ```
 */
export function issueLabel(s: Scenario | undefined, issueId: string): string {
  return s?.issues.find((i) => i.id === issueId)?.label ?? issueId;
}

/**
 * The label of a party, or its id when it has none (or is unknown, or there is no scenario).
 *
 * @example
 * ```ts
 * partyLabel(ukraine2025, "ukraine"); // "Ukraine"
 * partyLabel(ukraine2025, "nobody"); // "nobody"
 * ```
 */
export function partyLabel(s: Scenario | undefined, partyId: string): string {
  return s?.parties.find((p) => p.id === partyId)?.label ?? partyId;
}

/**
 * A note's text, source and confidence ("" when absent); a plain-string note is all text.
 *
 * @example
 * ```ts
 * import { noteParts } from "./labels.js";
 * noteParts(ukraine2025.notes!.moment!).confidence; // "high"
 * noteParts("assumption"); // { text: "assumption", source: "", confidence: "" }
 * noteParts({ text: "assumption", confidence: "low" }); // { text: "assumption", source: "", confidence: "low" }
 * ```
 */
export function noteParts(n: Note): { text: string; source: string; confidence: string } {
  if (typeof n === "string") return { text: n, source: "", confidence: "" };
  return { text: n.text ?? "", source: n.source ?? "", confidence: n.confidence ?? "" };
}
