import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { NUMBER_FORMATS, formula, text } from "../../src/core/report";
import {
  loadWorkbook,
  markOwned,
  ownedSheets,
  readWorkbookGrids,
  saveWorkbook,
  uniqueHeaders,
  writeSheetSpecs,
} from "../../src/xlsx";
import { readOwnedName } from "../../src/xlsx/ownership";
import { assumptionsSpec, grantSpec } from "./sample-specs";

async function writtenAndReloaded(
  specs = [grantSpec(), assumptionsSpec()],
  wb = new ExcelJS.Workbook()
): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array }> {
  writeSheetSpecs(wb, specs);
  const bytes = await saveWorkbook(wb);
  return { wb: await loadWorkbook(bytes), bytes };
}

/** The raw XML of a part of the .xlsx package. */
function part(bytes: Uint8Array, name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "estab-xml-"));
  try {
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, bytes);
    return execFileSync("unzip", ["-p", file, name], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("writeSheetSpecs", () => {
  it("writes native formulas with their cached results", async () => {
    const { wb } = await writtenAndReloaded();
    const ws = wb.getWorksheet("Grant costing")!;
    expect(ws.getCell("C9").value).toEqual({ formula: "SUM(C5:C8)", result: 433666.1 });
    expect(ws.getCell("C11").value).toEqual({ formula: "C10-C9", result: 16333.9 });
    expect(ws.getCell("C12").value).toEqual({
      formula: 'IF(C11<0,"Over-committed","Within the grant")',
      result: "Within the grant",
    });
    // A previewer that does not calculate (and the task pane preview) sees the numbers.
    const grid = readWorkbookGrids(wb).grids.find((g) => g.sheet === "Grant costing" && !g.table)!;
    expect(grid.values[8][2]).toBe(433666.1);
    expect(grid.values[11][2]).toBe("Within the grant");
  });

  it("keeps text that looks like a formula as text, in the file itself", async () => {
    const { wb, bytes } = await writtenAndReloaded();
    const ws = wb.getWorksheet("Grant costing")!;
    expect(ws.getCell("A1").value).toBe('=HYPERLINK("http://example.org","Grant costing")');
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    for (const a of ["A5", "A6", "A7", "A8"]) expect(typeof ws.getCell(a).value).toBe("string");
    const xml = part(bytes, "xl/worksheets/sheet1.xml");
    const a1 = /<c r="A1"[^>]*>.*?<\/c>/s.exec(xml)![0];
    expect(a1).toContain('t="s"'); // a shared string
    expect(a1).not.toContain("<f>");
    // Only the spec's formula cells carry <f> elements.
    expect((xml.match(/<f>/g) ?? []).length).toBe(4 + 2 + 1 + 1);
    expect(part(bytes, "xl/sharedStrings.xml")).toContain("=HYPERLINK(");
  });

  it("applies number formats, widths, frozen panes, notes and page setup", async () => {
    const { wb } = await writtenAndReloaded();
    const ws = wb.getWorksheet("Grant costing")!;
    expect(ws.getCell("C5").numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell("B5").numFmt).toBe(NUMBER_FORMATS.fte);
    expect(ws.getCell("D5").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(ws.getCell("C13").numFmt).toBe(NUMBER_FORMATS.date);
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getColumn(3).width).toBe(16);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
    const note = ws.getCell("C9").note;
    const noteText = typeof note === "string" ? note : note.texts?.map((t) => t.text).join("");
    expect(noteText).toBe("Sum of the posts above");
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.getCell("A4").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
  });

  it("puts an in-cell list of choices on a cell, taking another value with a warning", async () => {
    const spec = grantSpec();
    spec.validations = [
      {
        address: "B2",
        list: "$A$4:$C$4",
        warning: { title: "Not a scenario", message: "Not a name in the list" },
      },
    ];
    const { wb } = await writtenAndReloaded([spec]);
    expect(wb.getWorksheet(spec.name)?.getCell("B2").dataValidation).toEqual({
      type: "list",
      allowBlank: true,
      formulae: ["$A$4:$C$4"],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Not a scenario",
      error: "Not a name in the list",
    });
  });

  it("defines Excel Tables over the written cells without changing them", async () => {
    const { wb } = await writtenAndReloaded();
    const ws = wb.getWorksheet("Grant costing")!;
    const t = ws.getTable("GrantCosting") as unknown as {
      table: { tableRef: string; columns: Array<{ name: string }> };
    };
    expect(t.table.tableRef).toBe("A4:D8");
    expect(t.table.columns.map((c) => c.name)).toEqual(["Position", "FTE", "Total cost", "Share"]);
    expect(ws.getCell("D5").value).toMatchObject({ formula: "C5/$C$9" });
    // A table name with a space is made valid.
    const a = wb.getWorksheet("Assumptions used")!;
    expect(Object.keys((a as unknown as { tables: object }).tables)).toEqual(["Assumptions_used"]);
    const grids = readWorkbookGrids(wb).grids.filter((g) => g.table);
    expect(grids.map((g) => g.table)).toEqual(["GrantCosting", "Assumptions_used"]);
  });

  it("keeps a cached result of 0 inside a table", async () => {
    const spec = grantSpec({
      cells: [
        [text("Change", "header"), text("Check", "header")],
        [formula("=1-1", 0, "money"), formula("=ROUND(A2,2)", 0)],
      ],
      tables: [{ name: "Zeros", range: "A1:B2" }],
      notes: [],
    });
    const { wb, bytes } = await writtenAndReloaded([spec]);
    const xml = part(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<c r="A2"[^>]*><f>1-1<\/f><v>0<\/v><\/c>/);
    const grid = readWorkbookGrids(wb).grids.find((g) => g.table === "Zeros")!;
    expect(grid.values[1]).toEqual([0, 0]);
  });

  it("makes a table's header names unique and non-empty, as Excel requires", async () => {
    expect(uniqueHeaders(["FTE", "fte", "", "FTE"])).toEqual(["FTE", "fte 2", "Column3", "FTE 3"]);
    const spec = grantSpec({
      cells: [
        [text("FTE", "header"), text("FTE", "header")],
        [text("a"), text("b")],
      ],
      tables: [{ name: "Dup", range: "A1:B2" }],
      notes: [],
      freeze: undefined,
    });
    const { wb } = await writtenAndReloaded([spec]);
    expect(wb.getWorksheet("Grant costing")!.getCell("B1").value).toBe("FTE 2");
  });

  it("marks written sheets as owned, and the mark survives saving and reopening", async () => {
    const { wb } = await writtenAndReloaded();
    expect(ownedSheets(wb)).toEqual([
      { key: "grant", sheet: "Grant costing" },
      { key: "assumptions", sheet: "Assumptions used" },
    ]);
  });

  it("never touches a user's sheet with the wanted name: writes under another name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Grant costing").getCell("A1").value = "my own notes";
    const outcome = writeSheetSpecs(wb, [grantSpec()]);
    expect(outcome.sheets).toEqual([
      { key: "grant", requested: "Grant costing", name: "Grant costing (2)" },
    ]);
    expect(wb.getWorksheet("Grant costing")!.getCell("A1").value).toBe("my own notes");
    const reloaded = await loadWorkbook(await saveWorkbook(wb));
    expect(ownedSheets(reloaded)).toEqual([{ key: "grant", sheet: "Grant costing (2)" }]);
  });

  it("replaces its own sheet on a second run instead of adding another", async () => {
    const { wb } = await writtenAndReloaded();
    const outcome = writeSheetSpecs(wb, [grantSpec()]);
    expect(outcome.sheets[0].name).toBe("Grant costing");
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(["Assumptions used", "Grant costing"]);
    const reloaded = await loadWorkbook(await saveWorkbook(wb));
    expect(
      ownedSheets(reloaded)
        .map((o) => o.sheet)
        .sort()
    ).toEqual(["Assumptions used", "Grant costing"]);
    expect(reloaded.getWorksheet("Grant costing")!.getTable("GrantCosting")).toBeDefined();
  });

  it("checks every address before writing anything", () => {
    const wb = new ExcelJS.Workbook();
    expect(() =>
      writeSheetSpecs(wb, [
        assumptionsSpec(),
        grantSpec({ notes: [{ address: "nowhere", text: "x" }] }),
      ])
    ).toThrow();
    expect(wb.worksheets).toHaveLength(0);
  });
});

describe("the ownership name both adapters share", () => {
  it("reads the add-in's (Office.js) form and ExcelJS's, and nothing else", () => {
    expect(readOwnedName("ESTAB_OWNED_GRANT", "='Grant Costing (2)'!$A$1")).toEqual({
      key: "grant",
      sheet: "Grant Costing (2)",
    });
    expect(readOwnedName("estab_owned_assumptions", "Assumptions!$A$1")).toEqual({
      key: "assumptions",
      sheet: "Assumptions",
    });
    expect(readOwnedName("ESTAB_OWNED_GRANT", "'It''s mine'!A1")).toEqual({
      key: "grant",
      sheet: "It's mine",
    });
    expect(readOwnedName("ESTAB_OWNED_GRANT", "=#REF!")).toBeUndefined();
    expect(readOwnedName("ESTAB_OWNED_GRANT", "=#REF!$A$1")).toBeUndefined();
    expect(readOwnedName("ESTAB_OWNED_GRANT", "='Grant'!$B$2")).toBeUndefined();
    expect(readOwnedName("ESTAB_OWNED_OTHER", "='Grant'!$A$1")).toBeUndefined();
    expect(readOwnedName("MY_NAME", "='Grant'!$A$1")).toBeUndefined();
  });

  it("replaces a sheet the add-in wrote (its name, saved by Excel) on the next run", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Grant costing").getCell("A1").value = "from the add-in";
    wb.definedNames.add("'Grant costing'!$A$1", "ESTAB_OWNED_GRANT");
    const reloaded = await loadWorkbook(await saveWorkbook(wb));
    expect(ownedSheets(reloaded)).toEqual([{ key: "grant", sheet: "Grant costing" }]);
    const outcome = writeSheetSpecs(reloaded, [grantSpec()]);
    expect(outcome.sheets[0].name).toBe("Grant costing");
    expect(reloaded.worksheets.map((w) => w.name)).toEqual(["Grant costing"]);
  });

  it("leaves a marked sheet the user renamed alone: the output gets the next free name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Grant costing").getCell("A1").value = "the user's copy of an old run";
    wb.addWorksheet("My budget").getCell("A1").value = "renamed by the user";
    // Excel moves the name with the sheet when the user renames "Grant costing" to "My budget".
    wb.definedNames.add("'My budget'!$A$1", "ESTAB_OWNED_GRANT");
    const reloaded = await loadWorkbook(await saveWorkbook(wb));
    expect(ownedSheets(reloaded)).toEqual([{ key: "grant", sheet: "My budget" }]);
    const outcome = writeSheetSpecs(reloaded, [grantSpec()]);
    expect(outcome.sheets).toEqual([
      { key: "grant", requested: "Grant costing", name: "Grant costing (2)" },
    ]);
    expect(reloaded.worksheets.map((w) => w.name)).toEqual([
      "Grant costing",
      "My budget",
      "Grant costing (2)",
    ]);
    expect(reloaded.getWorksheet("My budget")!.getCell("A1").value).toBe("renamed by the user");
    expect(reloaded.getWorksheet("Grant costing")!.getCell("A1").value).toBe(
      "the user's copy of an old run"
    );
    // The mark moves to the new sheet: the renamed one is the user's from now on.
    const again = await loadWorkbook(await saveWorkbook(reloaded));
    expect(ownedSheets(again)).toEqual([{ key: "grant", sheet: "Grant costing (2)" }]);
  });

  it('replaces a marked sheet under a default name in place, "Name (n)" included', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Grant costing").getCell("A1").value = "the user's own";
    wb.addWorksheet("GRANT COSTING (3)").getCell("A1").value = "an earlier run";
    wb.definedNames.add("'GRANT COSTING (3)'!$A$1", "ESTAB_OWNED_GRANT");
    const reloaded = await loadWorkbook(await saveWorkbook(wb));
    const outcome = writeSheetSpecs(reloaded, [grantSpec()]);
    // Its name is free again; the next free name is "(2)", as the add-in would choose.
    expect(outcome.sheets[0].name).toBe("Grant costing (2)");
    expect(reloaded.worksheets.map((w) => w.name)).toEqual(["Grant costing", "Grant costing (2)"]);
    expect(reloaded.getWorksheet("Grant costing")!.getCell("A1").value).toBe("the user's own");
    expect(ownedSheets(reloaded)).toEqual([{ key: "grant", sheet: "Grant costing (2)" }]);
  });

  it("does not replace a sheet marked for another key that has the wanted name", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Grant costing").getCell("A1").value = "assumptions, once";
    markOwned(wb, "assumptions", "Grant costing");
    const outcome = writeSheetSpecs(wb, [grantSpec()]);
    expect(outcome.sheets[0].name).toBe("Grant costing (2)");
    expect(wb.getWorksheet("Grant costing")!.getCell("A1").value).toBe("assumptions, once");
  });
});
