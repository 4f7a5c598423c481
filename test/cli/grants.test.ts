/**
 * The tryout's grant workbooks (mk-21, mk-20b) through `estab build`, written with ExcelJS
 * as the tester wrote them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-grants-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function build(sheets: Record<string, (string | number)[][]>): Promise<BuildJson> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
  return JSON.parse(c.stdout()) as BuildJson;
}

const YOUTH_WORKERS = [
  ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff", "Funding"],
  ["G1", "Youth Worker", "SS06", 30000, 1, 1, "Youth Investment"],
  ["G2", "Youth Worker", "SS06", 30000, 1, 1, "Youth Investment"],
];

it.each(["Grant amount", "Grant"])(
  "takes a '%s' row with the years across as each year's grant (mk-21, mk-21b)",
  async (label) => {
    const json = await build({
      Establishment: YOUTH_WORKERS,
      Assumptions: [
        ["Assumption", "2025/26", "2026/27", "2027/28"],
        [label, 120000, 60000, 60000],
        ["Grant name", "Youth Investment"],
        ["Costing point", "actual"],
        ["Increment rule", "none"],
        ["Employer pension", "19%"],
      ],
    });
    // Each year: 2 × (£30,000 + NI 12 × 15% × (2,500 − 417) + pension 19% + levy 0.5%)
    // = £79,198.80; the grant £240,000 − 3 × £79,198.80 = £2,403.60 headroom.
    expect(json.sheets.find((s) => s.key === "grant")!.totals).toMatchObject({
      "Total commitment": 237596.4,
      Grant: 240000,
      Headroom: 2403.6,
    });
    expect(json.issues.map((i) => i.code)).toEqual(["assumptions-years-across"]);
  }
);

it("says at its row that a permanent post on the grant costs £39,599.40 after the grant ends (mk-20b)", async () => {
  const json = await build({
    Establishment: [
      ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff", "Contract type", "Funding"],
      ["G1", "Youth Worker", "SS06", 30000, 1, 1, "Permanent", "Youth Investment"],
    ],
    Assumptions: [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
      ["Number of years", 3],
      ["Costing point", "actual"],
      ["Increment rule", "none"],
      ["Employer pension rate", "19%"],
      ["Grant name", "Youth Investment"],
      ["Grant amount", 80000],
      ["Grant start", "01/04/2025"],
      ["Grant end", "31/03/2027"],
    ],
  });
  expect(json.sheets.find((s) => s.key === "grant")!.totals).toMatchObject({
    "2026/27 commitment": 39599.4,
    "2027/28 commitment": 0,
  });
  expect(
    json.issues.filter((i) => i.code === "post-outlives-grant").map((i) => [i.address, i.message])
  ).toEqual([
    [
      "G2",
      "Youth Worker (G1) is permanent with no end date, so it runs past the grant's end on 31/03/2027: the Grant Costing sheet shows £0 for it after that, and its cost then, £39,599.40 in 2027/28, falls to the core budget (or to exit costs, if the post ends with the grant)",
    ],
  ]);
});
