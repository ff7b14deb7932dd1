import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportGenius } from "../../src/interop/geniusExport.js";
import { importGeniusFolderFiles } from "../../src/interop/geniusFiles.js";
import { importGenius } from "../../src/interop/geniusImport.js";
import type { Issue, Scenario } from "../../src/model/types.js";
import { optionIdsOf, validateScenario } from "../../src/model/validate.js";
import { RESERVED_IDS } from "../../src/model/idRules.js";
import { builtinScenario } from "../../src/scenarios/builtins.js";
import { allUtilities, viaGenius } from "./viaGenius.js";

// Ids that a slug of their label would not give back: capitals, '_', '.', ':', digits first,
// shared prefixes ("party-a", "party-b": the folder reader drops the words all file names share).
const idArb = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,10}$/),
    fc.constantFrom("party-a", "party-b", "Party_C", "1", "-x", "a.b", "x:y", "X", "x"),
  )
  .filter((s) => /^[A-Za-z0-9]/.test(s) && !RESERVED_IDS.includes(s));
// Labels: absent, shared by two things (the exporter then writes ids as names), or text with the
// characters XML must escape, tabs and newlines.
const labelArb = fc.option(
  fc.oneof(
    fc.constantFrom("Same", "same", "A & B", '"quoted" <tag>', "tab\there", "two\nlines\r\n", "Ünïcödé €", " "),
    fc.string({ unit: fc.constantFrom("a", "B", " ", "&", "<", ">", '"', "'", "\t", "\n", "é", "1", "-") }),
  ),
  { nil: undefined },
);

const scenarioArb = fc
  .record({
    issues: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: labelArb,
        shape: fc.oneof(
          fc.uniqueArray(fc.record({ id: idArb, label: labelArb }), {
            minLength: 1,
            maxLength: 4,
            selector: (o) => o.id,
          }),
          fc.record({
            min: fc.integer({ min: -5, max: 5 }),
            n: fc.integer({ min: 1, max: 4 }),
            step: fc.constantFrom(1, 0.5, 2),
            linear: fc.boolean(),
          }),
        ),
      }),
      { minLength: 1, maxLength: 3, selector: (i) => i.id },
    ),
    parties: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: labelArb,
        reservation: fc.constantFrom(0, 0.1, 0.35),
        discount: fc.constantFrom(undefined, 0.5, 0.9),
        absolute: fc.boolean(),
      }),
      {
        minLength: 2,
        maxLength: 3,
        selector: (p) => p.id,
      },
    ),
    seed: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 60, maxLength: 60 }),
  })
  .map(({ issues, parties, seed }) => {
    let k = 0;
    const next = (): number => seed[k++ % seed.length]!;
    const iss: Issue[] = issues.map((i) =>
      Array.isArray(i.shape)
        ? {
            id: i.id,
            ...(i.label !== undefined ? { label: i.label } : {}),
            options: i.shape.map((o) => ({ id: o.id, ...(o.label !== undefined ? { label: o.label } : {}) })),
          }
        : {
            id: i.id,
            ...(i.label !== undefined ? { label: i.label } : {}),
            type: "numeric" as const,
            range: { min: i.shape.min, max: i.shape.min + i.shape.n * i.shape.step, step: i.shape.step },
          },
    );
    const linear = new Map(issues.map((i) => [i.id, !Array.isArray(i.shape) && i.shape.linear]));
    return validateScenario({
      id: "random",
      issues: iss,
      parties: parties.map((p) => ({
        id: p.id,
        ...(p.label !== undefined ? { label: p.label } : {}),
        ...(p.discount !== undefined ? { discount: p.discount } : {}),
        ...(p.absolute ? { valueScale: "absolute" as const } : {}),
        weights: Object.fromEntries(iss.map((i) => [i.id, next() + 1])),
        values: Object.fromEntries(
          iss.map((i) =>
            i.type === "numeric"
              ? [
                  i.id,
                  {
                    points: (linear.get(i.id)
                      ? ([
                          [i.range.min, next()],
                          [i.range.max, next() + 1],
                        ] as [number, number][])
                      : ([
                          [i.range.min, next()],
                          [(i.range.min + i.range.max) / 2, next() + 1],
                          [i.range.max, next()],
                        ] as [number, number][])
                    ).map(([x, y]) => [x, p.absolute ? y / 11 : y]),
                  },
                ]
              : [
                  i.id,
                  Object.fromEntries(
                    i.options.map((o, oi) => [o.id, (oi === 0 ? 10 : next()) / (p.absolute ? 10 : 1)]),
                  ),
                ],
          ),
        ),
        reservation: p.reservation,
      })),
    });
  });

function expectSameIdsLabelsAndUtilities(s: Scenario, t: Scenario): void {
  expect(t.parties.map((p) => p.id)).toEqual(s.parties.map((p) => p.id));
  expect(t.issues.map((i) => i.id)).toEqual(s.issues.map((i) => i.id));
  expect(t.issues.map(optionIdsOf)).toEqual(s.issues.map(optionIdsOf));
  expect(t.parties.map((p) => p.label ?? p.id)).toEqual(s.parties.map((p) => p.label ?? p.id));
  expect(t.issues.map((i) => i.label ?? i.id)).toEqual(s.issues.map((i) => i.label ?? i.id));
  expect(t.issues.map((i) => (i.type === "numeric" ? null : i.options.map((o) => o.label ?? o.id)))).toEqual(
    s.issues.map((i) => (i.type === "numeric" ? null : i.options.map((o) => o.label ?? o.id))),
  );
  expect(t.parties.map((p) => [p.reservation, p.discount ?? 1])).toEqual(
    s.parties.map((p) => [p.reservation, p.discount ?? 1]),
  );
  const [us, ut] = [allUtilities(s), allUtilities(t)];
  expect(ut.length).toBe(us.length);
  us.forEach((row, k) => row.forEach((u, p) => expect(Math.abs(u - ut[k]![p]!)).toBeLessThan(1e-9)));
}

describe("GENIUS export -> import keeps the scenario's ids", () => {
  it("import(export(s)) has the same party, issue and option ids, labels and utilities (random scenarios)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const t = viaGenius(s);
        expectSameIdsLabelsAndUtilities(s, t);
        // numeric issues stay numeric, also those written as discrete issues over their grid values
        expect(t.issues.map((i) => i.type === "numeric")).toEqual(s.issues.map((i) => i.type === "numeric"));
        expectSameIdsLabelsAndUtilities(s, viaGenius(t));
      }),
      { numRuns: 150, seed: 2026 },
    );
  });

  it("through a folder too: party ids the file names would lose (shared words) come back", () => {
    const nash = builtinScenario("nash-1950");
    const s = validateScenario({
      ...nash,
      parties: nash.parties.map((p, k) => ({ ...p, id: ["party-a", "party-b"][k]! })),
    });
    const f = exportGenius(s);
    const files = [f.domain, ...f.profiles].map((x) => ({ name: x.name, path: `out/${x.name}`, text: x.xml }));
    const t = importGeniusFolderFiles("out", files);
    expect(t.parties.map((p) => [p.id, p.label])).toEqual([
      ["party-a", "Bill"],
      ["party-b", "Jack"],
    ]);
    expect(t.issues.map((i) => i.id)).toEqual(nash.issues.map((i) => i.id));
  });

  it("a scenario issue with the headroom issue's id keeps it, and the headroom issue is still dropped", () => {
    const s = validateScenario({
      id: "x",
      issues: [{ id: "treatylab-headroom", options: [{ id: "a" }, { id: "b" }] }],
      parties: [
        {
          id: "p",
          valueScale: "absolute",
          weights: { "treatylab-headroom": 1 },
          values: { "treatylab-headroom": { a: 0.5, b: 0 } },
          reservation: 0,
        },
        {
          id: "q",
          weights: { "treatylab-headroom": 1 },
          values: { "treatylab-headroom": { a: 0, b: 1 } },
          reservation: 0,
        },
      ],
    });
    expect(exportGenius(s).domain.xml.match(/name="treatylab-headroom"/g)).toHaveLength(2);
    expectSameIdsLabelsAndUtilities(s, viaGenius(s));
  });

  it("refuses a treatylab_id that is not an id, or used twice, naming the file", () => {
    const f = exportGenius(builtinScenario("nash-1950"));
    const profiles = f.profiles.map((p) => ({ name: p.name, xml: p.xml }));
    const withDomain = (xml: string) => () => importGenius({ domain: { name: "d.xml", xml }, profiles });
    expect(withDomain(f.domain.xml.replace('treatylab_id="book"', 'treatylab_id="a b"'))).toThrow(
      /^d\.xml: issue "Book: who holds it after the trade" \(index 1\): treatylab_id "a b" is not an id; expected letters/,
    );
    expect(withDomain(f.domain.xml.replace('treatylab_id="whip"', 'treatylab_id="book"'))).toThrow(
      /^d\.xml: issue "Whip: who holds it after the trade" \(index 2\): treatylab_id "book" is also that of d\.xml: issue "Book/,
    );
    const twice = profiles.map((p) => ({
      ...p,
      xml: p.xml.replace(/treatylab_id="(bill|jack)" treatylab_label="\w+"/, 'treatylab_id="bill"'),
    }));
    expect(() => importGenius({ domain: f.domain, profiles: twice })).toThrow(
      /^jack\.xml: treatylab_id "bill" is also that of bill\.xml/,
    );
  });
});
