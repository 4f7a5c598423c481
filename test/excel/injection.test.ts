import { createExcelWorkbook } from "../../src/excel";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";

const HOSTILE = [
  '=HYPERLINK("http://evil.example","Click")',
  "+44 20 7946 0000",
  "-1",
  "@SUM(A1:A9)",
  "00123",
  "01/09/2018",
  "TRUE",
];

describe("formula injection", () => {
  it("writes every text cell as text, whatever it starts with", async () => {
    const excel = new FakeExcel();
    const spec = postsSpec(HOSTILE.length, { titles: HOSTILE });
    spec.cells[0][0] = { kind: "text", text: "=cmd|' /C calc'!A0", style: "title" };
    await createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported }).writeSheets([
      spec,
    ]);

    HOSTILE.forEach((title, i) => {
      const cell = excel.cell("Grant Costing", `B${5 + i}`);
      expect(cell).toMatchObject({ value: title, numberFormat: "@" });
      expect(cell?.formula).toBeUndefined();
    });
    expect(excel.cell("Grant Costing", "A1")).toMatchObject({ value: "=cmd|' /C calc'!A0" });
    expect(excel.cell("Grant Costing", "A1")?.formula).toBeUndefined();
    // No cell holds a formula the spec did not ask for.
    const formulas = [...excel.sheet("Grant Costing").cells.values()].flatMap((c) =>
      c.formula ? [c.formula] : []
    );
    expect(formulas.every((f) => /^=(E\d+\+F\d+|SUM\([A-G]5:[A-G]\d+\))$/.test(f))).toBe(true);
  });

  it("is what the fake would do without the defence (the test can fail)", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A4").values = HOSTILE.slice(
        0,
        4
      ).map((t) => [t]);
      await context.sync();
    });
    expect(excel.cell("Sheet1", "A1")?.formula).toBe(HOSTILE[0]);
    expect(excel.cell("Sheet1", "A3")?.value).toBe(-1);
  });
});
