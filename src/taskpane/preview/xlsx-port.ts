import type ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../core/grid";
import type { SheetSpec } from "../../core/report";
import type { ShareableResult, WorkbookPort, WriteOutcome } from "../../core/workbook/port";
import type { WorkbookGrids } from "../../core/workbook/types";
import {
  loadWorkbook,
  ownedSheets,
  readWorkbookGrids,
  saveWorkbook,
  writeSheetSpecs,
} from "../../xlsx";
import { liveOwnedSheets, type SheetMode } from "../../xlsx/ownership";
import { makeSheetShareable } from "../../xlsx/shareable";

/** A sheet as the preview's Sheets view shows it. */
export interface PreviewSheet {
  name: string;
  /** Created by the add-in (so it may be replaced or edited by it). */
  owned: boolean;
  /** Its regions of values, top to bottom (a stray value far out is a region of its own). */
  grids: Grid[];
}

export type PreviewEvent = { type: "changed" } | { type: "select"; sheet: string; address: string };

/**
 * The browser preview's workbook: an .xlsx held in memory through the same ExcelJS adapter
 * the estab CLI uses, so reading, writing and ownership follow the CLI's rules exactly
 * (owned sheets carry the ESTAB_OWNED_* defined names, live ones ESTAB_LIVE_* too, and
 * both survive a download: src/xlsx/ownership.ts).
 */
export class XlsxWorkbookPort implements WorkbookPort {
  private listeners = new Set<(e: PreviewEvent) => void>();

  private constructor(
    private wb: ExcelJS.Workbook,
    /** For the page: "childrens-services.xlsx". */
    readonly fileName: string
  ) {}

  static async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<XlsxWorkbookPort> {
    return new XlsxWorkbookPort(await loadWorkbook(data, `'${fileName}'`), fileName);
  }

  subscribe(listener: (e: PreviewEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: PreviewEvent) {
    for (const l of this.listeners) l(e);
  }

  async read(): Promise<WorkbookGrids> {
    return readWorkbookGrids(this.wb);
  }

  /**
   * All or nothing: the workbook is saved to bytes first and restored from them if any
   * sheet fails to write, as the Excel adapter removes what a failed run created.
   */
  async writeSheets(specs: SheetSpec[], options?: { mode?: SheetMode }): Promise<WriteOutcome> {
    const before = await saveWorkbook(this.wb);
    try {
      // The writer writes the figures whatever the mode (ESTAB functions need Excel), but
      // the sheet is marked as asked (ESTAB_LIVE_<KEY> for live), in the workbook and so in
      // the downloaded file, so "make shareable" behaves as it does in Excel.
      const outcome = writeSheetSpecs(this.wb, specs, { mode: options?.mode ?? "shareable" });
      this.emit({ type: "changed" });
      return outcome;
    } catch (e) {
      this.wb = await loadWorkbook(before);
      const reason = e instanceof Error ? e.message.replace(/\.$/, "") : String(e);
      throw new Error(`${reason}. The workbook is as it was.`, { cause: e });
    }
  }

  /** The worksheet, if the add-in owns it; otherwise the refusal every write gives. */
  private async ownedWorksheet(sheet: string): Promise<ExcelJS.Worksheet> {
    if (!(await this.ownedSheets()).includes(sheet))
      throw new Error(`“${sheet}” was not created by the add-in, so the add-in does not change it`);
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`There is no sheet called “${sheet}”`);
    return ws;
  }

  async updateOwnedCells(
    sheet: string,
    updates: Array<{ address: string; value: CellValue }>
  ): Promise<void> {
    const ws = await this.ownedWorksheet(sheet);
    for (const { address, value } of updates)
      ws.getCell(address).value = value === "" ? null : value;
    this.emit({ type: "changed" });
  }

  /**
   * As the Excel adapter does: every ESTAB.* formula becomes its cached result, native
   * formulas stay, and the sheet is marked shareable (its ESTAB_LIVE_* name goes). The
   * preview's writer never writes ESTAB formulas, but a workbook opened from a file may
   * hold them.
   */
  async makeShareable(sheet: string): Promise<ShareableResult> {
    await this.ownedWorksheet(sheet);
    const converted = makeSheetShareable(this.wb, sheet);
    this.emit({ type: "changed" });
    return { converted };
  }

  async liveSheets(): Promise<string[]> {
    // From the marks in the workbook: a file downloaded after a live build and opened
    // again still lists its live sheets.
    return liveOwnedSheets(this.wb)
      .filter((o) => o.key !== "assumptions")
      .map((o) => o.sheet);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.emit({ type: "select", sheet, address });
  }

  async ownedSheets(): Promise<string[]> {
    return ownedSheets(this.wb).map((o) => o.sheet);
  }

  /** Every sheet's used range (not the Excel Tables inside them), in tab order. */
  sheets(): PreviewSheet[] {
    const owned = new Set(ownedSheets(this.wb).map((o) => o.sheet));
    // One tab per sheet, however many regions its values fall in.
    const sheets = new Map<string, PreviewSheet>();
    for (const grid of readWorkbookGrids(this.wb).grids) {
      if (grid.table !== undefined) continue;
      const sheet = sheets.get(grid.sheet);
      if (sheet) sheet.grids.push(grid);
      else
        sheets.set(grid.sheet, { name: grid.sheet, owned: owned.has(grid.sheet), grids: [grid] });
    }
    return [...sheets.values()];
  }

  /** The workbook as .xlsx bytes, to open in Excel. */
  save(): Promise<Uint8Array> {
    return saveWorkbook(this.wb);
  }
}
