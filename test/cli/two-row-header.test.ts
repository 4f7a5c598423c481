/**
 * A council's establishment as its finance officer keeps it, through `estab build`: title
 * rows, then a header in two rows with merged group headings ("Post" over "No." | "Title",
 * "Salary" over "Min" | "Max"), subtotal rows per team, a grand total and a column of
 * postholders' names. Every post is read and costed, nothing is refused, nothing misleads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-two-row-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function councilWorkbook(grandTotalFte: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Establishment 2026-27");
  ws.addRow(["Children's Services - Staffing Establishment"]);
  ws.addRow(["As at 1 April 2026"]);
  ws.addRow([]);
  ws.addRow(["Post", "", "Grade", "Salary", "", "Hours", "FTE", "Team", "Postholder"]);
  ws.addRow(["No.", "Title", "", "Min", "Max", "per week", "", "", ""]);
  ws.mergeCells("A4:B4");
  ws.mergeCells("D4:E4");
  ws.addRows([
    ["EH001", "Early Help Practitioner", "G7", 30000, 32000, 37, 1, "Early Help", "J Smith"],
    ["EH002", "Early Help Practitioner", "G7", 30000, 32000, 18.5, 0.5, "Early Help", "VACANT"],
    ["EH003", "Team Manager", "G10", 40000, 44000, 37, 1, "Early Help", "A Jones"],
    ["", "Total Early Help", "", "", "", 92.5, 2.5, "", ""],
    ["SW001", "Social Worker", "G9", 36000, 39000, 37, 1, "Safeguarding", "B Brown"],
    ["SW002", "Senior Social Worker", "G10", 40000, 44000, 30, 0.81, "Safeguarding", "C White"],
    ["", "Total Safeguarding", "", "", "", 67, 1.81, "", ""],
    ["", "GRAND TOTAL", "", "", "", 159.5, grandTotalFte, "", ""],
  ]);
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

describe("estab build on a two-row, merged header", () => {
  it("reads and costs every post, at the bottom of its grade", async () => {
    const { code, json, out } = await build(await councilWorkbook(4.31));
    expect(code).toBe(0);
    const cost = json.sheets.find((s) => s.key === "cost")!;
    // Bottom of grade (no Assumptions sheet): 30,000 + 0.5 × 30,000 + 40,000 + 36,000 + 0.81 × 40,000.
    expect(cost.totals).toMatchObject({
      Headcount: 5,
      FTE: 4.31,
      Salary: 153400,
      "Employer pension": 29146, // 19% of 153,400
      "Apprenticeship levy": 767, // 0.5% of 153,400
    });
    expect(json.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: string[][] = [];
    wb.getWorksheet("Establishment Cost")!.eachRow((row) => {
      const id = String(row.getCell(2).value ?? "");
      if (/^(EH|SW)\d{3}$/.test(id)) rows.push([String(row.getCell(1).value), id]);
    });
    const titles = rows.map(([title, id]) => `${id} ${title}`);
    expect(titles).toEqual([
      "EH001 Early Help Practitioner",
      "EH002 Early Help Practitioner",
      "EH003 Team Manager",
      "SW001 Social Worker",
      "SW002 Senior Social Worker",
    ]);
  });

  it("checks the grand total against the posts, at its cell", async () => {
    const { json } = await build(await councilWorkbook(4.5));
    expect(json.issues.filter((i) => i.severity === "warning")).toMatchObject([
      { code: "total-mismatch", sheet: "Establishment 2026-27", address: "G13" },
    ]);
  });
});
