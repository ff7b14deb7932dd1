import { TreatylabError } from "../model/errors.js";
import type { Scenario } from "../model/types.js";
import { type GeniusImportOptions, importGenius, isGeniusDomainXml } from "./geniusImport.js";
import { partyNamesFromFiles, slugId } from "./ids.js";

/**
 * One file of a GENIUS domain folder: its name (the parties are named after the profiles'
 * names), where it came from (shown in errors) and its text.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import type { GeniusFolderFile } from "./geniusFiles.js";
 * const path = "examples/genius/nash-1950/bill.xml";
 * const f: GeniusFolderFile = { name: "bill.xml", path, text: readFileSync(path, "utf8") };
 * isGeniusDomainXml(f.text); // false: a profile
 * ```
 */
export interface GeniusFolderFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/**
 * Imports the XML files of a GENIUS domain folder, however they were read (from disk, or dropped
 * on the explorer page): the domain is the one file without weights or evaluations, each other
 * file is a party's profile, parties are named after their files (the extension and the words all
 * profile names share are dropped: `laptop_buyer_utility.xml` gives `buyer`), in file-name order,
 * and the scenario's id is the folder's name (`options.id` overrides it). `folder` names the folder
 * in errors.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { importGeniusFolderFiles } from "./geniusFiles.js";
 * const dir = "examples/genius/nash-1950";
 * const read = (name: string) => ({ name, path: `${dir}/${name}`, text: readFileSync(`${dir}/${name}`, "utf8") });
 * const s = importGeniusFolderFiles("nash-1950", ["bill.xml", "jack.xml", "nash-1950_domain.xml"].map(read));
 * s.id; // "nash-1950"
 * s.parties.map((p) => p.id); // ["bill", "jack"]
 * ```
 */
export function importGeniusFolderFiles(
  folder: string,
  files: readonly GeniusFolderFile[],
  options: GeniusImportOptions = {},
): Scenario {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const domains = sorted.filter((f) => isGeniusDomainXml(f.text));
  if (domains.length !== 1)
    throw new TreatylabError(
      `${folder}: ${domains.length === 0 ? "no GENIUS domain file" : `${domains.length} domain files (${domains.map((d) => d.name).join(", ")})`}; expected exactly one domain (.xml without weights) and one profile per party`,
    );
  const domain = domains[0]!;
  const profiles = sorted.filter((f) => f !== domain);
  const names = partyNamesFromFiles(profiles.map((f) => f.name));
  return importGenius(
    {
      domain: { name: domain.path, xml: domain.text },
      profiles: profiles.map((f, k) => ({ name: names[k]!, file: f.path, xml: f.text })),
    },
    { ...options, id: options.id ?? (slugId(folder) || "genius") },
  );
}
