/**
 * The tester's workbooks through `estab build` (tryout A6 mk-23, B14 mk-32): a payroll's
 * Actual Salary (the pay for the FTE) left of its FTE Salary is not costed, so the FTE is
 * applied once; combined grades are costed at the post's spinal point in the grade that has it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-grades-"))));
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

describe("estab build on a payroll with Actual Salary left of FTE Salary", () => {
  it("costs 0.5 FTE on £30,000 at £19,424.40, not £9,336.90", async () => {
    const json = await build({
      Payroll: [
        ["Employee Number", "Job Title", "FTE", "Actual Salary", "FTE Salary"],
        ["1001", "Family Worker", 0.5, 15000, 30000],
      ],
    });
    // 15,000 pay; NI 15% × (15,000 − 5,004) = 1,499.40; pension 19% 2,850; levy 0.5% 75.
    expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
      Salary: 15000,
      "Total cost": 19424.4,
    });
    expect(
      json.issues.filter((i) => i.severity !== "info" || /salary/.test(i.code)).map((i) => i.code)
    ).toEqual(["salary-full-time-chosen"]);
  });
});

describe("estab build on combined grades the pay scales list apart", () => {
  it("costs SO1/2 at SCP 30 as SO2 and PO3-PO5 at SCP 34 as PO4", async () => {
    const json = await build({
      "Pay scales": [
        ["Grade", "SCP", "Salary"],
        ["SO1", 26, 33366],
        ["SO1", 28, 35235],
        ["SO2", 29, 36124],
        ["SO2", 30, 37035],
        ["PO3", 33, 39513],
        ["PO4", 34, 40476],
        ["PO5", 35, 41511],
      ],
      Establishment: [
        ["Post Title", "Grade", "SCP", "FTE", "No of staff"],
        ["Senior Family Worker", "SO1/2", 30, 1, 1],
        ["Team Manager", "PO3-PO5", 34, 1, 1],
      ],
    });
    expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
      Salary: 37035 + 40476,
    });
    expect(json.issues.filter((i) => i.code === "grade-matched").map((i) => i.address)).toEqual([
      "B2",
      "B3",
    ]);
  });
});
