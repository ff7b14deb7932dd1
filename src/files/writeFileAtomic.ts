import { randomBytes } from "node:crypto";
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
};

/**
 * The usage error for a file that cannot be written: names the path and the cause
 * (`"out/x.json": cannot write (read-only file system)`).
 *
 * @example
 * ```ts
 * throw writeError("out.json", Object.assign(new Error("x"), { code: "EROFS" }));
 * ```
 */
export function writeError(file: string, err: unknown): TreatylabError {
  const code = (err as NodeJS.ErrnoException)?.code ?? "";
  const cause = CAUSES[code] ?? (code ? `${code}: ${(err as Error).message}` : String((err as Error)?.message ?? err));
  return new TreatylabError(`${quote(file, 120)}: cannot write (${cause}); choose another path`);
}

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, which is then
 * renamed over the target, so an interruption never leaves a half-written file. A path that cannot
 * be written (a folder, a read-only file system, no permission, no space) gives a
 * {@link TreatylabError} naming the path and the cause.
 *
 * @example
 * ```ts
 * await writeFileAtomic("out/analysis.json", JSON.stringify(result));
 * ```
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  if ((await fs.stat(file).catch(() => undefined))?.isDirectory()) throw writeError(file, { code: "EISDIR" });
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw writeError(file, err);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(file, err);
  }
}
