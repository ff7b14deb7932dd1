import { mkdtempSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportGenius } from "../../src/interop/geniusExport.js";
import { importGenius } from "../../src/interop/geniusImport.js";
import { exportGeniusWeb } from "../../src/interop/geniusWebExport.js";
import { importGeniusWeb } from "../../src/interop/geniusWebImport.js";
import { readGeniusFolder } from "../../src/files/geniusFolder.js";
import { TreatylabError } from "../../src/model/errors.js";
import { validateScenario } from "../../src/model/validate.js";
import { nash1950 } from "../../src/scenarios/nash1950.js";
import { run } from "../cli/run.js";
import { sharedData } from "./sharedData.js";

const laptop = (f: string): string => readFileSync(sharedData("genius", "Laptop", f), "utf8");
const domain = { name: "laptop_domain.xml", xml: laptop("laptop_domain.xml") };
const buyer = laptop("laptop_buyer_utility.xml");
const seller = { name: "seller", xml: laptop("laptop_seller_utility.xml") };
const importWith = (buyerXml: string) => () =>
  importGenius({ domain, profiles: [{ name: "buyer", xml: buyerXml }, seller] });

describe("malformed GENIUS input gives one clear error", () => {
  it("missing weight", () =>
    expect(importWith(buyer.replace(/<weight index="2"[^>]*>\s*<\/weight>/, ""))).toThrow(
      /no <weight> for issue "Harddisk" \(index 2\)/,
    ));
  it("unknown item", () =>
    expect(importWith(buyer.replace('value="Dell"', 'value="Acer"'))).toThrow(/unknown item "Acer"/));
  it("duplicate issue index", () =>
    expect(importWith(buyer.replace('<issue index="2"', '<issue index="1"'))).toThrow(/index 1 is used twice/));
  it("invalid XML, with line and column", () =>
    expect(importWith(buyer.replace("</objective>", ""))).toThrow(/buyer:\d+:\d+: invalid XML/));
  it("billion laughs: any DOCTYPE / ENTITY is refused before parsing", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${buyer.replace('description="cheap laptop"', 'description="&lol3;"')}`;
    expect(importWith(lol)).toThrow(/<!DOCTYPE declaration/);
  });
  it("huge files are refused by size", () =>
    expect(importWith(buyer + " ".repeat(9 * 1024 * 1024))).toThrow(/over the limit/));
  it("too many elements are refused", () =>
    expect(importWith(`<utility_space>${"<x/>".repeat(250_000)}</utility_space>`)).toThrow(
      /more than 200000 XML elements/,
    ));
  it("a non-GENIUS document", () => expect(importWith("<html><body/></html>")).toThrow(/no <utility_space>/));
  it("negative evaluation and unsupported real evaluator", () => {
    expect(importWith(buyer.replace('evaluation="12"', 'evaluation="-1"'))).toThrow(/evaluation -1/);
  });
  it("AMPOvsCity (legacy) is refused with what is unsupported", async () => {
    await expect(readGeniusFolder(sharedData("genius", "AMPOvsCity"))).rejects.toThrow(
      /ampo_vs_city_ampo_space\.xml: issue "Increase in starting salaries" \(index 2\) lists item "0" twice/,
    );
  });
  it("AMPOvsCity loads once the duplicate item is removed: indices from 2, weights before issues, no type attributes", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tl-ampo-"));
    cpSync(sharedData("genius", "AMPOvsCity"), dir, { recursive: true });
    const f = path.join(dir, "ampo_vs_city_ampo_space.xml");
    writeFileSync(
      f,
      readFileSync(f, "utf8").replace(
        /\s*<item index="1" value="0" evaluation="0"\/>\s*<item index="1" value="0" evaluation="8"\/>/,
        '\n<item index="1" value="0" evaluation="8"/>',
      ),
    );
    const s = await readGeniusFolder(dir);
    expect(s.issues).toHaveLength(10);
    expect(s.parties.map((p) => p.id)).toEqual(["ampo", "city"]);
  });
  it("nonlinear hyper-rectangle profiles become interaction terms", () => {
    const dom = `<negotiation_template><utility_space><objective index="0" name="nl"><issue index="1" name="x" type="integer" lowerbound="1" upperbound="3"/><issue index="2" name="y" type="integer" lowerbound="1" upperbound="2"/></objective></utility_space></negotiation_template>`;
    const nl = `<utility_space type="nonlinear"><objective index="0" name="nl"><issue index="1" name="x" type="integer" lowerbound="1" upperbound="3"/><issue index="2" name="y" type="integer" lowerbound="1" upperbound="2"/></objective><utility maxutility="10"><ufun type="PlainUfun" aggregation="sum"><hyperRectangle utility="5"><INCLUDES index="1" min="2" max="3"/><INCLUDES index="2" min="1" max="1"/></hyperRectangle><hyperRectangle utility="10"><INCLUDES index="1" min="1" max="1"/></hyperRectangle></ufun></utility><reservation value="0.1"/></utility_space>`;
    const s = importGenius({ domain: { name: "d.xml", xml: dom }, profiles: [{ name: "a", xml: nl }] });
    const inter = s.parties[0]!.interactions!;
    expect(inter).toEqual([
      { when: { x: ["2", "3"], y: ["1"] }, value: 0.5, reason: "GENIUS hyper-rectangle 1" },
      { when: { x: ["1"] }, value: 1, reason: "GENIUS hyper-rectangle 2" },
    ]);
    expect(() => exportGenius(s)).toThrow(/interaction terms/);
  });
});

describe("malformed GeniusWeb input", () => {
  const d = readFileSync(sharedData("geniusweb", "FlightBooking", "flightbooking.json"), "utf8");
  const p1 = readFileSync(sharedData("geniusweb", "FlightBooking", "flightbooking1.json"), "utf8");
  const imp = (json: string) => () =>
    importGeniusWeb({ domain: { name: "flightbooking.json", json: d }, profiles: [{ name: "p1", json }] });
  it("missing weight", () => expect(imp(p1.replace('"departure date": 0.3', '"x": 0.3'))).toThrow(/unknown issue "x"/));
  it("unknown value", () =>
    expect(imp(p1.replace('"CentAir": 0.667', '"Schiphol": 0.667'))).toThrow(/unknown value "Schiphol"/));
  it("invalid JSON", () => expect(imp(p1.slice(0, 50))).toThrow(/p1: invalid JSON/));
  it("other profile types", () =>
    expect(imp('{"DiscreteValueSetUtilities": {}}')).toThrow(/LinearAdditiveUtilitySpace/));
});

describe("export refuses what does not fit, with the reason", () => {
  const base = nash1950;
  it("red lines", () => {
    const s = validateScenario({
      ...base,
      parties: base.parties.map((p, k) =>
        k === 0 ? { ...p, redLines: [{ issue: base.issues[0]!.id, reject: [optionOf(0)] }] } : p,
      ),
    });
    expect(() => exportGenius(s)).toThrow(/red lines, which GENIUS files cannot express/);
    expect(() => exportGeniusWeb(s)).toThrow(/red lines, which GeniusWeb files cannot express/);
  });
  it("constituencies (they decide ratification, as red lines decide acceptance)", () => {
    const bill = base.parties[0]!;
    const congress = { id: "congress", weights: bill.weights, values: bill.values, reservation: 0.5 };
    const s = validateScenario({
      ...base,
      parties: base.parties.map((p, k) => (k === 1 ? { ...p, constituencies: [congress] } : p)),
    });
    expect(() => exportGenius(s)).toThrow(
      /\$\.parties\[1\]\.constituencies: has constituencies that must ratify, which GENIUS files cannot express/,
    );
    expect(() => exportGeniusWeb(s)).toThrow(/constituencies that must ratify, which GeniusWeb files cannot express/);
    expect(() => exportGenius(nash1950)).not.toThrow();
  });
  it("a reservation no bid reaches, for GeniusWeb", () => {
    const s = importGenius({
      domain,
      profiles: [
        {
          name: "buyer",
          xml: buyer
            .replace('<reservation value="0" />', '<reservation value="0.123456" />')
            .replace('value="0.42441038"', 'value="1"'),
        },
        { name: "seller", xml: seller.xml.replace('value="0.42441038"', 'value="1"') },
      ],
    });
    expect(() => exportGeniusWeb(s)).toThrow(TreatylabError);
    expect(() => exportGeniusWeb(s)).toThrow(/reservation bid/);
  });
});

function optionOf(k: number): string {
  const i = nash1950.issues[0]!;
  return i.type === "numeric" ? String(i.range.min) : i.options[k]!.id;
}

describe("CLI", () => {
  it("treatylab analyze <GENIUS folder> names parties after the profile files", async () => {
    const r = await run("analyze", sharedData("genius", "Laptop"), "--format", "json");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.parties.map((p: { id: string }) => p.id)).toEqual(["buyer", "seller"]);
    expect(a.frontier).toHaveLength(4);
  });
  it("treatylab convert: GENIUS -> GeniusWeb folder (discount-free domain) -> treatylab JSON keeps the analysis", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tl-conv-"));
    const w = await run(
      "convert",
      sharedData("genius", "EnglandZimbabwe"),
      "--to",
      "geniusweb",
      "--out",
      path.join(dir, "gw"),
    );
    expect(w.code).toBe(0);
    const a1 = JSON.parse((await run("analyze", sharedData("genius", "EnglandZimbabwe"), "--format", "json")).out);
    const a2 = JSON.parse((await run("analyze", path.join(dir, "gw"), "--format", "json")).out);
    expect(a2.frontier.map((p: { utilities: object }) => p.utilities)).toEqual(
      a1.frontier.map((p: { utilities: object }) => p.utilities),
    );
    const t = await run("convert", path.join(dir, "gw"), "--to", "treatylab");
    expect(JSON.parse(t.out).issues).toHaveLength(5);
  });
  it("convert to genius without --out is a clear error", async () => {
    const r = await run("convert", "nash-1950", "--to", "genius");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out <folder> is required/);
  });
});
