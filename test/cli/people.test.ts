/**
 * The tryout's payroll exports (mk-10, mk-10b) through `estab build`: one person with two
 * assignments is costed as two people, and says so at the person's second row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture, PLAIN_ASSUMPTIONS } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-people-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it.each(["Employee Number", "Person Number"])(
  "says at the second row that '%s' 200100 is one person costed as two",
  async (heading) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("iTrent export").addRows([
      [
        heading,
        "Assignment Number",
        "Position Title",
        "Grade",
        "Contracted Hours",
        "FTE",
        "FTE Salary",
      ],
      ["200100", "200100-1", "Family Support Worker", "SS06", 18.5, 0.5, 30000],
      ["200100", "200100-2", "Contact Supervisor", "SS04", 18.5, 0.5, 24000],
      ["200101", "200101-1", "Contact Supervisor", "SS04", 37, 1, 24000],
    ]);
    wb.addWorksheet("Assumptions").addRows(PLAIN_ASSUMPTIONS);
    const file = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(file);
    const c = capture();
    expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    // Costed per row, as before: NI 15% × 12 × ((1,250 − 417) + (1,000 − 417) + (2,000 − 417)).
    expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
      Headcount: 3,
      "Employer NI": 5398.2,
    });
    expect(
      json.issues
        .filter((i) => i.code === "person-on-several-rows" || i.code === "duplicate-post-id")
        .map((i) => [i.code, i.address])
    ).toEqual([["person-on-several-rows", "A3"]]);
    // Added up for the one person, NI is £6,148.80: £750.60 more.
    expect(json.issues.find((i) => i.code === "person-on-several-rows")!.message).toContain(
      "the employer NI is up to £750.60 a year more in 2025/26"
    );
  }
);

it("says at J Smith's second row that a name on two rows may be one person costed as two", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Staff").addRows([
    ["Position", "Employee Name", "Grade", "FTE", "Salary"],
    ["Family Support Worker", "J Smith", "SS06", 0.5, 30000],
    ["Contact Supervisor", "J Smith", "SS04", 0.5, 24000],
    ["Contact Supervisor", "Vacant", "SS04", 1, 24000],
    ["Contact Supervisor", "Vacant", "SS04", 1, 24000],
  ]);
  wb.addWorksheet("Assumptions").addRows(PLAIN_ASSUMPTIONS);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
  const json = JSON.parse(c.stdout()) as BuildJson;
  const said = json.issues.filter((i) => i.code === "person-on-several-rows");
  // The two vacancies are no one: only J Smith, at the second row's name cell.
  expect(said.map((i) => [i.sheet, i.address])).toEqual([["Staff", "B3"]]);
  expect(said[0].message).toContain(
    "Employee Name 'J Smith' is on 2 rows (B2, B3), matched by name (two people can share one): if one person, costed as 2 people"
  );
});
