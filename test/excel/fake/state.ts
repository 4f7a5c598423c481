/**
 * The model workbook behind the fake: plain data, mutated only while a sync applies a
 * batch, with a journal so a batch that fails applies nothing.
 */
import type { CellValue } from "../../../src/core/grid";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
}

export interface FakeChartSeries {
  name: string;
  /** A1 box of the values. */
  values: string;
  xValues?: string;
  chartType?: string;
  axisGroup?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: string;
  position?: string[];
  series: FakeChartSeries[];
  /** Axis titles by "Category" / "Value" / "Value Secondary". */
  axisTitles: Record<string, string>;
  /** Tick label position of the category axis, when set. */
  categoryLabels?: string;
  legend?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: Visibility;
  cells: Map<number, FakeCell>;
  properties: Map<string, string>;
  freeze?: { rows: number; columns: number };
  notes: Map<string, string>;
  /** range.dataValidation (ExcelApi 1.8): the list rules set, by cell. */
  validations: FakeValidation[];
  charts: FakeChart[];
  /** Points, by column index. */
  columnWidths: Map<number, number>;
  page: FakePage;
  /** Zero-based rows hidden by hand or filtered out (Excel keeps both as hidden rows). */
  hiddenRows?: number[];
  /** Merged areas; the value is in each one's top-left cell. */
  merges?: Box[];
}

/** A list rule as range.dataValidation was given it. */
export interface FakeValidation {
  address: string;
  source: string;
  inCellDropDown: boolean;
  alertStyle?: string;
}

/** What worksheet.pageLayout was given (ExcelApi 1.9). */
export interface FakePage {
  orientation?: string;
  paperSize?: string;
  zoom?: Record<string, unknown>;
  /** Whole rows or columns as given: "$5:$5", "$A:$B". */
  printTitleRows?: string;
  printTitleColumns?: string;
  /** headersFooters.defaultForAllPages. */
  footer?: { left?: string; center?: string; right?: string };
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  box: Box;
}

/** A workbook-level defined name. Excel keeps `formula` up to date as sheets are renamed. */
export interface FakeName {
  name: string;
  formula: string;
}

export interface FakeState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: FakeName[];
  activeSheetId: string;
  selection?: { sheetId: string; address: string };
  nextId: number;
}

export const MAX_COLUMNS = 16384;
export const cellKey = (row: number, column: number): number => row * MAX_COLUMNS + column;

/** An error shaped like OfficeExtension.Error: a code and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export function emptySheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    visibility: "Visible",
    cells: new Map(),
    properties: new Map(),
    notes: new Map(),
    validations: [],
    charts: [],
    columnWidths: new Map(),
    page: {},
  };
}

function copySheetShell(s: FakeSheet): FakeSheet {
  return {
    ...s,
    properties: new Map(s.properties),
    freeze: s.freeze && { ...s.freeze },
    notes: new Map(s.notes),
    validations: s.validations.map((v) => ({ ...v })),
    charts: s.charts.map((c) => ({
      ...c,
      position: c.position && [...c.position],
      series: c.series.map((x) => ({ ...x })),
      axisTitles: { ...c.axisTitles },
    })),
    columnWidths: new Map(s.columnWidths),
    page: { ...s.page },
  };
}

/** A cell that holds nothing and looks like every other untouched cell. */
export function isPlainBlank(cell: FakeCell): boolean {
  return (
    cell.value === "" &&
    cell.formula === undefined &&
    cell.numberFormat === "General" &&
    cell.bold === undefined &&
    cell.italic === undefined &&
    cell.size === undefined &&
    cell.color === undefined &&
    cell.fill === undefined
  );
}

/**
 * Journal for one batch: the structure is copied up front (cheap: no cells), cells are
 * recorded on first touch, so a 100,000-row write is not copied at every sync.
 */
export class Transaction {
  private readonly shell: FakeState;
  private readonly touched = new Map<Map<number, FakeCell>, Map<number, FakeCell | undefined>>();

  constructor(private readonly state: FakeState) {
    this.shell = {
      sheets: state.sheets.map(copySheetShell),
      tables: state.tables.map((t) => ({ ...t, box: { ...t.box } })),
      names: state.names.map((n) => ({ ...n })),
      activeSheetId: state.activeSheetId,
      selection: state.selection && { ...state.selection },
      nextId: state.nextId,
    };
  }

  setCell(sheet: FakeSheet, key: number, cell: FakeCell | undefined): void {
    let journal = this.touched.get(sheet.cells);
    if (journal === undefined) {
      journal = new Map();
      this.touched.set(sheet.cells, journal);
    }
    if (!journal.has(key)) journal.set(key, sheet.cells.get(key));
    // Excel has no "empty cell that exists": blank, General and unstyled is no cell at all.
    if (cell === undefined || isPlainBlank(cell)) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  }

  rollback(): void {
    for (const [cells, journal] of this.touched) {
      for (const [key, old] of journal) {
        if (old === undefined) cells.delete(key);
        else cells.set(key, old);
      }
    }
    Object.assign(this.state, this.shell);
  }
}

/** A deep, plain copy of the workbook, for comparing "before" and "after". */
export function snapshot(state: FakeState): unknown {
  return {
    activeSheetId: state.activeSheetId,
    sheets: state.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [k, { ...c }]),
      properties: [...s.properties.entries()].sort(),
      freeze: s.freeze,
      notes: [...s.notes.entries()].sort(),
      validations: s.validations,
      charts: s.charts,
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      page: s.page,
    })),
    tables: state.tables.map((t) => ({ ...t })),
    names: state.names
      .map((n) => ({ ...n }))
      .sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1)),
  };
}

/** Save to a "file" (JSON text) and open it again: only what a file keeps survives. */
export function saveAndReopen(state: FakeState): FakeState {
  const file = JSON.stringify({
    ...state,
    selection: undefined,
    sheets: state.sheets.map((s) => ({
      ...s,
      cells: [...s.cells.entries()],
      properties: [...s.properties.entries()],
      notes: [...s.notes.entries()],
      columnWidths: [...s.columnWidths.entries()],
    })),
  });
  const parsed = JSON.parse(file) as FakeState & {
    sheets: Array<
      Omit<FakeSheet, "cells" | "properties" | "notes" | "columnWidths"> & {
        cells: [number, FakeCell][];
        properties: [string, string][];
        notes: [string, string][];
        columnWidths: [number, number][];
      }
    >;
  };
  return {
    ...parsed,
    sheets: parsed.sheets.map((s) => ({
      ...s,
      cells: new Map(s.cells),
      properties: new Map(s.properties),
      notes: new Map(s.notes),
      columnWidths: new Map(s.columnWidths),
    })),
  };
}
