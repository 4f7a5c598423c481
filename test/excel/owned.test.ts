/**
 * One rule for "owned" outside a write (src/excel/owned.ts `ownedKey`): the custom
 * property where present; otherwise the CLI's `ESTAB_OWNED_<KEY>` name on the sheet while
 * the sheet's name is still a default one for that key. ownedSheets, updateOwnedCells and
 * makeShareable all go by it; liveSheets goes by the custom property only.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildWorkbook } from "../../src/core/workbook/build";
import { createExcelWorkbook, MARKER_KEY, NotOwnedError, parseMarker } from "../../src/excel";
import { ownedKey } from "../../src/excel/owned";
import { SHEET_NAMES } from "../../src/core/report/sheet-names";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";
import { FakeExcel } from "./fake/excel";
import type { FakeExcelOptions } from "./fake/excel";
import { postsSpec } from "./specs";

function book(excel: FakeExcel, runId = "r1"): ReturnType<typeof createExcelWorkbook> {
  return createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    runId: () => runId,
  });
}

const ASSUMPTIONS_ROWS = [
  ["Assumptions used by Establishment Costing"],
  ["Change a value in column B, then rebuild."],
  ["Setting", "Value", "Notes"],
  ["Pay award", 0.02, ""],
];

/** What `estab` leaves: an Assumptions sheet and its defined name; no custom property. */
function cliWorkbook(sheet = "Assumptions", options: FakeExcelOptions = {}): FakeExcel {
  const excel = new FakeExcel(options);
  excel.addSheet("Establishment", [["Post", "FTE"]]);
  excel.addSheet(sheet, ASSUMPTIONS_ROWS);
  excel.addName("ESTAB_OWNED_ASSUMPTIONS", `='${sheet.replace(/'/g, "''")}'!$A$1`);
  excel.resetCounters();
  return excel;
}

async function rename(excel: FakeExcel, from: string, to: string): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(from).name = to;
    await context.sync();
  });
  excel.resetCounters();
}

/** Everything ownership-gated refuses `sheet` and leaves the workbook exactly as it was. */
async function expectRefused(excel: FakeExcel, sheet: string): Promise<void> {
  const before = excel.snapshot();
  const b = book(excel);
  expect(await b.ownedSheets()).not.toContain(sheet);
  await expect(b.updateOwnedCells(sheet, [{ address: "B4", value: 0.05 }])).rejects.toThrow(
    NotOwnedError
  );
  await expect(b.makeShareable(sheet)).rejects.toThrow(
    `will not change ${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`}: it is not a sheet the add-in made`
  );
  expect(excel.snapshot()).toEqual(before);
}

describe("a sheet the CLI wrote (ESTAB_OWNED_<KEY> name only, default name)", () => {
  it("is listed by ownedSheets, in 2 syncs", async () => {
    const excel = cliWorkbook();
    expect(await book(excel).ownedSheets()).toEqual(["Assumptions"]);
    expect(excel.syncs).toBe(2);
  });

  it("is editable by updateOwnedCells, in 3 syncs, text as text, and gets no custom property", async () => {
    const excel = cliWorkbook();
    await book(excel).updateOwnedCells("Assumptions", [
      { address: "B4", value: 0.05 },
      { address: "C4", value: "=from the pane" },
    ]);
    expect(excel.syncs).toBe(3);
    expect(excel.cell("Assumptions", "B4")?.value).toBe(0.05);
    expect(excel.cell("Assumptions", "C4")).toMatchObject({
      value: "=from the pane",
      numberFormat: "@",
    });
    expect(excel.cell("Assumptions", "C4")?.formula).toBeUndefined();
    // Decided: editing a value leaves the marks as they were (owned.ts, workbook.ts).
    expect(excel.sheet("Assumptions").properties.has(MARKER_KEY)).toBe(false);
    expect(excel.state.names).toEqual([
      { name: "ESTAB_OWNED_ASSUMPTIONS", formula: "='Assumptions'!$A$1" },
    ]);
    expect(await book(excel).ownedSheets()).toEqual(["Assumptions"]);
  });

  it("is accepted by makeShareable: nothing to convert, 4 syncs, and fully marked after", async () => {
    const excel = cliWorkbook();
    const outcome = await book(excel).makeShareable("Assumptions");
    expect(outcome).toEqual({ sheet: "Assumptions", converted: 0 });
    // Ownership 2 (the used range's address with the second), its cells in row blocks 1,
    // the write 1.
    expect(excel.syncs).toBe(4);
    expect(excel.values("Assumptions", "A1:B4")).toEqual(
      ASSUMPTIONS_ROWS.map((r) => [r[0], r[1] ?? ""])
    );
    expect(parseMarker(excel.sheet("Assumptions").properties.get(MARKER_KEY))).toEqual({
      key: "assumptions",
      name: "Assumptions",
      mode: "shareable",
      version: 1,
    });
    // With the custom property now authoritative, a rename makes it the user's as usual.
    await rename(excel, "Assumptions", "Assumptions (3)");
    await expectRefused(excel, "Assumptions (3)");
  });

  it("converts ESTAB formulas on an add-in sheet that lost its custom property", async () => {
    // Round-tripped through a tool that drops custom properties: only the name is left.
    const excel = new FakeExcel({ calculate: (f) => (f.includes("ESTAB.") ? 1234 : 0) });
    excel.addSheet("Grant Costing", [["Total"], ["=ESTAB.POSTCOST(Establishment!C5)"]]);
    excel.addName("ESTAB_OWNED_GRANT", "='Grant Costing'!$A$1");
    excel.resetCounters();
    const b = book(excel);
    expect(await b.liveSheets()).toEqual([]); // the mode is in the custom property only
    expect(await b.makeShareable("Grant Costing")).toEqual({
      sheet: "Grant Costing",
      converted: 1,
    });
    expect(excel.cell("Grant Costing", "A2")).toMatchObject({ value: 1234 });
    expect(excel.cell("Grant Costing", "A2")?.formula).toBeUndefined();
    expect(parseMarker(excel.sheet("Grant Costing").properties.get(MARKER_KEY))?.key).toBe("grant");
  });

  it("is owned under a numbered default name, beside a user's sheet of the plain name", async () => {
    const excel = cliWorkbook("Assumptions (2)");
    excel.addSheet("Assumptions", [["my own"]]);
    excel.resetCounters();
    expect(await book(excel).ownedSheets()).toEqual(["Assumptions (2)"]);
    await book(excel).updateOwnedCells("Assumptions (2)", [{ address: "B4", value: 0.03 }]);
    expect(excel.cell("Assumptions (2)", "B4")?.value).toBe(0.03);
    await expectRefused(excel, "Assumptions");
  });

  it("is not listed by liveSheets (the CLI never writes live sheets)", async () => {
    const excel = cliWorkbook();
    expect(await book(excel).liveSheets()).toEqual([]);
  });
});

describe("not owned, whatever the names say", () => {
  it("a CLI sheet the user renamed: the name followed it, ownership did not", async () => {
    const excel = cliWorkbook();
    await rename(excel, "Assumptions", "My assumptions");
    expect(excel.nameNamed("ESTAB_OWNED_ASSUMPTIONS")?.formula).toBe("='My assumptions'!$A$1");
    await expectRefused(excel, "My assumptions");
    expect(await book(excel).ownedSheets()).toEqual([]);
  });

  it("a user's sheet with no mark, even under the default name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Assumptions", ASSUMPTIONS_ROWS);
    await expectRefused(excel, "Assumptions");
    // …and with the key's name pointing at another sheet.
    excel.addSheet("Old", [["x"]]);
    excel.addName("ESTAB_OWNED_ASSUMPTIONS", "=Old!$A$1");
    await expectRefused(excel, "Assumptions");
  });

  it("a sheet whose custom property names another sheet (a copy, or renamed)", async () => {
    const excel = new FakeExcel();
    await book(excel).writeSheets([
      postsSpec(2, { key: "assumptions", name: "Assumptions", table: "Assumptions" }),
    ]);
    // As Move or Copy… would leave it: the copy keeps the custom property, under a
    // default-looking name, and here even the workbook name points at the copy.
    const copy = excel.addSheet("Assumptions (2)", [["copy"]]);
    copy.properties.set(MARKER_KEY, excel.sheet("Assumptions").properties.get(MARKER_KEY)!);
    excel.state.names = [{ name: "ESTAB_OWNED_ASSUMPTIONS", formula: "='Assumptions (2)'!$A$1" }];
    excel.resetCounters();
    await expectRefused(excel, "Assumptions (2)");
    expect(await book(excel).ownedSheets()).toEqual(["Assumptions"]);
  });

  it("a sheet whose custom property is not one we can read (authoritative still)", async () => {
    const excel = cliWorkbook();
    excel.sheet("Assumptions").properties.set(MARKER_KEY, '{"key":"assumptions","version":99}');
    await expectRefused(excel, "Assumptions");
  });

  it("a name for another key, a #REF! name, an unknown key, or a name not at A1", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Assumptions", ASSUMPTIONS_ROWS);
    // Grant's mark on a sheet named as assumptions: not a default name for grant.
    excel.addName("ESTAB_OWNED_GRANT", "=Assumptions!$A$1");
    excel.addName("ESTAB_OWNED_ASSUMPTIONS", "=#REF!");
    excel.addName("ESTAB_OWNED_OTHER", "=Assumptions!$A$1");
    await expectRefused(excel, "Assumptions");
    excel.state.names = [{ name: "ESTAB_OWNED_ASSUMPTIONS", formula: "=Assumptions!$B$2" }];
    await expectRefused(excel, "Assumptions");
    await expect(
      book(excel).updateOwnedCells("Nowhere", [{ address: "A1", value: 1 }])
    ).rejects.toThrow(/there is no sheet with that name/);
  });
});

describe("ownedKey, the rule", () => {
  const marker = {
    key: "grant" as const,
    name: "Grant Costing",
    mode: "live" as const,
    version: 1,
  };

  it("takes the custom property where present, the name mark on a default name otherwise", () => {
    expect(ownedKey({ name: "Grant Costing", owned: true, marker })).toBe("grant");
    expect(ownedKey({ name: "Grant Costing (7)", owned: false, marker })).toBeUndefined();
    expect(ownedKey({ name: "Grant Costing", owned: false, nameMark: "grant" })).toBe("grant");
    expect(ownedKey({ name: "grant costing (2)", owned: false, nameMark: "grant" })).toBe("grant");
    expect(ownedKey({ name: "Grant Costing (1)", owned: false, nameMark: "grant" })).toBe(
      undefined
    );
    expect(ownedKey({ name: "My grant", owned: false, nameMark: "grant" })).toBeUndefined();
    expect(ownedKey({ name: "Restructure", owned: false, nameMark: "grant" })).toBeUndefined();
    expect(ownedKey({ name: "Restructure", owned: false })).toBeUndefined();
  });

  it("knows the names the core builds every sheet under", async () => {
    const demo = path.join(__dirname, "../../examples/childrens-services.xlsx");
    const grids = readWorkbookGrids(await loadWorkbook(readFileSync(demo)));
    const built = buildWorkbook(grids, {
      generatedAt: "2025-06-01T09:00:00Z",
      version: "test",
      mode: "shareable",
    });
    expect(built.ok).toBe(true);
    expect(Object.fromEntries(built.sheets.map((s) => [s.key, s.name]))).toEqual(SHEET_NAMES);
  });
});
