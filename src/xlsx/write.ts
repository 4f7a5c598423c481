import type ExcelJS from "exceljs";
import { CELL_TEXT_MAX, columnLetters, parseRangeA1 } from "../core/grid";
import type { CellStyle, SheetSpec, SpecCell, ValidationSpec } from "../core/report";
import { NUMBER_FORMATS } from "../core/report";
import type { WriteOutcome, WrittenSheet } from "../core/workbook/port";
import {
  cleanSheetName,
  freeSheetName,
  isDefaultSheetName,
  nameKey,
} from "../core/report/sheet-names";
import { chartProblem } from "../core/report/charts";
import { forgetCharts, rememberCharts } from "./charts";
import { markOwned, ownedSheets, unmarkSheet } from "./ownership";
import type { OwnedSheet, SheetMode } from "./ownership";

/**
 * Writes SheetSpecs into an ExcelJS workbook: values, native formulas with their cached
 * results (so previewers that do not calculate still show numbers), text always as text,
 * formats, widths, frozen header, Excel Tables, notes and page setup. No arithmetic here:
 * every number comes from the spec. ExcelJS cannot write charts: the sheets written are
 * remembered with their specs and saveWorkbook adds their charts (src/xlsx/charts.ts).
 */
export interface WriteOptions {
  /** Mark the written sheets as this tool's own (default true). */
  markOwned?: boolean;
  /**
   * The mode the marks record (default shareable): "live" adds `ESTAB_LIVE_<KEY>` next to
   * the ownership mark (src/xlsx/ownership.ts). The cells written are the same either way.
   */
  mode?: SheetMode;
  /** Called after each sheet, for a progress indicator. */
  onSheet?: (done: number, total: number, name: string) => void;
}

const GREY = "FF595959";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9DB" } };

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** The look of each presentation role. */
const STYLES: Record<
  CellStyle,
  { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill; border?: Partial<ExcelJS.Borders> }
> = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { italic: true, color: { argb: GREY } } },
  header: { font: { bold: true }, fill: solid("FFD9E1F2"), border: { bottom: THIN } },
  total: { font: { bold: true }, border: { top: THIN, bottom: { style: "double" } } },
  warning: { font: { bold: true, color: { argb: "FFC00000" } }, fill: solid("FFFCE4D6") },
  note: { font: { italic: true, color: { argb: GREY } } },
  // Excel's own "Input" style colours: the cells a user is meant to change.
  input: { font: { color: { argb: "FF3F3F76" } }, fill: solid("FFFFF2CC") },
};

/**
 * Excel's limits on a sheet name: 31 characters, none of : \ / ? * [ ]. The same
 * cleaning the add-in applies (src/core/report/sheet-names.ts).
 */
export const safeSheetName = cleanSheetName;

/**
 * Whether writing `spec` may replace the owned sheet `mark`: marked for the spec's key
 * and still under a name this tool would give it ("Grant costing", "Grant costing (2)" …).
 * The mark is a defined name, which follows the sheet when the user renames it, so a
 * renamed sheet is the user's — the add-in's rule for a sheet with only the name mark
 * (docs/excel-adapter.md, "Ownership marker").
 */
function replaceable(mark: OwnedSheet, spec: SheetSpec): boolean {
  return mark.key === spec.key && isDefaultSheetName(mark.sheet, spec.name);
}

/** The value ExcelJS stores for a spec cell. Text is a plain string: never a formula. */
function excelValue(cell: SpecCell): ExcelJS.CellValue {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "number":
      return cell.value;
    case "formula":
      return {
        formula: cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula,
        result: cell.value,
      };
  }
}

/**
 * One style object per (format, role), shared by every cell that has it: ExcelJS
 * recognises a style object it has already registered, so saving a sheet of 100,000 cells
 * costs a handful of style look-ups instead of one per cell. Never mutated once made.
 */
export type StyleCache = Map<string, Partial<ExcelJS.Style>>;

/** Excel's number format for text, as the add-in writes it: whatever is in the cell stays text. */
export const TEXT_FORMAT = "@";

function numberFormatOf(cell: SpecCell): string {
  if (cell.kind === "text") return TEXT_FORMAT;
  return cell.format && cell.format !== "general" ? NUMBER_FORMATS[cell.format] : "";
}

function styleFor(cell: SpecCell, cache: StyleCache): Partial<ExcelJS.Style> {
  const format = numberFormatOf(cell);
  const key = `${format}|${cell.style ?? ""}`;
  let style = cache.get(key);
  if (!style) {
    style = {};
    if (format) style.numFmt = format;
    if (cell.style) {
      const look = STYLES[cell.style];
      if (look.font) style.font = look.font;
      if (look.fill) style.fill = look.fill;
      if (look.border) style.border = look.border;
      if (cell.style === "header") style.alignment = { wrapText: true, vertical: "top" };
    }
    cache.set(key, style);
  }
  return style;
}

/** Excel table names: a letter or underscore first, then letters, digits, _ and . only. */
function safeTableName(name: string, used: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  // Names that look like cell references (A1, R1C1) are refused by Excel.
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `_${base}`;
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base}_${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Header texts made unique and non-empty, as Excel requires of a table's header row. */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((text, i) => {
    const base = text.trim() === "" ? `Column${i + 1}` : text;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function headerText(cell: SpecCell | null | undefined): string {
  if (!cell) return "";
  if (cell.kind === "text") return cell.text;
  return String(cell.value);
}

/** The look every table gets (all of ExcelJS's style fields, so both writers agree). */
export const TABLE_STYLE = {
  theme: "TableStyleLight9",
  showFirstColumn: false,
  showLastColumn: false,
  showRowStripes: true,
  showColumnStripes: false,
} as const;

/** An Excel Table as it is written: its Excel name, where it is and its header names. */
export interface PlannedTable {
  /** Made safe and unique in the workbook (safeTableName). */
  name: string;
  /** Top-left cell (the first header cell), e.g. "A4". */
  topLeft: string;
  /** The whole table, header row first, e.g. "A4:D8". */
  ref: string;
  /** Data rows under the header. */
  rows: number;
  /** Header names, unique and non-empty: the header cells are written with these. */
  columns: string[];
}

/** What a sheet needs beyond its cells: tables, and what goes in particular cells. */
export interface SheetPlan {
  tables: PlannedTable[];
  /** Row index → column index → what to write there besides (or instead of) the spec. */
  extras: Map<number, Map<number, CellExtra>>;
  /** Rows to write: the spec's, and any further row holding a note. */
  rowCount: number;
}

/** What goes in a cell besides the spec's value: a table header name, a note, a list of choices. */
interface CellExtra {
  header?: string;
  note?: string;
  /** An in-cell list of choices. */
  choices?: ValidationSpec;
}

function extraAt(plan: SheetPlan, row: number, column: number): CellExtra {
  let line = plan.extras.get(row);
  if (!line) plan.extras.set(row, (line = new Map()));
  let extra = line.get(column);
  if (!extra) line.set(column, (extra = {}));
  return extra;
}

/**
 * The tables (named, with their header names) and notes of a sheet, worked out before a
 * cell is written: the streaming writer cannot go back to a row once it is committed.
 * A header with no rows under it is not a valid Excel Table and is left out.
 */
export function planSheet(spec: SheetSpec, usedTableNames: Set<string>): SheetPlan {
  const plan: SheetPlan = { tables: [], extras: new Map(), rowCount: spec.cells.length };
  for (const table of spec.tables) {
    const { start, end } = parseRangeA1(table.range);
    if (end.row <= start.row) continue;
    const width = end.column - start.column + 1;
    const columns = uniqueHeaders(
      Array.from({ length: width }, (_, j) => headerText(spec.cells[start.row]?.[start.column + j]))
    );
    columns.forEach((name, j) => (extraAt(plan, start.row, start.column + j).header = name));
    plan.tables.push({
      name: safeTableName(table.name, usedTableNames),
      topLeft: `${columnLetters(start.column)}${start.row + 1}`,
      ref: `${columnLetters(start.column)}${start.row + 1}:${columnLetters(end.column)}${end.row + 1}`,
      rows: end.row - start.row,
      columns,
    });
  }
  for (const note of spec.notes) {
    const { start } = parseRangeA1(note.address);
    extraAt(plan, start.row, start.column).note = note.text;
    plan.rowCount = Math.max(plan.rowCount, start.row + 1);
  }
  for (const v of spec.validations ?? []) {
    const { start } = parseRangeA1(v.address);
    extraAt(plan, start.row, start.column).choices = v;
    plan.rowCount = Math.max(plan.rowCount, start.row + 1);
  }
  return plan;
}

/**
 * Writes row `r` (0-based) of the spec: values, shared styles, the tables' header names
 * and notes. Returns the row, or undefined when it has nothing. Both writers go through
 * this, the in-memory one into a Worksheet and the streaming one into a WorksheetWriter
 * (which commits the row next).
 */
export function writeSpecRow(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  plan: SheetPlan,
  styles: StyleCache,
  r: number
): ExcelJS.Row | undefined {
  const line = spec.cells[r] ?? [];
  const extras = plan.extras.get(r);
  if (!extras && !line.some((cell) => cell)) return undefined;
  const row = ws.getRow(r + 1);
  line.forEach((cell, c) => {
    if (!cell) return;
    const target = row.getCell(c + 1);
    const header = extras?.get(c)?.header;
    target.value = header ?? excelValue(cell);
    target.style = styleFor(cell, styles);
  });
  extras?.forEach((extra, c) => {
    const target = row.getCell(c + 1);
    if (extra.header !== undefined && !line[c]) target.value = extra.header;
    if (extra.note !== undefined) target.note = extra.note;
    if (extra.choices !== undefined) target.dataValidation = choicesOf(extra.choices);
  });
  return row;
}

/**
 * An in-cell list of choices. Anything else typed is taken with a warning, not refused:
 * the formulas reading the cell say it is no choice (#N/A), and the note beside says why.
 */
function choicesOf(v: ValidationSpec): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [v.list],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: v.warning.title,
    error: v.warning.message,
  };
}

/**
 * Page setup (A4, orientation, fit to width, print titles), footer and frozen header, as
 * addWorksheet takes them. ExcelJS writes the print titles as the sheet's
 * _xlnm.Print_Titles defined name.
 */
export function worksheetOptions(spec: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> {
  const { titleRows, titleColumns, footer } = spec.page;
  const wide = spec.page.fitToWidth ? 1 : spec.page.pagesWide;
  return {
    pageSetup: {
      orientation: spec.page.orientation,
      paperSize: 9,
      ...(wide ? { fitToPage: true, fitToWidth: wide, fitToHeight: 0 } : {}),
      ...(titleRows ? { printTitlesRow: `${titleRows.first + 1}:${titleRows.last + 1}` } : {}),
      ...(titleColumns ? { printTitlesColumn: `A:${columnLetters(titleColumns - 1)}` } : {}),
    },
    ...(footer ? { headerFooter: { oddFooter: footerCodes(footer.builtOn) } } : {}),
    ...(spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)
      ? {
          views: [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }],
        }
      : {}),
  };
}

/** Excel's footer codes: the sheet's name left, "Page n of m" centre, the build date right. */
function footerCodes(builtOn: string): string {
  // "&" starts a code; a literal one is written twice.
  return `&L&A&CPage &P of &N&RBuilt ${builtOn.replace(/&/g, "&&")}`;
}

/** Column widths, set before any row (the streaming writer writes them with the first). */
export function setColumnWidths(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.columnWidths.forEach((w, i) => {
    // 255 characters is the widest column Excel has.
    if (w > 0) ws.getColumn(i + 1).width = Math.min(w, MAX_COLUMN_WIDTH);
  });
}

/**
 * Defines a planned Excel Table over cells already written. ExcelJS builds a table by
 * writing its rows itself; handing it empty rows (one per table row) gives the table its
 * size while leaving the written cells alone: no second write of every cell, and no trip
 * through ExcelJS's cell.value, which loses a formula's cached result when it is 0. The
 * header cells already hold the names ExcelJS writes there again.
 */
function addTable(ws: ExcelJS.Worksheet, table: PlannedTable): void {
  ws.addTable({
    name: table.name,
    ref: table.topLeft,
    headerRow: true,
    totalsRow: false,
    style: { ...TABLE_STYLE },
    columns: table.columns.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: table.rows }, () => []),
  });
}

function tableNamesIn(wb: ExcelJS.Workbook): Set<string> {
  const used = new Set<string>();
  for (const ws of wb.worksheets)
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const name = (t as unknown as { name?: string }).name;
      if (name) used.add(name.toLowerCase());
    }
  return used;
}

function writeSheet(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  tableNames: Set<string>,
  styles: StyleCache
): void {
  const plan = planSheet(spec, tableNames);
  setColumnWidths(ws, spec);
  for (let r = 0; r < plan.rowCount; r++) writeSpecRow(ws, spec, plan, styles, r);
  for (const table of plan.tables) addTable(ws, table);
}

const MAX_COLUMN_WIDTH = 255;

/**
 * What a spec cell holds that Excel cannot: a number that is not finite (it would be
 * written as `<v>Infinity</v>` or `NaN`, which Excel refuses to open), or text longer
 * than a cell takes. Undefined when the cell is fine.
 */
function cellProblem(cell: SpecCell): string | undefined {
  // A formula's cached result may be text ("Within grant"): held to the same limit.
  const text = cell.kind === "text" ? cell.text : cell.value;
  if (typeof text === "string")
    return text.length > CELL_TEXT_MAX
      ? `its text is ${text.length.toLocaleString("en-GB")} characters, over Excel's ${CELL_TEXT_MAX.toLocaleString("en-GB")}`
      : undefined;
  return Number.isFinite(text) ? undefined : `${text} is not a number Excel can hold`;
}

/**
 * Throws on anything in the specs a workbook cannot hold, before a single cell is
 * written: a bad table or note address, a figure that is not finite, text over Excel's
 * cell limit. The message names the sheet and cell. Both writers call it first.
 */
export function checkSpecs(specs: SheetSpec[]): void {
  for (const spec of specs) {
    for (const t of spec.tables) parseRangeA1(t.range);
    for (const n of spec.notes) parseRangeA1(n.address);
    for (const v of spec.validations ?? []) [v.address, v.list].forEach((a) => parseRangeA1(a));
    spec.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const problem = cell ? cellProblem(cell) : undefined;
        if (problem !== undefined)
          throw new Error(
            `Cannot write ${spec.name}!${columnLetters(c)}${r + 1}: ${problem}. Nothing was written.`
          );
      })
    );
    spec.columnWidths.forEach((w, i) => {
      if (!Number.isFinite(w))
        throw new Error(
          `Cannot write ${spec.name}: the width of column ${columnLetters(i)} is ${w}. Nothing was written.`
        );
    });
    for (const chart of spec.charts) {
      const problem = chartProblem(chart);
      if (problem !== undefined)
        throw new Error(
          `Cannot write the chart '${chart.title}' on ${spec.name}: ${problem}. Nothing was written.`
        );
    }
    for (const n of spec.notes)
      if (n.text.length > CELL_TEXT_MAX)
        throw new Error(
          `Cannot write the note at ${spec.name}!${n.address}: over Excel's ${CELL_TEXT_MAX.toLocaleString("en-GB")} characters. Nothing was written.`
        );
  }
}

/**
 * Writes the specs as sheets of `wb`. A sheet this tool owns for a spec's key, still under
 * a name it would give that spec, is replaced; any other sheet — a user's, or one of ours
 * the user renamed — is left alone and the spec gets the next free name, "Name (2)" …
 * (reported in the outcome), chosen as the add-in chooses it. Specs are validated before
 * the workbook is touched.
 */
export function writeSheetSpecs(
  wb: ExcelJS.Workbook,
  specs: SheetSpec[],
  options: WriteOptions = {}
): WriteOutcome {
  checkSpecs(specs);
  const tableNames = tableNamesIn(wb);
  // Our sheets the specs replace make way first, so their names are free for the output.
  const replaced = ownedSheets(wb)
    .filter((o) => specs.some((spec) => replaceable(o, spec)))
    .map((o) => wb.getWorksheet(o.sheet))
    .filter((ws): ws is ExcelJS.Worksheet => ws !== undefined);
  for (const old of new Set(replaced)) {
    for (const t of old.getTables() as unknown as ExcelJS.Table[])
      tableNames.delete(((t as unknown as { name?: string }).name ?? "").toLowerCase());
    unmarkSheet(wb, old.name);
    forgetCharts(wb, old.name);
    wb.removeWorksheet(old.id);
  }
  const taken = new Set(wb.worksheets.map((ws) => nameKey(ws.name)));
  const sheets: WrittenSheet[] = [];
  const styles: StyleCache = new Map();
  specs.forEach((spec, i) => {
    const name = freeSheetName(spec.name, taken);
    taken.add(nameKey(name));
    const ws = wb.addWorksheet(name, worksheetOptions(spec));
    writeSheet(ws, spec, tableNames, styles);
    rememberCharts(wb, name, spec);
    if (options.markOwned !== false) markOwned(wb, spec.key, name, options.mode);
    sheets.push({ key: spec.key, requested: spec.name, name });
    options.onSheet?.(i + 1, specs.length, name);
  });
  return { sheets };
}
