import { PassThrough } from "node:stream";
import JSZip from "jszip";
import { formula, num, text, type SheetSpec } from "../../src/core/report";
import {
  loadWorkbook,
  newWorkbook,
  readWorkbookGrids,
  saveWorkbook,
  writeSheetSpecs,
} from "../../src/xlsx";
import { streamSheetSpecs } from "../../src/xlsx/stream";
import { LIBREOFFICE, describeWith } from "../support/requirements";
import { LibreOffice, odsCharts } from "./libreoffice";
import { all, kid, one, parseXml, val, type El } from "./xml-tree";
import { assumptionsSpec } from "./sample-specs";

// ------------------------------------------------------------------------ the sheet

const SHEET = "Team's & costs";

function teamSpec(): SheetSpec {
  return {
    key: "changes",
    name: SHEET,
    cells: [
      [text("Change per team", "title")],
      [text("Team", "header"), text("Change (full year)", "header"), text("Need index", "header")],
      [text("Management"), formula("=ROUND(-78504.53,2)", -78504.53, "money"), num(0.5)],
      [text("Social Work"), num(109430.51, "money"), num(0.3)],
      // A change not worked out: a gap in the chart, not a zero.
      [text("Family Support & <Early Help>"), null, num(0.2)],
    ],
    tables: [{ name: "Teams", range: "A2:C5" }],
    columnWidths: [24, 16, 12],
    notes: [{ address: "A1", text: "Made by Establishment Costing" }],
    page: { orientation: "landscape", fitToWidth: true },
    charts: [
      {
        type: "bar",
        title: "Change per team",
        categories: "A3:A5",
        series: [{ name: "Change (full year)", values: "B3:B5" }],
        axisTitles: { values: "£ a year" },
        anchor: { from: "E2", to: "M20" },
      },
      {
        type: "columnLine",
        title: "Change and need",
        categories: "A3:A5",
        series: [
          { name: "Change", values: "B3:B5", kind: "column" },
          { name: "Need index", values: "C3:C5", kind: "line", secondaryAxis: true },
        ],
        axisTitles: { categories: "Team", values: "£", secondaryValues: "Need index" },
        anchor: { from: "E22", to: "M40" },
      },
    ],
  };
}

async function inMemory(specs: SheetSpec[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  writeSheetSpecs(wb, specs);
  return saveWorkbook(wb);
}

async function streamed(specs: SheetSpec[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on("end", resolve));
  await streamSheetSpecs(out, specs);
  await done;
  return Buffer.concat(chunks);
}

async function xmlOf(zip: JSZip, path: string): Promise<El> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is not in the file`);
  return parseXml(await file.async("string"));
}

/** The sheet's part, its rels' targets by id, following workbook.xml. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await xmlOf(zip, "xl/workbook.xml");
  const rels = await xmlOf(zip, "xl/_rels/workbook.xml.rels");
  const id = all(workbook, "sheet").find((s) => s.attrs.name === name)?.attrs["r:id"];
  const target = all(rels, "Relationship").find((r) => r.attrs.Id === id)?.attrs.Target;
  return `xl/${String(target).replace(/^\/?xl\//, "")}`;
}

async function relsOf(zip: JSZip, part: string): Promise<Map<string, El>> {
  const rels = await xmlOf(zip, part.replace(/([^/]+)$/, "_rels/$1.rels"));
  return new Map(all(rels, "Relationship").map((r) => [r.attrs.Id, r]));
}

const WRITERS = [
  ["the in-memory writer (browser preview, --live)", inMemory],
  ["the streaming writer (estab build)", streamed],
] as const;

describe.each(WRITERS)("charts written by %s", (_name, write) => {
  let zip: JSZip;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await write([teamSpec(), assumptionsSpec()]);
    zip = await JSZip.loadAsync(bytes);
  });

  it("declares the chart and drawing parts in [Content_Types].xml", async () => {
    const types = await xmlOf(zip, "[Content_Types].xml");
    const overrides = new Map(
      all(types, "Override").map((o) => [o.attrs.PartName, o.attrs.ContentType])
    );
    expect(overrides.get("/xl/charts/chart1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    );
    expect(overrides.get("/xl/charts/chart2.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    );
    expect(overrides.get("/xl/drawings/drawing1.xml")).toBe(
      "application/vnd.openxmlformats-officedocument.drawing+xml"
    );
    // Only the sheet with charts has a drawing.
    expect(
      Object.keys(zip.files)
        .filter((f) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(f))
        .sort()
    ).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml"]);
  });

  it("puts <drawing> in the sheet where the schema orders it, related to the drawing part", async () => {
    const part = await sheetPart(zip, SHEET);
    const sheet = await xmlOf(zip, part);
    const order = sheet.children.map((c) => c.name);
    const at = (n: string) => order.indexOf(n);
    expect(order.filter((n) => n === "drawing")).toHaveLength(1);
    expect(at("pageSetup")).toBeGreaterThanOrEqual(0);
    expect(at("pageSetup")).toBeLessThan(at("drawing"));
    // The note's <legacyDrawing> and the table's <tableParts> come after it (ExcelJS's
    // in-memory writer puts those two the other way round; not ours to change).
    expect(at("drawing")).toBeLessThan(at("legacyDrawing"));
    expect(at("drawing")).toBeLessThan(at("tableParts"));
    const rel = (await relsOf(zip, part)).get(one(sheet, "drawing").attrs["r:id"]);
    expect(rel?.attrs.Type).toBe(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
    );
    expect(rel?.attrs.Target).toBe("../drawings/drawing1.xml");
  });

  it("anchors each chart between its from and to cells, each frame pointing at its chart", async () => {
    const drawing = await xmlOf(zip, "xl/drawings/drawing1.xml");
    const rels = await relsOf(zip, "xl/drawings/drawing1.xml");
    const anchors = all(drawing, "xdr:twoCellAnchor").map((a) => {
      const at = (tag: string) => {
        const m = one(a, tag);
        return [one(m, "xdr:col").text, one(m, "xdr:row").text].map(Number);
      };
      const id = one(a, "c:chart").attrs["r:id"];
      return { from: at("xdr:from"), to: at("xdr:to"), chart: rels.get(id)?.attrs.Target };
    });
    expect(anchors).toEqual([
      { from: [4, 1], to: [12, 19], chart: "../charts/chart1.xml" },
      { from: [4, 21], to: [12, 39], chart: "../charts/chart2.xml" },
    ]);
  });

  it("draws horizontal bars whose series refer to the sheet's cells, with the values cached", async () => {
    const chart = await xmlOf(zip, "xl/charts/chart1.xml");
    expect(all(kid(one(chart, "c:chart"), "c:title"), "a:t").map((t) => t.text)).toEqual([
      "Change per team",
    ]);
    const bars = one(chart, "c:barChart");
    expect(val(bars, "c:barDir")).toBe("bar");
    expect(val(bars, "c:grouping")).toBe("clustered");
    const ser = one(bars, "c:ser");
    // CT_BarSer's sequence: Excel refuses a series whose children are out of order.
    expect(ser.children.map((c) => c.name)).toEqual([
      "c:idx",
      "c:order",
      "c:tx",
      "c:invertIfNegative",
      "c:cat",
      "c:val",
    ]);
    expect(one(ser, "c:tx").children[0].text).toBe("Change (full year)");
    const cat = one(ser, "c:cat");
    expect(one(cat, "c:f").text).toBe("'Team''s & costs'!$A$3:$A$5");
    expect(all(cat, "c:pt").map((p) => one(p, "c:v").text)).toEqual([
      "Management",
      "Social Work",
      "Family Support & <Early Help>",
    ]);
    const values = one(ser, "c:val");
    expect(one(values, "c:f").text).toBe("'Team''s & costs'!$B$3:$B$5");
    expect(val(values, "c:ptCount")).toBe("3");
    // The blank third cell is a gap: no point, not a zero.
    expect(all(values, "c:pt").map((p) => [p.attrs.idx, one(p, "c:v").text])).toEqual([
      ["0", "-78504.53"],
      ["1", "109430.51"],
    ]);
    expect(one(values, "c:formatCode").text).toBe('"£"#,##0.00;[Red]-"£"#,##0.00');
    // Teams top down as in the table, and their names at the left, clear of bars below zero.
    const catAx = one(chart, "c:catAx");
    expect([
      val(catAx, "c:orientation"),
      val(catAx, "c:axPos"),
      val(catAx, "c:tickLblPos"),
    ]).toEqual(["maxMin", "l", "low"]);
    const valAx = one(chart, "c:valAx");
    expect(val(valAx, "c:axPos")).toBe("b");
    expect(all(one(valAx, "c:title"), "a:t").map((t) => t.text)).toEqual(["£ a year"]);
  });

  it("combines columns with a line on a secondary axis", async () => {
    const chart = await xmlOf(zip, "xl/charts/chart2.xml");
    const plot = one(chart, "c:plotArea");
    expect(plot.children.map((c) => c.name)).toEqual([
      "c:layout",
      "c:barChart",
      "c:lineChart",
      "c:catAx",
      "c:valAx",
      "c:catAx",
      "c:valAx",
    ]);
    const bars = one(plot, "c:barChart");
    expect(val(bars, "c:barDir")).toBe("col");
    expect(all(bars, "c:ser").map((s) => one(s, "c:tx").children[0].text)).toEqual(["Change"]);
    const line = one(plot, "c:lineChart");
    const ser = one(line, "c:ser");
    expect(one(ser, "c:tx").children[0].text).toBe("Need index");
    expect(one(one(ser, "c:val"), "c:f").text).toBe("'Team''s & costs'!$C$3:$C$5");
    expect(all(one(ser, "c:val"), "c:v").map((v) => v.text)).toEqual(["0.5", "0.3", "0.2"]);
    // Each group's axes exist and cross each other; the line's value axis is on the right.
    const ids = (el: El) => all(el, "c:axId").map((a) => a.attrs.val);
    expect(ids(bars)).toEqual(["1", "2"]);
    expect(ids(line)).toEqual(["3", "4"]);
    const valAxes = plot.children.filter((c) => c.name === "c:valAx");
    expect(valAxes.map((a) => [val(a, "c:axId"), val(a, "c:crossAx"), val(a, "c:axPos")])).toEqual([
      ["2", "1", "l"],
      ["4", "3", "r"],
    ]);
    expect(val(valAxes[1], "c:crosses")).toBe("max");
    const catAxes = plot.children.filter((c) => c.name === "c:catAx");
    expect(catAxes.map((a) => val(a, "c:delete"))).toEqual(["0", "1"]);
    expect(all(valAxes[1], "a:t").map((t) => t.text)).toEqual(["Need index"]);
  });

  it("leaves a file ExcelJS and our reader still read, cells intact", async () => {
    const wb = await loadWorkbook(bytes);
    expect(wb.getWorksheet(SHEET)?.getCell("B4").value).toBe(109430.51);
    const grids = readWorkbookGrids(wb);
    expect(grids.grids.find((g) => g.sheet === SHEET)?.values[2][0]).toBe("Management");
  });
});

describe("charts when a workbook is written again", () => {
  it("replaces our sheet's charts rather than adding to them, through a save and a load", async () => {
    const first = await inMemory([teamSpec()]);
    // ExcelJS drops charts when it loads a file; writing the sheet again gives them back once.
    const wb = await loadWorkbook(first);
    writeSheetSpecs(wb, [teamSpec()]);
    const zip = await JSZip.loadAsync(await saveWorkbook(wb));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET]);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/[^/]+$/.test(f))).toHaveLength(2);
    const sheet = await xmlOf(zip, await sheetPart(zip, SHEET));
    expect(all(sheet, "drawing")).toHaveLength(1);
  });

  it("adds nothing to a workbook whose sheets have no charts", async () => {
    const wb = newWorkbook();
    writeSheetSpecs(wb, [{ ...teamSpec(), charts: [] }]);
    const zip = await JSZip.loadAsync(await saveWorkbook(wb));
    expect(Object.keys(zip.files).some((f) => /chart|drawings\/drawing/.test(f))).toBe(false);
  });

  it("refuses a chart whose series and categories differ in length, writing nothing", () => {
    const bad = teamSpec();
    bad.charts[0].series[0].values = "B3:B4";
    const wb = newWorkbook();
    expect(() => writeSheetSpecs(wb, [bad])).toThrow(
      "Cannot write the chart 'Change per team' on Team's & costs: each series must have as many cells as the categories. Nothing was written."
    );
    expect(wb.worksheets).toHaveLength(0);
  });
});

describe("charts ExcelJS would drop when it loads a file", () => {
  const COLORS = "application/vnd.ms-office.chartcolorstyle+xml";

  /** Our file, with a part of the kind Excel adds beside a chart (its colours). */
  async function withColoursPart(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await inMemory([teamSpec(), assumptionsSpec()]));
    zip.file("xl/charts/colors1.xml", '<cs:colorStyle xmlns:cs="urn:test" meth="cycle"/>');
    zip.file(
      "xl/charts/_rels/chart1.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/></Relationships>'
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/colors1.xml" ContentType="${COLORS}"/></Types>`
      )
    );
    return zip.generateAsync({ type: "uint8array" });
  }

  it("keeps the charts of a sheet it does not write, with the parts they lead to", async () => {
    const wb = await loadWorkbook(await withColoursPart());
    // Another sheet written again (estab build --live writes into the user's workbook).
    writeSheetSpecs(wb, [assumptionsSpec()]);
    const zip = await JSZip.loadAsync(await saveWorkbook(wb));
    const sheet = await xmlOf(zip, await sheetPart(zip, SHEET));
    const drawingPart = (await relsOf(zip, await sheetPart(zip, SHEET))).get(
      one(sheet, "drawing").attrs["r:id"]
    )?.attrs.Target;
    expect(drawingPart).toMatch(/^\.\.\/drawings\/drawing\d+\.xml$/);
    const drawingPath = `xl/drawings/${String(drawingPart).split("/").pop()}`;
    const drawing = await xmlOf(zip, drawingPath);
    expect(all(drawing, "xdr:twoCellAnchor")).toHaveLength(2);
    // Each frame's chart is there, with its series over the same cells.
    const rels = await relsOf(zip, drawingPath);
    const charts = all(drawing, "c:chart").map(
      (c) => `xl/charts/${String(rels.get(c.attrs["r:id"])?.attrs.Target).split("/").pop()}`
    );
    const refs = await Promise.all(
      charts.map(async (c) => all(await xmlOf(zip, c), "c:f").map((f) => f.text)[1])
    );
    expect(refs).toEqual(["'Team''s & costs'!$B$3:$B$5", "'Team''s & costs'!$B$3:$B$5"]);
    // The colours part came along, under a name its chart's rels file points at.
    const colours = [...(await relsOf(zip, charts[0])).values()][0].attrs.Target;
    expect(zip.file(`xl/charts/${colours}`)).not.toBeNull();
    const types = await xmlOf(zip, "[Content_Types].xml");
    const typeOf = new Map(
      all(types, "Override").map((o) => [o.attrs.PartName, o.attrs.ContentType])
    );
    expect(typeOf.get(`/xl/charts/${colours}`)).toBe(COLORS);
    for (const c of charts)
      expect(typeOf.get(`/${c}`)).toBe(
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
      );
  });

  it("keeps them through a load and a save with nothing written (estab share)", async () => {
    const zip = await JSZip.loadAsync(
      await saveWorkbook(await loadWorkbook(await inMemory([teamSpec()])))
    );
    expect(
      Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
    ).toHaveLength(2);
    expect(all(await xmlOf(zip, await sheetPart(zip, SHEET)), "drawing")).toHaveLength(1);
  });
});

describeWith([LIBREOFFICE], "LibreOffice reads the charts back", ([soffice]) => {
  const office = new LibreOffice(soffice);
  afterAll(() => office.dispose());

  it.each(WRITERS)(
    "from %s: every chart, with its series over the sheet's cells",
    async (_n, write) => {
      const ods = await office.convert(await write([teamSpec(), assumptionsSpec()]), "ods");
      const q = "'Team''s & costs'";
      expect(await odsCharts(ods)).toEqual([
        {
          title: "Change per team",
          horizontal: true,
          categories: `${q}.A3:${q}.A5`,
          series: [{ kind: "chart:bar", values: `${q}.B3:${q}.B5`, axis: undefined }],
        },
        {
          title: "Change and need",
          horizontal: false,
          categories: `${q}.A3:${q}.A5`,
          series: [
            { kind: "chart:bar", values: `${q}.B3:${q}.B5`, axis: "primary-y" },
            { kind: "chart:line", values: `${q}.C3:${q}.C5`, axis: "secondary-y" },
          ],
        },
      ]);
    },
    120_000
  );

  it("from a file loaded and saved again with nothing written: the charts kept", async () => {
    const again = await saveWorkbook(await loadWorkbook(await inMemory([teamSpec()])));
    const charts = await odsCharts(await office.convert(again, "ods"));
    expect(charts.map((c) => [c.title, c.series.length])).toEqual([
      ["Change per team", 1],
      ["Change and need", 2],
    ]);
  }, 120_000);
});
