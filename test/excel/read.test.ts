import { createExcelWorkbook } from "../../src/excel";
import { FakeExcel } from "./fake/excel";

describe("read", () => {
  it("gives each sheet's used range and each table as Grids, with origins", async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      "Supporting Families",
      [
        ["SUPPORTING FAMILIES STAFF", "", ""],
        ["Position Name", "Grade", "FTE"],
        ["Family Support Worker", "SS08", 47.93],
        ["Unit Manager", "SS11", 7],
      ],
      "B3"
    );
    excel.addTable("Supporting Families", "Posts", "B4:D6");
    excel.addSheet("Dates", [[43344]], "C2");
    excel.addSheet("EC tmp ab 1", [["half-written"]]);

    const { grids } = await createExcelWorkbook(excel.run).read();
    // Names; addresses; values (the table's cut from its sheet's).
    expect(excel.syncs).toBe(3);
    expect(grids).toEqual([
      {
        sheet: "Supporting Families",
        origin: { row: 2, column: 1 },
        values: [
          ["SUPPORTING FAMILIES STAFF", "", ""],
          ["Position Name", "Grade", "FTE"],
          ["Family Support Worker", "SS08", 47.93],
          ["Unit Manager", "SS11", 7],
        ],
      },
      { sheet: "Dates", origin: { row: 1, column: 2 }, values: [[43344]] },
      {
        sheet: "Supporting Families",
        table: "Posts",
        origin: { row: 3, column: 1 },
        values: [
          ["Position Name", "Grade", "FTE"],
          ["Family Support Worker", "SS08", 47.93],
          ["Unit Manager", "SS11", 7],
        ],
      },
    ]);
  });
});
