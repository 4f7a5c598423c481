import { FakeExcel, FakeOfficeError, typeIn, WEB_REQUEST_LIMIT } from "./fake/excel";

describe("the fake is strict like Office.js", () => {
  it("throws on reading a property that was never loaded", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.load("id");
      await context.sync();
      expect(sheet.id).toMatch(/^\{/);
      // The misuse the office-addins rules forbid, on purpose: the fake must catch it too.
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
    });
  });

  it("throws on reading a loaded property before the sync", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([[""]]);
    });
  });

  it("knows isNullObject only after load and sync", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      missing.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("throws ItemNotFound at sync for getItem of a missing sheet", async () => {
    const excel = new FakeExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").activate();
        await context.sync();
      })
    ).rejects.toThrow(/ItemNotFound/);
  });

  it("applies nothing from a batch that fails part-way", async () => {
    const excel = new FakeExcel();
    const before = excel.snapshot();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add("New");
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        context.workbook.worksheets.add("new"); // clashes (names ignore case)
        await context.sync();
      })
    ).rejects.toThrow(/ItemAlreadyExists/);
    expect(excel.snapshot()).toEqual(before);
  });

  it("fails the n-th sync on request, applying nothing", async () => {
    const excel = new FakeExcel();
    excel.failAtSync = 1;
    const before = excel.snapshot();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add("New");
        await context.sync();
      })
    ).rejects.toThrow(/injected failure at sync 1/);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncs).toBe(1);
  });

  it("can fail a sync part-way: what ran stays, nothing it loaded arrives", async () => {
    const excel = new FakeExcel();
    excel.failAtSync = 1;
    excel.failAfterOperations = 2;
    let a1: Excel.Range | undefined;
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        a1 = sheet.getRange("A1").load("values");
        sheet.getRange("B1").values = [["never"]];
        await context.sync();
      })
    ).rejects.toThrow(/injected failure at sync 1/);
    expect(excel.cell("Sheet1", "A1")?.value).toBe("first");
    expect(excel.cell("Sheet1", "B1")).toBeUndefined();
    expect(() => a1?.values).toThrow(/PropertyNotLoaded/);
  });

  it("holds no cell that is blank, General and unstyled", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      await context.sync();
      range.values = [[""]];
      await context.sync();
    });
    expect(excel.cell("Sheet1", "A1")).toBeUndefined();
  });

  it("refuses work left unsynced at the end of a run", async () => {
    const excel = new FakeExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.add("New");
      })
    ).rejects.toThrow(/never synced/);
  });

  it("refuses requests over Excel on the web's 5 MB", async () => {
    const excel = new FakeExcel();
    const big = [["x".repeat(WEB_REQUEST_LIMIT)]];
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = big;
        await context.sync();
      })
    ).rejects.toThrow(FakeOfficeError);
  });

  it("types strings in as a user would, unless the cell is text-formatted", () => {
    expect(typeIn("=1+1", "General")).toEqual({ value: 0, formula: "=1+1" });
    expect(typeIn("+44 20", "General").formula).toBe("=+44 20");
    expect(typeIn("@SUM(A1)", "General").formula).toBe("=@SUM(A1)");
    expect(typeIn("-1", "General")).toEqual({ value: -1 });
    expect(typeIn("00123", "General")).toEqual({ value: 123 });
    expect(typeIn("01/09/2018", "General")).toEqual({ value: 43344 });
    for (const t of ["=1+1", "+44 20", "-1", "00123", "@SUM(A1)"])
      expect(typeIn(t, "@")).toEqual({ value: t });
  });

  it("refuses text over Excel's 32,767 characters a cell, applying nothing", async () => {
    const excel = new FakeExcel();
    const before = excel.snapshot();
    await expect(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
        range.values = [["fine", "x".repeat(32_768)]];
        await context.sync();
      })
    ).rejects.toThrow("B1: a cell holds at most 32767 characters");
    expect(excel.snapshot()).toEqual(before);
  });

  it("needs whole arrays the size of the range", async () => {
    const excel = new FakeExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      })
    ).rejects.toThrow(/does not match/);
  });

  it("keeps at least one visible sheet", async () => {
    const excel = new FakeExcel();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      })
    ).rejects.toThrow(/last visible/);
  });
});

describe("the fake's workbook.names", () => {
  it("is strict: items and isNullObject only after load and sync", async () => {
    const excel = new FakeExcel();
    excel.addName("ESTAB_OWNED_GRANT", "=Sheet1!$A$1");
    await excel.run(async (context) => {
      const names = context.workbook.names;
      expect(() => names.items).toThrow(/PropertyNotLoaded/);
      names.load("items/name,items/formula,items/type");
      const missing = context.workbook.names.getItemOrNullObject("Nope");
      missing.load("name");
      const found = context.workbook.names.getItemOrNullObject("estab_owned_grant");
      found.load("formula");
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula, n.type])).toEqual([
        ["ESTAB_OWNED_GRANT", "=Sheet1!$A$1", "Range"],
      ]);
      expect(missing.isNullObject).toBe(true);
      expect(found.formula).toBe("=Sheet1!$A$1");
      expect(() => found.name).toThrow(/PropertyNotLoaded/);
    });
  });

  it("adds from a range or a formula, refuses duplicates, deletes", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Grant Costing");
      context.workbook.names.add("A_NAME", sheet.getRange("A1"));
      context.workbook.names.add("B_NAME", "=#REF!");
      await context.sync();
    });
    expect(excel.state.names).toEqual([
      { name: "A_NAME", formula: "='Grant Costing'!$A$1" },
      { name: "B_NAME", formula: "=#REF!" },
    ]);
    await expect(
      excel.run(async (context) => {
        context.workbook.names.add("a_name", "=Sheet1!$A$1");
        await context.sync();
      })
    ).rejects.toThrow(/ItemAlreadyExists/);
    await excel.run(async (context) => {
      context.workbook.names.getItem("B_NAME").delete();
      await context.sync();
    });
    expect(excel.state.names.map((n) => n.name)).toEqual(["A_NAME"]);
    await expect(
      excel.run(async (context) => {
        context.workbook.names.getItem("B_NAME").delete();
        await context.sync();
      })
    ).rejects.toThrow(/ItemNotFound/);
  });

  it("keeps names pointing at a renamed sheet, and makes them #REF! when it is deleted", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Grant Costing");
    excel.addName("ESTAB_OWNED_GRANT", "='Grant Costing'!$A$1");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Grant Costing").name = "Mine";
      await context.sync();
    });
    expect(excel.nameNamed("ESTAB_OWNED_GRANT")?.formula).toBe("=Mine!$A$1");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Mine").delete();
      const names = context.workbook.names;
      names.load("items/type");
      await context.sync();
      expect(names.items.map((n) => n.type)).toEqual(["Error"]);
    });
    expect(excel.nameNamed("ESTAB_OWNED_GRANT")?.formula).toBe("=#REF!");
  });

  it("puts names back when a batch fails", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Grant Costing");
    excel.addName("X", "='Grant Costing'!$A$1");
    const before = excel.snapshot();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Grant Costing").name = "Other";
        context.workbook.names.getItem("X").delete();
        context.workbook.names.add("X", "=1");
        context.workbook.worksheets.add("sheet1"); // clashes
        await context.sync();
      })
    ).rejects.toThrow(/ItemAlreadyExists/);
    expect(excel.snapshot()).toEqual(before);
  });
});
