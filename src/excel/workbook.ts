import type { CellValue } from "../core/grid";
import type { SheetSpec } from "../core/report";
import type { WorkbookGrids } from "../core/workbook/types";
import type { WorkbookPort, WriteOutcome } from "../core/workbook/port";
import { checkCellValue } from "./cells";
import { updateOwnedCells } from "./edit";
import { inspectWorkbook } from "./inspect";
import type { OutputMode } from "./marker";
import { checkLocalAddress, ownedKey } from "./owned";
import { readWorkbook } from "./read";
import {
  MAX_REQUEST_BYTES,
  MERGED_AREAS_EXCEL_API,
  MIN_EXCEL_API,
  NOTES_EXCEL_API,
  officeRequirements,
  SPECIAL_CELLS_EXCEL_API,
} from "./run";
import type { ExcelRun, IsSetSupported } from "./run";
import { makeShareable } from "./shareable";
import type { ShareableOutcome } from "./shareable";
import { writeSheets } from "./write";

export interface ExcelWorkbookOptions {
  /** Default output mode for writeSheets; "shareable" unless the user chose live. */
  mode?: OutputMode;
  /** Largest request sent, or response expected, in one sync, in bytes. Default 4,000,000 (Excel on the web refuses over 5 MB). */
  maxRequestBytes?: number;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Tags this run's temporary sheet names; random unless given (tests). */
  runId?: () => string;
}

export interface WriteSheetsOptions {
  mode?: OutputMode;
}

/** The WorkbookPort over Office.js, plus the live → shareable conversion. */
export interface ExcelWorkbook extends WorkbookPort {
  writeSheets(specs: SheetSpec[], options?: WriteSheetsOptions): Promise<WriteOutcome>;
  /** Replaces a live sheet's ESTAB.* formulas with their values. Owned sheets only. */
  makeShareable(sheet: string): Promise<ShareableOutcome>;
  /** Owned calculated sheets whose marker says mode "live". */
  liveSheets(): Promise<string[]>;
}

export class ExcelTooOldError extends Error {
  constructor() {
    super(
      `This version of Excel is too old for Establishment Costing: it needs ExcelApi ${MIN_EXCEL_API} ` +
        "(Microsoft 365, Excel 2021 or later, or Excel on the web)."
    );
    this.name = "ExcelTooOldError";
  }
}

const randomRunId = (): string => Math.random().toString(36).slice(2, 8);

/**
 * `createExcelWorkbook(Excel.run)` in the add-in; `createExcelWorkbook(fake.run)` in tests.
 */
export function createExcelWorkbook(
  run: ExcelRun,
  options: ExcelWorkbookOptions = {}
): ExcelWorkbook {
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const supported = options.isSetSupported ?? officeRequirements();
  const runId = options.runId ?? randomRunId;
  const requireMarks = (): void => {
    if (!supported("ExcelApi", MIN_EXCEL_API)) throw new ExcelTooOldError();
  };

  return {
    read(): Promise<WorkbookGrids> {
      const specialCells = supported("ExcelApi", SPECIAL_CELLS_EXCEL_API);
      const mergedAreas = supported("ExcelApi", MERGED_AREAS_EXCEL_API);
      return run((context) =>
        readWorkbook(context, maxRequestBytes, { specialCells, mergedAreas })
      );
    },

    async writeSheets(specs, writeOptions = {}) {
      requireMarks();
      return writeSheets(run, specs, {
        mode: writeOptions.mode ?? options.mode ?? "shareable",
        maxRequestBytes,
        notes: supported("ExcelApi", NOTES_EXCEL_API),
        runId: runId(),
      });
    },

    async updateOwnedCells(sheetName, updates: Array<{ address: string; value: CellValue }>) {
      requireMarks();
      updates.forEach((u) => checkCellValue(checkLocalAddress(u.address), u.value));
      await updateOwnedCells(run, sheetName, updates, maxRequestBytes);
    },

    async selectCell(sheetName, address) {
      checkLocalAddress(address);
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await context.sync();
      });
    },

    async ownedSheets() {
      requireMarks();
      // Two syncs (inspectWorkbook); the same rule as updateOwnedCells and makeShareable.
      const info = await run((context) => inspectWorkbook(context));
      return info.sheets.filter((s) => ownedKey(s) !== undefined).map((s) => s.name);
    },

    async liveSheets() {
      requireMarks();
      const info = await run((context) => inspectWorkbook(context));
      // Custom property only: the mode lives there, and the CLI (the only writer of the
      // name mark alone) never writes live sheets.
      return info.sheets
        .filter((s) => s.owned && s.marker?.mode === "live" && s.marker.key !== "assumptions")
        .map((s) => s.name);
    },

    async makeShareable(sheetName) {
      requireMarks();
      return makeShareable(run, sheetName, maxRequestBytes);
    },
  };
}
