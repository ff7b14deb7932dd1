import { promises as fs } from "node:fs";
import path from "node:path";
import { TreatylabError } from "../model/errors.js";
import { quote } from "../model/quote.js";

const CAUSES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENAMETOOLONG: "the name is too long",
  EEXIST: "a file is in the way of a folder",
  EINVAL: "the name is not allowed by the file system",
  ENOENT: "the folder cannot be created there",
};

/**
 * The usage error for a file that cannot be written: names the path and the cause
 * (`"out/x.json": cannot write (read-only file system)`).
 *
 * @example
 * ```ts
 * import { writeError } from "./writeFileAtomic.js";
 * writeError("out.json", Object.assign(new Error("x"), { code: "EROFS" })).message;
 * // "\"out.json\": cannot write (read-only file system); choose another path"
 * ```
 */
export function writeError(file: string, err: unknown): TreatylabError {
  const code = (err as NodeJS.ErrnoException)?.code ?? "";
  const cause = CAUSES[code] ?? (code ? `${code}: ${(err as Error).message}` : String((err as Error)?.message ?? err));
  return new TreatylabError(`${quote(file, 120)}: cannot write (${cause}); choose another path`);
}

/**
 * Creates a folder and its missing parents, one level at a time. Not `fs.mkdir(dir, { recursive:
 * true })`: Node's recursive mkdir never returns on a path under procfs (`/proc/nope/out`: the
 * kernel answers ENOENT for the child and EEXIST for the parent, and Node retries forever; see
 * nodejs/node#27198 for the same loop on Windows). This walk is bounded by the path's depth and
 * throws the system error (ENOENT, EACCES, ENOTDIR...) of the level that fails.
 *
 * @example
 * ```ts
 * import { makeFolder } from "./writeFileAtomic.js";
 * await makeFolder("out/runs/2026"); // creates out/, out/runs/ and out/runs/2026/ as needed
 * ```
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; ) {
    const st = await fs.stat(d).catch((err: NodeJS.ErrnoException) => err);
    if (!(st instanceof Error)) {
      if (!st.isDirectory()) throw Object.assign(new Error(`a file is in the way: ${d}`), { code: "EEXIST" });
      break;
    }
    const parent = path.dirname(d);
    if (st.code !== "ENOENT" || parent === d) throw st;
    missing.push(d);
    d = parent;
  }
  for (const d of missing.reverse())
    await fs.mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
}

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, which is then
 * renamed over the target, so an interruption never leaves a half-written file. A symbolic link is
 * followed: its target is replaced, the link stays. What is not a regular file (a pipe, a device
 * such as `/dev/stdout`, anything under `/dev/` or `/proc/`) is written through, not replaced. A
 * path that cannot be written (a folder, a read-only file system, no permission, no space) gives a
 * {@link TreatylabError} naming the path and the cause.
 *
 * @example
 * ```ts
 * const result = analyze(builtinScenario("nash-1950"));
 * await writeFileAtomic("out/analysis.json", JSON.stringify(result)); // creates out/ when missing
 * ```
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  // stat follows links: what the path names in the end (undefined: nothing, or a dangling link).
  const st = await fs.stat(file).catch(() => undefined);
  if (st?.isDirectory()) throw writeError(file, { code: "EISDIR" });
  const link = (await fs.lstat(file).catch(() => undefined))?.isSymbolicLink() ?? false;
  const target = st && link ? await fs.realpath(file).catch(() => undefined) : path.resolve(file);
  if ((st && !st.isFile()) || (link && !st) || target === undefined || /^\/(dev|proc)\//.test(target)) {
    try {
      await fs.writeFile(file, data);
    } catch (err) {
      throw writeError(file, err);
    }
    return;
  }
  const dir = path.dirname(target);
  try {
    await makeFolder(dir);
  } catch (err) {
    throw writeError(file, err);
  }
  // node:crypto is loaded here, not at start-up: it costs about 8 ms to load, and most commands write nothing.
  const { randomBytes } = await import("node:crypto");
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(file, err);
  }
}
