/**
 * Figures typed before they are settled (brief t5s, item 4): "0.5?", "c. 0.5", "approx 30000",
 * "~30,000" are read as the figure with a warning at the cell; "?" and "TBC" are no figure yet,
 * refused where the column needs one and read as blank (with a warning) where it does not;
 * "nil" is 0, said at the cell.
 */
import { annualCostOf, proposedVersusCurrent } from "../../../src/core/changes";
import { readEstablishment } from "../../../src/core/read";
import { defaultAssumptions } from "../../../src/core/read/assumptions";
import { figureWords } from "../../../src/core/read/uncertain";
import { grid } from "./helpers";

// Flat on-costs of 30% and the actual salary: each post's cost is salary × FTE × 1.3.
const a = {
  ...defaultAssumptions(2025),
  onCostMode: "flat" as const,
  flatOnCostRate: 0.3,
  costingPoint: "actual" as const,
};

function said(issues: ReturnType<typeof readEstablishment>["issues"]) {
  return issues.map((i) => [i.severity, i.code, i.address, i.message]);
}

describe("a draft establishment with uncertain figures", () => {
  // A finance officer's working draft: some FTEs and salaries not yet settled.
  const r = readEstablishment({
    grids: [
      grid("Draft", [
        ["Position", "Grade", "Salary", "FTE", "Pension rate"],
        ["Family Support Worker", "SS08", "~30,000", "0.5?", ""],
        ["Team Manager", "SS12", "approx 48000", "c. 1", "TBC"],
        ["Business Support", "SS04", "£24,000", "nil", ""],
        ["Practice Lead", "SS11", "tbc", 1, ""],
        ["Social Worker", "SS09", 38000, "?", ""],
      ]),
    ],
  });
  const posts = r.establishment!.posts;

  it("reads a figure marked as uncertain as the figure, and nil as 0", () => {
    expect(posts.map((p) => [p.title, p.salary, p.fte, p.pensionRate])).toEqual([
      ["Family Support Worker", 30000, 0.5, undefined],
      ["Team Manager", 48000, 1, undefined],
      ["Business Support", 24000, 0, undefined],
      // 'tbc' is read as a blank salary: no grade in a pay scales table, so it is refused below.
      ["Practice Lead", undefined, 1, undefined],
    ]);
  });

  it("costs the uncertain figures as read: 30,000 × 0.5 × 1.3 = £19,500; 48,000 × 1 × 1.3 = £62,400", () => {
    const costOf = annualCostOf(a);
    expect(costOf(posts[0]).total).toBe(19500);
    expect(costOf(posts[1]).total).toBe(62400);
    expect(costOf(posts[2]).total).toBe(0);
  });

  it("says at each cell what was read, and refuses a figure needed but not yet known", () => {
    expect(said(r.issues)).toEqual([
      [
        "warning",
        "fte-uncertain",
        "D2",
        "FTE '0.5?' is read as 0.5 FTE, a figure marked as uncertain ('?')",
      ],
      [
        "warning",
        "salary-uncertain",
        "C2",
        "Salary '~30,000' is read as £30,000, a figure marked as uncertain ('~')",
      ],
      [
        "warning",
        "fte-uncertain",
        "D3",
        "FTE 'c. 1' is read as 1 FTE, a figure marked as uncertain ('c.')",
      ],
      [
        "warning",
        "salary-uncertain",
        "C3",
        "Salary 'approx 48000' is read as £48,000, a figure marked as uncertain ('approx')",
      ],
      [
        "warning",
        "pension-rate-not-known",
        "E3",
        "Pension rate 'TBC' is a figure still to be confirmed, so it is read as blank",
      ],
      ["info", "fte-read-as", "D4", "FTE 'nil' is read as 0 FTE ('nil' is nought)"],
      [
        "warning",
        "salary-not-known",
        "C5",
        "Salary 'tbc' is a figure still to be confirmed, so it is read as blank",
      ],
      [
        "error",
        "fte-not-known",
        "D6",
        "FTE '?' is a figure still to be confirmed: the post cannot be costed without it",
      ],
      // The blank salary has nothing else to cost it by (no pay scales table): at the grade.
      [
        "error",
        "salary-missing",
        "B5",
        "No salary information for 'Practice Lead': no salary, and no pay scales table to look up grade 'SS11'",
      ],
    ]);
    const fix = (code: string) => r.issues.find((i) => i.code === code)?.fix;
    expect(fix("fte-uncertain")).toBe(
      "check the figure and, once it is settled, type it alone (0.5) to silence this; until then it is costed as read"
    );
    expect(fix("salary-not-known")).toBe(
      "enter the figure once it is settled; until then the row is read as if this cell were empty"
    );
  });
});

describe("uncertain figures in a restructure's Proposed FTE", () => {
  const r = readEstablishment({
    grids: [
      grid("Restructure", [
        ["Position", "Salary", "Current FTE", "Proposed FTE"],
        ["Social Worker", 40000, 1, "0.5?"],
        ["Senior Practitioner", 45000, 1, "TBC"],
        ["Team Manager", 50000, 1, "nil"],
      ]),
    ],
  });

  it("reads 0.5? as 0.5 and nil as 0 (deleted), and refuses TBC: its blank would read as no change", () => {
    expect(r.establishment!.posts.map((p) => [p.title, p.fte, p.proposedFte])).toEqual([
      ["Social Worker", 1, 0.5],
      // Refused at its cell (the error blocks the build): no proposed FTE is read.
      ["Senior Practitioner", 1, undefined],
      ["Team Manager", 1, 0],
    ]);
    expect(said(r.issues)).toEqual([
      [
        "warning",
        "proposed-fte-uncertain",
        "D2",
        "Proposed FTE '0.5?' is read as 0.5 FTE, a figure marked as uncertain ('?')",
      ],
      [
        "error",
        "proposed-fte-not-known",
        "D3",
        "Proposed FTE 'TBC' is a figure still to be confirmed: it is not read as blank, because a blank Proposed FTE means no change",
      ],
      [
        "info",
        "proposed-fte-read-as",
        "D4",
        "Proposed FTE 'nil' is read as 0 FTE ('nil' is nought): the post is deleted",
      ],
    ]);
  });

  it("costs the reduction: (0.5 − 1) × 40,000 × 1.3 = −£26,000; the deletion −50,000 × 1.3 = −£65,000", () => {
    const [reduced, , deleted] = r.establishment!.posts;
    const result = proposedVersusCurrent([reduced, deleted], a, annualCostOf(a));
    expect(result.posts.map((p) => [p.title, p.change])).toEqual([
      ["Social Worker", -26000],
      ["Team Manager", -65000],
    ]);
  });
});

describe("the words read as an uncertain figure, no figure yet, or nil", () => {
  it.each([
    ["0.5?", "0.5", "?"],
    ["c. 0.5", "0.5", "c."],
    ["circa 0.5", "0.5", "circa"],
    ["approx 30000", "30000", "approx"],
    ["~30,000", "30,000", "~"],
    ["about £30k", "£30k", "about"],
    ["£30,000 (est.)", "£30,000", "(est.)"],
  ])("%s is the figure %s marked by %s", (typed, figure, marker) => {
    expect(figureWords(typed)).toEqual({ kind: "marked", figure, marker });
  });

  it.each(["?", "??", "TBC", "tbc", "TBA", "TBD", "to be confirmed", "Unknown"])(
    "%s is no figure yet",
    (typed) => expect(figureWords(typed)).toEqual({ kind: "not known" })
  );

  it("reads nil as nil, and leaves other text alone (its cell's own error says what it is)", () => {
    expect(figureWords("Nil")).toEqual({ kind: "nil" });
    expect(["c.", "about right", "full time", "£30,000", 0.5].map((v) => figureWords(v))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
