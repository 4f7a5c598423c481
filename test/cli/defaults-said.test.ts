/**
 * Issue 13 through the CLI: each default a build takes (test/support/defaults-cases.ts),
 * laid out as a real .xlsx and built with `estab build --json`, comes back as the issue at
 * its cell, and the plain (not --json) output says it too.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import type { Grid } from "../../src/core/grid";
import { DEFAULT_CASES } from "../support/defaults-cases";
import { capture } from "./support";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-defaults-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The grids as a workbook a person typed: "" is a cell left empty; rows hidden or struck through and cells merged as the grid says. */
async function workbookOf(grids: Grid[], name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.getWorksheet(g.sheet) ?? wb.addWorksheet(g.sheet);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "") ws.getCell(g.origin.row + r + 1, g.origin.column + c + 1).value = v;
      })
    );
    for (const r of g.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
    for (const r of g.struckRows ?? [])
      ws.getRow(r + 1).eachCell((cell) => (cell.font = { strike: true }));
    for (const { start, end } of g.merges ?? [])
      ws.mergeCells(start.row + 1, start.column + 1, end.row + 1, end.column + 1);
  }
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("estab build says every default it takes, at its cell", () => {
  it.each(DEFAULT_CASES.map((c, i) => [c.what, c, i] as const))("%s", async (_what, c, i) => {
    const input = await workbookOf(c.grids, `case-${i}`);
    const out = path.join(dir, `out-${i}.xlsx`);
    const json = capture();
    await main(["build", input, "-o", out, "--json"], json.io);
    const result = JSON.parse(json.stdout()) as BuildJson;
    const where = c.said.split(" ")[2];
    expect(result.issues.map((x) => `${x.severity} ${x.code} ${x.sheet}!${x.address}`)).toContain(
      c.said
    );
    // The terminal shows it too, by its cell.
    const plain = capture();
    await main(["build", input, "-o", path.join(dir, `plain-${i}.xlsx`)], plain.io);
    expect(plain.stdout()).toContain(where);
  });
});
