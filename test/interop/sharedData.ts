import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The shared GENIUS / GeniusWeb data beside the repository (`../shared/data`); throws a clear
 * error when it is missing instead of letting tests pass vacuously.
 */
export function sharedData(...parts: string[]): string {
  const root = path.resolve(repoRoot, "../shared/data");
  if (!existsSync(root))
    throw new Error(`shared data not found at ${root}: clone or copy shared/ beside the repository`);
  return path.join(root, ...parts);
}
