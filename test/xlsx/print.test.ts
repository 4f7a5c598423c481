import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/core/report";
import { saveWorkbook, writeSheetSpecs } from "../../src/xlsx";
import { streamSheetSpecs } from "../../src/xlsx/stream";
import { writeAtomically } from "../../src/cli/files";
import { grantSpec } from "./sample-specs";
import { all, one, parseXml, type El } from "./xml-tree";

/** Print setup as both writers put it in the file: views, pageSetup, print titles, footer. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-print-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const part = (file: string, name: string): El =>
  parseXml(execFileSync("unzip", ["-p", file, name], { encoding: "utf8" }));

/** Wide: two pages across, the first column and the header row repeated on each page. */
const wide = (): SheetSpec =>
  grantSpec({
    freeze: { rows: 4, columns: 1 },
    page: {
      orientation: "landscape",
      fitToWidth: false,
      pagesWide: 2,
      titleRows: { first: 3, last: 3 },
      titleColumns: 1,
      footer: { builtOn: "4 December 2026, 14:19 UTC" },
    },
  });
/** Narrow: one page wide, no title columns. */
const narrow = (): SheetSpec =>
  grantSpec({
    name: "Narrow",
    tables: [{ name: "NarrowTable", range: "A4:D8" }],
    freeze: { rows: 4, columns: 0 },
    page: {
      orientation: "portrait",
      fitToWidth: true,
      titleRows: { first: 3, last: 3 },
      footer: { builtOn: "4 December 2026" },
    },
    charts: [],
  });

async function inMemory(specs: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  writeSheetSpecs(wb, specs);
  const file = path.join(dir, "memory.xlsx");
  writeFileSync(file, await saveWorkbook(wb));
  return file;
}

async function streamed(specs: SheetSpec[]): Promise<string> {
  const file = path.join(dir, "stream.xlsx");
  await writeAtomically(file, (out) => streamSheetSpecs(out, specs));
  return file;
}

describe.each([
  ["in-memory", inMemory],
  ["streaming", streamed],
])("print setup, %s writer", (_label, write) => {
  it("freezes the header, repeats it on every page, prints a wide sheet in sections, footers", async () => {
    const file = await write([wide(), narrow()]);
    const sheet1 = part(file, "xl/worksheets/sheet1.xml");
    expect(one(sheet1, "pane").attrs).toMatchObject({
      xSplit: "1",
      ySplit: "4",
      topLeftCell: "B5",
      state: "frozen",
    });
    expect(one(sheet1, "pageSetup").attrs).toMatchObject({
      orientation: "landscape",
      paperSize: "9",
      fitToWidth: "2",
      fitToHeight: "0",
    });
    expect(one(sheet1, "pageSetUpPr").attrs.fitToPage).toBe("1");
    expect(one(sheet1, "oddFooter").text).toBe(
      "&L&A&CPage &P of &N&RBuilt 4 December 2026, 14:19 UTC"
    );

    const sheet2 = part(file, "xl/worksheets/sheet2.xml");
    expect(one(sheet2, "pane").attrs).toMatchObject({ ySplit: "4", topLeftCell: "A5" });
    expect(one(sheet2, "pageSetup").attrs).toMatchObject({
      orientation: "portrait",
      fitToWidth: "1",
      fitToHeight: "0",
    });
    expect(one(sheet2, "pageSetUpPr").attrs.fitToPage).toBe("1");
    expect(one(sheet2, "oddFooter").text).toBe("&L&A&CPage &P of &N&RBuilt 4 December 2026");

    const titles = all(part(file, "xl/workbook.xml"), "definedName")
      .filter((n) => n.attrs.name === "_xlnm.Print_Titles")
      .map((n) => [n.attrs.localSheetId, n.text]);
    expect(titles).toEqual([
      ["0", "'Grant costing'!$A:$A,'Grant costing'!$4:$4"],
      ["1", "'Narrow'!$4:$4"],
    ]);
  });
});
