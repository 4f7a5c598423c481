/**
 * A one-table restructure typed with dated Statuses, a Deleted? column, a dash beside
 * "No change" and uncertain figures (brief t5s), written with ExcelJS and built through the
 * CLI: the Restructure sheet's full-year and part-year effects as worked out by hand below.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { capture } from "./support";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-status-dates-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Flat on-costs of 30%: a post costs salary × FTE × 1.3 a year. Implemented 1 July 2025,
// 274 of 2025/26's 365 days.
const ASSUMPTIONS: (string | number)[][] = [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Number of years", 1],
  ["Costing point", "actual"],
  ["Increment rule", "none"],
  ["On-cost method", "flat"],
  ["Flat on-cost rate", "30%"],
  ["Implementation date", "01/07/2025"],
];

it("costs the tester's restructure: dated deletion and new post, Deleted? Y, a dash beside No change, ~ and ? figures", async () => {
  const file = path.join(dir, "in.xlsx");
  const wb = new ExcelJS.Workbook();
  const sheets: Record<string, (string | number)[][]> = {
    Restructure: [
      ["Post ID", "Position", "Salary", "Current FTE", "Proposed FTE", "Status", "Deleted?"],
      ["P1", "Social Worker", 40000, 1, "", "Deleted from 01/10/2025", ""],
      ["P2", "Practice Lead", 50000, "", 1, "New from 01/01/2026", ""],
      ["P3", "Team Manager", 52000, 1, "-", "No change", ""],
      ["P4", "Business Support", 24000, 1, "", "", "Y"],
      ["P5", "Family Support Worker", "~30,000", 1, "0.5?", "", "N"],
    ],
    Assumptions: ASSUMPTIONS,
  };
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r));
  }
  await wb.xlsx.writeFile(file);
  const c = capture();
  const code = await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io);
  expect(code).toBe(0);
  const json = JSON.parse(c.stdout()) as BuildJson;
  const totals = json.sheets.find((s) => s.key === "changes")!.totals;
  // Full year: P1 −52,000; P2 +65,000; P3 0; P4 −31,200; P5 −0.5 × 30,000 × 1.3 = −19,500: −37,700.
  expect(totals["Full-year effect"]).toBe(-37700);
  // Part year: P1 −52,000 × 182/365 = −25,928.77; P2 65,000 × 90/365 = 16,027.40;
  // P4 −31,200 × 274/365 = −23,421.37; P5 −19,500 × 274/365 = −14,638.36: −47,961.10.
  expect(Object.entries(totals).find(([k]) => /part-year/i.test(k))?.[1]).toBe(-47961.1);
  const codes = [
    "status-read-as-deleted",
    "status-read-as-new",
    "proposed-fte-read-as",
    "delete-column-read",
    "salary-uncertain",
    "proposed-fte-uncertain",
  ];
  expect(
    json.issues.filter((i) => codes.includes(i.code)).map((i) => [i.severity, i.code, i.address])
  ).toEqual([
    ["warning", "salary-uncertain", "C6"],
    ["warning", "proposed-fte-uncertain", "E6"],
    ["info", "status-read-as-deleted", "F2"],
    ["info", "status-read-as-new", "F3"],
    ["info", "proposed-fte-read-as", "E4"],
    ["info", "delete-column-read", "G1"],
  ]);
});
