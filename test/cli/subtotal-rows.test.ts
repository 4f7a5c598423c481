/**
 * The tryout's budget sheet (mk-24) through `estab build`: each cost centre's block of
 * posts ends in a subtotal row labelled only "EH100 Early Help", its FTE and pay the sums
 * of the block. Costed as posts they doubled the establishment (£2,179,027.68, 16 FTE);
 * read as subtotals the build costs the four posts and says so at each row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-subtotals-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function budget(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Budget").addRows([
    ["Cost Centre", "Post Title", "FTE", "No of staff", "Salary"],
    ["EH100", "Family Worker", 2, 2, 30000],
    ["EH100", "EH Manager", 1, 1, 45000],
    ["", "EH100 Early Help", 3, 3, 105000],
    ["CS200", "Social Worker", 4, 4, 38626],
    ["CS200", "Team Manager", 1, 1, 47000],
    ["", "CS200 Social Care", 5, 5, 201504],
  ]);
  wb.addWorksheet("Assumptions").addRows(PLAIN_ASSUMPTIONS);
  const file = path.join(dir, "budget.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

it("costs the posts, not the cost centres' subtotal rows, and says so at each", async () => {
  const c = capture();
  const out = path.join(dir, "out.xlsx");
  expect(await main(["build", await budget(), "-o", out, "--json"], c.io)).toBe(0);
  const json = JSON.parse(c.stdout()) as BuildJson;
  // Pay 2 × 30,000 + 45,000 + 4 × 38,626 + 47,000 = 306,504; pension 19%, levy 0.5%;
  // NI 15% of each person's monthly pay above £417 (the Family Workers: 2 × 12 × 0.15 × 2,083).
  expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
    Headcount: 8,
    FTE: 8,
    Salary: 306504,
    "Employer NI": 39970.8,
    "Employer pension": 58235.76,
    "Apprenticeship levy": 1532.52,
    "Total cost": 406243.08,
  });
  expect(json.issues.map((i) => [i.severity, i.code, i.address])).toEqual([
    ["info", "subtotal-row", "B4"],
    ["info", "subtotal-row", "B7"],
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const posts: unknown[] = [];
  wb.getWorksheet("Establishment Cost")!.eachRow((row, n) => {
    // The posts' FTE cells are values; the Total row's a SUM formula.
    if (n > 6 && typeof row.getCell(5).value === "number") posts.push(row.getCell(1).value);
  });
  expect(posts).toEqual(["Family Worker", "EH Manager", "Social Worker", "Team Manager"]);
});
