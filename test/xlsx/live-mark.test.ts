import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { loadWorkbook, ownedSheets, saveWorkbook, writeSheetSpecs } from "../../src/xlsx";
import {
  liveOwnedSheets,
  markOwned,
  markShareable,
  readLiveName,
  readOwnedName,
} from "../../src/xlsx/ownership";
import { streamSheetSpecs } from "../../src/xlsx/stream";
import { assumptionsSpec, grantSpec } from "./sample-specs";

const namesOf = (wb: ExcelJS.Workbook): Array<{ name: string; ranges: string[] }> =>
  (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;

const reload = async (wb: ExcelJS.Workbook) => loadWorkbook(await saveWorkbook(wb));

async function streamed(options: Parameters<typeof streamSheetSpecs>[2]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on("end", resolve));
  await streamSheetSpecs(out, [grantSpec(), assumptionsSpec()], options);
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe("the live mark ESTAB_LIVE_<KEY>", () => {
  it("is read in both adapters' forms, and apart from the ownership mark", () => {
    expect(readLiveName("ESTAB_LIVE_GRANT", "'Grant costing'!$A$1")).toEqual({
      key: "grant",
      sheet: "Grant costing",
    });
    expect(readLiveName("ESTAB_LIVE_COST", "='It''s cost'!$A$1")).toEqual({
      key: "cost",
      sheet: "It's cost",
    });
    expect(readLiveName("ESTAB_LIVE_GRANT", "=#REF!$A$1")).toBeUndefined();
    expect(readLiveName("ESTAB_LIVE_OTHER", "Sheet1!$A$1")).toBeUndefined();
    expect(readLiveName("ESTAB_LIVE_GRANT", "'Grant costing'!$B$2")).toBeUndefined();
    // Neither name is taken for the other.
    expect(readLiveName("ESTAB_OWNED_GRANT", "'Grant costing'!$A$1")).toBeUndefined();
    expect(readOwnedName("ESTAB_LIVE_GRANT", "'Grant costing'!$A$1")).toBeUndefined();
  });

  it("is written for a live write only, leaving the ownership mark as it always was", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpecs(wb, [grantSpec(), assumptionsSpec()], { mode: "live" });
    const reloaded = await reload(wb);
    expect(namesOf(reloaded).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "ESTAB_LIVE_ASSUMPTIONS", ranges: ["'Assumptions used'!$A$1"] },
      { name: "ESTAB_LIVE_GRANT", ranges: ["'Grant costing'!$A$1"] },
      { name: "ESTAB_OWNED_ASSUMPTIONS", ranges: ["'Assumptions used'!$A$1"] },
      { name: "ESTAB_OWNED_GRANT", ranges: ["'Grant costing'!$A$1"] },
    ]);
    expect(liveOwnedSheets(reloaded).map((o) => o.sheet)).toEqual([
      "Grant costing",
      "Assumptions used",
    ]);

    const shareable = new ExcelJS.Workbook();
    writeSheetSpecs(shareable, [grantSpec(), assumptionsSpec()]);
    const names = namesOf(await reload(shareable)).map((n) => n.name);
    expect(names.sort()).toEqual(["ESTAB_OWNED_ASSUMPTIONS", "ESTAB_OWNED_GRANT"]);
  });

  it("goes when the key's sheet is written shareable, replaced or not", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpecs(wb, [grantSpec()], { mode: "live" });
    writeSheetSpecs(wb, [grantSpec()]); // replaces it
    expect(liveOwnedSheets(await reload(wb))).toEqual([]);

    // A live sheet the user renamed is not replaced, and the new shareable sheet takes the
    // key's marks: no live name is left pointing at the user's sheet.
    const renamed = new ExcelJS.Workbook();
    writeSheetSpecs(renamed, [grantSpec()], { mode: "live" });
    // What Excel does on a rename: the names follow the sheet.
    markOwned(renamed, "grant", "My grant", "live");
    renamed.getWorksheet("Grant costing")!.name = "My grant";
    writeSheetSpecs(renamed, [grantSpec()]);
    const reloaded = await reload(renamed);
    expect(ownedSheets(reloaded)).toEqual([{ key: "grant", sheet: "Grant costing" }]);
    expect(namesOf(reloaded).map((n) => n.name)).toEqual(["ESTAB_OWNED_GRANT"]);
  });

  it("markShareable drops a sheet's live mark and keeps it owned", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpecs(wb, [grantSpec(), assumptionsSpec()], { mode: "live" });
    markShareable(wb, "Grant costing");
    const reloaded = await reload(wb);
    expect(liveOwnedSheets(reloaded).map((o) => o.sheet)).toEqual(["Assumptions used"]);
    expect(
      ownedSheets(reloaded)
        .map((o) => o.sheet)
        .sort()
    ).toEqual(["Assumptions used", "Grant costing"]);
  });

  it("is written by the streaming writer through the same call (the CLI: shareable, none)", async () => {
    const cli = await loadWorkbook(await streamed({}));
    expect(ownedSheets(cli).length).toBe(2);
    expect(liveOwnedSheets(cli)).toEqual([]);
    expect(namesOf(cli).some((n) => n.name.startsWith("ESTAB_LIVE_"))).toBe(false);

    const live = await loadWorkbook(await streamed({ mode: "live" }));
    expect(liveOwnedSheets(live).map((o) => o.sheet)).toEqual([
      "Grant costing",
      "Assumptions used",
    ]);
  });
});
