import { execFileSync } from "node:child_process";
import {
  createReadStream,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/files/writeFileAtomic.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "treatylab-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic: what --out writes to", () => {
  it("replaces a regular file and leaves no temporary file", async () => {
    const file = path.join(dir, "out.json");
    writeFileSync(file, "old");
    await writeFileAtomic(file, "new");
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("creates missing folders", async () => {
    const file = path.join(dir, "a", "b", "out.json");
    await writeFileAtomic(file, "x");
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("follows a symbolic link: the target gets the data, the link stays a link", async () => {
    mkdirSync(path.join(dir, "real"));
    const target = path.join(dir, "real", "target.txt");
    writeFileSync(target, "old");
    const link = path.join(dir, "link.json");
    symlinkSync(path.join("real", "target.txt"), link);
    await writeFileAtomic(link, "new");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(path.join("real", "target.txt"));
    expect(readFileSync(target, "utf8")).toBe("new");
    // the temporary file was made beside the target and renamed over it
    expect(readdirSync(path.join(dir, "real"))).toEqual(["target.txt"]);
  });

  it("writes through a dangling link, creating its target", async () => {
    const link = path.join(dir, "link.json");
    symlinkSync("made.txt", link);
    await writeFileAtomic(link, "data");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "made.txt"), "utf8")).toBe("data");
  });

  it.skipIf(process.platform === "win32")("writes into a named pipe instead of replacing it", async () => {
    const fifo = path.join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      let text = "";
      createReadStream(fifo, "utf8")
        .on("data", (chunk) => (text += chunk))
        .on("end", () => resolve(text))
        .on("error", reject);
    });
    await writeFileAtomic(fifo, "through the pipe");
    expect(await received).toBe("through the pipe");
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it("refuses a folder, naming it", async () => {
    await expect(writeFileAtomic(dir, "x")).rejects.toThrow(/cannot write \(it is a folder\); choose another path/);
  });
});
