import fc from "fast-check";

// Replay a failing property run with FC_SEED=<seed> (fast-check prints the seed and path of every
// failure). FC_RUNS raises the number of runs for a deeper search.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
fc.configureGlobal({
  ...(seed !== undefined ? { seed } : {}),
  numRuns: process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 100,
  verbose: 1,
});
