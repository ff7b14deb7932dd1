import { TreatylabError } from "../../model/errors.js";
import { UTILITY_TOLERANCE } from "../../model/tolerance.js";
import { ACCEPTED, REJECTED, brokeDown, type RunOutcome, type Session } from "../session.js";
import { zeuthenConcession, zeuthenOpening, zeuthenRisk } from "../strategies/zeuthen.js";

/**
 * The monotonic concession protocol with the Zeuthen strategy (Zeuthen 1930; Harsanyi 1956;
 * Rosenschein and Zlotkin 1994), bilateral: in round 1 both parties offer their best bundle ({@link zeuthenOpening}) at
 * once. A party accepts the other's offer when it is worth at least its own (and its compiled
 * acceptance passes); if both offers are accepted the seeded generator picks one (Rosenschein and
 * Zlotkin: at random). Otherwise, each next round, the party with the smaller risk (both when
 * equal) makes the minimal sufficient concession; when no offer changes, talks end in conflict.
 * The outcome approaches the Nash solution (the risk comparison is a comparison of Nash products).
 *
 * @example
 * ```ts
 * simulate(s, { protocol: "zeuthen" }).metrics.nashDistance;
 * ```
 */
export function runMonotonicConcession(s: Session): RunOutcome {
  if (s.n !== 2) throw new TreatylabError(`the zeuthen protocol is bilateral; the scenario has ${s.n} parties`);
  const x = [-1, -1];
  const responses = new Uint8Array(2);
  for (let r = 1; r <= s.lastRound; r++) {
    if (!s.beginRound(r)) return brokeDown(r);
    const space = s.space;
    if (r === 1) {
      x[0] = zeuthenOpening(space, 0, 1);
      x[1] = zeuthenOpening(space, 1, 0);
      if (x[0] < 0 || x[1] < 0) return { agreement: -1, round: 0, rounds: r, outcome: "conflict" };
    } else {
      const risk0 = zeuthenRisk(space, 0, x[0]!, x[1]!);
      const risk1 = zeuthenRisk(space, 1, x[1]!, x[0]!);
      const next = [x[0]!, x[1]!];
      if (risk0 <= risk1 + UTILITY_TOLERANCE) next[0] = zeuthenConcession(space, 0, 1, x[0]!, x[1]!);
      if (risk1 <= risk0 + UTILITY_TOLERANCE) next[1] = zeuthenConcession(space, 1, 0, x[1]!, x[0]!);
      let moved = false;
      for (let p = 0; p < 2; p++)
        if (next[p]! >= 0 && next[p] !== x[p]) {
          x[p] = next[p]!;
          moved = true;
        }
      if (!moved) return { agreement: -1, round: 0, rounds: r - 1, outcome: "conflict" };
    }
    const accepted = [false, false];
    for (let p = 0; p < 2; p++) {
      const q = 1 - p;
      s.observe(p, x[p]!);
      accepted[p] =
        space.allAccept[x[p]!] === 1 &&
        space.utility[x[p]! * 2 + q]! >= space.utility[x[q]! * 2 + q]! - UTILITY_TOLERANCE;
    }
    for (let p = 0; p < 2; p++) {
      responses[p] = 0;
      responses[1 - p] = accepted[p] ? ACCEPTED : REJECTED;
      s.log(r, p, x[p]!, responses, zeuthenRisk(space, p, x[p]!, x[1 - p]!));
    }
    if (accepted[0] || accepted[1]) {
      const pick = accepted[0] && accepted[1] ? (s.random() < 0.5 ? 0 : 1) : accepted[0] ? 0 : 1;
      return { agreement: x[pick]!, round: r, rounds: r, outcome: "agreement" };
    }
  }
  return { agreement: -1, round: 0, rounds: s.lastRound, outcome: "deadline" };
}
