import { MONTH_NAMES } from "../dates";
import { parseRangeA1 } from "../grid";
import { formatNumber } from "../money";
import { chartAnchorBelow } from "./charts";
import type { SheetSpec, SpecCell } from "./sheet-spec";

/**
 * Makes a built sheet ready to read and print: columns as wide as their longest cell
 * (capped), the frozen header row repeated at the top of every printed page, the frozen
 * columns at the left of every page when the sheet is too wide for one, and a footer
 * with the sheet's name, the page number and the build date. Its charts stay below the
 * last row and about a screen wide on the fitted columns.
 */

/** The widest a column grows to fit its content, in characters; longer text wraps or clips. */
export const MAX_FITTED_WIDTH = 50;

/**
 * Total column width, in characters, that still reads when squeezed to one A4 landscape
 * page wide: about 140 characters fit at 100%, so this keeps the print at 70% or more.
 * A wider sheet is printed this much to a page, in sections side by side.
 */
export const FIT_TO_WIDTH_LIMIT = 200;

/** Who built a sheet and when; and, for a build of one scenario, whose assumptions it used. */
export interface Provenance {
  generatedAt: string;
  version: string;
  /** The scenario built (`estab build --scenario`), as its column is headed. */
  scenario?: string;
}

/**
 * "Establishment Costing 0.1.0 · built 7 December 2026, 23:51 UTC", naming the scenario
 * when one was built: a sheet costed on a scenario's pay award must not pass for the base.
 */
export function builtBy(p: Provenance): string {
  const scenario =
    p.scenario === undefined
      ? ""
      : ` · with the scenario '${p.scenario}' (its settings, the Value column's for the rest)`;
  return `Establishment Costing ${p.version} · built ${readableDate(p.generatedAt)}${scenario}`;
}

/** "4 December 2026, 14:19 UTC" from an ISO timestamp; anything else is given back as it is. */
export function readableDate(iso: string): string {
  const d = new Date(iso);
  if (!/^\d{4}-\d\d-\d\d/.test(iso) || Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  const time = /T\d\d:\d\d/.test(iso)
    ? `, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`
    : "";
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}${time}`;
}

/** About how many characters a cell shows. */
function shownLength(cell: SpecCell): number {
  if (cell.kind === "text") return cell.text.length;
  const v = cell.value;
  if (typeof v === "string") return v.length;
  switch (cell.format) {
    case "money":
      return formatNumber(v, 2).length + 1;
    case "moneyK":
      return formatNumber(v / 1000, 1).length + 2;
    case "percent":
      return formatNumber(v * 100, 1).length + 1;
    case "fte":
      return formatNumber(v, 2).length;
    case "date":
      return 10;
    default:
      return String(v).length;
  }
}

/**
 * Column widths grown to the longest cell of each column inside the sheet's tables (the
 * header with room for its filter button), never narrower than the builder asked, at
 * most MAX_FITTED_WIDTH. Text outside tables (titles, notes) runs across empty cells and
 * does not widen a column.
 */
export function fittedWidths(sheet: SheetSpec): number[] {
  const widths = [...sheet.columnWidths];
  // Headers are bold, about a fifth wider, and a table's has a filter button.
  const widen = (c: number, cell: SpecCell, header: boolean) => {
    const shown = shownLength(cell);
    const want = header ? Math.ceil(shown * 1.2) + 4 : shown + 2;
    widths[c] = Math.max(widths[c] ?? 8.43, Math.min(MAX_FITTED_WIDTH, want));
  };
  for (const t of sheet.tables) {
    const box = parseRangeA1(t.range);
    // The totals row, when there is one, sits just below the table.
    const below = sheet.cells[box.end.row + 1] ?? [];
    const last = below.some((c) => c?.style === "total") ? box.end.row + 1 : box.end.row;
    for (let r = box.start.row; r <= last; r++) {
      for (let c = box.start.column; c <= box.end.column; c++) {
        const cell = sheet.cells[r]?.[c];
        if (!cell) continue;
        widen(c, cell, r === box.start.row);
      }
    }
  }
  // Header rows outside tables (a reconciliation, a totals block) are read across too.
  sheet.cells.forEach((line) =>
    line.forEach((cell, c) => {
      if (cell?.style === "header") widen(c, cell, true);
    })
  );
  return widths;
}

/**
 * The sheet with fitted widths, print titles, one page wide or in sections of about
 * FIT_TO_WIDTH_LIMIT characters each, and the footer.
 */
export function printReady(sheet: SheetSpec, generatedAt: string): SheetSpec {
  const columnWidths = fittedWidths(sheet);
  const total = columnWidths.reduce((s, w) => s + w, 0);
  const freeze = sheet.freeze ?? { rows: 0, columns: 0 };
  const fitToWidth = total <= FIT_TO_WIDTH_LIMIT;
  const fitted = { ...sheet, columnWidths };
  return {
    ...fitted,
    charts: sheet.charts.map((c, k) => ({ ...c, anchor: chartAnchorBelow(fitted, k) })),
    page: {
      ...sheet.page,
      fitToWidth,
      // The frozen table header (the row above the split) repeats on every page.
      ...(freeze.rows > 0 ? { titleRows: { first: freeze.rows - 1, last: freeze.rows - 1 } } : {}),
      ...(fitToWidth ? {} : { pagesWide: Math.ceil(total / FIT_TO_WIDTH_LIMIT) }),
      ...(!fitToWidth && freeze.columns > 0 ? { titleColumns: freeze.columns } : {}),
      footer: { builtOn: readableDate(generatedAt) },
    },
  };
}
