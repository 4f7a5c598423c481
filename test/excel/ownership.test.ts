import { createExcelWorkbook, MARKER_KEY } from "../../src/excel";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";

function book(excel: FakeExcel, runId = "r1"): ReturnType<typeof createExcelWorkbook> {
  return createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    runId: () => runId,
  });
}

describe("ownership", () => {
  it("leaves a user's sheet with the wanted name alone and writes under another name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Grant Costing", [["my own notes"], [42]]);
    excel.addTable("Grant Costing", "GrantCosting", "A1:A2");
    const users = JSON.stringify(excel.snapshot());

    const outcome = await book(excel).writeSheets([postsSpec(2)]);
    expect(outcome.sheets).toEqual([
      { key: "grant", requested: "Grant Costing", name: "Grant Costing (2)" },
    ]);

    const after = excel.snapshot() as { sheets: Array<{ name: string }> };
    const before = JSON.parse(users) as { sheets: Array<{ name: string }> };
    expect(after.sheets.find((s) => s.name === "Grant Costing")).toEqual(
      before.sheets.find((s) => s.name === "Grant Costing")
    );
    expect(excel.values("Grant Costing", "A1:A2")).toEqual([["my own notes"], [42]]);
    // The user's table keeps its name; ours gets another.
    expect(excel.tableNamed("GrantCosting")?.sheetId).toBe(excel.sheet("Grant Costing").id);
    expect(excel.tableNamed("GrantCosting_2")?.sheetId).toBe(excel.sheet("Grant Costing (2)").id);
    expect(await book(excel).ownedSheets()).toEqual(["Grant Costing (2)"]);
  });

  it("replaces its own sheet in place, keeping its position, and nothing else", async () => {
    const excel = new FakeExcel();
    await book(excel, "a").writeSheets([postsSpec(3)]);
    excel.addSheet("After");
    const firstId = excel.sheet("Grant Costing").id;

    const outcome = await book(excel, "b").writeSheets([postsSpec(5)]);
    expect(outcome.sheets[0].name).toBe("Grant Costing");
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Grant Costing", "After"]);
    expect(excel.sheet("Grant Costing").id).not.toBe(firstId);
    expect(excel.values("Grant Costing", "A9")).toEqual([["P00005"]]);
    expect(excel.tableNamed("GrantCosting")?.sheetId).toBe(excel.sheet("Grant Costing").id);
    expect(excel.state.sheets.every((s) => s.visibility === "Visible")).toBe(true);
    expect(excel.state.tables).toHaveLength(1);
  });

  it("still knows its sheets after save and reopen", async () => {
    const excel = new FakeExcel();
    await book(excel).writeSheets([postsSpec(2)]);
    const reopened = excel.saveAndReopen();
    expect(reopened.sheet("Grant Costing").properties.get(MARKER_KEY)).toContain('"key":"grant"');
    expect(await book(reopened).ownedSheets()).toEqual(["Grant Costing"]);
    const outcome = await book(reopened, "c").writeSheets([postsSpec(4)]);
    expect(outcome.sheets[0].name).toBe("Grant Costing");
    expect(reopened.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Grant Costing"]);
  });

  it("treats a renamed or copied output sheet as the user's", async () => {
    const excel = new FakeExcel();
    await book(excel).writeSheets([postsSpec(2)]);
    // A user's rename keeps the custom property (as would Move or Copy…).
    excel.sheet("Grant Costing").name = "My grant copy";
    expect(await book(excel).ownedSheets()).toEqual([]);
    await book(excel, "d").writeSheets([postsSpec(2)]);
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "My grant copy",
      "Grant Costing",
    ]);
  });

  it("updates cells on an owned sheet, text as text", async () => {
    const excel = new FakeExcel();
    const b = book(excel);
    await b.writeSheets([
      postsSpec(2, { key: "assumptions", name: "Assumptions", table: "Assumptions" }),
    ]);
    excel.resetCounters();
    await b.updateOwnedCells("Assumptions", [
      { address: "E5", value: 30000 },
      { address: "B5", value: '=HYPERLINK("http://x")' },
    ]);
    expect(excel.syncs).toBe(3);
    expect(excel.cell("Assumptions", "E5")?.value).toBe(30000);
    expect(excel.cell("Assumptions", "B5")).toMatchObject({
      value: '=HYPERLINK("http://x")',
      numberFormat: "@",
    });
    expect(excel.cell("Assumptions", "B5")?.formula).toBeUndefined();
  });

  it("refuses to update cells on a user's sheet, with a clear error", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Budget", [[1]]);
    const before = excel.snapshot();
    await expect(
      book(excel).updateOwnedCells("Budget", [{ address: "A1", value: 2 }])
    ).rejects.toThrow(
      "Establishment Costing will not change Budget: it is not a sheet the add-in made"
    );
    await expect(
      book(excel).updateOwnedCells("Nowhere", [{ address: "A1", value: 2 }])
    ).rejects.toThrow(/there is no sheet with that name/);
    expect(excel.snapshot()).toEqual(before);
  });

  it("cleans up temporary sheets a crashed run left behind", async () => {
    const excel = new FakeExcel();
    const left = excel.addSheet("EC tmp zz 1");
    left.visibility = "Hidden";
    left.properties.set(
      MARKER_KEY,
      JSON.stringify({ key: "grant", name: "Grant Costing", mode: "shareable", version: 1 })
    );
    const user = excel.addSheet("EC tmp but mine");
    user.visibility = "Hidden";
    await book(excel).writeSheets([postsSpec(1)]);
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "EC tmp but mine",
      "Grant Costing",
    ]);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell, in one sync", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Establishment", [["Post"]]);
    await book(excel).selectCell("Establishment", "C7");
    expect(excel.syncs).toBe(1);
    expect(excel.state.activeSheetId).toBe(excel.sheet("Establishment").id);
    expect(excel.state.selection).toEqual({
      sheetId: excel.sheet("Establishment").id,
      address: "C7",
    });
  });
});
