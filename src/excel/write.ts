import { columnLetters, parseRangeA1, rangeA1 } from "../core/grid";
import type { ChartSpec, SheetSpec } from "../core/report";
import type { WriteOutcome } from "../core/workbook/port";
import { allOrNothing } from "./atomic";
import { Batches, chunkRows } from "./batches";
import type { Step } from "./batches";
import { jsonBytes, layOut, specProblems } from "./cells";
import type { LaidOutSheet } from "./cells";
import { inspectWorkbook } from "./inspect";
import { isOwnedName } from "./inspect";
import type { SheetInfo, WorkbookInfo } from "./inspect";
import { ownedNameFor } from "../xlsx/ownership";
import { MARKER_KEY, markerValue, RETIRED_SHEET_PREFIX, TEMP_SHEET_PREFIX } from "./marker";
import type { OutputMode } from "./marker";
import { freeSheetName, freeTableName, isDefaultSheetName, nameKey } from "./names";
import type { ExcelRun } from "./run";
import { STYLE_LOOKS, styleBlocks } from "./styles";

export interface WriteSettings {
  mode: OutputMode;
  maxRequestBytes: number;
  notes: boolean;
  runId: string;
}

/**
 * Column width in characters (Excel's unit: widths of the digit "0" in the default
 * 11-pt Calibri, 7 pixels) to points, which Office.js takes: pixels = chars × 7 + 5 of
 * padding, and 96 pixels are 72 points. 8.43 characters → 64 px → 48 pt, Excel's default.
 */
export function charactersToPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

/** The chart each ChartSpec type is made as; a combo starts clustered, its lines set per series. */
const CHART_TYPES: Record<ChartSpec["type"], Excel.ChartType> = {
  columnClustered: "ColumnClustered" as Excel.ChartType,
  columnStacked: "ColumnStacked" as Excel.ChartType,
  line: "LineMarkers" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  columnLine: "ColumnClustered" as Excel.ChartType,
};

/**
 * Queues one chart: made from its first series' cells (one row or column, so one
 * series), then given its categories, its other series, their kinds and axis, its axis
 * titles and its place. Series, their values, kinds and the secondary axis are ExcelApi
 * 1.7 and 1.8, inside the manifest's 1.12.
 */
function queueChart(sheet: Excel.Worksheet, chart: ChartSpec): void {
  const [first] = chart.series;
  const { start, end } = parseRangeA1(first.values);
  const made = sheet.charts.add(
    CHART_TYPES[chart.type],
    sheet.getRange(first.values),
    (start.row === end.row ? "Rows" : "Columns") as Excel.ChartSeriesBy
  );
  made.title.text = chart.title;
  made.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.series.forEach((spec, i) => {
    const series = i === 0 ? made.series.getItemAt(0) : made.series.add(spec.name);
    series.name = spec.name;
    if (i > 0) series.setValues(sheet.getRange(spec.values));
    series.setXAxisValues(sheet.getRange(chart.categories));
    if (chart.type === "columnLine" && spec.kind === "line")
      series.chartType = "LineMarkers" as Excel.ChartType;
    if (spec.secondaryAxis) series.axisGroup = "Secondary" as Excel.ChartAxisGroup;
  });
  const titles = chart.axisTitles ?? {};
  if (titles.categories) made.axes.categoryAxis.title.text = titles.categories;
  if (titles.values) made.axes.valueAxis.title.text = titles.values;
  if (titles.secondaryValues)
    made.axes.getItem(
      "Value" as Excel.ChartAxisType,
      "Secondary" as Excel.ChartAxisGroup
    ).title.text = titles.secondaryValues;
  // Diverging bars: team names at the left edge, clear of the bars below zero.
  if (chart.type === "bar")
    made.axes.categoryAxis.tickLabelPosition = "Low" as Excel.ChartAxisTickLabelPosition;
  made.setPosition(chart.anchor.from, chart.anchor.to);
}

/** One spec on its way into the workbook. */
interface Job {
  spec: SheetSpec;
  tempName: string;
  finalName: string;
  /** Owned sheets of the same kind that this one replaces. */
  replaces: SheetInfo[];
  /** Where the new sheet goes: the first replaced sheet's place, else the end. */
  position?: number;
  tables: Array<{ tempName: string; finalName: string; range: string }>;
  layout: LaidOutSheet;
  sheet?: Excel.Worksheet;
  made: Excel.Table[];
}

interface Plan {
  jobs: Job[];
  /** Replaced sheets, renamed out of the way in the swap and deleted at the end. */
  retire: Array<{ sheet: SheetInfo; retiredName: string }>;
  /** Hidden temporary sheets left by a run that never finished. */
  stale: SheetInfo[];
  /** `ESTAB_OWNED_<KEY>` names that exist now and are given to the new sheets in the swap. */
  takenNames: string[];
}

/**
 * Whether a run writing `spec` may replace `sheet`: marked by our custom property under
 * the name it still has, or — with no custom property — the target of the workbook's
 * `ESTAB_OWNED_<KEY>` name for this key while its name is still one we would give it
 * ("Grant Costing", "Grant Costing (2)" …), so a sheet the user renamed is not ours.
 */
export function replaceable(sheet: SheetInfo, spec: SheetSpec): boolean {
  if (sheet.owned) return sheet.marker?.key === spec.key;
  return sheet.nameMark === spec.key && isDefaultSheetName(sheet.name, spec.name);
}

function plan(specs: SheetSpec[], info: WorkbookInfo, settings: WriteSettings): Plan {
  const { sheets } = info;
  const replaced = sheets.filter((s) => specs.some((spec) => replaceable(s, spec)));
  const replacedIds = new Set(replaced.map((s) => s.id));
  const stale = sheets.filter(
    (s) =>
      s.marker !== undefined &&
      !s.owned &&
      (s.name.startsWith(TEMP_SHEET_PREFIX) || s.name.startsWith(RETIRED_SHEET_PREFIX))
  );

  // Every name in the workbook is off limits for temporary names; only the names of
  // sheets being replaced become free for the finished sheets.
  const everyName = new Set(sheets.map((s) => nameKey(s.name)));
  const finalTaken = new Set(
    sheets.filter((s) => !replacedIds.has(s.id)).map((s) => nameKey(s.name))
  );
  const everyTable = new Set(sheets.flatMap((s) => s.tables.map(nameKey)));
  const tablesTaken = new Set(
    sheets.filter((s) => !replacedIds.has(s.id)).flatMap((s) => s.tables.map(nameKey))
  );
  const reserve = (set: Set<string>, name: string): string => {
    set.add(nameKey(name));
    return name;
  };

  const drafts = specs.map((spec, i) => {
    const tempName = reserve(
      everyName,
      freeSheetName(`${TEMP_SHEET_PREFIX}${settings.runId} ${i + 1}`, everyName)
    );
    const finalName = reserve(finalTaken, freeSheetName(spec.name, finalTaken));
    const tables = spec.tables.map((t, j) => ({
      tempName: reserve(
        everyTable,
        freeTableName(`EC_tmp_${settings.runId}_${i + 1}_${j + 1}`, everyTable)
      ),
      finalName: reserve(tablesTaken, freeTableName(t.name, tablesTaken)),
      range: t.range,
    }));
    const replaces = replaced.filter((s) => replaceable(s, spec));
    return { spec, tempName, finalName, tables, replaces };
  });

  // Formulas naming another output sheet point at its temporary sheet; Excel keeps them
  // pointing at it through the rename.
  const renames = new Map<string, string>();
  for (const d of drafts) {
    renames.set(nameKey(d.spec.name), d.tempName);
    if (d.finalName !== d.spec.name) renames.set(nameKey(d.finalName), d.tempName);
  }
  const jobs: Job[] = drafts.map((d) => ({
    ...d,
    layout: layOut(d.spec, settings.mode, renames),
    made: [],
  }));

  // A new sheet takes the place of the sheet it replaces. Each one moved in ahead of
  // its old sheet pushes the later old sheets one place right.
  jobs
    .filter((j) => j.replaces.length > 0)
    .sort((a, b) => firstPosition(a) - firstPosition(b))
    .forEach((job, i) => {
      job.position = firstPosition(job) + i;
    });

  const retire = replaced.map((sheet, i) => ({
    sheet,
    retiredName: reserve(
      everyName,
      freeSheetName(`${RETIRED_SHEET_PREFIX}${settings.runId} ${i + 1}`, everyName)
    ),
  }));
  const existing = new Set(info.ownedNames.map((n) => nameKey(n.name)));
  const takenNames = specs
    .map((spec) => ownedNameFor(spec.key))
    .filter((n) => existing.has(nameKey(n)));
  return { jobs, retire, stale, takenNames };
}

const firstPosition = (job: Job): number => Math.min(...job.replaces.map((s) => s.position));

/** The temporary sheet, hidden and marked, with its layout settings. */
function sheetSteps(context: Excel.RequestContext, job: Job, settings: WriteSettings): Step[] {
  const { spec } = job;
  const marker = markerValue({ key: spec.key, name: job.finalName, mode: settings.mode });
  const steps: Step[] = [
    {
      bytes: jsonBytes([job.tempName, marker]),
      queue: () => {
        const sheet = context.workbook.worksheets.add(job.tempName);
        sheet.visibility = "Hidden";
        sheet.customProperties.add(MARKER_KEY, marker);
        job.sheet = sheet;
      },
    },
  ];
  const sheet = (): Excel.Worksheet => job.sheet as Excel.Worksheet;

  // Neighbouring columns of equal width share one request.
  const widths = spec.columnWidths;
  for (let c = 0; c < widths.length;) {
    let end = c + 1;
    while (end < widths.length && widths[end] === widths[c]) end++;
    const address = `${columnLetters(c)}:${columnLetters(end - 1)}`;
    const points = charactersToPoints(widths[c]);
    steps.push({
      bytes: jsonBytes([address, points]),
      queue: () => {
        sheet().getRange(address).format.columnWidth = points;
      },
    });
    c = end;
  }

  const freeze = spec.freeze;
  if (freeze !== undefined && (freeze.rows > 0 || freeze.columns > 0)) {
    steps.push({
      bytes: jsonBytes(freeze),
      queue: () => {
        const panes = sheet().freezePanes;
        if (freeze.columns === 0) panes.freezeRows(freeze.rows);
        else if (freeze.rows === 0) panes.freezeColumns(freeze.columns);
        else
          panes.freezeAt(
            rangeA1({ row: 0, column: 0 }, { row: freeze.rows - 1, column: freeze.columns - 1 })
          );
      },
    });
  }

  steps.push({
    bytes: jsonBytes(spec.page),
    queue: () => {
      const layout = sheet().pageLayout;
      const { titleRows, titleColumns, footer } = spec.page;
      layout.orientation = spec.page.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      // One page wide, as many tall as it takes ("Fit All Columns on One Page"); a sheet
      // too wide for that is scaled to pagesWide pages across, its title columns repeated.
      const wide = spec.page.fitToWidth ? 1 : spec.page.pagesWide;
      if (wide) layout.zoom = { horizontalFitToPages: wide };
      // Print titles (ExcelApi 1.9) take whole rows or columns.
      if (titleRows) layout.setPrintTitleRows(`$${titleRows.first + 1}:$${titleRows.last + 1}`);
      if (titleColumns) layout.setPrintTitleColumns(`$A:$${columnLetters(titleColumns - 1)}`);
      if (footer) {
        const page = layout.headersFooters.defaultForAllPages;
        page.leftFooter = "&A";
        page.centerFooter = "Page &P of &N";
        // "&" starts a code; a literal one is written twice.
        page.rightFooter = `Built ${footer.builtOn.replace(/&/g, "&&")}`;
      }
    },
  });
  return steps;
}

/** Tables, styles, notes and charts: after the cells they sit on are written. */
function finishingSteps(job: Job, settings: WriteSettings): Step[] {
  const sheet = (): Excel.Worksheet => job.sheet as Excel.Worksheet;
  const steps: Step[] = job.tables.map((t) => ({
    bytes: jsonBytes(t),
    queue: () => {
      const table = sheet().tables.add(t.range, true);
      table.name = t.tempName;
      job.made.push(table);
    },
  }));

  // After the tables, so our header and total looks win over the table style.
  for (const block of styleBlocks(job.spec.cells)) {
    const look = STYLE_LOOKS[block.style];
    const address = rangeA1(
      { row: block.row, column: block.column },
      { row: block.row + block.rows - 1, column: block.column + block.columns - 1 }
    );
    steps.push({
      bytes: jsonBytes([address, look]),
      queue: () => {
        const format = sheet().getRange(address).format;
        if (look.bold !== undefined) format.font.bold = look.bold;
        if (look.italic !== undefined) format.font.italic = look.italic;
        if (look.size !== undefined) format.font.size = look.size;
        if (look.color !== undefined) format.font.color = look.color;
        if (look.fill !== undefined) format.fill.color = look.fill;
      },
    });
  }

  if (settings.notes) {
    for (const note of job.spec.notes) {
      steps.push({
        bytes: jsonBytes(note),
        queue: () => {
          sheet().notes.add(note.address, note.text);
        },
      });
    }
  }

  // An in-cell list (ExcelApi 1.8, under the adapter's minimum): anything else typed is
  // taken with a warning, so the formulas reading the cell can say #N/A.
  for (const v of job.spec.validations ?? []) {
    steps.push({
      bytes: jsonBytes(v),
      queue: () => {
        const validation = sheet().getRange(v.address).dataValidation;
        validation.rule = { list: { inCellDropDown: true, source: `=${v.list}` } };
        validation.errorAlert = {
          showAlert: true,
          style: "Warning" as Excel.DataValidationAlertStyle,
          title: v.warning.title,
          message: v.warning.message,
        };
      },
    });
  }

  for (const chart of job.spec.charts) {
    steps.push({
      bytes: jsonBytes(chart),
      queue: () => queueChart(sheet(), chart),
    });
  }
  return steps;
}

/** The cells, in row chunks sized to the request budget. */
function cellSteps(batches: Batches, job: Job): void {
  const { rows, width } = job.layout;
  const nullFormulaRow = jsonBytes(new Array<null>(width).fill(null)) + 1;
  chunkRows(
    batches,
    rows.length,
    (r) => {
      const row = rows[r];
      const bytes = jsonBytes(row.values) + jsonBytes(row.formats) + 2;
      return row.formulas === undefined
        ? { bytes }
        : { bytes, formulaBytes: jsonBytes(row.formulas) + 1 };
    },
    nullFormulaRow,
    (start, end, bytes) => ({
      bytes,
      queue: () => {
        const slice = rows.slice(start, end);
        const range = (job.sheet as Excel.Worksheet).getRange(
          rangeA1({ row: start, column: 0 }, { row: end - 1, column: width - 1 })
        );
        // Formats first: a text cell must be text-formatted ("@") before its text
        // arrives, or Excel would read "=…", "+…", "-…", "@…" as a formula.
        range.numberFormat = slice.map((r) => r.formats);
        range.values = slice.map((r) => r.values);
        if (slice.some((r) => r.formulas !== undefined)) {
          const nulls = new Array<null>(width).fill(null);
          range.formulas = slice.map((r) => r.formulas ?? nulls);
        }
      },
    })
  );
}

/**
 * Makes the new sheets the real ones: shown, named, in place, and each the target of its
 * key's `ESTAB_OWNED_<KEY>` name (the mark the CLI reads; an existing one is deleted and
 * added again, since names are unique). No sheet is deleted yet.
 */
function swapStep(context: Excel.RequestContext, p: Plan): Step {
  return {
    bytes:
      jsonBytes(p.jobs.map((j) => [j.finalName, j.position, ownedNameFor(j.spec.key)])) +
      jsonBytes(p.retire) +
      jsonBytes(p.takenNames),
    queue: () => {
      const sheets = context.workbook.worksheets;
      // Show the new sheets first: Excel refuses to hide its last visible sheet.
      for (const job of p.jobs) (job.sheet as Excel.Worksheet).visibility = "Visible";
      for (const r of p.retire) sheets.getItem(r.sheet.id).name = r.retiredName;
      for (const job of p.jobs) (job.sheet as Excel.Worksheet).name = job.finalName;
      for (const job of p.jobs) {
        if (job.position !== undefined) (job.sheet as Excel.Worksheet).position = job.position;
      }
      if (p.jobs.length > 0) (p.jobs[0].sheet as Excel.Worksheet).activate();
      for (const r of p.retire) sheets.getItem(r.sheet.id).visibility = "Hidden";
      const names = context.workbook.names;
      for (const name of p.takenNames) names.getItem(name).delete();
      for (const job of p.jobs) {
        names.add(ownedNameFor(job.spec.key), (job.sheet as Excel.Worksheet).getRange("$A$1"));
      }
    },
  };
}

/** Deletes the replaced sheets, then gives the new tables their names (now free). */
function finalStep(context: Excel.RequestContext, p: Plan): Step {
  return {
    bytes: jsonBytes(p.jobs.map((j) => j.tables)),
    queue: () => {
      const sheets = context.workbook.worksheets;
      for (const r of p.retire) sheets.getItem(r.sheet.id).delete();
      for (const s of p.stale) sheets.getItem(s.id).delete();
      for (const job of p.jobs)
        job.made.forEach((table, i) => (table.name = job.tables[i].finalName));
    },
  };
}

/**
 * Syncs for a write: 2 to look (sheets; marks and tables), then the cell writes — one
 * sync per `maxRequestBytes` of payload, at least one — then 1 to swap the new sheets in
 * and 1 to delete the sheets they replace. Small and medium writes: 5 syncs. All or
 * nothing (`allOrNothing`): what the first two saw is what a failure puts back.
 */
export async function writeSheets(
  run: ExcelRun,
  specs: SheetSpec[],
  settings: WriteSettings
): Promise<WriteOutcome> {
  const problems = specs.flatMap((s) => specProblems(s, settings.mode));
  const keys = specs.map((s) => s.key);
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length > 0) problems.push(`more than one sheet of kind '${repeated[0]}'`);
  if (problems.length > 0) {
    throw new Error(
      `Nothing was written: the calculated sheets are malformed (${problems.slice(0, 3).join("; ")})`
    );
  }
  if (specs.length === 0) return { sheets: [] };

  const touched = specs.map((spec) => ownedNameFor(spec.key));
  return allOrNothing(run, {
    before: (context) => inspectWorkbook(context),
    async write(context, before) {
      const p = plan(specs, before, settings);
      const batches = new Batches(settings.maxRequestBytes);
      for (const job of p.jobs) {
        sheetSteps(context, job, settings).forEach((s) => batches.add(s));
        cellSteps(batches, job);
        finishingSteps(job, settings).forEach((s) => batches.add(s));
      }
      for (const batch of batches.filled) {
        batch.forEach((step) => step.queue());
        // One sync per request-budget's worth of bytes, not per row: see docs/excel-adapter.md.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      swapStep(context, p).queue();
      await context.sync();
      finalStep(context, p).queue();
      await context.sync();

      return {
        sheets: p.jobs.map((j) => ({ key: j.spec.key, requested: j.spec.name, name: j.finalName })),
      };
    },
    restore: (context, before) => restore(context, before, touched),
    leftover: () =>
      `hidden sheets named '${TEMP_SHEET_PREFIX}…' may be left; they are safe to delete.`,
  });
}

/**
 * Puts the workbook back as `before` found it: deletes every sheet it did not have,
 * gives the original sheets back their names and visibility, re-activates the sheet the
 * user was on, and puts the `ESTAB_OWNED_` names of the keys the run wrote (`touched`)
 * back as they were (deleting any the run added). Works from ids, so it is right
 * whichever step failed — and in real Excel, where a failed batch may have run partly.
 * Two syncs.
 */
export async function restore(
  context: Excel.RequestContext,
  before: WorkbookInfo,
  touched: readonly string[] = []
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const original = new Map(before.sheets.map((s) => [s.id, s]));
  const now = worksheets.items;
  for (const sheet of now) {
    const was = original.get(sheet.id);
    if (was !== undefined && was.visibility === "Visible" && sheet.visibility !== "Visible") {
      sheet.visibility = "Visible";
    }
  }
  for (const sheet of now) if (!original.has(sheet.id)) sheet.delete();
  for (const sheet of now) {
    const was = original.get(sheet.id);
    if (was !== undefined && was.name !== sheet.name) sheet.name = was.name;
  }
  for (const sheet of now) {
    const was = original.get(sheet.id);
    if (was !== undefined && was.visibility !== "Visible" && sheet.visibility !== was.visibility) {
      sheet.visibility = was.visibility;
    }
  }
  worksheets.getItem(before.activeId).activate();

  // After the sheets have their names back, so the old formulas refer to the right ones.
  // Names the run did not write are left alone: they followed the renames back.
  const touchedKeys = new Set(touched.map(nameKey));
  const had = new Set(before.ownedNames.map((n) => nameKey(n.name)));
  for (const item of names.items) {
    const k = nameKey(item.name);
    if (isOwnedName(item.name) && (touchedKeys.has(k) || !had.has(k))) item.delete();
  }
  for (const n of before.ownedNames) {
    if (touchedKeys.has(nameKey(n.name))) names.add(n.name, n.formula);
  }
  await context.sync();
}
