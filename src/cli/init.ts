import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { financialYearOf } from "../core/dates";
import type { CellValue } from "../core/grid";
import { defaultAssumptionsGrid, findAssumptionsBlock } from "../core/read";
import { newScenarioColumn } from "../core/read/scenarios";
import { NUMBER_FORMATS } from "../core/report";
import { saveWorkbook } from "../xlsx";
import { addLocalitiesSheet, excelDate } from "./demo-workbook";
import { UsageError, writeAtomically } from "./files";
import type { CliIo } from "./io";

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};

/** The FY that today falls in, as a serial-free calendar calculation. */
function currentFinancialYear(now: Date): number {
  // Whole days from 30/12/1899, the 1900-system epoch, in UTC: the FY boundary is a date.
  const serial = Math.floor((now.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
  return financialYearOf(serial);
}

/**
 * The starter Assumptions sheet's rows with a heading per scenario named, each placed as the
 * task pane's Assumptions tab places one (`newScenarioColumn`): after the Notes column, in
 * the order given. A name that would not be read back as that scenario (blank, a notes
 * heading such as "Notes", Base, a financial year, given twice) is a usage error.
 */
export function starterAssumptions(firstYear: number, names: readonly string[]): CellValue[][] {
  const values = defaultAssumptionsGrid(firstYear);
  const grid = { sheet: "Assumptions", origin: { row: 0, column: 0 }, values };
  // Found as the reader finds it, so each heading lands where it is read back.
  const block = findAssumptionsBlock({ grids: [grid] });
  if (!block) throw new Error("The starter Assumptions sheet has no Setting | Value header.");
  for (const raw of names) {
    const placed = newScenarioColumn(block, raw);
    if ("refused" in placed)
      throw new UsageError(
        placed.refused === "blank"
          ? '--scenario needs a name, e.g. --scenario "Pay award 4%".'
          : placed.refused === "twice"
            ? `The scenario '${raw.trim()}' is given twice.`
            : placed.reason
      );
    values[placed.row][placed.column] = placed.name;
  }
  return values;
}

/**
 * A starter workbook: an establishment table, the assumptions with their defaults (and an
 * empty column per scenario named, to fill with the settings it changes), localities.
 */
export function starterWorkbook(now: Date, scenarios: readonly string[] = []): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Establishment Costing";
  wb.created = now;
  const firstYear = currentFinancialYear(now);

  const est = wb.addWorksheet("Establishment");
  est.addTable({
    name: "Establishment",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      "Post No",
      "Position",
      "Team",
      "Grade",
      "Minimum Salary",
      "Maximum Salary",
      "FTE",
      "No of Staff",
      "Contract Type",
      "Funding",
      "Start Date",
      "End Date",
    ].map((name) => ({ name, filterButton: true })),
    rows: [
      [
        "P001",
        "Team Manager",
        "Family Support",
        "SS14",
        48710,
        52805,
        1,
        1,
        "Permanent",
        "Base budget",
        null,
        null,
      ],
      [
        "P002",
        "Social Worker",
        "Family Support",
        "SS12",
        40476,
        43693,
        3.5,
        4,
        "Permanent",
        "Base budget",
        null,
        null,
      ],
      [
        "P003",
        "Family Support Worker",
        "Family Support",
        "SS08",
        29540,
        32654,
        4.6,
        6,
        "Fixed-term",
        "Family support grant",
        excelDate(1, 9, firstYear),
        excelDate(31, 3, firstYear + 2),
      ],
      [
        "P004",
        "Business Support Officer",
        "Business Support",
        "SS03",
        24027,
        24790,
        1.5,
        2,
        "Permanent",
        "Base budget",
        null,
        null,
      ],
    ],
  });
  for (const c of [5, 6]) est.getColumn(c).numFmt = NUMBER_FORMATS.money;
  est.getColumn(7).numFmt = NUMBER_FORMATS.fte;
  for (const c of [11, 12]) est.getColumn(c).numFmt = NUMBER_FORMATS.date;
  [9, 28, 18, 8, 15, 15, 8, 11, 14, 22, 12, 12].forEach((w, i) => (est.getColumn(i + 1).width = w));
  est.views = [{ state: "frozen", ySplit: 1 }];

  const assumptions = wb.addWorksheet("Assumptions");
  const rows = starterAssumptions(firstYear, scenarios);
  rows.forEach((row, r) => {
    const line = assumptions.getRow(r + 1);
    row.forEach((value, c) => (line.getCell(c + 1).value = value === "" ? null : value));
    if (r === 0) {
      line.font = { bold: true };
      line.eachCell((cell) => (cell.fill = HEADER_FILL));
    }
  });
  [28, 16, 80, ...scenarios.map(() => 18)].forEach(
    (w, i) => (assumptions.getColumn(i + 1).width = w)
  );
  assumptions.views = [{ state: "frozen", ySplit: 1 }];

  addLocalitiesSheet(wb, [
    { name: "North", population: 12000, idaci: 0.18, referrals: 420 },
    { name: "South", population: 15000, idaci: 0.12, referrals: 380 },
    { name: "East", population: 9000, idaci: 0.25, referrals: 350 },
  ]);
  return wb;
}

/** `estab init`: writes the starter workbook; never replaces an existing file. */
export async function runInit(
  file: string,
  io: CliIo,
  options: { scenario?: string[] } = {}
): Promise<number> {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`'${file}' must end in .xlsx.`);
  const scenarios = (options.scenario ?? []).map((name) => name.trim());
  // Built first: a scenario name it cannot take is a usage error, whatever the file.
  const workbook = starterWorkbook(io.now(), scenarios);
  if (existsSync(file))
    throw new UsageError(
      `'${file}' already exists. Choose a new file name; estab init never replaces a file.`
    );
  await writeAtomically(file, await saveWorkbook(workbook));
  const columns = scenarios.length
    ? ` (with ${scenarios.length === 1 ? "a scenario column" : `${scenarios.length} scenario columns`}, ${scenarios.map((s) => `'${s}'`).join(", ")}: fill in only the settings each changes)`
    : "";
  io.stdout.write(
    [
      `Wrote ${file}: an Establishment table, the Assumptions sheet with its defaults${columns} and a Localities table.`,
      "Replace the example rows with your posts, check the assumptions, then run:",
      `  estab build ${file}`,
      "",
    ].join("\n")
  );
  return 0;
}
