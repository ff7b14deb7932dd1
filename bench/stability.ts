/**
 * Benchmark of the graph model's stability analysis: `npx tsx bench/stability.ts` (`--quick` for
 * the small cases, `--json` for raw numbers). Random seeded models (3-5 decision makers, 10-20
 * options, random infeasible patterns, irreversible options and tied preferences); each case runs
 * in its own child process so its peak memory (maxRSS) is its own. Times all six concepts for
 * every DM at every state. On the cases of at most MATRIX_LIMIT states, a straightforward matrix
 * implementation (dense bit-packed state x state move, improvement and reachability matrices, as
 * GMCR II / GMCR+ build them; closure by Warshall's algorithm) computes Nash, GMR and SEQ in the same
 * child, its answers are checked against ours, and the time ratio (matrix / ours, same three
 * concepts) is printed.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { analyzeStability } from "../src/stability/concepts.js";
import {
  type CompiledGraphModel,
  compileGraphModel,
  type GraphModel,
  type OptionCondition,
} from "../src/stability/model.js";

const MATRIX_LIMIT = 4096;

interface Case {
  readonly name: string;
  readonly dms: number;
  readonly options: number;
  readonly quick: boolean;
}

const CASES: readonly Case[] = [
  { name: "3dm-10opt", dms: 3, options: 10, quick: true },
  { name: "4dm-12opt", dms: 4, options: 12, quick: true },
  { name: "4dm-16opt", dms: 4, options: 16, quick: true },
  { name: "5dm-16opt", dms: 5, options: 16, quick: false },
  { name: "3dm-18opt", dms: 3, options: 18, quick: false },
  { name: "4dm-20opt", dms: 4, options: 20, quick: false },
  { name: "5dm-20opt", dms: 5, options: 20, quick: false },
];

function randomModel(dms: number, n: number, seed: string): GraphModel {
  const rng = seedrandom(seed);
  const int = (m: number) => Math.floor(rng() * m);
  const infeasible: OptionCondition[] = Array.from({ length: 2 }, () => {
    const a = int(n);
    const b = (a + 1 + int(n - 1)) % n;
    const c = (b + 1 + int(n - 2)) % n === a ? (a + 2) % n : (b + 1 + int(n - 2)) % n;
    return [
      [a, "Y"],
      [b, "Y"],
      [c, int(2) ? "Y" : "N"],
    ] as OptionCondition;
  });
  const options = Array.from({ length: n }, (_, k) => ({
    name: `o${k}`,
    direction: (["both", "both", "both", "both", "both", "both", "both", "both", "fwd", "back"] as const)[int(10)],
  }));
  const probe = compileGraphModel(
    {
      options,
      infeasible,
      decisionMakers: Array.from({ length: dms }, (_, i) => ({
        name: `D${i}`,
        options: options.flatMap((_, k) => (k % dms === i ? [k] : [])),
        preference: { values: [] },
      })),
    },
    { skipPreferences: true },
  );
  const levels = Math.max(2, probe.states.length >> 2);
  return {
    options,
    infeasible,
    decisionMakers: Array.from({ length: dms }, (_, i) => ({
      name: `D${i}`,
      options: options.flatMap((_, k) => (k % dms === i ? [k] : [])),
      preference: { values: Array.from(probe.states, () => int(levels)) },
    })),
  };
}

/** Straightforward matrix method (Nash, GMR, SEQ) over bit-packed dense state x state matrices. */
function matrixMethod(cm: CompiledGraphModel): { nash: number[]; gmr: number[]; seq: number[] } {
  const S = cm.states.length;
  const W = (S + 31) >>> 5;
  const idx = new Map([...cm.states].map((c, j) => [c, j]));
  const D = cm.dmNames.length;
  const move: Uint32Array[] = [];
  const ui: Uint32Array[] = [];
  for (let i = 0; i < D; i++) {
    const m = new Uint32Array(S * W);
    const u = new Uint32Array(S * W);
    const mask = cm.dmMasks[i]!;
    cm.states.forEach((s, a) => {
      for (let d = mask; d; d = (d - 1) & mask) {
        if (d & cm.fwdMask & s || d & cm.backMask & ~s) continue;
        const t = s ^ d;
        if (!cm.feasible[t]) continue;
        const b = idx.get(t)!;
        m[a * W + (b >>> 5)]! |= 1 << (b & 31);
        if (cm.rank[i]![t]! > cm.rank[i]![s]!) u[a * W + (b >>> 5)]! |= 1 << (b & 31);
      }
    });
    move.push(m);
    ui.push(u);
  }
  const closure = (mats: Uint32Array[]): Uint32Array => {
    const r = new Uint32Array(S * W);
    for (const m of mats) for (let k = 0; k < r.length; k++) r[k]! |= m[k]!;
    for (let k = 0; k < S; k++) {
      const kw = k >>> 5;
      const kb = 1 << (k & 31);
      for (let a = 0; a < S; a++) {
        if (!(r[a * W + kw]! & kb)) continue;
        for (let w = 0; w < W; w++) r[a * W + w]! |= r[k * W + w]!;
      }
    }
    return r;
  };
  const stableAll = { nash: new Uint8Array(S).fill(1), gmr: new Uint8Array(S).fill(1), seq: new Uint8Array(S).fill(1) };
  for (let i = 0; i < D; i++) {
    const others = [...Array(D).keys()].filter((j) => j !== i);
    const rh = closure(others.map((j) => move[j]!));
    const rhp = closure(others.map((j) => ui[j]!));
    const rank = cm.rank[i]!;
    const notBetter = new Uint32Array(W);
    for (let a = 0; a < S; a++) {
      notBetter.fill(0);
      const ra = rank[cm.states[a]!]!;
      for (let b = 0; b < S; b++) if (rank[cm.states[b]!]! <= ra) notBetter[b >>> 5]! |= 1 << (b & 31);
      let any = false;
      let gmr = true;
      let seq = true;
      for (let b = 0; b < S; b++) {
        if (!(ui[i]![a * W + (b >>> 5)]! & (1 << (b & 31)))) continue;
        any = true;
        let g = false;
        let q = false;
        for (let w = 0; w < W; w++) {
          if (rh[b * W + w]! & notBetter[w]!) g = true;
          if (rhp[b * W + w]! & notBetter[w]!) q = true;
        }
        if (!g) gmr = false;
        if (!q) seq = false;
      }
      if (any) stableAll.nash[a] = 0;
      if (!gmr) stableAll.gmr[a] = 0;
      if (!seq) stableAll.seq[a] = 0;
    }
  }
  const pick = (f: Uint8Array) => [...cm.states].filter((_, a) => f[a] === 1);
  return { nash: pick(stableAll.nash), gmr: pick(stableAll.gmr), seq: pick(stableAll.seq) };
}

interface Row {
  case: string;
  states: number;
  dms: number;
  allSixMs: number;
  peakMB: number;
  threeMs?: number;
  matrixMs?: number;
  ratio?: number;
  nash: number;
  seq: number;
}

function runCase(c: Case): Row {
  const model = randomModel(c.dms, c.options, `bench-stability-${c.name}`);
  const t0 = performance.now();
  const cm = compileGraphModel(model);
  const a = analyzeStability(cm);
  const allSixMs = performance.now() - t0;
  const row: Row = {
    case: c.name,
    states: cm.states.length,
    dms: c.dms,
    allSixMs,
    peakMB: 0,
    nash: a.equilibria.nash!.length,
    seq: a.equilibria.seq!.length,
  };
  if (cm.states.length <= MATRIX_LIMIT) {
    const t1 = performance.now();
    const three = analyzeStability(cm, { concepts: ["nash", "gmr", "seq"] });
    row.threeMs = performance.now() - t1;
    const t2 = performance.now();
    const m = matrixMethod(cm);
    row.matrixMs = performance.now() - t2;
    for (const k of ["nash", "gmr", "seq"] as const)
      if (JSON.stringify(m[k]) !== JSON.stringify(three.equilibria[k]))
        throw new Error(`${c.name}: matrix and bitset answers differ for ${k}`);
    row.ratio = row.matrixMs / row.threeMs;
  }
  row.peakMB = process.resourceUsage().maxRSS / 1024;
  return row;
}

const args = process.argv.slice(2);
const caseArg = args.indexOf("--case");
if (caseArg >= 0) {
  const c = CASES.find((x) => x.name === args[caseArg + 1])!;
  process.stdout.write(JSON.stringify(runCase(c)));
} else {
  const quick = args.includes("--quick");
  const rows: Row[] = [];
  for (const c of CASES.filter((x) => !quick || x.quick)) {
    const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--case", c.name], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) {
      console.error(`${c.name}: failed\n${r.stderr}`);
      process.exitCode = 1;
      continue;
    }
    rows.push(JSON.parse(r.stdout) as Row);
    if (!args.includes("--json")) console.error(`${c.name}: ${r.stdout}`);
  }
  if (args.includes("--json")) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}, ${os.cpus().length} cores`,
    );
    console.log(
      "| case | DMs | feasible states | all six concepts | peak RSS | Nash/GMR/SEQ ours | matrix method | ratio | Nash eq. | SEQ eq. |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const r of rows) {
      console.log(
        `| ${r.case} | ${r.dms} | ${r.states} | ${(r.allSixMs / 1000).toFixed(2)} s | ${r.peakMB.toFixed(0)} MB | ${r.threeMs === undefined ? "" : `${r.threeMs.toFixed(0)} ms`} | ${r.matrixMs === undefined ? "" : `${r.matrixMs.toFixed(0)} ms`} | ${r.ratio === undefined ? "" : `${r.ratio.toFixed(1)}x`} | ${r.nash} | ${r.seq} |`,
      );
    }
  }
}
