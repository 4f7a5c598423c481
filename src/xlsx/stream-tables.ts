// Typings of the ExcelJS internals used here. A reference, not an import: the file only
// declares modules, and builds that compile just what is imported (tsconfig.bench.json)
// must see it too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./exceljs-internals.d.ts" />
import type ExcelJS from "exceljs";
import ContentTypesXform from "exceljs/lib/xlsx/xform/core/content-types-xform";
import ListXform from "exceljs/lib/xlsx/xform/list-xform";
import TablePartXform from "exceljs/lib/xlsx/xform/sheet/table-part-xform";
import TableXform from "exceljs/lib/xlsx/xform/table/table-xform";
import RelType from "exceljs/lib/xlsx/rel-type";
import { TABLE_STYLE, type PlannedTable } from "./write";

/**
 * Excel Tables for ExcelJS's streaming writer (stream.xlsx.WorkbookWriter), which has
 * none of its own. ExcelJS 4.4's in-memory writer puts a table in four places; this
 * module does the same, with ExcelJS's own xforms rendering the XML (names escaped):
 *
 * 1. the part xl/tables/tableN.xml (TableXform), added to the zip when the sheet is
 *    committed;
 * 2. a relationship from the sheet to it (the sheet's SheetRelsWriter);
 * 3. `<tableParts>` in the sheet XML, after `<legacyDrawing>` and before `</worksheet>`
 *    as the schema orders them: written by wrapping the sheet's `_writeLegacyData`, the
 *    last step of WorksheetWriter.commit() before the closing tag;
 * 4. a content-type override for the part: the workbook's `addContentTypes` is replaced
 *    by the same code plus `tables`, which ContentTypesXform already renders.
 *
 * These hooks touch private methods of *instances* made here, never ExcelJS's classes.
 * `streamedTables` checks that each one exists and throws otherwise, and
 * test/xlsx/stream.test.ts reads the tables back, so an ExcelJS upgrade that moves them
 * fails loudly instead of silently dropping the tables.
 */

/** The private parts of WorkbookWriter and WorksheetWriter used here (ExcelJS 4.4). */
interface WorkbookInternals {
  zip: { append(data: string, options: { name: string }): void };
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown[];
  media: unknown[];
  addContentTypes(): Promise<void>;
}

interface WorksheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  stream: { write(text: string): void };
}

/** ExcelJS's table model, as TableXform renders it. */
interface TableModel {
  id: number;
  name: string;
  displayName: string;
  tableRef: string;
  autoFilterRef: string;
  headerRow: boolean;
  totalsRow: boolean;
  style: typeof TABLE_STYLE;
  columns: Array<{ name: string; filterButton: boolean }>;
  target: string;
  rId?: string;
}

function need(ok: boolean, what: string): void {
  if (!ok)
    throw new Error(
      `ExcelJS's streaming writer has changed (${what}): src/xlsx/stream-tables.ts cannot add Excel Tables.`
    );
}

export interface StreamedTables {
  /** Gives `ws` (not yet committed) these tables, written when it is committed. */
  add(ws: ExcelJS.Worksheet, tables: PlannedTable[]): void;
  /** Tables added so far, in the workbook. */
  readonly count: number;
}

/** Installs the table hooks on a new WorkbookWriter; call before its commit(). */
export function streamedTables(wb: ExcelJS.stream.xlsx.WorkbookWriter): StreamedTables {
  const book = wb as unknown as WorkbookInternals;
  need(typeof book.zip?.append === "function", "WorkbookWriter.zip");
  need(typeof book.addContentTypes === "function", "WorkbookWriter.addContentTypes");
  const all: TableModel[] = [];

  // (4) The original, from workbook-writer.js, with the tables added to the model.
  book.addContentTypes = () => {
    const model = {
      worksheets: book._worksheets.filter(Boolean),
      sharedStrings: book.sharedStrings,
      commentRefs: book.commentRefs,
      media: book.media,
      tables: all,
    };
    book.zip.append(new ContentTypesXform().toXml(model), { name: "[Content_Types].xml" });
    return Promise.resolve();
  };

  const tableXform = new TableXform();
  const tableParts = new ListXform({
    tag: "tableParts",
    count: true,
    childXform: new TablePartXform(),
  });

  return {
    get count() {
      return all.length;
    },
    add(ws, planned) {
      if (planned.length === 0) return;
      const sheet = ws as unknown as WorksheetInternals;
      need(typeof sheet._writeLegacyData === "function", "WorksheetWriter._writeLegacyData");
      need(
        typeof sheet._sheetRelsWriter?.addRelationship === "function",
        "WorksheetWriter._sheetRelsWriter"
      );
      const models = planned.map((t): TableModel => {
        const id = all.length + 1;
        const model: TableModel = {
          id,
          name: t.name,
          displayName: t.name,
          tableRef: t.ref,
          autoFilterRef: t.ref,
          headerRow: true,
          totalsRow: false,
          style: TABLE_STYLE,
          columns: t.columns.map((name) => ({ name, filterButton: true })),
          target: `table${id}.xml`,
        };
        all.push(model);
        return model;
      });
      const writeLegacyData = sheet._writeLegacyData.bind(sheet);
      sheet._writeLegacyData = () => {
        writeLegacyData();
        for (const model of models) {
          tableXform.prepare(model, {});
          book.zip.append(tableXform.toXml(model), { name: `xl/tables/${model.target}` });
          // (2) and (3)
          model.rId = sheet._sheetRelsWriter.addRelationship({
            Type: RelType.Table,
            Target: `../tables/${model.target}`,
          });
        }
        sheet.stream.write(tableParts.toXml(models));
      };
    },
  };
}
