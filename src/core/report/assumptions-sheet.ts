import { builtBy, type Provenance } from "./print";
import type { CellValue } from "../grid";
import type { SheetSpec, SpecCell } from "./sheet-spec";
import { SHEET_NAMES } from "./sheet-names";
import { num, text } from "./sheet-spec";
import type { SheetSummary } from "./summary";

export const ASSUMPTIONS_SHEET_NAME = SHEET_NAMES.assumptions;

/** Rows above the Setting | Value | Notes header: a title and how to use the sheet. */
const PREAMBLE = 2;

/**
 * Settings that change a sheet's shape or the formulas themselves (years are columns, the
 * on-cost method picks the columns, the costing point and points per grade pick the pay
 * cells): a live sheet cannot follow them, so the sheet says to build again.
 */
export const REBUILD_SETTINGS: ReadonlySet<string> = new Set([
  "First financial year",
  "Number of years",
  "On-cost method",
  "Costing point",
  "Points per grade",
]);

/**
 * Whether live sheets need a build to take a change of this setting: it changes their
 * layout, or a sheet still holds it as a constant (the restructure's date and management
 * grades …).
 */
export function needsBuild(label: string): boolean {
  return REBUILD_SETTINGS.has(label) || !FOLLOWED.some((re) => re.test(label));
}

/** The settings every live sheet follows from the Assumptions sheet's cells. */
const FOLLOWED: readonly RegExp[] = [
  /^Employer pension rate$/,
  /^Employer NI rate$/,
  /^NI monthly threshold$/,
  /^Apprenticeship levy$/,
  /^Flat on-cost rate$/,
  /^Pay award( minimum)? \d{4}\/\d{2}$/,
  /^Increment rule$/,
  /^Increment service months$/,
  /^Grant (start|end)$/,
  /^Agency weeks per year$/,
  /^Vacancy factor$/,
  /^Grant amount$/,
  /^Grant \d{4}\/\d{2}$/,
  /^FTE to share out$/,
  /^Allocation unit \(FTE\)$/,
  /^Weight: (population|deprivation|demand|equal share)$/,
];

export const REBUILD_NOTE =
  "Live sheets cannot follow a change here (it changes their layout): build again.";

/** Settings in pounds: shown as money. */
const MONEY_SETTING =
  /^(Grant amount|Grant \d{4}\/\d{2}|NI monthly threshold|Pay award minimum \d{4}\/\d{2})$/;

/**
 * A setting's value as a cell: pounds as money; a rate ("19%") as the number a cell
 * formatted as % holds (0.19), as Excel stores a typed "19%", when the 0.0% format shows
 * it exactly and it is at most 100% (the reader takes a number above 1 as a percentage).
 */
function valueCell(label: string, value: CellValue): SpecCell | null {
  if (typeof value === "number" && MONEY_SETTING.test(label)) return num(value, "money", "input");
  const rate = typeof value === "string" ? /^(\d+(?:\.\d)?)%$/.exec(value.trim()) : null;
  if (rate && Number(rate[1]) <= 100)
    return num(Math.round(Number(rate[1]) * 10) / 1000, "percent", "input");
  return cellOf(value, "input");
}

function cellOf(value: CellValue, style?: "input"): SpecCell | null {
  if (typeof value === "number") return num(value, "general", style);
  if (typeof value === "boolean") return text(value ? "Yes" : "No", style);
  return value === "" ? (style ? text("", style) : null) : text(value, style);
}

/**
 * The assumptions sheet: a title, then the Setting | Value | Notes block the reader reads
 * back (src/core/read/assumptions). The add-in creates it with defaults when a workbook has
 * none, and the CLI writes the assumptions it used, so every figure's inputs are in view.
 */
export function buildAssumptionsSheet(
  grid: readonly CellValue[][],
  provenance: Provenance,
  heading = "Assumptions used by Establishment Costing"
): { sheet: SheetSpec; summary: SheetSummary } {
  const cells: (SpecCell | null)[][] = [
    [text(heading, "title")],
    [
      text(
        `Edit the Value column; the Notes say what each setting means. ${builtBy(provenance)}.`,
        "note"
      ),
    ],
  ];
  // Live figures follow the other settings; these need a build, so the sheet says so (in
  // both modes: making a live workbook shareable gives exactly the shareable build).
  const note = (row: readonly CellValue[], v: CellValue): CellValue =>
    REBUILD_SETTINGS.has(String(row[0])) ? `${v} ${REBUILD_NOTE}` : v;
  grid.forEach((row, r) => {
    cells.push(
      row.map((v, c) =>
        r === 0
          ? text(String(v), "header")
          : c === 1
            ? valueCell(String(row[0]), v)
            : cellOf(c === 2 ? note(row, v) : v)
      )
    );
  });
  const last = PREAMBLE + grid.length;
  const sheet: SheetSpec = {
    key: "assumptions",
    name: ASSUMPTIONS_SHEET_NAME,
    cells,
    tables: [{ name: "EstabAssumptions", range: `A${PREAMBLE + 1}:C${last}` }],
    columnWidths: [34, 22, 80],
    freeze: { rows: PREAMBLE + 1, columns: 0 },
    notes: [],
    page: { orientation: "landscape", fitToWidth: true },
    charts: [],
  };
  return {
    sheet,
    summary: {
      key: "assumptions",
      sheetName: ASSUMPTIONS_SHEET_NAME,
      headline: `${grid.length - 1} settings`,
      figures: [],
      warnings: [],
    },
  };
}
