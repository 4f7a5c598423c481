/**
 * An establishment kept as finance officers keep it, through `estab build`: a title merged
 * across, a team merged down over its five posts, a row hidden by hand and an AutoFilter
 * with a row filtered out; and the same with an FTE merged over two posts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-sheet-view-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(mergedFte: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Establishment");
  ws.addRow(["Children's Services establishment 2025/26"]);
  ws.mergeCells("A1:F1");
  ws.addRow([]);
  ws.addRow([]);
  ws.addRow(["Position", "Team", "Grade", "Salary", "FTE", "Proposed FTE"]);
  ws.addRows([
    ["Social Worker", "Social Work", "SS09", 36000, 1, 1],
    ["Social Worker", null, "SS09", 36000, 1, 0],
    ["Senior Practitioner", null, "SS10", 40000, 1, 1],
    ["Team Manager", null, "SS11", 48000, 1, 1],
    ["Admin Officer", null, "SS05", 24000, 0.5, 0.5],
    ["Family Support Worker", "Early Help", "SS08", 28000, 1, 1],
    ["Family Support Worker", "Early Help", "SS08", 28000, mergedFte ? null : 1, 2],
  ]);
  ws.mergeCells("B5:B9");
  if (mergedFte) ws.mergeCells("E10:E11");
  ws.getRow(7).hidden = true;
  ws.autoFilter = "A4:F11";
  ws.getRow(11).hidden = true;
  const file = path.join(dir, "establishment.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function build(file: string) {
  const c = capture();
  const out = path.join(dir, "out.xlsx");
  const code = await main(["build", file, "-o", out, "--json"], c.io);
  return { code, json: JSON.parse(c.stdout()) as BuildJson, out };
}

const ISSUES_BESIDE = ["headcount-column-missing", "assumptions-defaults"];

describe("estab build on hidden rows, a filter and merged cells", () => {
  it("costs the hidden and filtered-out posts, each named, and reads the merged team in all five posts", async () => {
    const { code, json, out } = await build(await workbook(false));
    expect(code).toBe(0);
    expect(
      json.issues
        .filter((i) => !ISSUES_BESIDE.includes(i.code))
        .map((i) => `${i.severity}:${i.code}@${i.address} ${i.message}`)
    ).toEqual([
      "info:merged-label@B5 Team 'Social Work' is one cell merged over B5:B9, so each of the 5 posts in rows 5 to 9 is read with Team 'Social Work'",
      "warning:hidden-row@A7 Row 7 ('Senior Practitioner') is hidden or filtered out, and is read as a post like every row (Excel's SUM counts it too)",
      "warning:hidden-row@A11 Row 11 ('Family Support Worker') is hidden or filtered out, and is read as a post like every row (Excel's SUM counts it too)",
    ]);
    // Every row costed, the hidden ones too: 36,000 × 2 + 40,000 + 48,000 + 0.5 × 24,000 + 28,000 × 2.
    expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
      FTE: 6.5,
      Salary: 228000,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const teams: Array<[string, unknown, unknown]> = [];
    wb.getWorksheet("Restructure")!.eachRow((row) => {
      const team = row.getCell(1).value;
      const result = (c: number) => (row.getCell(c).value as { result?: unknown }).result;
      if (team === "Social Work" || team === "Early Help" || team === "No team")
        teams.push([team, result(2), result(6)]);
    });
    // Posts and cost now per team: the five posts under the merge are all Social Work.
    expect(teams).toEqual([
      ["Social Work", 5, 227587],
      ["Early Help", 2, 73818.8],
    ]);
  });

  it("refuses an FTE merged over two posts, at its cell", async () => {
    const { code, json } = await build(await workbook(true));
    expect(code).not.toBe(0);
    const errors = json.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => `${i.code}@${i.address} ${i.message} — ${i.fix}`)).toEqual([
      "merged-figure@E10 FTE 1 is one cell merged over E10:E11, so it is no one post's figure: the 2 posts in rows 10 and 11 would each count it — unmerge the cells (Home › Merge & Center) and give each post its own FTE",
    ]);
    expect(json.sheets).toEqual([]);
  });
});
