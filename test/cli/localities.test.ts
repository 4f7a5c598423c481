/**
 * Locality shares through `estab build`, from workbooks laid out as an analyst would:
 * natural headers, a county row under its districts, columns mapped with --column.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { parseColumns } from "../../src/cli/columns";
import { UsageError } from "../../src/cli/files";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-loc-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Staff to share, and the districts of a county with the county row under them. */
async function analystWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const staff = wb.addWorksheet("Staff");
  staff.addRow(["Position", "Grade", "Salary", "FTE"]);
  staff.addRow(["Team manager", "SS08", 45000, 1]);
  staff.addRow(["Family support worker", "SS04", 28000, 8]);
  staff.addRow(["Social worker", "SS06", 38000, 3]);
  const need = wb.addWorksheet("Localities");
  need.addRow([
    "District",
    "Population 0–19",
    "% of population aged 0-19 in IMD deciles 1-2",
    "Referrals 2023/24",
    "Referrals 2024/25",
  ]);
  need.addRow(["Ashford", 28000, 0.22, 600, 610]);
  need.addRow(["Canterbury", 31000, 0.18, 650, 700]);
  need.addRow(["Dover", 23000, 0.31, 700, 690]);
  need.addRow(["Kent", 82000, 0.23, 1950, 2000]);
  const file = path.join(dir, "need.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function buildJson(args: string[]): Promise<{ code: number; json: BuildJson }> {
  const c = capture();
  const code = await main(["build", ...args, "--json"], c.io);
  return { code, json: JSON.parse(c.stdout()) as BuildJson };
}

const fteOf = (json: BuildJson) => json.sheets.find((s) => s.key === "shares")!.totals;

describe("estab build, localities as an analyst lays them out", () => {
  it("reads deprivation from its natural header, the latest referrals, and leaves the county row out", async () => {
    const input = await analystWorkbook();
    const { code, json } = await buildJson([input, "-o", path.join(dir, "out.xlsx")]);
    expect(code).toBe(0);
    // 12 FTE in steps of 0.1 by the default weights over Ashford, Canterbury, Dover only.
    expect(fteOf(json)).toMatchObject({
      "FTE shared out": 12,
      "Ashford: FTE": 3.9,
      "Canterbury: FTE": 4.2,
      "Dover: FTE": 3.9,
    });
    expect(Object.keys(fteOf(json)).some((k) => k.startsWith("Kent"))).toBe(false);
    const codes = json.issues.map((i) => `${i.severity}:${i.code}@${i.sheet}!${i.address}`);
    expect(codes).toContain("warning:aggregate-row@Localities!A5");
    expect(codes).toContain("info:latest-year-used@Localities!E1");
    expect(codes.filter((c) => c.includes("duplicate-column"))).toEqual([]);
  });

  it("maps locality columns with --column: an earlier year of referrals, deprivation left out", async () => {
    const input = await analystWorkbook();
    const { code, json } = await buildJson([
      input,
      "-o",
      path.join(dir, "out.xlsx"),
      "--column",
      "Demand=Referrals 2023/24",
      "--column",
      "localities.deprivation=",
    ]);
    expect(code).toBe(0);
    expect(fteOf(json)).toMatchObject({
      "Ashford: FTE": 4,
      "Canterbury: FTE": 4.3,
      "Dover: FTE": 3.7,
    });
    expect(json.issues.map((i) => `${i.code}@${i.address}`)).toContain(
      "deprivation-column-missing@A1"
    );
    expect(json.issues.some((i) => i.code === "latest-year-used")).toBe(false);
  });

  it("refuses a mapping to a column the table lacks, at the localities header (exit 1)", async () => {
    const input = await analystWorkbook();
    const { code, json } = await buildJson([input, "--column", "Demand=Z"]);
    expect(code).toBe(1);
    expect(json.issues.find((i) => i.code === "mapping-not-found")).toMatchObject({
      severity: "error",
      sheet: "Localities",
      address: "A1",
      message: "Demand is mapped to 'Z', but the header row has no such column",
    });
  });
});

describe("--column", () => {
  it("maps by a field's label or name, with or without its table", () => {
    expect(
      parseColumns([
        "Demand=Referrals 2023/24",
        "localities.Population 0-19=C",
        "establishment.FTE=E",
        "No. of staff=People",
        "Deprivation=",
        "estab.locality=Patch",
      ])
    ).toEqual({
      localityMapping: { demand: "Referrals 2023/24", population: "C", deprivation: "" },
      mapping: { fte: "E", headcount: "People", locality: "Patch" },
    });
    expect(parseColumns(undefined)).toEqual({});
  });

  it("says what to write when the field is unknown, in both tables, or has no '='", () => {
    expect(() => parseColumns(["Locality=A"])).toThrow(
      new UsageError(
        "--column: 'Locality' is a column of both the establishment and the localities table; write establishment.Locality or localities.Locality."
      )
    );
    expect(() => parseColumns(["localities.FTE=B"])).toThrow(
      /^--column: 'FTE' is not a column of the localities table\. Columns: localities: Locality, Population 0-19, Deprivation, Demand\.$/
    );
    expect(() => parseColumns(["Demand"])).toThrow(/--column takes field=header/);
  });

  it("is a usage error through the CLI (exit 2)", async () => {
    const input = await analystWorkbook();
    const c = capture();
    expect(await main(["build", input, "--column", "Localty=A"], c.io)).toBe(2);
    expect(c.stderr()).toContain(
      "--column: 'Localty' is not a column of the establishment or the localities table"
    );
  });
});

describe("estab build on a localities-only workbook", () => {
  async function localitiesOnly(fte?: number): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const need = wb.addWorksheet("Localities");
    need.addRow(["Locality", "Population 0-19", "IDACI rate", "Referrals"]);
    need.addRow(["A", 10000, 0.2, 300]);
    need.addRow(["B", 20000, 0.1, 300]);
    need.addRow(["C", 10000, 0.3, 400]);
    const settings = wb.addWorksheet("Assumptions");
    settings.addRow(["Setting", "Value"]);
    settings.addRow(["Allocation unit (FTE)", 0.1]);
    if (fte !== undefined) settings.addRow(["FTE to share out", fte]);
    const file = path.join(dir, "localities-only.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("shares out the FTE to share out (worked example 9) and notes the sheets not made", async () => {
    const input = await localitiesOnly(20);
    const { code, json } = await buildJson([input, "-o", path.join(dir, "out.xlsx")]);
    expect(code).toBe(0);
    expect(json.sheets.map((s) => s.key)).toEqual(["shares", "assumptions"]);
    expect(fteOf(json)).toMatchObject({ "A: FTE": 5.4, "B: FTE": 7.9, "C: FTE": 6.7 });
    expect(json.issues.find((i) => i.code === "localities-only")).toMatchObject({
      severity: "info",
      sheet: "Assumptions",
      address: "B3",
    });
  });

  it("without the FTE to share out, is refused at Localities!A1 with how to give one (exit 1)", async () => {
    const input = await localitiesOnly();
    const { code, json } = await buildJson([input]);
    expect(code).toBe(1);
    expect(json.issues.find((i) => i.severity === "error")).toMatchObject({
      code: "table-not-found",
      sheet: "Localities",
      address: "A1",
    });
  });
});
