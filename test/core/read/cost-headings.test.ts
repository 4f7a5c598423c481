/**
 * Headings and cell words a finance officer typed that were read as something else: a
 * salary including on-costs, a total cost or a budget read as the salary (or the pension
 * rate), a day rate in a Salary cell, a share in a Grant funded cell, and a low-income rate
 * read as a second population.
 */
import {
  ESTABLISHMENT_SCHEMA,
  fieldForHeader,
  LOCALITIES_SCHEMA,
  readEstablishment,
  readLocalities,
  readWorkbook,
} from "../../../src/core/read";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest } from "../../../src/core/workbook/types";
import { grid, where } from "./helpers";

const staff = (rows: (string | number)[][]) =>
  readEstablishment({ grids: [grid("Establishment", rows)] });

describe("a money heading that is not the basic salary", () => {
  it.each([
    "Salary inc NI & pension",
    "Salary + oncosts",
    "Salary incl. employer contributions",
    "Salary including employer's contributions",
    "Total salary cost",
    "Total cost",
    "Full cost of employment",
    "Salary (with on costs)",
    "Budgeted salary inc. NI/Super",
    "Salary & superannuation",
    "Full Year Budget £",
    "Salary budget",
  ])("%p maps to no column", (header) => {
    expect(fieldForHeader(ESTABLISHMENT_SCHEMA, header)).toBeUndefined();
  });

  it.each([
    ["Salary", "salary"],
    ["Annual salary", "salary"],
    ["Salary cost", "salary"],
    ["Budgeted salary", "salary"],
    ["Salary excl. on-costs", "salary"],
    ["Salary (excluding NI & pension)", "salary"],
    ["Pensionable pay", undefined],
    ["Employer pension rate", "pensionRate"],
    ["Budget FTE", "fte"],
  ])("%p maps to %p", (header, field) => {
    expect(fieldForHeader(ESTABLISHMENT_SCHEMA, header)).toBe(field);
  });

  it("never reads 'Salary inc NI & pension' as the pension rate, and says at its heading why it was set aside", () => {
    const r = staff([
      ["Post Title", "FTE", "No of staff", "Salary inc NI & pension"],
      ["Social Worker", 1, 1, 52000],
      ["Family Worker", 1, 1, 40000],
    ]);
    expect(r.establishment!.columns.pensionRate).toBeUndefined();
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message, i.fix])).toEqual([
      [
        "error",
        "salary-column-missing",
        "A1",
        "The establishment has no salary information: no Salary, Minimum/Maximum salary or Grade column; column D 'Salary inc NI & pension' was seen and set aside (see D1): it names on-costs (employer NI, pension)",
        "add a Salary column of basic full-time salaries; if column D holds them after all, map Salary to it (--column Salary=D, or in the task pane pick it for Salary under 'Not found in the table')",
      ],
      [
        "warning",
        "salary-column-set-aside",
        "D1",
        "Column D 'Salary inc NI & pension' names on-costs (employer NI, pension), so it is not read as the salary (costed, the on-costs would be counted twice)",
        "add a Salary column of basic full-time salaries; if column D holds them after all, map Salary to it (--column Salary=D, or in the task pane pick it for Salary under 'Not found in the table')",
      ],
    ]);
  });

  it("names a budget column when it is the only money, and costs it when mapped to Salary", () => {
    const rows = [
      ["Cost Centre", "Post", "FTE", "Full Year Budget £", "Forecast £", "Variance £"],
      ["EH100", "Family Worker", 1, 39599, 39000, -599],
      ["EH100", "Manager", 1, 60000, 60000, 0],
    ];
    const r = staff(rows);
    expect(where(r.issues.filter((i) => i.severity !== "info"))).toEqual([
      "error:salary-column-missing@A1",
      "warning:salary-column-set-aside@D1",
    ]);
    expect(r.issues.find((i) => i.code === "salary-column-set-aside")!.message).toBe(
      "Column D 'Full Year Budget £' is a budget, which for a post is usually its full cost with on-costs, so it is not read as the salary (costed, the on-costs would be counted twice)"
    );
    const mapped = readEstablishment(
      { grids: [grid("Monitoring", rows)] },
      { mapping: { salary: "D" } }
    );
    expect(mapped.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(mapped.establishment!.posts.map((p) => p.salary)).toEqual([39599, 60000]);
  });

  it("says nothing of a set-aside column when the table has a Salary column", () => {
    const r = staff([
      ["Post Title", "FTE", "Salary", "Salary + oncosts"],
      ["Social Worker", 1, 40000, 52000],
    ]);
    expect(r.establishment!.posts.map((p) => p.salary)).toEqual([40000]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("an agency rate typed in a Salary cell", () => {
  it.each([
    ["£350 per day", "a day rate", "Agency day rate"],
    ["£350/day", "a day rate", "Agency day rate"],
    ["£32.50 ph", "an hourly rate", "Agency hourly rate"],
    ["£1,200 a week", "a weekly rate", "Agency weekly rate"],
  ])("%p is said to be %s, for the %s column", (cell, rate, column) => {
    const r = staff([
      ["Post Title", "FTE", "Salary", "Contract"],
      ["Agency SW", 1, cell, "Agency"],
    ]);
    expect(r.issues.map((i) => [i.severity, i.code, i.address, i.message, i.fix])).toEqual([
      [
        "error",
        "salary-not-money",
        "C2",
        `Salary '${cell}' is ${rate}, not an amount a year`,
        `move it to an '${column}' column, where an agency worker's rate is costed (Contract 'Agency'), and leave this cell blank; or type the amount a year, e.g. 20862`,
      ],
    ]);
  });
});

describe("a Grant funded column holding shares", () => {
  const book = () => ({
    grids: [
      grid("Establishment", [
        ["Post Title", "FTE", "No of staff", "Salary", "Grant funded"],
        ["Worker A", 1, 1, 30000, "100%"],
        ["Worker B", 1, 1, 30000, "50%"],
        ["Worker C", 1, 1, 30000, "50% grant"],
        ["Worker D", 1, 1, 30000, "Yes"],
        ["Worker E", 1, 1, 30000, "No"],
        ["Worker F", 1, 1, 30000, "0%"],
        ["Worker G", 1, 1, 30000, 0.5],
      ]),
      grid("Assumptions", [
        ["Setting", "Value"],
        ["First financial year", "2025/26"],
        ["Number of years", 1],
        ["Costing point", "actual"],
        ["Increment rule", "none"],
        ["Employer pension rate", "19%"],
        ["Grant name", "Family Hubs"],
        ["Grant amount", 200000],
      ]),
    ],
  });

  it("reads 100% as Y and 0% as N, and a part share as not Y with a warning at its cell", () => {
    const r = readEstablishment({ grids: [book().grids[0]] });
    expect(r.establishment!.posts.map((p) => p.grantFunded)).toEqual([
      true,
      undefined,
      undefined,
      true,
      false,
      false,
      undefined,
    ]);
    const shares = r.issues.filter((i) => i.code === "grant-funded-part-share");
    expect(shares.map((i) => [i.severity, i.address, i.message])).toEqual([
      [
        "warning",
        "E3",
        "Grant funded '50%' is a part share, not yes or no: a share of a post is not costed as a share, so the row is read as not Y (for a grant, not costed against it at all)",
      ],
      [
        "warning",
        "E4",
        "Grant funded '50% grant' is a part share, not yes or no: a share of a post is not costed as a share, so the row is read as not Y (for a grant, not costed against it at all)",
      ],
      [
        "warning",
        "E8",
        "Grant funded 0.5 is a part share (50%), not yes or no: a share of a post is not costed as a share, so the row is read as not Y (for a grant, not costed against it at all)",
      ],
    ]);
    expect(shares[0].fix).toBe(
      "split the row in two, the share's FTE marked Y and the rest marked N (0.5 FTE each for 50% of 1 FTE)"
    );
  });

  it("costs the posts marked Y or 100% against the grant", () => {
    const request: BuildRequest = {
      mode: "shareable",
      generatedAt: "now",
      version: "test",
      only: ["grant"],
    };
    // Each post: 30,000 + NI 15% × (30,000 − 5,004) 3,749.40 + pension 5,700 + levy 150.
    const r = buildWorkbook(book(), request);
    expect(r.summaries[0].headline).toBe(
      "Family Hubs: £79,198.80 over 2025/26 to 2025/26 for 2 posts — within the grant, £120,801.20 headroom"
    );
  });
});

describe("a localities heading of a low-income rate", () => {
  it("reads '% children in low income families' as deprivation, not a second population", () => {
    expect(fieldForHeader(LOCALITIES_SCHEMA, "% children in low income families")).toBe(
      "deprivation"
    );
    const r = readLocalities({
      grids: [
        grid("Localities", [
          [
            "Locality Hub",
            "Mid-2023 population aged 0-17",
            "% children in low income families",
            "Contacts (last 12 months)",
          ],
          ["North", 20000, "10%", 500],
          ["South", 10000, "30%", 1500],
        ]),
      ],
    });
    expect(r.localities!.localities.map((l) => [l.population, l.deprivation, l.demand])).toEqual([
      [20000, 0.1, 500],
      [10000, 0.3, 1500],
    ]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("a cost heading beside a Grade column (tryout t9d)", () => {
  it("is still said to be set aside when the posts are costed from their grades", () => {
    const r = readWorkbook({
      grids: [
        grid("Establishment", [
          ["Post Title", "Grade", "FTE", "Budget Salary"],
          ["Family Worker", "SO1", 1, 33000],
          ["Senior FW", "SO1", 1, 32000],
        ]),
        grid("Pay scales", [
          ["Grade", "SCP", "Salary"],
          ["SO1", 23, 31000],
          ["SO1", 24, 32000],
          ["SO1", 25, 33000],
        ]),
      ],
    });
    // Costed at the grade's bottom point, £31,000 each: the column is not read, and that is said.
    expect(r.establishment?.posts.map((p) => p.salary)).toEqual([undefined, undefined]);
    const aside = r.issues.filter((i) => i.code === "salary-column-set-aside");
    expect(aside.map((i) => [i.severity, i.address])).toEqual([["warning", "D1"]]);
    expect(aside[0].message).toBe(
      "Column D 'Budget Salary' is a budget, which for a post is usually its full cost with on-costs, so it is not read as the salary (costed, the on-costs would be counted twice)"
    );
    expect(aside[0].fix).toContain("map Salary to it (--column Salary=D");
  });
});
