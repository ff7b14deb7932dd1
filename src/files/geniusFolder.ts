import { promises as fs } from "node:fs";
import path from "node:path";
import { TreatylabError } from "../model/errors.js";
import { quote } from "../model/quote.js";
import type { Scenario } from "../model/types.js";
import { exportGenius } from "../interop/geniusExport.js";
import { importGeniusFolderFiles } from "../interop/geniusFiles.js";
import type { GeniusImportOptions } from "../interop/geniusImport.js";
import { exportGeniusWeb } from "../interop/geniusWebExport.js";
import { importGeniusWeb, parseJsonText } from "../interop/geniusWebImport.js";
import { partyNamesFromFiles, slugId } from "../interop/ids.js";
import { MAX_INTEROP_CHARS } from "../interop/safeXml.js";
import { makeFolder, writeError, writeFileAtomic } from "./writeFileAtomic.js";

/**
 * Most files a GENIUS / GeniusWeb folder may hold.
 * @example
 * ```ts
 * import { mkdtemp, writeFile } from "node:fs/promises";
 * import { tmpdir } from "node:os";
 * import { MAX_FOLDER_FILES } from "./geniusFolder.js";
 * const dir = await mkdtemp(`${tmpdir()}/genius-`);
 * for (let i = 0; i <= MAX_FOLDER_FILES; i++) await writeFile(`${dir}/p${i}.xml`, "<x/>");
 * await readGeniusFolder(dir); // throws "<dir>: 201 .xml files, over the limit of 200" (<dir> the folder made above)
 * ```
 */
export const MAX_FOLDER_FILES = 200;

async function readText(file: string): Promise<string> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_INTEROP_CHARS)
    throw new TreatylabError(`${file}: ${stat.size} bytes, over the limit of ${MAX_INTEROP_CHARS}`);
  return fs.readFile(file, "utf8");
}

async function listFiles(dir: string, ext: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TreatylabError(
      code === "ENOENT" ? `${dir}: no such folder` : `${dir}: cannot read (${(err as Error).message})`,
    );
  }
  const files = entries.filter((f) => f.toLowerCase().endsWith(ext)).sort();
  if (files.length > MAX_FOLDER_FILES)
    throw new TreatylabError(`${dir}: ${files.length} ${ext} files, over the limit of ${MAX_FOLDER_FILES}`);
  return files;
}

/**
 * Reads a folder holding one GENIUS domain file and one profile file per party. The domain is
 * the file without weights or evaluations; parties are named after their profile files (the
 * extension and the words all profile names share are dropped: `laptop_buyer_utility.xml` gives
 * `buyer`), in file-name order.
 *
 * @example
 * ```ts
 * import { readGeniusFolder } from "treatylab/node";
 * const s = await readGeniusFolder("examples/genius/nash-1950");
 * s.parties.map((p) => p.id); // ["bill", "jack"]
 * ```
 */
export async function readGeniusFolder(dir: string, options: GeniusImportOptions = {}): Promise<Scenario> {
  const files = await listFiles(dir, ".xml");
  const texts = await Promise.all(files.map((f) => readText(path.join(dir, f))));
  return importGeniusFolderFiles(
    dir,
    files.map((f, k) => ({ name: f, path: path.join(dir, f), text: texts[k]! })),
    { ...options, id: options.id ?? (slugId(path.basename(path.resolve(dir))) || "genius") },
  );
}

/**
 * Reads a folder holding one GeniusWeb domain JSON and one `LinearAdditiveUtilitySpace` JSON per
 * party (parties named after their files, as for GENIUS).
 *
 * @example
 * ```ts
 * const s = await readGeniusWebFolder("examples/geniusweb/nash-1950");
 * s.parties.map((p) => p.id); // ["bill", "jack"]
 * ```
 */
export async function readGeniusWebFolder(dir: string): Promise<Scenario> {
  const files = await listFiles(dir, ".json");
  const texts = await Promise.all(files.map((f) => readText(path.join(dir, f))));
  const isDomain = texts.map((t, k) => {
    const v = parseJsonText(t, path.join(dir, files[k]!));
    return v !== null && typeof v === "object" && "issuesValues" in v;
  });
  const domains = files.filter((_, k) => isDomain[k]);
  if (domains.length !== 1)
    throw new TreatylabError(
      `${dir}: ${domains.length} GeniusWeb domain files; expected exactly one (with "issuesValues") and one profile per party`,
    );
  const profiles = files.filter((_, k) => !isDomain[k]);
  const names = partyNamesFromFiles(profiles);
  return importGeniusWeb({
    domain: { name: path.join(dir, domains[0]!), json: texts[files.indexOf(domains[0]!)]! },
    profiles: profiles.map((f, k) => ({ name: names[k]!, file: path.join(dir, f), json: texts[files.indexOf(f)]! })),
  });
}

/**
 * Reads a GENIUS (.xml files) or GeniusWeb (.json files) folder, whichever it holds.
 *
 * @example
 * ```ts
 * const s = await readInteropFolder("examples/genius/nash-1950");
 * s.parties.map((p) => p.id); // ["bill", "jack"]
 * ```
 */
export async function readInteropFolder(dir: string, options: GeniusImportOptions = {}): Promise<Scenario> {
  if ((await listFiles(dir, ".xml")).length > 0) return readGeniusFolder(dir, options);
  if ((await listFiles(dir, ".json")).length > 0) return readGeniusWebFolder(dir);
  throw new TreatylabError(
    `${dir}: a folder without GENIUS (.xml) or GeniusWeb (.json) files; expected a domain file and one profile per party`,
  );
}

/**
 * Writes a scenario as a GENIUS or GeniusWeb folder (created if needed); returns the paths written.
 *
 * @example
 * ```ts
 * const scenario = builtinScenario("nash-1950");
 * await writeInteropFolder(scenario, "out/nash-genius", "genius");
 * ```
 */
export async function writeInteropFolder(
  scenario: Scenario,
  dir: string,
  format: "genius" | "geniusweb",
): Promise<string[]> {
  const out = format === "genius" ? exportGenius(scenario) : exportGeniusWeb(scenario);
  const files = [
    { name: out.domain.name, text: "xml" in out.domain ? out.domain.xml : out.domain.json },
    ...out.profiles.map((p) => ({ name: p.name, text: "xml" in p ? p.xml : p.json })),
  ];
  try {
    await makeFolder(dir);
  } catch (err) {
    throw writeError(dir, err);
  }
  // A folder holds one domain: files of another (a second *_domain.xml) would leave a folder no
  // reader takes (found in review). Only files the reader takes count (.xml for GENIUS, .json for
  // GeniusWeb): a README or .git beside them is fine. Files this export writes again are replaced.
  const names = new Set(files.map((f) => f.name));
  const read = format === "genius" ? /\.xml$/i : /\.json$/i;
  const others = (await fs.readdir(dir).catch(() => [] as string[]))
    .filter((f) => read.test(f) && !names.has(f))
    .sort();
  if (others.length > 0)
    throw new TreatylabError(
      `${quote(dir)} already holds other files (${others.slice(0, 3).join(", ")}${others.length > 3 ? ", ..." : ""}): a ${format === "genius" ? "GENIUS" : "GeniusWeb"} folder holds one domain and its profiles; write to a new or empty folder`,
    );
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dir, f.name);
    await writeFileAtomic(target, f.text);
    written.push(target);
  }
  return written;
}
