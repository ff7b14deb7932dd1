/**
 * Makes scenario ids from the free-text names of GENIUS and GeniusWeb files: lower case, runs
 * of other characters turned into "-", unique within one allocator (a clash gets "-2", "-3"...)
 * and different from the `reserved` ids. The original text is kept as the label, and exports
 * write labels back, so names survive a round trip.
 *
 * @example
 * ```ts
 * import { IdAllocator } from "./ids.js";
 * const ids = new IdAllocator("option");
 * ids.take("$100 Billion"); // "100-billion"
 * ids.take("$100 billion"); // "100-billion-2"
 * ids.take("!!!");          // "option-3"
 * new IdAllocator("issue", ["price"]).take("Price"); // "price-2": "price" is taken
 * ```
 */
export class IdAllocator {
  private readonly used: Set<string>;
  private count = 0;
  /** `reserved`: ids already taken (given in the file), which no slug may become. */
  constructor(
    private readonly fallback: string,
    reserved: Iterable<string> = [],
  ) {
    this.used = new Set(reserved);
  }

  /** A fresh id for `name`. */
  take(name: string): string {
    this.count++;
    const base = slugId(name) || `${this.fallback}-${this.count}`;
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}-${k}`;
    this.used.add(id);
    return id;
  }
}

/**
 * The id form of a name (may be empty when the name has no letter or digit).
 *
 * @example
 * ```ts
 * import { slugId } from "./ids.js";
 * slugId("19'' LCD"); // "19-lcd"
 * slugId("Nash (1950): the Bill and Jack barter"); // "nash-1950-the-bill-and-jack-barter"
 * slugId("Book: who holds it"); // "book-who-holds-it"
 * slugId("zone:a"); // "zone:a"
 * ```
 */
export function slugId(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_.:]+/g, "-")
      // A colon is kept only inside a word ("a:b"); as punctuation ("Book: who") it is a separator.
      .replace(/-*:-+|-+:-*/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .replace(/[-:]+$/, "")
      .slice(0, 80)
  );
}

/**
 * Party names from profile file names: the extension and the words every file shares at the
 * start or the end are removed (`laptop_buyer_utility.xml`, `laptop_seller_utility.xml` give
 * `buyer`, `seller`). A single file keeps its whole base name.
 *
 * @example
 * ```ts
 * partyNamesFromFiles(["Grocery_domain_mary.xml", "Grocery_domain_sam.xml"]); // ["mary", "sam"]
 * ```
 */
export function partyNamesFromFiles(files: readonly string[]): string[] {
  const bases = files.map((f) => (f.split(/[\\/]/).pop() ?? f).replace(/\.(xml|json)$/i, ""));
  if (bases.length < 2) return bases;
  const words = bases.map((b) => b.split(/([_\-\s.]+)/));
  const minLen = Math.min(...words.map((w) => w.length));
  let head = 0;
  while (head + 2 < minLen && words.every((w) => w[head] === words[0]![head] && w[head + 1] === words[0]![head + 1]))
    head += 2;
  let tail = 0;
  while (
    tail + 2 < minLen - head &&
    words.every(
      (w) =>
        w[w.length - 1 - tail] === words[0]![words[0]!.length - 1 - tail] &&
        w[w.length - 2 - tail] === words[0]![words[0]!.length - 2 - tail],
    )
  )
    tail += 2;
  const names = words.map((w) => w.slice(head, w.length - tail).join(""));
  return new Set(names).size === names.length && names.every((n) => n.length > 0) ? names : bases;
}
