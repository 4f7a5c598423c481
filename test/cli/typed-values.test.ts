/**
 * The tryout's workbooks (mk-19, mk-22, mk-29, mk-08) written with ExcelJS as the tester
 * did, through `estab build`: values a finance officer types are read where their meaning
 * is certain, each reading said at its cell, and a job share on one row refused with a fix.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-typed-values-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function build(
  sheets: Record<string, unknown[][]>
): Promise<{ rc: number; json: BuildJson }> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  const rc = await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io);
  return { rc, json: JSON.parse(c.stdout()) as BuildJson };
}

const codes = (json: BuildJson) => json.issues.map((i) => `${i.severity}:${i.code}@${i.address}`);
const totals = (json: BuildJson, key: string) => json.sheets.find((s) => s.key === key)?.totals;

const ASSUMPTIONS = [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Number of years", 1],
  ["Costing point", "actual"],
  ["Increment rule", "none"],
  ["Employer pension rate", "19%"],
];

describe("estab build reads values typed with words", () => {
  it("mk-19: First financial year 'FY25/26', pay awards labelled 2026/2027 and FY27/28", async () => {
    const { rc, json } = await build({
      Establishment: [
        ["Post Title", "FTE", "No of staff", "Salary"],
        ["Family Worker", 1, 1, 30000],
      ],
      Assumptions: [
        ["Setting", "Value"],
        ["First financial year", "FY25/26"],
        ["Number of years", 3],
        ["Costing point", "actual"],
        ["Increment rule", "none"],
        ["Employer pension rate", "19%"],
        ["Pay award 2026/2027", "3%"],
        ["Pay award FY27/28", "2%"],
      ],
    });
    expect(rc).toBe(0);
    expect(codes(json)).toEqual([]);
    expect([totals(json, "cost"), totals(json, "grant")]).toEqual([
      {
        "Apprenticeship levy": 150,
        "Employer NI": 3749.4,
        "Employer pension": 5700,
        FTE: 1,
        Headcount: 1,
        "Less vacancy factor": 0,
        "Net cost": 39599.4,
        Salary: 30000,
        "Total cost": 39599.4,
      },
      {
        // £30,000, then £30,900 (3%) and £31,518 (2%): the awards by their labels' years.
        "2025/26 commitment": 39599.4,
        "2026/27 commitment": 40809.9,
        "2027/28 commitment": 41641.11,
        "Less vacancy factor": 0,
        "Total commitment": 122050.41,
        "Total cost": 122050.41,
      },
    ]);
  });

  it("mk-22: a grade range in one Salary cell is the post's minimum and maximum", async () => {
    const { rc, json } = await build({
      Establishment: [
        ["Post Title", "Grade", "FTE", "No of staff", "Salary Scale"],
        ["Senior Family Worker", "SO1", 1, 1, "£32,076 - £35,745"],
        ["Family Worker", "S6", 1, 1, "32k-35k"],
      ],
      Assumptions: ASSUMPTIONS,
    });
    expect(rc).toBe(0);
    expect(codes(json)).toEqual([
      "info:salary-range@E2",
      "info:salary-range@E3",
      "warning:actual-salary-missing@E2",
      "warning:actual-salary-missing@E3",
    ]);
    expect(totals(json, "cost")).toEqual({
      "Apprenticeship levy": 320.38,
      "Employer NI": 8110.2,
      "Employer pension": 12174.44,
      FTE: 2,
      Headcount: 2,
      "Less vacancy factor": 0,
      "Net cost": 84681.02,
      Salary: 64076, // the bottoms of the ranges, £32,076 + £32,000 (costing point actual, no salary)
      "Total cost": 84681.02,
    });
  });

  it("mk-29: FTE '50%' and '100%', Salary '£35,000 FTE'", async () => {
    const { rc, json } = await build({
      Establishment: [
        ["Post Title", "FTE", "No of staff", "Salary"],
        ["Worker B", 0.5, 1, "£35,000 FTE"],
        ["Worker C", "50%", 1, 35000],
        ["Worker D", "100%", 1, 35000],
      ],
      Assumptions: ASSUMPTIONS,
    });
    expect(rc).toBe(0);
    expect(codes(json)).toEqual([
      "info:salary-read-as@D2",
      "info:fte-read-as@B3",
      "info:fte-read-as@B4",
    ]);
    expect(totals(json, "cost")).toEqual({
      "Apprenticeship levy": 350,
      "Employer NI": 8248.2,
      "Employer pension": 13300,
      FTE: 2,
      Headcount: 3,
      "Less vacancy factor": 0,
      "Net cost": 91898.2,
      Salary: 70000, // £17,500 + £17,500 + £35,000
      "Total cost": 91898.2,
    });
  });

  it("mk-08: a job share typed '0.5 + 0.5' on one row is refused with how to enter it", async () => {
    const { rc, json } = await build({
      Establishment: [
        ["Post Title", "FTE", "No of staff", "Salary"],
        ["Team Manager", "0.5 + 0.5", 2, 45000],
      ],
      Assumptions: ASSUMPTIONS,
    });
    expect(rc).not.toBe(0);
    expect(
      json.issues.filter((i) => i.severity === "error").map((i) => [i.address, i.message, i.fix])
    ).toEqual([
      [
        "B2",
        "FTE '0.5 + 0.5' is a job share's FTEs on one row, not one FTE",
        "put each job sharer on a row of their own (0.5 FTE each), or enter the post's total FTE (1) with No of staff 2",
      ],
    ]);
  });
});
