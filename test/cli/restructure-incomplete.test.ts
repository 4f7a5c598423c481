import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { capture } from "./support";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { oneTable } from "../core/workbook/incomplete-fixture";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-incomplete-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("estab build --json: a restructure with posts it cannot cost headlines what is missing, not a net saving", async () => {
  const file = path.join(dir, "restructure.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Establishment").addRows(oneTable.values as unknown[][]);
  wb.addWorksheet("Assumptions").addRows([
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
  ]);
  await wb.xlsx.writeFile(file);
  const c = capture();
  const args = ["build", file, "-o", path.join(dir, "out.xlsx"), "--only", "changes", "--json"];
  expect(await main(args, c.io)).toBe(0);
  const json = JSON.parse(c.stdout()) as BuildJson;
  const changes = json.sheets.find((s) => s.key === "changes")!;
  expect(changes.headline).toBe(
    "Incomplete: 2 proposed posts have no salary or grade to cost (Establishment!H4, H5); full-year effect of the costed posts -£53,049.40 (a saving)"
  );
  expect(changes.totals["Full-year effect of the costed posts"]).toBe(-53049.4);
  expect(
    json.issues.filter((i) => i.code === "restructure-no-cost").map((i) => [i.severity, i.address])
  ).toEqual([
    ["warning", "H4"],
    ["warning", "H5"],
  ]);
});
