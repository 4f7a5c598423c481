/**
 * Issue 13: the sheet says which salary each post was costed at ("Costed at"), the words a
 * finance officer checks a figure against, with the mid-point rule of DOMAIN's conventions.
 */
import { costingWindow, costPost } from "../../../src/core/costing";
import type { CostingPoint, PayScales, Post } from "../../../src/core/model";
import { salaryBasis } from "../../../src/core/report/salary-basis";
import { makeAssumptions, makePost } from "../costing/factories";

const SCALES: PayScales = {
  sheet: "Pay scales",
  points: [10, 11, 12, 13].map((point, i) => ({ grade: "SS08", point, salary: 24000 + 500 * i })),
};
const ODD: PayScales = { ...SCALES, points: SCALES.points.slice(0, 3) };

function basis(post: Partial<Post>, costingPoint: CostingPoint, scales?: PayScales) {
  const a = makeAssumptions({ costingPoint });
  const pc = costPost(makePost(post), a, costingWindow(a), scales);
  return [salaryBasis(pc, costingPoint), pc.years[0].fteSalary || pc.pay.startSalary];
}

describe("Costed at: which salary a post was costed at", () => {
  it.each<[string, Partial<Post>, CostingPoint, PayScales | undefined, string, number]>([
    ["a salary alone", { salary: 30000 }, "mid", undefined, "Salary as given", 30000],
    [
      "a pay scale at the mid, four points",
      { grade: "SS08" },
      "mid",
      SCALES,
      "Mid-point: mean of SCP 11 and 12",
      24750,
    ],
    [
      "a pay scale at the mid, three points",
      { grade: "SS08" },
      "mid",
      ODD,
      "Mid-point: SCP 11",
      24500,
    ],
    ["a pay scale at the top", { grade: "SS08" }, "top", SCALES, "Top: SCP 13", 25500],
    [
      "the post's own spinal point",
      { grade: "SS08", spinalPoint: 12 },
      "actual",
      SCALES,
      "Actual point: SCP 12",
      25000,
    ],
    [
      "an actual salary on a point",
      { grade: "SS08", salary: 24500 },
      "actual",
      SCALES,
      "Actual salary: SCP 11",
      24500,
    ],
    [
      "no actual salary or point",
      { grade: "SS08" },
      "actual",
      SCALES,
      "Bottom (no actual salary or point): SCP 10",
      24000,
    ],
    [
      "a grade range at the mid",
      { minSalary: 30000, maxSalary: 40001 },
      "mid",
      undefined,
      "Mid-point of £30,000–£40,001: (min + max) / 2",
      35000.5,
    ],
    [
      "a grade range at the bottom",
      { minSalary: 30000, maxSalary: 40000 },
      "bottom",
      undefined,
      "Bottom of £30,000–£40,000",
      30000,
    ],
    [
      "a grade minimum alone",
      { minSalary: 30000 },
      "mid",
      undefined,
      "Grade minimum £30,000",
      30000,
    ],
    ["nothing to price from", {}, "mid", undefined, "No salary, grade range or pay scale: £0", 0],
  ])("%s", (_what, post, point, scales, words, salary) => {
    expect(basis({ salary: undefined, ...post }, point, scales)).toEqual([words, salary]);
  });
});
