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
 * const f: GeniusFolderFile = { name: "laptop_buyer_utility.xml", path: "Laptop/laptop_buyer_utility.xml", text };
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
 * const s = importGeniusFolderFiles("Laptop", files); // files: GeniusFolderFile[]
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
