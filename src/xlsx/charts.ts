import type JSZip from "jszip";
import { fromA1, parseRangeA1, toA1 } from "../core/grid";
import type { ChartSeriesSpec, ChartSpec, SheetSpec, SpecCell } from "../core/report";
import { NUMBER_FORMATS } from "../core/report";
import {
  REL_TYPE,
  XML_HEAD,
  attachDrawing,
  escapeXml,
  relsXml,
  sheetPartsOf,
} from "./package-parts";

/**
 * Native charts in .xlsx files, which ExcelJS cannot write (exceljs#1412): DrawingML
 * chart parts added to the zip beside what ExcelJS wrote. A sheet with charts gets
 *
 * - `xl/charts/chartN.xml`, one per chart: its series refer to the sheet's own cells
 *   (`'Grant Costing'!$G$15:$I$15`) and carry the spec's values as their cache, so a
 *   reader that does not recalculate still draws the picture;
 * - `xl/drawings/drawingN.xml`, one per sheet: a twoCellAnchor graphicFrame per chart,
 *   and its rels file pointing at the charts;
 * - `<drawing r:id>` in the sheet XML, where ECMA-376 orders it (after the page setup,
 *   header/footer and breaks, before `<legacyDrawing>` and `<tableParts>`), and a
 *   relationship from the sheet to the drawing;
 * - content-type overrides for the new parts.
 *
 * The XML is the essentials of the chart schema (CT_ChartSpace), with its elements in
 * the schema's order: Excel refuses a part whose children are out of order.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/** The cells of a one-row or one-column range, in order. */
function cellsOf(range: string): Array<{ row: number; column: number }> {
  const { start, end } = parseRangeA1(range);
  const out: Array<{ row: number; column: number }> = [];
  for (let r = start.row; r <= end.row; r++)
    for (let c = start.column; c <= end.column; c++) out.push({ row: r, column: c });
  return out;
}

/** `'Sheet name'!$G$15:$I$15`: always quoted, which every reader takes. */
export function absoluteRef(sheetName: string, range: string): string {
  const { start, end } = parseRangeA1(range);
  const abs = (p: { row: number; column: number }) =>
    toA1(p).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheetName.replace(/'/g, "''")}'!${abs(start)}:${abs(end)}`;
}

const cellAt = (sheet: SheetSpec, p: { row: number; column: number }): SpecCell | null =>
  sheet.cells[p.row]?.[p.column] ?? null;

function numberOf(cell: SpecCell | null): number | undefined {
  if (!cell || cell.kind === "text") return undefined;
  return typeof cell.value === "number" ? cell.value : undefined;
}

function textOf(cell: SpecCell | null): string {
  if (!cell) return "";
  return cell.kind === "text" ? cell.text : String(cell.value);
}

function formatCodeOf(sheet: SheetSpec, range: string): string {
  const cell = cellsOf(range)
    .map((p) => cellAt(sheet, p))
    .find((c) => c && c.kind !== "text");
  const name = cell && cell.kind !== "text" ? cell.format : undefined;
  return name && name !== "general" ? NUMBER_FORMATS[name] : "General";
}

const v = (tag: string, value: string | number) => `<c:${tag} val="${value}"/>`;

function richText(text: string): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/>`
  );
}

function categoriesXml(sheetName: string, sheet: SheetSpec, range: string): string {
  const points = cellsOf(range)
    .map((p, i) => `<c:pt idx="${i}"><c:v>${escapeXml(textOf(cellAt(sheet, p)))}</c:v></c:pt>`)
    .join("");
  return (
    `<c:cat><c:strRef><c:f>${escapeXml(absoluteRef(sheetName, range))}</c:f>` +
    `<c:strCache>${v("ptCount", cellsOf(range).length)}${points}</c:strCache></c:strRef></c:cat>`
  );
}

function valuesXml(sheetName: string, sheet: SheetSpec, range: string): string {
  const cells = cellsOf(range);
  // A cell with no number (blank, text) is left out of the cache: a gap, as Excel caches it.
  const points = cells
    .map((p, i) => {
      const n = numberOf(cellAt(sheet, p));
      return n === undefined ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`;
    })
    .join("");
  return (
    `<c:val><c:numRef><c:f>${escapeXml(absoluteRef(sheetName, range))}</c:f><c:numCache>` +
    `<c:formatCode>${escapeXml(formatCodeOf(sheet, range))}</c:formatCode>` +
    `${v("ptCount", cells.length)}${points}</c:numCache></c:numRef></c:val>`
  );
}

interface Plotted {
  series: ChartSeriesSpec;
  index: number;
}

function seriesXml(
  p: Plotted,
  asLine: boolean,
  chart: ChartSpec,
  sheetName: string,
  sheet: SheetSpec
): string {
  const head = `${v("idx", p.index)}${v("order", p.index)}<c:tx><c:v>${escapeXml(p.series.name)}</c:v></c:tx>`;
  const data =
    categoriesXml(sheetName, sheet, chart.categories) +
    valuesXml(sheetName, sheet, p.series.values);
  return asLine
    ? `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>${data}${v("smooth", 0)}</c:ser>`
    : `<c:ser>${head}${v("invertIfNegative", 0)}${data}</c:ser>`;
}

/** Axis ids: 1 and 2 for the primary pair, 3 and 4 for the secondary. */
const AXES = { primary: [1, 2], secondary: [3, 4] } as const;

function barChartXml(
  series: Plotted[],
  chart: ChartSpec,
  sheetName: string,
  sheet: SheetSpec
): string {
  const stacked = chart.type === "columnStacked";
  const dir = chart.type === "bar" ? "bar" : "col";
  return (
    `<c:barChart>${v("barDir", dir)}${v("grouping", stacked ? "stacked" : "clustered")}${v("varyColors", 0)}` +
    series.map((p) => seriesXml(p, false, chart, sheetName, sheet)).join("") +
    `${v("gapWidth", stacked ? 60 : 100)}${stacked ? v("overlap", 100) : ""}` +
    `${v("axId", AXES.primary[0])}${v("axId", AXES.primary[1])}</c:barChart>`
  );
}

function lineChartXml(
  series: Plotted[],
  axes: readonly [number, number],
  chart: ChartSpec,
  sheetName: string,
  sheet: SheetSpec
): string {
  return (
    `<c:lineChart>${v("grouping", "standard")}${v("varyColors", 0)}` +
    series.map((p) => seriesXml(p, true, chart, sheetName, sheet)).join("") +
    `${v("marker", 1)}${v("axId", axes[0])}${v("axId", axes[1])}</c:lineChart>`
  );
}

function axisTitle(text: string | undefined): string {
  return text ? `<c:title>${richText(text)}</c:title>` : "";
}

/** An axis labels whole pounds: "£50,000", not "£50,000.00". */
const axisFormat = (code: string): string => code.replace(/\.00/g, "");

/**
 * A category axis and its value axis. Horizontal bars put categories on the left and
 * values along the bottom; their labels sit at the low end, so names stay clear of bars
 * that go below zero. A secondary pair hides its category axis and crosses at the right.
 */
function axesXml(
  ids: readonly [number, number],
  chart: ChartSpec,
  formatCode: string,
  secondary: boolean
): string {
  const horizontal = chart.type === "bar";
  const titles = chart.axisTitles ?? {};
  // Bars list their categories top down, as the table does (Excel's default is bottom up).
  const cat =
    `<c:catAx>${v("axId", ids[0])}<c:scaling>${v("orientation", horizontal ? "maxMin" : "minMax")}</c:scaling>` +
    `${v("delete", secondary ? 1 : 0)}${v("axPos", horizontal ? "l" : "b")}` +
    `${secondary ? "" : axisTitle(titles.categories)}` +
    `${v("majorTickMark", "out")}${v("minorTickMark", "none")}${v("tickLblPos", "low")}` +
    `${v("crossAx", ids[1])}${v("crosses", "autoZero")}${v("auto", 1)}${v("lblAlgn", "ctr")}` +
    `${v("lblOffset", 100)}${v("noMultiLvlLbl", 0)}</c:catAx>`;
  const val =
    `<c:valAx>${v("axId", ids[1])}<c:scaling>${v("orientation", "minMax")}</c:scaling>` +
    `${v("delete", 0)}${v("axPos", secondary ? "r" : horizontal ? "b" : "l")}` +
    `${secondary ? "" : "<c:majorGridlines/>"}` +
    `${axisTitle(secondary ? titles.secondaryValues : titles.values)}` +
    `<c:numFmt formatCode="${escapeXml(axisFormat(formatCode))}" sourceLinked="0"/>` +
    `${v("majorTickMark", "out")}${v("minorTickMark", "none")}${v("tickLblPos", "nextTo")}` +
    `${v("crossAx", ids[0])}${v("crosses", secondary || horizontal ? "max" : "autoZero")}` +
    `${v("crossBetween", "between")}</c:valAx>`;
  return cat + val;
}

/** The chart part (xl/charts/chartN.xml) for one chart on the sheet named `sheetName`. */
export function chartXml(chart: ChartSpec, sheetName: string, sheet: SheetSpec): string {
  const plotted = chart.series.map((series, index) => ({ series, index }));
  const onSecondary = (p: Plotted) => p.series.secondaryAxis === true;
  const asLine = (p: Plotted) =>
    chart.type === "line" || (chart.type === "columnLine" && p.series.kind === "line");
  const primary = plotted.filter((p) => !onSecondary(p));
  const secondary = plotted.filter(onSecondary);
  const primaryFormat = formatCodeOf(sheet, (primary[0] ?? plotted[0]).series.values);

  let groups = "";
  const bars = primary.filter((p) => !asLine(p));
  const lines = primary.filter(asLine);
  if (bars.length) groups += barChartXml(bars, chart, sheetName, sheet);
  if (lines.length) groups += lineChartXml(lines, AXES.primary, chart, sheetName, sheet);
  // The secondary axis carries lines only (an index, a running balance beside bars).
  if (secondary.length) groups += lineChartXml(secondary, AXES.secondary, chart, sheetName, sheet);
  const axes =
    axesXml(AXES.primary, chart, primaryFormat, false) +
    (secondary.length
      ? axesXml(AXES.secondary, chart, formatCodeOf(sheet, secondary[0].series.values), true)
      : "");

  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${v("roundedCorners", 0)}<c:chart><c:title>${richText(chart.title)}</c:title>` +
    `${v("autoTitleDeleted", 0)}<c:plotArea><c:layout/>${groups}${axes}</c:plotArea>` +
    `<c:legend>${v("legendPos", "b")}<c:overlay val="0"/></c:legend>` +
    `${v("plotVisOnly", 1)}${v("dispBlanksAs", "gap")}</c:chart></c:chartSpace>`
  );
}

function markerXml(tag: "from" | "to", address: string): string {
  const { row, column } = fromA1(address);
  return (
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part of a sheet: one anchored frame per chart, chart i at relationship rId{i+1}. */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const frames = charts.map(
    (chart, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">${markerXml("from", chart.anchor.from)}${markerXml("to", chart.anchor.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${frames.join("")}</xdr:wsDr>`
  );
}

/** The parts one sheet's charts add, numbered from the given free numbers. */
export interface SheetChartParts {
  /** Zip path → XML. */
  files: Map<string, string>;
  /** The drawing, as the sheet's relationship targets it ("../drawings/drawing1.xml"). */
  drawingTarget: string;
  /** Part name → content type, for [Content_Types].xml. */
  overrides: Map<string, string>;
}

export function sheetChartParts(
  sheetName: string,
  sheet: SheetSpec,
  drawingNumber: number,
  firstChartNumber: number
): SheetChartParts {
  const files = new Map<string, string>();
  const overrides = new Map<string, string>();
  const drawing = `drawing${drawingNumber}.xml`;
  const rels = sheet.charts.map((chart, i) => {
    const name = `chart${firstChartNumber + i}.xml`;
    files.set(`xl/charts/${name}`, chartXml(chart, sheetName, sheet));
    overrides.set(`/xl/charts/${name}`, CONTENT_TYPE.chart);
    return { id: `rId${i + 1}`, type: REL_TYPE.chart, target: `../charts/${name}` };
  });
  files.set(`xl/drawings/${drawing}`, drawingXml(sheet.charts));
  files.set(`xl/drawings/_rels/${drawing}.rels`, relsXml(rels));
  overrides.set(`/xl/drawings/${drawing}`, CONTENT_TYPE.drawing);
  return { files, drawingTarget: `../drawings/${drawing}`, overrides };
}

/**
 * Adds the charts of the given sheets (sheet name → the spec it was written from) to a
 * saved workbook's zip; sheets with no charts, or no longer in it, are passed over.
 * Returns the content-type overrides for the new parts.
 */
export async function addChartsToZip(
  zip: JSZip,
  sheets: ReadonlyMap<string, SheetSpec>
): Promise<Map<string, string>> {
  const parts = await sheetPartsOf(zip);
  const overrides = new Map<string, string>();
  // After the highest number in use, so a run of new parts never meets an old one.
  const free = (folder: string, stem: string) =>
    1 +
    Math.max(
      0,
      ...Object.keys(zip.files).map((f) => {
        const m = f.match(new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`));
        return m ? Number(m[1]) : 0;
      })
    );
  for (const [name, spec] of sheets) {
    const part = parts.get(name);
    if (!part || spec.charts.length === 0) continue;
    const drawingNumber = free("xl/drawings", "drawing");
    const added = sheetChartParts(name, spec, drawingNumber, free("xl/charts", "chart"));
    added.files.forEach((xml, path) => zip.file(path, xml));
    added.overrides.forEach((type, partName) => overrides.set(partName, type));
    await attachDrawing(zip, part, `xl/drawings/drawing${drawingNumber}.xml`);
  }
  return overrides;
}

// ------------------------------------------- which sheets of a workbook carry charts

const written = new WeakMap<object, Map<string, SheetSpec>>();

/** Remembers that sheet `name` of `wb` was written from `spec`, for its charts at save time. */
export function rememberCharts(wb: object, name: string, spec: SheetSpec): void {
  let sheets = written.get(wb);
  if (!sheets) written.set(wb, (sheets = new Map()));
  sheets.set(name, spec);
}

/** The sheet was removed (replaced by a new one): its charts go with it. */
export function forgetCharts(wb: object, name: string): void {
  written.get(wb)?.delete(name);
}

/** The sheets writeSheetSpecs wrote into `wb` (with charts or none), by name. */
export function chartsToSave(wb: object): ReadonlyMap<string, SheetSpec> {
  return written.get(wb) ?? new Map();
}
