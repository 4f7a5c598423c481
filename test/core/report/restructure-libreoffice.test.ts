import ExcelJS from "exceljs";
import { LIBREOFFICE, describeWith } from "../../support/requirements";
import type { Localities } from "../../../src/core/model";
import { buildLocalitySharesSheet } from "../../../src/core/report/locality-shares";
import { buildRestructureSheet } from "../../../src/core/report/restructure";
import { saveWorkbook, writeSheetSpecs } from "../../../src/xlsx";
import { LibreOffice, formulaChecks } from "../../xlsx/libreoffice";
import { assumptions, post, simpleCostOf } from "../changes/fixtures";

/** Both sheets of this module written as .xlsx and recalculated by LibreOffice: every native formula must equal the core's value exactly. */
const restructure = buildRestructureSheet({
  establishment: {
    sheet: "Staff",
    range: "A1:J8",
    headerRow: 0,
    columns: {},
    totals: [],
    posts: [
      post({ title: "Team Manager", team: "East", grade: "SS11", salary: 40123.45 }),
      post({ title: "Senior Practitioner", team: "East", salary: 36000.1, proposedFte: 0 }),
      post({ title: "Family Worker", team: "East", salary: 24000.33, fte: 2.37, proposedFte: 3.1 }),
      post({ title: "Admin", team: "West", salary: 20000, fte: 0.81, proposedFte: 0.53 }),
      post({
        title: "Practice Lead",
        team: "West",
        grade: "SS10",
        salary: 36000,
        proposedGrade: "SS11",
        proposedSalary: 40000,
      }),
      post({
        title: "Social Worker",
        team: "West",
        salary: 38000,
        contractType: "agency",
        proposedContractType: "permanent",
        agencyHourlyRate: 35.17,
        hoursPerWeek: 37,
      }),
      post({ title: "+Youth Worker", salary: 22000, fte: 0, proposedFte: 1 }),
    ],
  },
  assumptions,
  costOf: simpleCostOf,
  generatedAt: "2025-06-01",
  version: "0.1.0",
}).sheet;

const localities: Localities = {
  sheet: "Localities",
  range: "A1:D4",
  localities: [
    { sourceRow: 1, name: "A", population: 10000, deprivation: 0.2, demand: 300, cells: {} },
    { sourceRow: 2, name: "B", population: 20000, deprivation: 0.1, demand: 300, cells: {} },
    { sourceRow: 3, name: "C", population: 10000, deprivation: 0.3, demand: 400, cells: {} },
  ],
};
const shares = buildLocalitySharesSheet({
  localities,
  assumptions: {
    localityWeights: { population: 0.45, deprivation: 0.3, demand: 0.2, equal: 0.1 },
    allocationUnit: 0.1,
    allocationTotalFte: 20,
  },
  costPerFte: 45123.37,
  roles: [
    { name: "Social worker", fte: 12.3 },
    { name: "Family support", fte: 5.2 },
    { name: "Admin", fte: 2.5 },
  ],
  generatedAt: "2025-06-01",
  version: "0.1.0",
}).sheet;

describeWith(
  [LIBREOFFICE],
  "LibreOffice recalculates the Restructure and Locality shares sheets",
  ([soffice]) => {
    let recalculated: ExcelJS.Workbook;

    beforeAll(async () => {
      const libreOffice = new LibreOffice(soffice);
      try {
        const wb = new ExcelJS.Workbook();
        writeSheetSpecs(wb, [restructure, shares]);
        recalculated = await libreOffice.recalculate(await saveWorkbook(wb));
      } finally {
        libreOffice.dispose();
      }
    }, 180_000);

    it("every native formula equals the core's value exactly", () => {
      const checks = formulaChecks([restructure, shares], recalculated);
      expect(checks.length).toBeGreaterThan(40);
      // formulaChecks reads zero results back too (ExcelJS alone drops a cached 0).
      expect(checks.filter((c) => c.actual !== c.expected)).toEqual([]);
      const check = checks.find(
        (c) => c.sheet === "Locality shares" && c.expected === "Adds up exactly"
      );
      expect(check?.actual).toBe("Adds up exactly");
    });
  }
);
