import { TreatylabError } from "../model/errors.js";
import { JsonLinesAppender, readJsonLines } from "./jsonLines.js";

/**
 * Opens the JSON Lines stream of a run. Its first line is a header naming the job (`kind`,
 * `jobHash`, `range`). Without `resume` the file starts afresh; with `resume` an existing file
 * must have the same header, and its complete lines after the header are returned so the run
 * can skip the work they hold (a line cut short by the interruption is dropped).
 *
 * @example
 * ```ts
 * const { out, lines } = await openStream("draws.jsonl", header, true);
 * ```
 */
export async function openStream(file: string, header: { readonly kind: string; readonly jobHash: string; readonly range: { readonly start: number; readonly end: number } }, resume: boolean): Promise<{ out: JsonLinesAppender; lines: unknown[] }> {
  if (resume) {
    const { lines, validBytes, exists } = await readJsonLines(file);
    if (exists && lines.length > 0) {
      const h = lines[0] as typeof header;
      if (h?.kind !== header.kind || h.jobHash !== header.jobHash || h.range?.start !== header.range.start || h.range?.end !== header.range.end)
        throw new TreatylabError(`${file}: holds another job's rows (different scenario, settings, seed or shard); remove it or choose another --jsonl file`);
      return { out: await JsonLinesAppender.open(file, { truncateTo: validBytes }), lines: lines.slice(1) };
    }
  }
  const out = await JsonLinesAppender.open(file, { truncateTo: 0 });
  await out.append([header]);
  return { out, lines: [] };
}
