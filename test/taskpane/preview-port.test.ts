import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/core/report";
import { XlsxWorkbookPort } from "../../src/taskpane/preview/xlsx-port";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { LIVE_NAME_PREFIX } from "../../src/xlsx/ownership";
import { assumptionsSpec, grantSpec } from "../xlsx/sample-specs";

/**
 * The preview port keeps each sheet's mode in the workbook itself (ESTAB_LIVE_<KEY> next to
 * ESTAB_OWNED_<KEY>), so "Download .xlsx" and opening the file again keeps the live sheets.
 */

const costSpec = (): SheetSpec =>
  grantSpec({ key: "cost", name: "Establishment cost", tables: [], charts: [] });

/** A workbook the user brought: a sheet of their own under the grant sheet's name. */
async function usersFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Grant costing").getCell("A1").value = "my own notes";
  wb.addWorksheet("Staff").getCell("A1").value = "Name";
  return saveWorkbook(wb);
}

/** "Download .xlsx", then open the downloaded bytes as a new page would. */
async function downloadAndOpen(port: XlsxWorkbookPort): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.open(await port.save(), port.fileName);
}

async function liveNamesIn(bytes: Uint8Array): Promise<string[]> {
  const wb = await loadWorkbook(bytes);
  return (wb.definedNames as unknown as { model: Array<{ name: string }> }).model
    .map((n) => n.name)
    .filter((n) => n.toUpperCase().startsWith(LIVE_NAME_PREFIX))
    .sort();
}

describe("the preview port's live sheets, kept in the file", () => {
  it("lists a live build's sheets after a download and reopening; make shareable sticks", async () => {
    const port = await XlsxWorkbookPort.open(await usersFile(), "book.xlsx");
    const outcome = await port.writeSheets([grantSpec(), costSpec(), assumptionsSpec()], {
      mode: "live",
    });
    // The user's "Grant costing" is left alone; ours is "Grant costing (2)".
    expect(outcome.sheets.map((s) => s.name)).toEqual([
      "Grant costing (2)",
      "Establishment cost",
      "Assumptions used",
    ]);
    const live = ["Grant costing (2)", "Establishment cost"];
    expect((await port.liveSheets()).sort()).toEqual(live.sort());

    const reopened = await downloadAndOpen(port);
    // The assumptions sheet is never offered, and the user's sheets are never listed.
    expect((await reopened.liveSheets()).sort()).toEqual(live.sort());
    expect((await reopened.ownedSheets()).sort()).toEqual(
      ["Assumptions used", "Establishment cost", "Grant costing (2)"].sort()
    );

    await reopened.makeShareable("Grant costing (2)");
    expect(await reopened.liveSheets()).toEqual(["Establishment cost"]);
    const again = await downloadAndOpen(reopened);
    expect(await again.liveSheets()).toEqual(["Establishment cost"]);
    // Still ours: shareable, not given away.
    expect(await again.ownedSheets()).toContain("Grant costing (2)");
    expect(await liveNamesIn(await again.save())).toEqual([
      "ESTAB_LIVE_ASSUMPTIONS",
      "ESTAB_LIVE_COST",
    ]);
  });

  it("writes no live mark for a shareable build, and a shareable rebuild drops the old one", async () => {
    const port = await XlsxWorkbookPort.open(await usersFile(), "book.xlsx");
    await port.writeSheets([grantSpec(), assumptionsSpec()]);
    expect(await port.liveSheets()).toEqual([]);
    expect(await liveNamesIn(await port.save())).toEqual([]);

    await port.writeSheets([grantSpec(), assumptionsSpec()], { mode: "live" });
    expect(await port.liveSheets()).toEqual(["Grant costing (2)"]);
    await port.writeSheets([grantSpec()], { mode: "shareable" });
    const reopened = await downloadAndOpen(port);
    expect(await reopened.liveSheets()).toEqual([]);
    expect(await liveNamesIn(await reopened.save())).toEqual(["ESTAB_LIVE_ASSUMPTIONS"]);
  });

  it("never lists a user's sheet, even one a live name points at", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Grant costing").getCell("A1").value = "my own notes";
    // A live name with no ownership mark beside it (hand-made, or left from a sheet the
    // user took over): it does not make the sheet ours, nor live.
    wb.definedNames.add("'Grant costing'!$A$1", "ESTAB_LIVE_GRANT");
    const port = await XlsxWorkbookPort.open(await saveWorkbook(wb), "book.xlsx");
    expect(await port.ownedSheets()).toEqual([]);
    expect(await port.liveSheets()).toEqual([]);
    await expect(port.makeShareable("Grant costing")).rejects.toThrow(
      "was not created by the add-in"
    );

    // Our live grant sheet now exists next to it: only ours is listed.
    await port.writeSheets([grantSpec()], { mode: "live" });
    const reopened = await downloadAndOpen(port);
    expect(await reopened.liveSheets()).toEqual(["Grant costing (2)"]);
  });

  it("keeps the marks as they were when a write fails (all or nothing)", async () => {
    const port = await XlsxWorkbookPort.open(await usersFile(), "book.xlsx");
    await port.writeSheets([grantSpec()], { mode: "live" });
    const bad = grantSpec({ notes: [{ address: "not an address", text: "x" }] });
    await expect(port.writeSheets([bad], { mode: "shareable" })).rejects.toThrow();
    expect(await port.liveSheets()).toEqual(["Grant costing (2)"]);
  });
});

describe("the preview's sheets", () => {
  it("lists a sheet once however many regions its values fall in", async () => {
    const wb = new ExcelJS.Workbook();
    const staff = wb.addWorksheet("Staff");
    staff.getCell("A1").value = "Post";
    staff.getCell("A2").value = "Social Worker";
    staff.getCell("XFD1048576").value = "stray";
    wb.addWorksheet("Notes").getCell("B2").value = "read me";
    const port = await XlsxWorkbookPort.open(await saveWorkbook(wb), "book.xlsx");
    const sheets = port.sheets();
    expect(sheets.map((s) => s.name)).toEqual(["Staff", "Notes"]);
    expect(sheets[0].grids.map((g) => [g.origin, g.values])).toEqual([
      [{ row: 0, column: 0 }, [["Post"], ["Social Worker"]]],
      [{ row: 1048575, column: 16383 }, [["stray"]]],
    ]);
  });
});
