import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importGeniusFolderFiles } from "../../src/interop/geniusFiles.js";
import { slugId } from "../../src/interop/ids.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";

describe("slugId: ids from GENIUS names", () => {
  it("a colon used as punctuation is a separator; inside a word it stays", () => {
    expect(slugId("Nash (1950): the Bill and Jack barter")).toBe("nash-1950-the-bill-and-jack-barter");
    expect(slugId("Book: who holds it after the trade")).toBe("book-who-holds-it-after-the-trade");
    expect(slugId("zone:a")).toBe("zone:a");
    expect(slugId("Price:")).toBe("price");
    expect(slugId("Élan vital")).toBe("elan-vital");
    expect(slugId("19'' LCD")).toBe("19-lcd");
    expect(slugId("!!!")).toBe("");
  });

  it("the shipped nash-1950 GENIUS folder imports with nash-1950's own ids; without treatylab's attributes, with readable slugs", () => {
    const dir = "examples/genius/nash-1950";
    const files = readdirSync(dir).map((name) => ({
      name,
      path: path.join("nash-1950", name),
      text: readFileSync(path.join(dir, name), "utf8"),
    }));
    const s = importGeniusFolderFiles("nash-1950", files);
    const nash = builtinScenario("nash-1950");
    expect(s.issues.map((i) => i.id)).toEqual(nash.issues.map((i) => i.id));
    expect(s.parties.map((p) => [p.id, p.label])).toEqual(nash.parties.map((p) => [p.id, p.label]));
    // A GENIUS file from elsewhere has no treatylab_id: ids are slugs of the names.
    const plain = files.map((f) => ({ ...f, text: f.text.replace(/ treatylab_(id|label)="[^"]*"/g, "") }));
    const t = importGeniusFolderFiles("nash-1950", plain);
    expect(t.issues.map((i) => i.id)[0]).toBe("book-who-holds-it-after-the-trade");
    for (const i of t.issues) expect(i.id).not.toMatch(/-:|:-/);
    expect(t.parties.map((p) => p.id)).toEqual(["bill", "jack"]);
  });
});
