import { createExcelWorkbook, MARKER_KEY } from "../../src/excel";
import { readOwnedName } from "../../src/xlsx/ownership";
import { FakeExcel } from "./fake/excel";
import { postsSpec } from "./specs";

function book(excel: FakeExcel, runId = "r1"): ReturnType<typeof createExcelWorkbook> {
  return createExcelWorkbook(excel.run, {
    isSetSupported: excel.isSetSupported,
    runId: () => runId,
  });
}

/** What `estab` leaves: sheets, and a defined name per sheet; no custom property. */
function cliWorkbook(grantSheet = "Grant Costing"): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet(grantSheet, [["Grant Costing 2025/26 to 2027/28"], ["from the CLI"]]);
  excel.addTable(grantSheet, "GrantCosting", "A4:B5");
  excel.addSheet("After", [["the user's"]]);
  excel.addName("ESTAB_OWNED_GRANT", `='${grantSheet}'!$A$1`);
  excel.resetCounters();
  return excel;
}

describe("the CLI's mark (ESTAB_OWNED_<KEY> defined name)", () => {
  it("is recognised: the CLI's sheet is replaced in place, in the usual 5 syncs", async () => {
    const excel = cliWorkbook();
    const oldId = excel.sheet("Grant Costing").id;

    const outcome = await book(excel).writeSheets([postsSpec(3)]);
    expect(outcome.sheets).toEqual([
      { key: "grant", requested: "Grant Costing", name: "Grant Costing" },
    ]);
    expect(excel.syncs).toBe(5);
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Grant Costing", "After"]);
    expect(excel.sheet("Grant Costing").id).not.toBe(oldId);
    expect(excel.values("Grant Costing", "A5")).toEqual([["P00001"]]);
    expect(excel.tableNamed("GrantCosting")?.sheetId).toBe(excel.sheet("Grant Costing").id);
    expect(excel.state.tables).toHaveLength(1);
    // Both marks now: the custom property, and the name the CLI reads, on the new sheet.
    expect(excel.sheet("Grant Costing").properties.get(MARKER_KEY)).toContain('"key":"grant"');
    expect(excel.state.names).toEqual([
      { name: "ESTAB_OWNED_GRANT", formula: "='Grant Costing'!$A$1" },
    ]);
    expect(excel.values("After", "A1")).toEqual([["the user's"]]);
  });

  it("is recognised under a numbered name the CLI chose, beside a user's sheet of that name", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Grant Costing", [["mine"]]);
    excel.addSheet("Grant Costing (2)", [["from the CLI"]]);
    excel.addName("ESTAB_OWNED_GRANT", "='Grant Costing (2)'!$A$1");
    const users = JSON.stringify((excel.snapshot() as { sheets: unknown[] }).sheets.slice(0, 2));

    const outcome = await book(excel).writeSheets([postsSpec(2)]);
    expect(outcome.sheets[0].name).toBe("Grant Costing (2)");
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Grant Costing",
      "Grant Costing (2)",
    ]);
    expect(JSON.stringify((excel.snapshot() as { sheets: unknown[] }).sheets.slice(0, 2))).toBe(
      users
    );
    expect(excel.values("Grant Costing (2)", "A5")).toEqual([["P00001"]]);
  });

  it("never touches a user's sheet with the wanted name and no mark", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Grant Costing", [["mine"]]);
    excel.addSheet("Old output", [["from the CLI"]]);
    // The key's name points elsewhere (at a sheet the user renamed): not at theirs.
    excel.addName("ESTAB_OWNED_GRANT", "='Old output'!$A$1");
    const before = excel.snapshot() as { sheets: Array<{ name: string }> };

    const outcome = await book(excel).writeSheets([postsSpec(2)]);
    expect(outcome.sheets[0].name).toBe("Grant Costing (2)");
    const after = excel.snapshot() as { sheets: Array<{ name: string }> };
    for (const name of ["Grant Costing", "Old output"]) {
      expect(after.sheets.find((s) => s.name === name)).toEqual(
        before.sheets.find((s) => s.name === name)
      );
    }
    // The mark is ours now: it moved to the sheet just written.
    expect(excel.nameNamed("ESTAB_OWNED_GRANT")?.formula).toBe("='Grant Costing (2)'!$A$1");
  });

  it("does not make a sheet the user renamed ours, though the name followed it", async () => {
    const excel = cliWorkbook();
    // Renamed in Excel: the defined name follows the sheet.
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Grant Costing").name = "My grant";
      await context.sync();
    });
    expect(excel.nameNamed("ESTAB_OWNED_GRANT")?.formula).toBe("='My grant'!$A$1");
    const mine = JSON.stringify(excel.sheet("My grant"), (_k, v: unknown) =>
      v instanceof Map ? [...v.entries()] : v
    );

    await book(excel).writeSheets([postsSpec(2)]);
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "My grant",
      "After",
      "Grant Costing",
    ]);
    expect(
      JSON.stringify(excel.sheet("My grant"), (_k, v: unknown) =>
        v instanceof Map ? [...v.entries()] : v
      )
    ).toBe(mine);
    expect(excel.tableNamed("GrantCosting")?.sheetId).toBe(excel.sheet("My grant").id);
  });

  it("does not override the custom property: a renamed add-in sheet stays the user's", async () => {
    const excel = new FakeExcel();
    await book(excel).writeSheets([postsSpec(2)]);
    await excel.run(async (context) => {
      // A name within our own pattern, to show the custom property decides, not the name.
      context.workbook.worksheets.getItem("Grant Costing").name = "Grant Costing (7)";
      await context.sync();
    });
    expect(excel.nameNamed("ESTAB_OWNED_GRANT")?.formula).toBe("='Grant Costing (7)'!$A$1");
    await book(excel, "b").writeSheets([postsSpec(2)]);
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Grant Costing (7)",
      "Grant Costing",
    ]);
  });

  it("is written by the add-in in a form the CLI reads", async () => {
    const excel = new FakeExcel();
    await book(excel).writeSheets([
      postsSpec(2),
      postsSpec(2, { key: "assumptions", name: "Assumptions", table: "Assumptions" }),
    ]);
    const marks = excel.state.names.map((n) => readOwnedName(n.name, n.formula));
    expect(marks).toEqual([
      { key: "grant", sheet: "Grant Costing" },
      { key: "assumptions", sheet: "Assumptions" },
    ]);
    expect(excel.nameNamed("ESTAB_OWNED_ASSUMPTIONS")?.formula).toBe("=Assumptions!$A$1");
  });

  it("ignores a name Excel turned into #REF! and names of unknown keys", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Grant Costing", [["mine"]]);
    excel.addName("ESTAB_OWNED_GRANT", "=#REF!");
    excel.addName("ESTAB_OWNED_OTHER", "='Grant Costing'!$A$1");
    const outcome = await book(excel).writeSheets([postsSpec(2)]);
    expect(outcome.sheets[0].name).toBe("Grant Costing (2)");
    expect(excel.values("Grant Costing", "A1")).toEqual([["mine"]]);
    expect(excel.nameNamed("ESTAB_OWNED_OTHER")?.formula).toBe("='Grant Costing'!$A$1");
  });
});

describe("all or nothing, with names", () => {
  it("leaves a CLI workbook exactly as it was (names too) after a failure at any sync", async () => {
    const total = 5;
    for (let n = 1; n <= total; n++) {
      for (const partly of [undefined, 0, 1, 3, 6, 12]) {
        if (partly !== undefined && n < 3) continue;
        const excel = cliWorkbook();
        excel.addName("ESTAB_OWNED_COST", "=#REF!");
        const before = excel.snapshot();
        excel.failAtSync = n;
        excel.failAfterOperations = partly;
        await expect(
          book(excel).writeSheets([
            postsSpec(3),
            postsSpec(3, { key: "cost", name: "Cost", table: "Cost" }),
          ])
        ).rejects.toThrow(`injected failure at sync ${n}`);
        if (n === total && partly !== undefined) continue; // deletion cannot be undone
        expect(excel.snapshot()).toEqual(before);
        expect(excel.syncs).toBe(n <= 2 ? n : n + 2);
      }
    }
  });

  it("removes names added by a run whose last sync failed", async () => {
    const excel = new FakeExcel();
    const before = excel.snapshot();
    excel.failAtSync = 5;
    await expect(book(excel).writeSheets([postsSpec(2)])).rejects.toThrow(
      /The workbook is as it was/
    );
    expect(excel.state.names).toEqual([]);
    expect(excel.snapshot()).toEqual(before);
  });
});
