import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { SheetSpec } from "../core/report";
import { freeSheetName, nameKey } from "../core/report/sheet-names";
import type { WriteOutcome, WrittenSheet } from "../core/workbook/port";
import { markOwned } from "./ownership";
import { streamedCharts } from "./stream-charts";
import { streamedTables } from "./stream-tables";
import {
  checkSpecs,
  planSheet,
  setColumnWidths,
  worksheetOptions,
  writeSpecRow,
  type StyleCache,
  type WriteOptions,
} from "./write";

/**
 * Writes SheetSpecs as a new .xlsx through ExcelJS's streaming writer (Node only: the
 * CLI). The same cells, styles, tables, charts, notes, widths, frozen header, page setup
 * and ownership marks as writeSheetSpecs (src/xlsx/write.ts, whose per-cell code this
 * shares), but each row goes to the zip as soon as it is written, so the file is never
 * held in memory as a whole: ExcelJS's in-memory save builds every sheet's model and XML
 * string at once (docs/performance.md, issue 5).
 */
export interface StreamOptions extends WriteOptions {
  creator?: string;
  created?: Date;
}

/** Rows written between two pauses that let the zip and the file take what was written. */
const ROWS_PER_PAUSE = 500;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Streams the specs, as a workbook of their sheets only, into `out`; resolves once the
 * zip is finished and handed to `out` (an fs stream is then flushed). On failure `out`
 * is destroyed and the error rethrown.
 */
export async function streamSheetSpecs(
  out: Writable,
  specs: SheetSpec[],
  options: StreamOptions = {}
): Promise<WriteOutcome> {
  checkSpecs(specs);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Text as shared strings, as the in-memory writer saves it: smaller files, and
    // ExcelJS's alternative (t="str") is the type for a formula's text result.
    useSharedStrings: true,
  });
  if (options.creator !== undefined) wb.creator = options.creator;
  if (options.created !== undefined) wb.created = options.created;
  const tables = streamedTables(wb);
  const charts = streamedCharts(wb);
  const tableNames = new Set<string>();
  const taken = new Set<string>();
  const styles: StyleCache = new Map();
  const sheets: WrittenSheet[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      const name = freeSheetName(spec.name, taken);
      taken.add(nameKey(name));
      const plan = planSheet(spec, tableNames);
      // Views and page setup are written with the sheet's opening tags, here.
      const ws = wb.addWorksheet(name, worksheetOptions(spec));
      tables.add(ws, plan.tables);
      // After the tables, so the drawing is written before their <tableParts>.
      charts.add(ws, name, spec);
      setColumnWidths(ws, spec);
      for (let r = 0; r < plan.rowCount; r++) {
        writeSpecRow(ws, spec, plan, styles, r)?.commit();
        if (r % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) await pause();
      }
      ws.commit();
      if (options.markOwned !== false) markOwned(wb, spec.key, name, options.mode);
      sheets.push({ key: spec.key, requested: spec.name, name });
      options.onSheet?.(i + 1, specs.length, name);
    }
    await wb.commit();
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { sheets };
}
