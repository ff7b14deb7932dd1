/**
 * The report's stylesheet, inlined in its `<style>` element (no external fonts or files): system
 * fonts, readable tables, figures that scale down to the page width, and print rules.
 * @example
 * ```ts
 * import { REPORT_CSS } from "./reportStyles.js";
 * const analysis = analyze(nash1950);
 * const html = reportHtml({ scenario: nash1950, analysis, figures: [], proposals: [], generator: "x" });
 * html.includes(`<style>${REPORT_CSS}</style>`); // true: inlined in the report
 * ```
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d9d9d9; --band: #f5f7f5; --accent: #1b5e20; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 64px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 4px 0; color: var(--muted); }
nav ol { columns: 2; padding-left: 20px; margin: 12px 0 0; }
h2 { margin-top: 40px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); font-size: 20px; }
h3 { margin-top: 24px; font-size: 16px; }
table { border-collapse: collapse; margin: 12px 0 20px; font-size: 13.5px; width: auto; max-width: 100%; display: block; overflow-x: auto; }
caption { text-align: left; font-weight: 600; padding: 4px 0; white-space: nowrap; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td:not(.num) { overflow-wrap: anywhere; }
tbody tr:hover { background: #fafafa; }
figure { margin: 20px 0 28px; }
figure .plot { overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.summary div { background: var(--band); border-radius: 6px; padding: 8px 14px; }
.summary b { display: block; font-size: 20px; }
.note { color: var(--muted); font-size: 13px; }
code, .url { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
@media print { nav { display: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;
