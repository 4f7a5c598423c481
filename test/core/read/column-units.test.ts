import { readEstablishment } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) => readEstablishment({ grids: [grid("Staff", rows)] });
const said = (r: ReturnType<typeof read>) =>
  r.issues.filter((i) => i.code === "column-unit-converted" || i.code === "salary-not-annual");

describe("a heading that gives its column's unit", () => {
  it("reads an FTE column headed % as percentages of full time, totals included", () => {
    const r = read([
      ["Post", "FTE %", "Salary"],
      ["Social Worker", 100, 36000],
      ["Family Worker", 50, 28000],
      ["Total", 150, ""],
    ]);
    const est = r.establishment!;
    expect(est.posts.map((p) => p.fte)).toEqual([1, 0.5]);
    expect(est.totals.map((t) => t.fte)).toEqual([1.5]);
    expect(est.columnScales).toEqual({ fte: 0.01 });
    expect(said(r).map((i) => [i.severity, i.address, i.message])).toEqual([
      [
        "info",
        "B1",
        "Column B 'FTE %' is read as a percentage of full time: each figure ÷ 100 is the FTE costed (B2: 100 ÷ 100 = 1 FTE)",
      ],
    ]);
    // The total agrees with the posts once both are FTE: no mismatch.
    expect(where(r.issues).filter((w) => w.includes("mismatch"))).toEqual([]);
  });

  it("keeps an FTE % column of fractions (cells formatted as %) as it is", () => {
    const r = read([
      ["Post", "FTE %", "Salary"],
      ["Social Worker", 1, 36000],
      ["Family Worker", 0.5, 28000],
    ]);
    expect(r.establishment!.posts.map((p) => p.fte)).toEqual([1, 0.5]);
    expect(said(r)).toEqual([]);
  });

  it("reads monthly pay as twelve times over and £000 as thousands", () => {
    const r = read([
      ["Post", "FTE", "Monthly salary", "Minimum salary (£000)", "Maximum salary (£000)"],
      ["Director", 1, 9000, 100, 110],
      ["Social Worker", 1, "£3,000", 35.5, 39],
    ]);
    expect(r.establishment!.posts.map((p) => [p.salary, p.minSalary, p.maxSalary])).toEqual([
      [108000, 100000, 110000],
      [36000, 35500, 39000],
    ]);
    expect(said(r).map((i) => i.message)).toEqual([
      "Column C 'Monthly salary' is read as monthly pay: each figure × 12 is the annual figure costed (C2: £9,000 × 12 = £108,000)",
      "Column D 'Minimum salary (£000)' is read as thousands of pounds: each figure × 1,000 is the annual figure costed (D2: £100 × 1,000 = £100,000)",
      "Column E 'Maximum salary (£000)' is read as thousands of pounds: each figure × 1,000 is the annual figure costed (E2: £110 × 1,000 = £110,000)",
    ]);
    // Once annual, no salary looks like a monthly figure any more.
    expect(where(r.issues).filter((w) => w.includes("implausible"))).toEqual([]);
  });

  it("refuses a salary by the week or hour, at its heading", () => {
    const r = read([
      ["Post", "FTE", "Salary per week"],
      ["Social Worker", 1, 700],
    ]);
    expect(said(r).map((i) => [i.severity, i.code, i.address])).toEqual([
      ["error", "salary-not-annual", "C1"],
    ]);
  });

  it("leaves an annual salary and a plain FTE alone", () => {
    const r = read([
      ["Post", "FTE", "Salary (£ per annum)"],
      ["Social Worker", 1, 36000],
    ]);
    expect(r.establishment!.posts[0].salary).toBe(36000);
    expect(r.establishment!.columnScales).toBeUndefined();
    expect(said(r)).toEqual([]);
  });
});
