import type ExcelJS from "exceljs";
import type { SheetSpec } from "../core/report";
import { sheetChartParts } from "./charts";
import { REL_TYPE, withOverrides } from "./package-parts";

/**
 * Charts for ExcelJS's streaming writer, which has none: the same parts the in-memory
 * path adds after its save (src/xlsx/charts.ts), put into the zip as it is streamed.
 *
 * - each sheet's chart and drawing parts are appended to the zip when the sheet is
 *   committed, and its `<drawing r:id>` is written just before `_writeLegacyData`
 *   (ExcelJS's `<legacyDrawing>`, then the tables' `<tableParts>` from stream-tables.ts),
 *   which is where the schema orders it;
 * - the content-type overrides are put into `[Content_Types].xml` as it is appended.
 *
 * Like stream-tables.ts, these hooks touch private members of the instances made here
 * only, check that each exists, and test/xlsx/charts.test.ts reads the charts back.
 */
interface WorkbookInternals {
  zip: { append(data: unknown, options: { name: string }): unknown };
}

interface WorksheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  stream: { write(text: string): void };
}

function need(ok: boolean, what: string): void {
  if (!ok)
    throw new Error(
      `ExcelJS's streaming writer has changed (${what}): src/xlsx/stream-charts.ts cannot add charts.`
    );
}

export interface StreamedCharts {
  /** Gives `ws` (not yet committed) the charts of `spec`, written when it is committed. */
  add(ws: ExcelJS.Worksheet, name: string, spec: SheetSpec): void;
}

/** Installs the chart hooks on a new WorkbookWriter; call before its commit(). */
export function streamedCharts(wb: ExcelJS.stream.xlsx.WorkbookWriter): StreamedCharts {
  const book = wb as unknown as WorkbookInternals;
  need(typeof book.zip?.append === "function", "WorkbookWriter.zip");
  const overrides = new Map<string, string>();
  let drawings = 0;
  let charts = 0;

  const append = book.zip.append.bind(book.zip);
  book.zip.append = (data, options) =>
    append(
      options.name === "[Content_Types].xml" && typeof data === "string" && overrides.size > 0
        ? withOverrides(data, overrides)
        : data,
      options
    );

  return {
    add(ws, name, spec) {
      if (spec.charts.length === 0) return;
      const sheet = ws as unknown as WorksheetInternals;
      need(typeof sheet._writeLegacyData === "function", "WorksheetWriter._writeLegacyData");
      need(
        typeof sheet._sheetRelsWriter?.addRelationship === "function",
        "WorksheetWriter._sheetRelsWriter"
      );
      const parts = sheetChartParts(name, spec, ++drawings, charts + 1);
      charts += spec.charts.length;
      const writeLegacyData = sheet._writeLegacyData.bind(sheet);
      sheet._writeLegacyData = () => {
        parts.files.forEach((xml, path) => append(xml, { name: path }));
        parts.overrides.forEach((type, part) => overrides.set(part, type));
        const rId = sheet._sheetRelsWriter.addRelationship({
          Type: REL_TYPE.drawing,
          Target: parts.drawingTarget,
        });
        sheet.stream.write(`<drawing r:id="${rId}"/>`);
        writeLegacyData();
      };
    },
  };
}
