/**
 * The tryout's casual and sessional staff (mk-05, mk-05b) through `estab build`: an
 * "Hourly rate" on a Casual or Sessional row is the worker's pay, not an agency charge.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-hourly-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function build(rows: (string | number)[][]): Promise<{ code: number; json: BuildJson }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Establishment").addRows([
    ["Position", "Grade", "Salary", "FTE", "Contract type", "Hourly rate", "Hours per week"],
    ...rows,
  ]);
  wb.addWorksheet("Assumptions").addRows(PLAIN_ASSUMPTIONS);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  const code = await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io);
  return { code, json: JSON.parse(c.stdout()) as BuildJson };
}

it("costs casual and sessional hourly rates as pay, rate × hours × 52, with on-costs (mk-05)", async () => {
  const { code, json } = await build([
    ["Family Worker", "SS06", 30000, 1, "Permanent", "", 37],
    ["Sessional Youth Worker", "Sessional", "", 0.27, "Sessional", 14.5, 10],
    ["Casual Contact Supervisor", "Casual", "", 0.2, "Casual", 13, 7.4],
  ]);
  expect(code).toBe(0);
  // Pay £30,000 + £14.50 × 10 × 52 (£7,540) + £13 × 7.4 × 52 (£5,002.40) = £42,542.40.
  // NI 15% × 12 × ((2,500 − 417) + (628.33 − 417)) = £3,749.40 + £380.40; the casual
  // worker's £416.87 a month is under the £417 threshold. Pension 19% a post, levy 0.5%.
  expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
    Headcount: 3,
    Salary: 42542.4,
    "Employer NI": 4129.8,
    "Employer pension": 8083.06,
    "Total cost": 54967.97,
  });
  expect(
    json.issues.filter((i) => i.code === "hourly-pay").map((i) => [i.address, i.message])
  ).toEqual([
    [
      "F3",
      "'Sessional Youth Worker' (Sessional) is paid by the hour: costed as an employee's pay of £14.50 an hour × 10 hours a week × 52 weeks = £7,540.00 a year, with employer on-costs (a full-time salary of £27,925.93 at FTE 0.27)",
    ],
    [
      "F4",
      "'Casual Contact Supervisor' (Casual) is paid by the hour: costed as an employee's pay of £13.00 an hour × 7.4 hours a week × 52 weeks = £5,002.40 a year, with employer on-costs (a full-time salary of £25,012 at FTE 0.2)",
    ],
  ]);
  expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
  const costedAt: unknown[] = [];
  wb.getWorksheet("Establishment Cost")!.eachRow((row, n) => {
    if (n >= 7 && n <= 9) costedAt.push([row.getCell(1).value, row.getCell(8).value]);
  });
  expect(costedAt).toEqual([
    ["Family Worker", "Salary as given"],
    ["Sessional Youth Worker", "Hourly rate × hours × 52 ÷ FTE"],
    ["Casual Contact Supervisor", "Hourly rate × hours × 52 ÷ FTE"],
  ]);
});

it("costs a sessional row with a salary on its salary, the hourly rate said to be its pay (mk-05b)", async () => {
  const { json } = await build([
    ["Sessional Youth Worker", "SS04", 24000, 0.27, "Sessional", 12.44, 10],
    ["Family Worker", "SS06", 30000, 1, "Permanent", "", 37],
  ]);
  expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({ Salary: 36480 });
  expect(json.issues.map((i) => [i.code, i.address])).toEqual([
    ["hourly-pay", "F2"],
    ["headcount-column-missing", "A1"],
  ]);
});

it("keeps an hourly rate on an agency row an agency charge", async () => {
  const { code, json } = await build([["Agency Social Worker", "", "", 1, "Agency", 45, 37]]);
  expect(code).toBe(1);
  expect(json.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
    "agency-salary-missing",
  ]);
});
