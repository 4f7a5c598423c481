import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { NUMBER_FORMATS, formula, num, text, type SheetSpec } from "../../src/core/report";
import {
  loadWorkbook,
  ownedSheets,
  readWorkbookGrids,
  saveWorkbook,
  serialFromDate,
  writeSheetSpecs,
} from "../../src/xlsx";
import { streamSheetSpecs } from "../../src/xlsx/stream";
import { streamedTables } from "../../src/xlsx/stream-tables";
import { writeAtomically } from "../../src/cli/files";
import { assumptionsSpec, grantSpec } from "./sample-specs";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-stream-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A sheet with what the samples lack: 0 results, duplicate and empty headers, a number header. */
function edgeSpec(): SheetSpec {
  return {
    key: "changes",
    name: "Changes: 2025/26", // cleaned to "Changes  2025 26"
    cells: [
      [text("FTE", "header"), text("FTE", "header"), null, num(2026, "integer", "header")],
      [formula("=1-1", 0, "money"), formula("=ROUND(A2,2)", 0), text("-x"), num(0)],
      [formula("=A2+B2", 0, "money", "total"), null, text("@y", "warning"), null],
    ],
    tables: [{ name: "1 bad name", range: "A1:D3" }],
    columnWidths: [12, 0, 30],
    notes: [{ address: "C3", text: "A note with <&> in it" }],
    page: { orientation: "portrait", fitToWidth: false },
    charts: [],
  };
}

const SPECS = (): SheetSpec[] => [grantSpec(), assumptionsSpec(), edgeSpec()];

async function streamed(specs = SPECS()): Promise<{ file: string; bytes: Buffer }> {
  const file = path.join(dir, "out.xlsx");
  await writeAtomically(file, (out) => streamSheetSpecs(out, specs));
  return { file, bytes: readFileSync(file) };
}

function part(file: string, name: string): string {
  return execFileSync("unzip", ["-p", file, name], { encoding: "utf8" });
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined || typeof note === "string") return note as string | undefined;
  return (note as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join("");
}

interface TableSeen {
  ref: string;
  columns: string[];
}

function tablesOf(ws: ExcelJS.Worksheet): Record<string, TableSeen> {
  const tables = (ws as unknown as { tables: Record<string, { table: object }> }).tables;
  return Object.fromEntries(
    Object.entries(tables).map(([name, t]) => {
      const table = t.table as { tableRef: string; columns: Array<{ name: string }> };
      return [name, { ref: table.tableRef, columns: table.columns.map((c) => c.name) }];
    })
  );
}

describe("streamSheetSpecs (the CLI's writer)", () => {
  it("writes every spec cell: values, text as text, formulas with cached results (0 too), formats", async () => {
    const { bytes } = await streamed();
    const wb = await loadWorkbook(bytes);
    const headers: Record<string, string> = {
      "Changes  2025 26!A1": "FTE",
      "Changes  2025 26!B1": "FTE 2",
      "Changes  2025 26!D1": "2026",
    };
    let checked = 0;
    for (const spec of SPECS()) {
      const name = spec.name.replace(/[:\\/?*[\]]/g, " ");
      const ws = wb.getWorksheet(name)!;
      expect(ws).toBeDefined();
      spec.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (!cell) return;
          const got = ws.getRow(r + 1).getCell(c + 1);
          const header = headers[`${name}!${got.address}`];
          if (header !== undefined) expect(got.value).toBe(header);
          else if (cell.kind === "text") {
            expect(got.value).toBe(cell.text);
            expect(got.type).toBe(ExcelJS.ValueType.String);
          } else if (cell.kind === "number")
            // ExcelJS reads a number with a date format back as a Date.
            expect(got.value instanceof Date ? serialFromDate(got.value) : got.value).toBe(
              cell.value
            );
          else
            expect(got.value).toEqual({
              formula: cell.formula.slice(1),
              // ExcelJS's reader drops a cached 0 (it is in the file: <v>0</v>, checked below).
              ...(cell.value === 0 ? {} : { result: cell.value }),
            });
          if (cell.kind !== "text" && cell.format && cell.format !== "general" && !header)
            expect(got.numFmt).toBe(NUMBER_FORMATS[cell.format]);
          checked++;
        })
      );
    }
    expect(checked).toBe(34 + 9 + 9);
    // The 0 results are in the file itself, and the text stays out of <f>.
    const xml = part(path.join(dir, "out.xlsx"), "xl/worksheets/sheet3.xml");
    expect(xml).toMatch(/<c r="A2"[^>]*><f>1-1<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B2"[^>]*><f>ROUND\(A2,2\)<\/f><v>0<\/v><\/c>/);
    expect((xml.match(/<f>/g) ?? []).length).toBe(3);
    const sheet1 = part(path.join(dir, "out.xlsx"), "xl/worksheets/sheet1.xml");
    expect(/<c r="A1"[^>]*>.*?<\/c>/s.exec(sheet1)![0]).toMatch(/t="s".*<v>\d+<\/v>/s);
  });

  it("writes the styles, widths, frozen header, notes and page setup", async () => {
    const wb = await loadWorkbook((await streamed()).bytes);
    const ws = wb.getWorksheet("Grant costing")!;
    expect(ws.getCell("A4").font?.bold).toBe(true);
    expect(ws.getCell("A4").fill).toMatchObject({ fgColor: { argb: "FFD9E1F2" } });
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("A2").font?.italic).toBe(true);
    expect(ws.getCell("C10").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("C9").border?.bottom?.style).toBe("double");
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([40, 10, 16, 10]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
    expect(noteText(ws.getCell("C9"))).toBe("Sum of the posts above");
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const edge = wb.getWorksheet("Changes  2025 26")!;
    expect(noteText(edge.getCell("C3"))).toBe("A note with <&> in it");
    expect(edge.getCell("C3").font?.color?.argb).toBe("FFC00000");
    expect(edge.getColumn(1).width).toBe(12);
    expect(edge.getColumn(2).width).toBeUndefined();
    expect(edge.views ?? []).toEqual([]); // no frozen panes
    expect(edge.pageSetup.orientation).toBe("portrait");
    expect(edge.pageSetup.fitToPage).toBeFalsy();
    const a = wb.getWorksheet("Assumptions used")!;
    expect(a.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 2 });
  });

  it("defines the Excel Tables, with valid unique names and the header cells as their column names", async () => {
    const { file, bytes } = await streamed();
    const wb = await loadWorkbook(bytes);
    expect(tablesOf(wb.getWorksheet("Grant costing")!)).toEqual({
      GrantCosting: { ref: "A4:D8", columns: ["Position", "FTE", "Total cost", "Share"] },
    });
    expect(tablesOf(wb.getWorksheet("Assumptions used")!)).toEqual({
      Assumptions_used: { ref: "A2:B5", columns: ["Setting", "Value"] },
    });
    const edge = wb.getWorksheet("Changes  2025 26")!;
    expect(tablesOf(edge)).toEqual({
      _1_bad_name: { ref: "A1:D3", columns: ["FTE", "FTE 2", "Column3", "2026"] },
    });
    expect(["A1", "B1", "C1", "D1"].map((a) => edge.getCell(a).value)).toEqual([
      "FTE",
      "FTE 2",
      "Column3",
      "2026",
    ]);
    // The core reads the tables back as table Grids, with the values under the headers.
    const grids = readWorkbookGrids(wb).grids.filter((g) => g.table);
    expect(grids.map((g) => g.table)).toEqual(["GrantCosting", "Assumptions_used", "_1_bad_name"]);
    expect(grids[2].values[1]).toEqual([0, 0, "-x", 0]);
    // The four places a table lives in the package: if the hook stops working, these go.
    const types = part(file, "\\[Content_Types\\].xml");
    for (const n of [1, 2, 3])
      expect(types).toContain(
        `<Override PartName="/xl/tables/table${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`
      );
    expect(part(file, "xl/tables/table3.xml")).toContain('name="_1_bad_name"');
    const sheet1 = part(file, "xl/worksheets/sheet1.xml");
    expect(sheet1).toMatch(
      /<legacyDrawing r:id="(rId\d+)"\/><tableParts count="1"><tablePart r:id="(rId\d+)"\/><\/tableParts><\/worksheet>$/
    );
    const rId = /<tablePart r:id="(rId\d+)"/.exec(sheet1)![1];
    expect(part(file, "xl/worksheets/_rels/sheet1.xml.rels")).toMatch(
      new RegExp(`Id="${rId}" Type="[^"]*/table" Target="../tables/table1.xml"`)
    );
  });

  it("escapes a table's header names in the table part", async () => {
    const spec = edgeSpec();
    spec.cells[0][2] = text('A & "B" <c>', "header");
    const { file, bytes } = await streamed([spec]);
    expect(part(file, "xl/tables/table1.xml")).toContain('name="A &amp; &quot;B&quot; &lt;c&gt;"');
    const ws = (await loadWorkbook(bytes)).worksheets[0];
    expect(tablesOf(ws)._1_bad_name.columns[2]).toBe('A & "B" <c>');
  });

  it("marks the sheets as owned, as the in-memory writer does", async () => {
    const wb = await loadWorkbook((await streamed()).bytes);
    expect(ownedSheets(wb)).toEqual([
      { key: "grant", sheet: "Grant costing" },
      { key: "assumptions", sheet: "Assumptions used" },
      { key: "changes", sheet: "Changes  2025 26" },
    ]);
  });

  it("gives the same cells, styles and tables as the in-memory writer", async () => {
    const streamedWb = await loadWorkbook((await streamed()).bytes);
    const memory = new ExcelJS.Workbook();
    writeSheetSpecs(memory, SPECS());
    const inMemoryWb = await loadWorkbook(await saveWorkbook(memory));
    const dump = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => {
        const cells: unknown[] = [];
        ws.eachRow((row) =>
          row.eachCell((c) =>
            cells.push([
              c.address,
              c.value,
              c.numFmt,
              c.font,
              c.fill,
              c.border,
              c.alignment,
              noteText(c),
            ])
          )
        );
        return { name: ws.name, cells, tables: tablesOf(ws), views: ws.views, page: ws.pageSetup };
      });
    expect(dump(streamedWb)).toEqual(dump(inMemoryWb));
  });

  it("runs on the one ExcelJS version its private modules were read from, pinned exactly", () => {
    // stream-tables.ts reaches into exceljs/lib/…: a range in package.json would let an
    // install bring a version whose internals nobody has checked.
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, "../../package.json"), "utf8")
    ) as { dependencies: Record<string, string> };
    const installed = (
      JSON.parse(readFileSync(require.resolve("exceljs/package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    expect(manifest.dependencies.exceljs).toBe("4.4.0");
    expect(installed).toBe(manifest.dependencies.exceljs);
  });

  it("says loudly when ExcelJS's streaming internals are not where the table hook expects them", () => {
    expect(() => streamedTables({} as unknown as ExcelJS.stream.xlsx.WorkbookWriter)).toThrow(
      /streaming writer has changed/
    );
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const tables = streamedTables(wb);
    const table = { name: "T", topLeft: "A1", ref: "A1:A2", rows: 1, columns: ["a"] };
    expect(() => tables.add({} as unknown as ExcelJS.Worksheet, [table])).toThrow(
      /_writeLegacyData/
    );
  });

  it("leaves no file and no temporary file when the write fails, and keeps an earlier output", async () => {
    const file = path.join(dir, "out.xlsx");
    await expect(
      writeAtomically(file, (out) =>
        streamSheetSpecs(out, SPECS(), {
          onSheet: (done) => {
            if (done === 2) throw new Error("failed half way");
          },
        })
      )
    ).rejects.toThrow("failed half way");
    expect(readdirSync(dir)).toEqual([]);

    writeFileSync(file, "earlier output");
    await expect(
      writeAtomically(file, (out) => {
        out.write("half a zip");
        out.destroy(new Error("disk full"));
        return new Promise(() => undefined); // a writer that never notices
      })
    ).rejects.toThrow("disk full");
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
    expect(readFileSync(file, "utf8")).toBe("earlier output");
  });

  it("refuses a spec with a bad address before writing anything", async () => {
    const bad = grantSpec({ notes: [{ address: "not a cell", text: "x" }] });
    await expect(
      writeAtomically(path.join(dir, "out.xlsx"), (out) => streamSheetSpecs(out, [bad]))
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
