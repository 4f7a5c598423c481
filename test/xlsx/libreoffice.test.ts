import ExcelJS from "exceljs";
import { LIBREOFFICE, describeWith } from "../support/requirements";
import { formula, num, text, type SheetSpec } from "../../src/core/report";
import { saveWorkbook, writeSheetSpecs } from "../../src/xlsx";
import { LibreOffice, agrees, formulaChecks } from "./libreoffice";
import { assumptionsSpec, grantSpec } from "./sample-specs";

/** Cached 999 for a SUM of 13, and a total off by one penny: both must be caught. */
const deliberatelyWrong: SheetSpec = {
  ...grantSpec(),
  key: "cost",
  name: "Deliberately wrong",
  cells: [
    [text("FTE", "header"), text("Cost", "header")],
    [num(8.5), num(100.1)],
    [num(4.5), num(200.2)],
    [formula("=SUM(A2:A3)", 999), formula("=SUM(B2:B3)", 300.31)],
  ],
  tables: [],
  notes: [],
};

describeWith([LIBREOFFICE], "LibreOffice recalculates the written workbook", ([soffice]) => {
  const specs = [grantSpec(), assumptionsSpec()];
  let recalculated: ExcelJS.Workbook;

  // One conversion for the file (LibreOffice takes seconds to start).
  beforeAll(async () => {
    const libreOffice = new LibreOffice(soffice);
    try {
      const wb = new ExcelJS.Workbook();
      writeSheetSpecs(wb, [...specs, deliberatelyWrong]);
      recalculated = await libreOffice.recalculate(await saveWorkbook(wb));
    } finally {
      libreOffice.dispose();
    }
  }, 180_000);

  it("gives every native formula the value the spec says, to the penny", () => {
    const checks = formulaChecks(specs, recalculated);
    expect(checks.length).toBe(8);
    expect(checks.filter((c) => !agrees(c))).toEqual([]);
  });

  it("keeps text as text through LibreOffice", () => {
    const ws = recalculated.getWorksheet("Grant costing")!;
    expect(ws.getCell("A1").value).toBe('=HYPERLINK("http://example.org","Grant costing")');
    expect(ws.getCell("A5").value).toBe('=HYPERLINK("http://example.org","Family Support Worker")');
    expect(ws.getCell("A6").value).toBe("+Senior Family Support Worker");
    expect(ws.getCell("A8").value).toBe("@Unit Manager");
  });

  it("is not vacuous: a wrong cached value is caught, LibreOffice's own arithmetic differs", () => {
    const checks = formulaChecks([deliberatelyWrong], recalculated);
    expect(checks.map((c) => c.actual)).toEqual([13, 300.3]);
    expect(checks.map(agrees)).toEqual([false, false]);
  });
});
