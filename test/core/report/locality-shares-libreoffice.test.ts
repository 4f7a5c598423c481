import ExcelJS from "exceljs";
import { LIBREOFFICE, describeWith } from "../../support/requirements";
import type { Localities } from "../../../src/core/model";
import { buildLocalitySharesSheet } from "../../../src/core/report/locality-shares";
import { saveWorkbook, writeSheetSpecs } from "../../../src/xlsx";
import { LibreOffice, formulaChecks } from "../../xlsx/libreoffice";

/**
 * The Locality shares sheet with the establishment's roles (issue 15) written as .xlsx and
 * recalculated by LibreOffice: every native formula, the roles' allocated totals, each
 * locality's cost at the roles' own costs and the check, equals the core's value exactly.
 */
const localities: Localities = {
  sheet: "Localities",
  range: "A1:D5",
  localities: [
    { sourceRow: 1, name: "North", population: 14820, deprivation: 21.4, demand: 310, cells: {} },
    { sourceRow: 2, name: "South", population: 20000, deprivation: 35.2, demand: 288, cells: {} },
    { sourceRow: 3, name: "East", population: 9650, deprivation: 12.8, demand: 402, cells: {} },
    { sourceRow: 4, name: "West", population: 11210, deprivation: 27.9, demand: 199, cells: {} },
  ],
};
const shares = buildLocalitySharesSheet({
  localities,
  assumptions: {
    localityWeights: { population: 0.45, deprivation: 0.3, demand: 0.2, equal: 0.05 },
    allocationUnit: 0.1,
    allocationTotalFte: undefined,
  },
  establishmentFte: 63.87,
  costPerFte: 41234.56,
  establishmentRoles: [
    { name: "Team manager", fte: 4, cost: 4 * 61234.17 },
    { name: "Social worker", fte: 21.6, cost: 21.6 * 48211.93 },
    { name: "Family support worker", fte: 30.27, cost: 30.27 * 31877.41 },
    { name: "Admin", fte: 8, cost: 8 * 25310.05 },
  ],
  generatedAt: "2025-06-01",
  version: "0.1.0",
}).sheet;

describeWith([LIBREOFFICE], "LibreOffice recalculates Locality shares by role", ([soffice]) => {
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    const libreOffice = new LibreOffice(soffice);
    try {
      const wb = new ExcelJS.Workbook();
      writeSheetSpecs(wb, [shares]);
      recalculated = await libreOffice.recalculate(await saveWorkbook(wb));
    } finally {
      libreOffice.dispose();
    }
  }, 180_000);

  it("every native formula equals the core's value exactly", () => {
    const checks = formulaChecks([shares], recalculated);
    // Weight totals 2; per locality weighted population and cost 8; locality totals 12;
    // checks 2; roles' allocated 4, totals 5, cost by role 4 and its total 1; roles' check 1.
    expect(checks.length).toBe(39);
    expect(checks.filter((c) => c.actual !== c.expected)).toEqual([]);
    expect(checks.filter((c) => c.expected === "OK" || c.expected === "Adds up exactly")).toEqual([
      expect.objectContaining({ actual: "Adds up exactly" }),
      expect.objectContaining({ actual: "OK" }),
    ]);
  });
});
