/**
 * The tester's workbooks through `estab build`: a salary column headed as a cost including
 * on-costs is set aside (not costed twice), and then costed once mapped with --column; a
 * Grant funded column of shares costs only its 100% and Y posts against the grant.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-salary-headings-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(rows: (string | number)[][], extra: (string | number)[][] = []) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Establishment").addRows(rows);
  wb.addWorksheet("Assumptions").addRows([...PLAIN_ASSUMPTIONS, ...extra]);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("estab build on a salary headed as a cost including on-costs", () => {
  it.each(["Salary incl. employer contributions", "Total salary cost"])(
    "%p is not costed as the salary, and is once mapped with --column Salary=D",
    async (heading) => {
      const file = await workbook([
        ["Post Title", "FTE", "No of staff", heading],
        ["Social Worker", 1, 1, 52000],
        ["Family Worker", 1, 1, 40000],
      ]);
      const out = path.join(dir, "out.xlsx");
      const refused = capture();
      expect(await main(["build", file, "-o", out, "--json"], refused.io)).toBe(1);
      const json = JSON.parse(refused.stdout()) as BuildJson;
      expect(json.issues.map((i) => `${i.severity}:${i.code}@${i.address}`)).toEqual([
        "error:salary-column-missing@A1",
        "warning:salary-column-set-aside@D1",
      ]);
      const mapped = capture();
      expect(
        await main(["build", file, "-o", out, "--json", "--column", "Salary=D"], mapped.io)
      ).toBe(0);
      // 52,000 + 40,000; NI 15% × (salary − 5,004) each; pension 19%; levy 0.5%.
      expect(
        (JSON.parse(mapped.stdout()) as BuildJson).sheets.find((s) => s.key === "cost")!.totals
      ).toMatchObject({ Salary: 92000, "Employer NI": 12298.8, "Total cost": 122238.8 });
    }
  );
});

describe("estab build on a Grant funded column of shares", () => {
  it("costs the 100% and Y posts against the grant and warns at each part share", async () => {
    const file = await workbook(
      [
        ["Post Title", "FTE", "No of staff", "Salary", "Grant funded"],
        ["Worker A", 1, 1, 30000, "100%"],
        ["Worker B", 1, 1, 30000, "50%"],
        ["Worker C", 1, 1, 30000, "50% grant"],
        ["Worker D", 1, 1, 30000, "Yes"],
        ["Worker E", 1, 1, 30000, "No"],
      ],
      [
        ["Grant name", "Family Hubs"],
        ["Grant amount", 200000],
      ]
    );
    const c = capture();
    expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    expect(json.sheets.find((s) => s.key === "grant")!.headline).toBe(
      "Family Hubs: £79,198.80 over 2025/26 to 2025/26 for 2 posts — within the grant, £120,801.20 headroom"
    );
    expect(
      json.issues.filter((i) => i.severity !== "info").map((i) => `${i.code}@${i.address}`)
    ).toEqual(["grant-funded-part-share@E3", "grant-funded-part-share@E4"]);
  });
});
