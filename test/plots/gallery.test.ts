import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeGallery } from "../../scripts/gallery.js";

describe("docs/gallery", () => {
  it("is up to date: regenerating it gives the committed files byte for byte (else run `npm run gallery`)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "treatylab-gallery-"));
    const written = await writeGallery(dir);
    const committed = readdirSync("docs/gallery").map((f) => path.join("gallery", f));
    expect(
      new Set(committed),
      "docs/gallery holds other files than the gallery script writes: run `npm run gallery`",
    ).toEqual(new Set(written.filter((f) => f !== "gallery.md")));
    for (const f of written)
      expect(
        readFileSync(path.join("docs", f), "utf8") === readFileSync(path.join(dir, f), "utf8"),
        `docs/${f} is out of date: run \`npm run gallery\``,
      ).toBe(true);
  });
});
