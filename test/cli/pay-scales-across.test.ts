/**
 * The tester's pay scales through `estab build` (tryout t5p): a salary column per year
 * headed by Excel date cells shown as "Apr-25", "Apr-26" is read as one scale a year, and
 * the first year costed is costed on its own column, not the first one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-pay-across-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("costs 2025/26 on the 'Apr-25' column of date headings, said at its cell", async () => {
  const wb = new ExcelJS.Workbook();
  const scales = wb.addWorksheet("Pay scales");
  scales.addRows([
    ["Grade", "SCP", new Date(Date.UTC(2024, 3, 1)), new Date(Date.UTC(2025, 3, 1))],
    ["SS08", 12, 24000, 24720],
    ["SS08", 13, 24600, 25340],
  ]);
  for (const cell of ["C1", "D1"]) scales.getCell(cell).numFmt = "mmm-yy";
  wb.addWorksheet("Establishment").addRows([
    ["Post Title", "Grade", "SCP", "FTE", "No of staff"],
    ["Family Worker", "SS08", 12, 1, 1],
  ]);
  wb.addWorksheet("Assumptions").addRows(PLAIN_ASSUMPTIONS);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
  const json = JSON.parse(c.stdout()) as BuildJson;
  // Point 12 in the Apr-25 column (2025/26): £24,720, not the Apr-24 column's £24,000.
  expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({ Salary: 24720 });
  expect(json.issues.find((i) => i.code === "pay-scales-years-across")).toMatchObject({
    sheet: "Pay scales",
    address: "C1",
  });
});
