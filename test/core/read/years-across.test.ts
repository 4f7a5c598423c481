import { readAssumptions } from "../../../src/core/read";
import { grid, where } from "./helpers";

const read = (rows: (string | number)[][]) =>
  readAssumptions({ grids: [grid("Assumptions", rows)] });

describe("an Assumptions sheet with the financial years across", () => {
  const BUDGET_MODEL = [
    ["Assumption", "2026/27", "2027/28", "2028/29"],
    ["Pay award", "3%", "2.5%", "2%"],
    ["Employer pension", "19.5%", "19.5%", "20%"],
    ["Vacancy factor", "3%", "", ""],
  ];

  it("reads each year's pay award from its column and the window from the header", () => {
    const r = read(BUDGET_MODEL);
    const a = r.assumptions;
    expect(a.firstYear).toBe(2026);
    expect(a.years).toBe(3);
    expect(a.payAwards).toEqual([
      { year: 2026, percent: 0.03 },
      { year: 2027, percent: 0.025 },
      { year: 2028, percent: 0.02 },
    ]);
    expect(a.pensionRate).toBe(0.195);
    expect(a.vacancyFactor).toBe(0.03);
    expect(r.source.cells).toMatchObject({
      "payAward:2026": "B2",
      "payAward:2027": "C2",
      "payAward:2028": "D2",
      pensionRate: "B3",
      vacancyFactor: "B4",
    });
    // No year column is a scenario.
    expect(r.scenarios).toEqual([]);
  });

  it("says how it was read, and a later year's different value at its cell", () => {
    const r = read(BUDGET_MODEL);
    expect(where(r.issues)).toEqual([
      "info:assumptions-years-across@B1",
      "warning:setting-varies-by-year@D3",
    ]);
    expect(r.issues[1].message).toBe(
      "'Employer pension' is 20% for 2028/29, but the costing takes one value for every year: 19.5%, for 2026/27 (B3), is used"
    );
  });

  it("keeps a first year typed in a row over the header's", () => {
    const r = read([
      ["", "2025/26", "2026/27", "2027/28", "2028/29"],
      ["First financial year", "2026/27", "", "", ""],
      ["Number of years", 3, "", "", ""],
      ["Pay award", "", "3%", "2.5%", "2%"],
    ]);
    expect(r.assumptions.firstYear).toBe(2026);
    expect(r.assumptions.years).toBe(3);
    expect(r.windowFromHeader).toBeUndefined();
    expect(r.assumptions.payAwards.map((w) => w.year)).toEqual([2026, 2027, 2028]);
  });

  it("leaves a Setting | Value sheet as it was, scenario columns and all", () => {
    const r = read([
      ["Setting", "Value", "Pay award 4%"],
      ["First financial year", "2026/27", ""],
      ["Pay award 2027/28", "2.5%", "4%"],
    ]);
    expect(r.scenarios.map((s) => s.name)).toEqual(["Pay award 4%"]);
    expect(where(r.issues).filter((w) => w.includes("years-across"))).toEqual([]);
  });
});

describe("a per-year setting typed without its year on a Setting | Value sheet", () => {
  it("is suggested with the first year, not as the nearest other setting", () => {
    const r = read([
      ["Setting", "Value"],
      ["First financial year", "2026/27"],
      ["Pay award", "3%"],
    ]);
    expect(r.issues.map((i) => [i.code, i.address, i.message])).toEqual([
      [
        "unknown-setting",
        "A3",
        "Unknown setting 'Pay award' (did you mean 'Pay award 2026/27'?), ignored",
      ],
    ]);
  });
});

describe("a grant by year on an Assumptions sheet with the years across (tryout mk-21)", () => {
  const withGrantRow = (label: string, ...amounts: (string | number)[]) =>
    read([
      ["Assumption", "2025/26", "2026/27", "2027/28"],
      [label, ...amounts],
      ["Grant name", "Youth Investment"],
    ]);

  it.each(["Grant amount", "Grant"])(
    "reads a '%s' row of amounts as each year's grant",
    (label) => {
      const r = withGrantRow(label, 120000, 60000, 60000);
      expect(r.assumptions.grant).toEqual({
        name: "Youth Investment",
        amountsByYear: { 2025: 120000, 2026: 60000, 2027: 60000 },
      });
      expect(r.source.cells).toMatchObject({
        "grant:2025": "B2",
        "grant:2026": "C2",
        "grant:2027": "D2",
      });
      expect(where(r.issues)).toEqual(["info:assumptions-years-across@B1"]);
    }
  );

  it("reads a 'Grant' row with a name as the grant's name", () => {
    const r = read([
      ["Assumption", "2025/26", "2026/27"],
      ["Grant", "Youth Investment", "Youth Investment"],
    ]);
    expect(r.assumptions.grant).toEqual({ name: "Youth Investment" });
    expect(where(r.issues)).toEqual(["info:assumptions-years-across@B1"]);
  });

  it("reads one Grant amount under the first year as the whole grant, and says so", () => {
    const r = withGrantRow("Grant amount", 750000, "", "");
    expect(r.assumptions.grant).toEqual({ name: "Youth Investment", amount: 750000 });
    expect(where(r.issues)).toEqual([
      "info:assumptions-years-across@B1",
      "info:years-across-one-value@B2",
    ]);
    expect(r.issues[1].message).toBe(
      "'Grant amount' has one value, under 2025/26: it is read as 'Grant amount' for the whole costing, not for 2025/26 alone"
    );
    expect(r.issues[1].fix).toBe(
      "if it is that year's alone, label the row 'Grant amount 2025/26', or type the other years' values beside it"
    );
  });
});
