/**
 * estab build and the Locality shares sheet (issue 15). An FTE to share out that is not a
 * whole number of allocation units (it ended in an internal error, exit 3, and with --json
 * nothing) is shared out to the nearest unit with a warning at the Assumptions cell, exit
 * 0; weights all 0% are an error at the weights' cell, exit 1, nothing written. An IMD
 * score is written as the score, not as a percentage.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

/** The issues under test here; the notes naming defaults taken are tested in defaults-said. */
const besidesDefaults = <T extends { code: string }>(issues: readonly T[]): T[] =>
  issues.filter((i) => i.code !== "assumptions-not-set" && i.code !== "shares-defaults");

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-shares-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(
  total: number | string,
  unit: number,
  weight = "50%",
  localities: Array<Array<string | number>> = [
    ["Locality", "Population 0-19", "IDACI", "Referrals"],
    ["A", 10000, 0.2, 300],
    ["B", 20000, 0.1, 300],
    ["C", 10000, 0.3, 400],
  ]
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Staff").addRows([
    ["Position", "Salary", "FTE", "Headcount"],
    ["Youth Worker", 26000, 20, 20],
  ]);
  wb.addWorksheet("Assumptions").addRows([
    ["Setting", "Value"],
    ["First financial year", "2024/25"],
    ["Weight: population", weight],
    ["Weight: deprivation", weight === "50%" ? "30%" : weight],
    ["Weight: demand", weight === "50%" ? "20%" : weight],
    ["FTE to share out", total],
    ["Allocation unit (FTE)", unit],
  ]);
  wb.addWorksheet("Localities").addRows(localities);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function build(
  input: string,
  ...more: string[]
): Promise<{ code: number; json: BuildJson; out: string }> {
  const t = capture();
  const out = path.join(dir, "out.xlsx");
  const code = await main(["build", input, "-o", out, "--only", "shares", "--json", ...more], t.io);
  return { code, json: JSON.parse(t.stdout()) as BuildJson, out };
}

describe("estab build --json with an FTE to share out in part units", () => {
  it.each([
    [20.05, 0.1, 20.1, [5.4, 8, 6.7]],
    ["23.3", 0.5, 23.5, [6.5, 9, 8]],
  ] as const)(
    "shares %s FTE in steps of %s as %s, warning at Assumptions!B6",
    async (typed, unit, shared, fte) => {
      const { code, json, out } = await build(await workbook(typed, unit));
      expect(code).toBe(0);
      expect(existsSync(out)).toBe(true);
      expect(besidesDefaults(json.issues)).toEqual([
        expect.objectContaining({
          severity: "warning",
          code: "shares-total-rounded",
          sheet: "Assumptions",
          address: "B6",
          message: `The FTE to share out ${typed} FTE is not a whole number of ${unit} FTE units; ${shared} FTE is shared out (the nearest whole number of units)`,
        }),
      ]);
      const shares = json.sheets.find((s) => s.key === "shares");
      expect(shares?.totals["FTE shared out"]).toBe(shared);
      expect(["A", "B", "C"].map((l) => shares?.totals[`${l}: FTE`])).toEqual(fte);
    }
  );

  it("with weights all 0% is an error at the first weight's cell, exit 1, nothing written", async () => {
    const { code, json, out } = await build(await workbook(20, 0.1, "0%"));
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(json.ok).toBe(false);
    expect(json.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ code: "weights-all-zero", sheet: "Assumptions", address: "B3" }),
    ]);
  });
});

describe("estab build's Locality shares sheet over IMD scores", () => {
  it("writes each score as the score (General), an IDACI rate as a percentage", async () => {
    const imd = [
      ["Locality", "Population 0-19", "IMD score", "Referrals"],
      ["A", 10000, 21.4, 300],
      ["B", 20000, 35.2, 300],
      ["C", 10000, 12.8, 400],
    ];
    const cellsUnder = async (input: string) => {
      const { code, out } = await build(input);
      expect(code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet("Locality shares") as ExcelJS.Worksheet;
      let at: { row: number; col: number } | undefined;
      ws.eachRow((row, r) =>
        row.eachCell((c, col) => {
          if (typeof c.value === "string" && c.value.startsWith("Deprivation ") && !at)
            at = { row: r, col };
        })
      );
      const header = ws.getCell(at!.row, at!.col).value;
      const first = ws.getCell(at!.row + 1, at!.col);
      return [header, first.value, first.numFmt ?? ""];
    };
    expect(await cellsUnder(await workbook(20, 0.1, "50%", imd))).toEqual([
      "Deprivation score",
      21.4,
      "",
    ]);
    expect(await cellsUnder(await workbook(20, 0.1))).toEqual(["Deprivation rate", 0.2, "0.0%"]);
  });
});

describe("estab build --roles", () => {
  it("writes the roles × localities table on the Locality shares sheet, both totals checked", async () => {
    const { code, out } = await build(await workbook(20, 0.1), "--roles");
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Locality shares") as ExcelJS.Worksheet;
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => rowOf.set(String(row.getCell(1).value ?? ""), r));
    const header = rowOf.get("Role") ?? 0;
    expect(header).toBeGreaterThan(0);
    const row = (r: number) =>
      [1, 2, 3, 4, 5].map((c) => {
        const v = ws.getCell(r, c).value;
        return v && typeof v === "object" && "result" in v ? v.result : v;
      });
    // One role, the Youth Worker's 20 FTE: by locality as the main table, 5.4 / 7.9 / 6.7.
    expect(row(header + 1)).toEqual(["Youth Worker", 20, 5.4, 7.9, 6.7]);
    const check = rowOf.get("Check: role and locality totals exact") ?? 0;
    const cell = ws.getCell(check, 2).value as { result: string };
    expect(cell.result).toBe("OK");
  });
});

describe("estab build with a roles table (no --roles)", () => {
  it("writes each typed role's FTE by locality, both totals checked, and notes it at the table", async () => {
    const file = await workbook(20, 0.1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.addWorksheet("Roles").addRows([
      ["Role", "FTE"],
      ["Youth Worker", 14],
      ["Social worker", 6],
    ]);
    await wb.xlsx.writeFile(file);
    const { code, json, out } = await build(file);
    expect(code).toBe(0);
    expect(json.issues.filter((i) => i.code === "shares-by-role")).toEqual([
      expect.objectContaining({ severity: "info", sheet: "Roles", address: "B1" }),
    ]);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const ws = written.getWorksheet("Locality shares") as ExcelJS.Worksheet;
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => rowOf.set(String(row.getCell(1).value ?? ""), r));
    const header = rowOf.get("Role") ?? 0;
    const row = (r: number) =>
      [1, 2, 3, 4, 5].map((c) => {
        const v = ws.getCell(r, c).value;
        return v && typeof v === "object" && "result" in v ? v.result : v;
      });
    const [yw, sw] = [row(header + 1), row(header + 2)];
    expect([yw[0], yw[1], sw[0], sw[1]]).toEqual(["Youth Worker", 14, "Social worker", 6]);
    // Locality totals as the main table's 5.4 / 7.9 / 6.7; each row adds up to its role's FTE.
    [5.4, 7.9, 6.7].forEach((t, j) =>
      expect(Math.round(((yw[2 + j] as number) + (sw[2 + j] as number)) * 10) / 10).toBe(t)
    );
    const cell = ws.getCell(rowOf.get("Check: role and locality totals exact") ?? 0, 2).value;
    expect((cell as { result: string }).result).toBe("OK");
  });
});
