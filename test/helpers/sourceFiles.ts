import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every .ts file under a folder (recursively), as paths relative to the working directory. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) files.push(p);
    }
  };
  walk(dir);
  return files;
}
