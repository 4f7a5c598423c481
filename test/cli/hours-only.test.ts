/**
 * An HR export of contracted hours with no FTE column, through `estab build`: with the
 * full-time week typed on the Assumptions sheet, each post is costed at its hours ÷ 37
 * FTE, and the terminal says how the FTE was worked out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-hours-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function hrExport(week?: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Staff");
  ws.addRows([
    ["Employee No", "Job title", "Team", "Annual salary", "Contracted hours"],
    [1001, "Team Manager", "Early Help", 48000, 37],
    [1002, "Family Support Worker", "Early Help", 28000, 18.5],
    [1003, "Family Support Worker", "Early Help", 28000, 22.5],
    [1004, "Business Support", "Early Help", 24000, 30],
  ]);
  const a = wb.addWorksheet("Assumptions");
  a.addRows([
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Employer pension rate", 0.2],
    ...(week === undefined ? [] : [["Full-time hours a week", week]]),
  ]);
  const file = path.join(dir, "hr-export.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("estab build on contracted hours with no FTE column", () => {
  it("costs each post at hours ÷ the full-time week set on the Assumptions sheet", async () => {
    const c = capture();
    const out = path.join(dir, "out.xlsx");
    expect(await main(["build", await hrExport(37), "-o", out, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    // 48,000 + 28,000 × 18.5/37 + 28,000 × 22.5/37 (17,027.03) + 24,000 × 30/37 (19,459.46).
    expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
      Headcount: 4,
      FTE: 2.918919,
      Salary: 98486.49,
      "Employer pension": 19697.3,
    });
    expect(json.issues.filter((i) => i.code === "fte-from-hours")).toMatchObject([
      { severity: "info", sheet: "Staff", address: "E1" },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const fte: unknown[] = [];
    wb.getWorksheet("Establishment Cost")!.eachRow((row) => {
      if (/^100\d$/.test(String(row.getCell(2).value))) fte.push(row.getCell(5).value);
    });
    expect(fte).toEqual([1, 0.5, 22.5 / 37, 30 / 37]);
  });

  it("without the full-time week, writes nothing and says where to set it", async () => {
    const c = capture();
    const out = path.join(dir, "out.xlsx");
    expect(await main(["build", await hrExport(), "-o", out], c.io)).toBe(1);
    expect(c.stdout() + c.stderr()).toContain(
      "Staff!A1: The establishment has no FTE column — set 'Full-time hours a week' on the Assumptions sheet (e.g. 37) to work each post's FTE out from column E 'Contracted hours'"
    );
  });
});
