/**
 * Assumptions values typed with words, through `estab build` on a workbook written with
 * ExcelJS as a finance officer types it: the build goes ahead (exit 0), and the terminal
 * says at each Value cell how it was read, or which default was used instead.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-setting-words-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Establishment").addRows([
    ["Post Title", "FTE", "No of staff", "Salary"],
    ["Family Worker", 1, 1, 25000],
  ]);
  wb.addWorksheet("Assumptions").addRows([
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Number of years", 2],
    ["Costing point", "actual"],
    ["Increment rule", "none"],
    ["Pension rate", "21.5% (LGPS)"],
    ["Pay award 2026/27", "TBC"],
  ]);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("estab build with Assumptions values typed with words", () => {
  it("builds, and prints how each was read at its cell", async () => {
    const input = await workbook();
    const c = capture();
    const rc = await main(["build", input, "-o", path.join(dir, "out.xlsx")], c.io);
    expect(rc).toBe(0);
    const printed = c.stdout() + c.stderr();
    // 2025/26: £25,000 + NI 15% × (25,000 − 5,004) £2,999.40 + pension 21.5% £5,375 + levy
    // £125 = £33,499.40; 2026/27 the same, with no award.
    expect(printed).toContain("Employer pension     £5,375.00");
    expect(printed).toContain("2026/27 commitment   £33,499.40");
    expect(printed).toContain(
      "warning  Assumptions!B7: Pay award 2026/27 'TBC' gives no figure yet, so the sheets use no pay award for 2026/27 — type the figure when it is known (or one to plan with) to cost it"
    );
    expect(printed).toContain(
      "1 note: Pension rate '21.5% (LGPS)' is read as 21.5%; the words 'LGPS' are not read (Assumptions!B6)"
    );
  });

  it("gives each reading its code at its cell in --json", async () => {
    const input = await workbook();
    const c = capture();
    const rc = await main(["build", input, "-o", path.join(dir, "json.xlsx"), "--json"], c.io);
    expect(rc).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    expect(
      json.issues
        .filter((i) => i.code.startsWith("setting-"))
        .map((i) => `${i.severity}:${i.code}@${i.address}`)
    ).toEqual(["info:setting-read-as@B6", "warning:setting-not-known@B7"]);
  });
});
