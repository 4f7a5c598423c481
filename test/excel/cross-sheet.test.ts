/**
 * A live sheet may refer to another sheet written in the same run (the Locality shares'
 * average cost per FTE reads the Establishment Cost sheet). The reference must reach that
 * sheet under the name it finally gets, never a user's sheet that had the name first.
 */
import { createExcelWorkbook } from "../../src/excel";
import { retargetSheetRefs } from "../../src/excel/names";
import type { SheetSpec } from "../../src/core/report";
import { nameKey } from "../../src/core/report/sheet-names";
import { FakeExcel } from "./fake/excel";

function spec(key: SheetSpec["key"], name: string, cells: SheetSpec["cells"]): SheetSpec {
  return {
    key,
    name,
    cells,
    tables: [],
    columnWidths: [20, 12],
    notes: [],
    page: { orientation: "portrait", fitToWidth: true },
    charts: [],
  };
}

const cost = spec("cost", "Establishment Cost", [
  [
    { kind: "text", text: "Net cost" },
    { kind: "number", value: 3133720.39 },
  ],
  [
    { kind: "text", text: "FTE" },
    { kind: "number", value: 70.1 },
  ],
]);
const shares = spec("shares", "Locality shares", [
  [
    { kind: "text", text: "Average cost per FTE" },
    {
      kind: "number",
      value: 3133720.39 / 70.1,
      live: "='Establishment Cost'!B1/'Establishment Cost'!B2",
    },
  ],
]);

describe("references between sheets written in one run", () => {
  it("point at the other output sheet under its final name when a user's sheet has the name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Establishment Cost", [["the user's own sheet"]]);
    const book = createExcelWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
    const outcome = await book.writeSheets([cost, shares], { mode: "live" });
    expect(outcome.sheets.map((s) => s.name)).toEqual([
      "Establishment Cost (2)",
      "Locality shares",
    ]);
    expect(excel.cell("Locality shares", "B1")?.formula).toBe(
      "='Establishment Cost (2)'!B1/'Establishment Cost (2)'!B2"
    );
    expect(excel.cell("Establishment Cost", "A1")?.value).toBe("the user's own sheet");
  });

  it("are rewritten outside string literals only", () => {
    const renames = new Map([[nameKey("Establishment Cost"), "EC tmp ab 1"]]);
    expect(
      retargetSheetRefs(
        `=IF('Establishment Cost'!B2=0,"'Establishment Cost'!B2",Establishment!E33+'Establishment Cost'!B1)`,
        renames
      )
    ).toBe(`=IF('EC tmp ab 1'!B2=0,"'Establishment Cost'!B2",Establishment!E33+'EC tmp ab 1'!B1)`);
  });
});
