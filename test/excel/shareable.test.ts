import { createExcelWorkbook, MARKER_KEY, parseMarker } from "../../src/excel";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";

describe("make shareable", () => {
  it("turns ESTAB formulas into their values, keeps native formulas, in 4 syncs", async () => {
    const excel = new FakeExcel({
      calculate: (f) =>
        f.includes("ESTAB.POSTCOST(Establishment!C5)") ? 25862 : f.includes("ESTAB.") ? "=oops" : 0,
    });
    const book = createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
    const spec = postsSpec(3, { live: true });
    spec.cells[5][1] = { kind: "number", value: 0, live: '=ESTAB.GRADENAME("x")' };
    await book.writeSheets([spec], { mode: "live" });
    excel.resetCounters();

    const outcome = await book.makeShareable("Grant Costing");
    expect(outcome).toEqual({ sheet: "Grant Costing", converted: 4 });
    // 2 to check ownership (the used range's address with the second), 1 to read it (one
    // row block), 1 to write.
    expect(excel.syncs).toBe(4);
    expect(excel.cell("Grant Costing", "G5")).toMatchObject({ value: 25862 });
    expect(excel.cell("Grant Costing", "G5")?.formula).toBeUndefined();
    // A text result stays text, never re-read as a formula.
    expect(excel.cell("Grant Costing", "B6")).toMatchObject({ value: "=oops", numberFormat: "@" });
    expect(excel.cell("Grant Costing", "B6")?.formula).toBeUndefined();
    expect(excel.cell("Grant Costing", "G8")?.formula).toBe("=SUM(G5:G7)");
    expect(parseMarker(excel.sheet("Grant Costing").properties.get(MARKER_KEY))?.mode).toBe(
      "shareable"
    );
  });

  it("refuses a sheet it does not own", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Mine", [["=ESTAB.POSTCOST(A1)"]]);
    await expect(createExcelWorkbook(excel.run).makeShareable("Mine")).rejects.toThrow(
      /will not change Mine/
    );
    expect(excel.cell("Mine", "A1")?.formula).toBe("=ESTAB.POSTCOST(A1)");
  });
});
