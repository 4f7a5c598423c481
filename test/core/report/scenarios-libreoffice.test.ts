import ExcelJS from "exceljs";
import { LIBREOFFICE, describeWith } from "../../support/requirements";
import { buildWorkbook } from "../../../src/core/workbook/build";
import { saveWorkbook, writeSheetSpecs } from "../../../src/xlsx";
import { LibreOffice, agrees, formulaChecks } from "../../xlsx/libreoffice";
import { book, request, settings } from "./scenario-fixture";

/** The Scenarios sheet written as .xlsx and recalculated by LibreOffice: every native formula gives the core's value. */
const sheet = buildWorkbook(book(settings), request).sheets.find((s) => s.key === "scenarios")!;

describeWith([LIBREOFFICE], "LibreOffice recalculates the Scenarios sheet", ([soffice]) => {
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    const libreOffice = new LibreOffice(soffice);
    try {
      const wb = new ExcelJS.Workbook();
      writeSheetSpecs(wb, [sheet]);
      recalculated = await libreOffice.recalculate(await saveWorkbook(wb));
    } finally {
      libreOffice.dispose();
    }
  }, 180_000);

  it("every native formula equals the core's value (money to the penny)", () => {
    const checks = formulaChecks([sheet], recalculated);
    expect(checks.length).toBeGreaterThan(150);
    expect(checks.filter((c) => !agrees(c))).toEqual([]);
    // Money exactly, not only within a penny.
    const money = checks.filter((c) => !/\//.test(c.formula));
    expect(money.filter((c) => c.actual !== c.expected)).toEqual([]);
  });
});
