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

/**
 * The live Scenarios sheet's switch and Assumptions in use block are native formulas too:
 * written beside the Assumptions sheet they read, built for one scenario and then switched
 * to another in the file, LibreOffice gives every formula the value of a build of that one.
 * LibreOffice, like Excel, reads * ? ~ in a lookup's text as wildcards: a scenario named
 * "Pay*" after "Pay award 4%" must still be found as itself.
 */
const PAY_STARRED = settings.map((row, r) =>
  r === 0 ? row.map((v) => (v === "Grant cut 10%" ? "Pay*" : v)) : row
);

describe.each([
  { title: "to another scenario", values: settings, from: "Pay award 4%", to: "Grant cut 10%" },
  {
    title: "to one whose name is a wildcard",
    values: PAY_STARRED,
    from: "Pay award 4%",
    to: "Pay*",
  },
])("switched in the file $title", ({ values, from, to }) => {
  describeWith(
    [LIBREOFFICE],
    "LibreOffice follows the live Scenarios sheet's switch",
    ([soffice]) => {
      const liveFor = (scenario: string) =>
        buildWorkbook(book(values), { ...request, mode: "live", scenario }).sheets.find(
          (s) => s.key === "scenarios"
        )!;
      const built = liveFor(from);
      const wanted = liveFor(to);
      let recalculated: ExcelJS.Workbook;

      beforeAll(async () => {
        const libreOffice = new LibreOffice(soffice);
        try {
          const wb = new ExcelJS.Workbook();
          const own = wb.addWorksheet("Assumptions");
          values.forEach((row) => own.addRow(row.map((v) => (v === "" ? null : v))));
          writeSheetSpecs(wb, [built]);
          const cell = built.validations![0].address;
          wb.getWorksheet(built.name)!.getCell(cell).value = to;
          recalculated = await libreOffice.recalculate(await saveWorkbook(wb));
        } finally {
          libreOffice.dispose();
        }
      }, 180_000);

      it("every formula, the In use cells included, gives the switched-to scenario's value", () => {
        const checks = formulaChecks([wanted], recalculated);
        const inUse = checks.filter((c) => c.formula.includes("CHOOSE("));
        expect(inUse).toHaveLength(11);
        // Blank in the base and the scenario: blank (""), not 0.
        const actual = (c: { actual: unknown }) => (c.actual === undefined ? "" : c.actual);
        expect(checks.filter((c) => !agrees({ ...c, actual: actual(c) }))).toEqual([]);
        expect(inUse.map((c) => c.expected)).toContain(360000);
      });
    }
  );
});
