import { promises as fs } from "node:fs";
import { TreatylabError } from "../model/errors.js";
import { quote } from "../model/quote.js";
import { JsonLinesAppender, readJsonLines } from "./jsonLines.js";
import { GENERATOR, recordedVersion, TREATYLAB_VERSION } from "./version.js";

async function fileSize(file: string): Promise<number> {
  return (await fs.stat(file).catch(() => undefined))?.size ?? 0;
}

/**
 * What a file holds, from its size and first line: nothing (or no file, or one the writer will
 * report it cannot open), a treatylab stream header alone, a header and rows after it, or other data.
 */
async function streamContent(file: string): Promise<"empty" | "header" | "rows" | "other"> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "r");
  } catch {
    return "empty";
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return "empty";
    const buf = Buffer.alloc(Math.min(size, 1 << 16));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const nl = buf.subarray(0, bytesRead).indexOf(10);
    if (nl < 0) return "other";
    let first: unknown;
    try {
      first = JSON.parse(buf.subarray(0, nl).toString("utf8"));
    } catch {
      return "other";
    }
    if (!isStreamHeader(first)) return "other";
    return size > nl + 1 ? "rows" : "header";
  } catch {
    return "empty";
  } finally {
    await handle.close();
  }
}

/** Whether a line is a treatylab stream header (`kind` "treatylab-..."). */
function isStreamHeader(line: unknown): boolean {
  const kind = (line as { kind?: unknown } | null)?.kind;
  return line !== null && typeof line === "object" && typeof kind === "string" && kind.startsWith("treatylab-");
}

/**
 * Opens the JSON Lines stream of a run. Its first line is a header recording the version that
 * wrote it (`generator`, as in the CLI's JSON results) and naming the job (`kind`, `jobHash`,
 * `range`). Without `resume` the file starts afresh, and one that holds rows already (or data
 * treatylab did not write) is refused, so that no run's work is lost; with `resume` an existing file must have the
 * same header (a file another treatylab version wrote is refused, as `merge` refuses its parts; one
 * that records no version is kept), and its complete lines after the header are returned so the
 * run can skip the work they hold (a line cut short by the interruption is dropped).
 *
 * @example
 * ```ts
 * const header = { kind: "treatylab-demo", jobHash: "h1", range: { start: 0, end: 100 } };
 * const first = await openStream("draws.jsonl", header, false); // writes the header line
 * await first.out.append([{ draw: 0 }]);
 * await first.out.close();
 * const { out, lines } = await openStream("draws.jsonl", header, true);
 * lines; // [{ draw: 0 }]: the rows already written, for the resumed run to skip
 * await out.close();
 * ```
 */
export async function openStream(
  file: string,
  header: {
    readonly kind: string;
    readonly jobHash: string;
    readonly range: { readonly start: number; readonly end: number };
  },
  resume: boolean,
): Promise<{ out: JsonLinesAppender; lines: unknown[] }> {
  if (!resume) {
    // A stream holds hours of work: a run without --resume starts afresh only in a file that
    // holds nothing, or a treatylab header and nothing after it; never over another run's rows,
    // a damaged stream or a file treatylab did not write (found in review: a stream of 102
    // finished draws was truncated without a word). Only the first line is read.
    const state = await streamContent(file);
    if (state !== "empty" && state !== "header")
      throw new TreatylabError(
        `${quote(file)} already holds ${state === "rows" ? "rows of a run" : "data treatylab did not write"}: give --resume to continue the same job there, or remove the file or choose another --jsonl file to start afresh`,
      );
  }
  if (resume) {
    const { lines, validBytes, exists } = await readJsonLines(file);
    if (exists && lines.length === 0 && validBytes === 0 && (await fileSize(file)) > 0)
      throw new TreatylabError(
        `${quote(file)} was not written by treatylab (no complete header line); --resume keeps such a file: remove it or choose another --jsonl file`,
      );
    if (exists && lines.length > 0) {
      const h = lines[0] as typeof header;
      if (!isStreamHeader(h))
        throw new TreatylabError(
          `${quote(file)} was not written by treatylab (its first line is not a treatylab stream header); --resume keeps such a file: remove it or choose another --jsonl file`,
        );
      if (
        h?.kind !== header.kind ||
        h.jobHash !== header.jobHash ||
        h.range?.start !== header.range.start ||
        h.range?.end !== header.range.end
      )
        throw new TreatylabError(
          `${file}: holds another job's rows (different scenario, settings, seed or shard); remove it or choose another --jsonl file`,
        );
      const v = recordedVersion(h);
      if (v !== undefined && v !== TREATYLAB_VERSION)
        throw new TreatylabError(
          `${file}: written by treatylab ${v}, this is treatylab ${TREATYLAB_VERSION}; resume with the version that wrote it, or remove it to start again`,
        );
      return { out: await JsonLinesAppender.open(file, { truncateTo: validBytes }), lines: lines.slice(1) };
    }
  }
  const out = await JsonLinesAppender.open(file, { truncateTo: 0 });
  await out.append([{ generator: GENERATOR, ...header }]);
  return { out, lines: [] };
}
