/**
 * The tester's pay columns through `estab build` (tryout 3): an iTrent "Annual Salary" that
 * is each assignment's pay for its FTE (mk-09d) is costed as that pay, said at the heading;
 * allowance columns (mk-03) are not costed, said at each heading; an FTE its hours do not
 * give (mk-24) is costed, warned at its cell; a term-time post (mk-01) is costed for the
 * year, warned at its weeks; an Increment date column (mk-08) is not read, said at it with
 * the Assumptions sheet's Increment rule.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-pay-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function build(sheets: Record<string, (string | number)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  wb.addWorksheet("Assumptions").addRows(PLAIN_ASSUMPTIONS);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
  return JSON.parse(c.stdout()) as BuildJson;
}

const costTotals = (json: BuildJson) => json.sheets.find((s) => s.key === "cost")!.totals;

describe("estab build on an iTrent export whose one Annual Salary is the pay for the FTE (mk-09d)", () => {
  it("costs £28,700 × 2.1 FTE = £60,270 of pay, not £46,207, and says so at G1", async () => {
    const json = await build({
      "iTrent export": [
        [
          "Assignment Number",
          "Position Title",
          "Grade",
          "Spinal Column Point",
          "Contracted Hours",
          "FTE",
          "Annual Salary",
        ],
        ["100234-1", "Family Support Worker", "SS06", 20, 18.5, 0.5, 14350],
        ["100235-1", "Family Support Worker", "SS06", 20, 37, 1, 28700],
        ["100236-1", "Family Support Worker", "SS06", 20, 22.2, 0.6, 17220],
      ],
    });
    // NI 15% × ((14,350 − 5,004) + (28,700 − 5,004) + (17,220 − 5,004)) = 6,788.70;
    // pension 19% × 60,270 = 11,451.30; levy 0.5% = 301.35.
    expect(costTotals(json)).toMatchObject({
      Salary: 60270,
      "Employer NI": 6788.7,
      "Total cost": 78811.35,
    });
    const said = json.issues.find((i) => i.code === "salary-read-as-pro-rata")!;
    expect(said).toMatchObject({ sheet: "iTrent export", address: "G1", severity: "info" });
  });
});

describe("estab build on allowances in their own columns (mk-03)", () => {
  it("costs the basic salaries only, £90,000, and warns at each allowance heading", async () => {
    const json = await build({
      Establishment: [
        ["Post ID", "Position", "Grade", "Basic Salary", "FTE", "Car allowance", "Acting up"],
        ["P1", "Social Worker", "SS09", 40000, 1, 1200, ""],
        ["P2", "Team Manager", "SS12", 50000, 1, 1200, 4000],
      ],
    });
    // NI 15% × ((40,000 − 5,004) + (50,000 − 5,004)) = 11,998.80; pension 17,100; levy 450.
    expect(costTotals(json)).toMatchObject({ Salary: 90000, "Total cost": 119548.8 });
    expect(
      json.issues.filter((i) => i.code === "allowance-not-costed").map((i) => i.address)
    ).toEqual(["F1", "G1"]);
  });
});

describe("estab build on an FTE that disagrees with its hours (mk-24)", () => {
  it("costs FTE 1 and warns at D2 that 18.5 of 37 hours is 0.5 FTE", async () => {
    const json = await build({
      Establishment: [
        ["Position Title", "Grade", "Annual Salary", "FTE", "Contracted Hours", "Standard Hours"],
        ["Family Worker", "SS06", 30000, 1, 18.5, 37],
        ["Family Worker", "SS06", 30000, 1, 37, 37],
      ],
    });
    expect(costTotals(json)).toMatchObject({ FTE: 2, Salary: 60000 });
    expect(json.issues.filter((i) => i.code === "fte-hours-disagree")).toMatchObject([
      { sheet: "Establishment", address: "D2", severity: "warning" },
    ]);
  });
});

describe("estab build on a term-time-only post with Weeks worked (mk-01)", () => {
  it("costs both posts for the year, £54,000, and warns at G2", async () => {
    const json = await build({
      Establishment: [
        [
          "Post ID",
          "Position",
          "Grade",
          "Salary",
          "FTE",
          "No of staff",
          "Weeks worked",
          "Term time only",
        ],
        ["P1", "Teaching Assistant", "SS04", 24000, 1, 1, 39, "Y"],
        ["P2", "Family Worker", "SS06", 30000, 1, 1, 52, "N"],
      ],
    });
    expect(costTotals(json)).toMatchObject({ Salary: 54000 });
    expect(json.issues.filter((i) => i.code === "term-time-not-costed")).toMatchObject([
      { sheet: "Establishment", address: "G2", severity: "warning" },
    ]);
  });
});

describe("estab build with an Increment date column (mk-08)", () => {
  it("names the Increment rule set on the Assumptions sheet at G1", async () => {
    const json = await build({
      Establishment: [
        ["Post ID", "Position", "Grade", "Salary", "FTE", "Start date", "Increment date"],
        ["P1", "Family Worker", "SS06", 28700, 1, "01/10/2020", "01/10"],
      ],
    });
    expect(json.issues.filter((i) => i.code === "increment-date-not-read")).toMatchObject([
      {
        sheet: "Establishment",
        address: "G1",
        message:
          "Column G 'Increment date' is not read: every post's increments follow the Increment rule, no increments",
      },
    ]);
  });
});
