import type { Scenario } from "../model/types.js";

const goods = [
  // [id, label, utility to Bill, utility to Jack, held by at start]
  ["book", "Book", 2, 4, "bill"],
  ["whip", "Whip", 2, 2, "bill"],
  ["ball", "Ball", 2, 1, "bill"],
  ["bat", "Bat", 2, 2, "bill"],
  ["box", "Box", 4, 1, "bill"],
  ["pen", "Pen", 10, 1, "jack"],
  ["toy", "Toy", 4, 1, "jack"],
  ["knife", "Knife", 6, 2, "jack"],
  ["hat", "Hat", 2, 2, "jack"],
] as const;

const totalBill = goods.reduce((s, g) => s + g[2], 0); // 34
const totalJack = goods.reduce((s, g) => s + g[3], 0); // 16
const startBill = goods.filter((g) => g[4] === "bill").reduce((s, g) => s + g[2], 0); // 12
const startJack = goods.filter((g) => g[4] === "jack").reduce((s, g) => s + g[3], 0); // 6

const source = "Nash (1950), The Bargaining Problem, Econometrica 18(2), 155-162";

/**
 * Nash's barter example (1950): Bill and Jack trade nine goods. Each good is an issue whose options
 * say who holds it after the trade; a party's weight on a good is the good's utility to it, so the
 * normalised utility is the share of its total utility it holds. The reservation is the holding at
 * the start (no trade). The Nash solution is the published trade: Bill gives the book, whip, ball
 * and bat; Jack gives the pen, toy and knife (gains 12 and 5 in Nash's units).
 *
 * @example
 * ```ts
 * import { analyze, nash1950 } from "treatylab";
 * analyze(nash1950).solutions.nash?.bundle.pen; // "bill"
 * ```
 */
export const nash1950: Scenario = {
  id: "nash-1950",
  title: "Nash (1950): the Bill and Jack barter",
  description:
    "Bill holds a book, whip, ball, bat and box; Jack a pen, toy, knife and hat. Any trade is an outcome; no trade is the disagreement point. Utilities are Nash's, divided by each man's total.",
  sources: [{ title: "J. F. Nash, The Bargaining Problem, Econometrica 18(2), 1950, pp. 155-162", date: "1950-04" }],
  issues: goods.map(([id, label]) => ({
    id,
    label: `${label}: who holds it after the trade`,
    options: [
      { id: "bill", label: "Bill" },
      { id: "jack", label: "Jack" },
    ],
  })),
  parties: [
    {
      id: "bill",
      label: "Bill",
      weights: Object.fromEntries(goods.map((g) => [g[0], g[2]])),
      values: Object.fromEntries(goods.map((g) => [g[0], { bill: 1, jack: 0 }])),
      reservation: startBill / totalBill,
      notes: {
        weights: { text: "Nash's utilities to Bill", source, confidence: "high" },
        reservation: { text: "utility of his starting goods, 12 of 34", source, confidence: "high" },
      },
    },
    {
      id: "jack",
      label: "Jack",
      weights: Object.fromEntries(goods.map((g) => [g[0], g[3]])),
      values: Object.fromEntries(goods.map((g) => [g[0], { bill: 0, jack: 1 }])),
      reservation: startJack / totalJack,
      notes: {
        weights: { text: "Nash's utilities to Jack", source, confidence: "high" },
        reservation: { text: "utility of his starting goods, 6 of 16", source, confidence: "high" },
      },
    },
  ],
};
