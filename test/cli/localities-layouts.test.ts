/**
 * Issue 15 through `estab build`, on workbooks an analyst lays out: a localities table typed
 * across the columns is refused at its own cell (not the staff sheet's A1), and any
 * allocation unit shares out exactly (DOMAIN worked example 9's localities, 20 FTE).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-layouts-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(localities: (string | number)[][], settings: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const staff = wb.addWorksheet("Staff");
  staff.addRow(["Position", "Salary", "FTE", "No of staff"]);
  staff.addRow(["Family support worker", 28000, 20, 20]);
  wb.addWorksheet("Need").addRows(localities);
  wb.addWorksheet("Assumptions").addRows([["Setting", "Value"], ...settings]);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function buildJson(file: string, ...args: string[]) {
  const c = capture();
  const code = await main(
    ["build", file, "-o", path.join(dir, "out.xlsx"), "--json", ...args],
    c.io
  );
  return { code, json: JSON.parse(c.stdout()) as BuildJson };
}

const DOWN = [
  ["Locality", "Population 0-19", "IDACI", "Referrals"],
  ["A", 10000, 0.2, 300],
  ["B", 20000, 0.1, 300],
  ["C", 10000, 0.3, 400],
];

describe("estab build, locality layouts", () => {
  it("refuses a localities table typed across the columns, at that table's cell", async () => {
    const across = DOWN[0].map((_, c) => DOWN.map((row) => row[c]));
    const file = await workbook(across, [["FTE to share out", 20]]);
    const plain = await buildJson(file);
    expect(plain.code).toBe(0);
    expect(plain.json.issues.filter((i) => i.code === "localities-transposed")).toMatchObject([
      { severity: "warning", sheet: "Need", address: "A1" },
    ]);
    expect(plain.json.sheets.map((s) => s.key)).not.toContain("shares");
    const asked = await buildJson(file, "--only", "shares");
    expect(asked.code).toBe(1);
    expect(asked.json.issues.filter((i) => i.severity === "error")).toMatchObject([
      { sheet: "Need", address: "A1" },
    ]);
  });

  it.each([
    [0.25, { A: 5.25, B: 8, C: 6.75 }],
    [0.05, { A: 5.4, B: 7.9, C: 6.7 }],
  ])("shares 20 FTE in steps of %s exactly", async (unit, shares) => {
    const file = await workbook(DOWN, [
      ["FTE to share out", 20],
      ["Allocation unit (FTE)", unit],
    ]);
    const { code, json } = await buildJson(file, "--only", "shares");
    expect(code).toBe(0);
    const totals = json.sheets.find((s) => s.key === "shares")!.totals;
    expect(totals).toMatchObject({
      "FTE shared out": 20,
      "A: FTE": shares.A,
      "B: FTE": shares.B,
      "C: FTE": shares.C,
    });
  });
});

describe("estab build, wards with their locality beside each (tryout mk-17b)", () => {
  const WARDS = [
    ["Ward", "Locality", "Population 0-19", "IMD score", "Contacts"],
    ["Abbey", "North", 3000, 30, 120],
    ["Bridge", "North", 2500, 25, 80],
    ["Castle", "South", 4000, 15, 90],
    ["Dale", "South", 3500, 20, 100],
    ["Elm", "East", 5000, 35, 200],
  ];

  it("shares to each locality once, its wards added up, and the FTE adds up to what is shared", async () => {
    const file = await workbook(WARDS, [
      ["FTE to share out", 12],
      ["Allocation unit (FTE)", 1],
    ]);
    const { code, json } = await buildJson(file, "--column", "localities.Locality=Locality");
    expect(code).toBe(0);
    // Need index by hand (weights 50/30/20, the tester's own share-out):
    // North 0.32057, South 0.35799, East 0.32144 of 12 FTE: 4, 4, 4.
    expect(json.sheets.find((s) => s.key === "shares")!.totals).toMatchObject({
      "FTE shared out": 12,
      "North: FTE": 4,
      "South: FTE": 4,
      "East: FTE": 4,
    });
    expect(
      json.issues
        .filter((i) => i.code === "locality-rows-added")
        .map((i) => [i.address, i.severity])
    ).toEqual([
      ["B2", "info"],
      ["B4", "info"],
    ]);
  });
});

it("keeps a locality added up from its wards as values in a live build, and says why", async () => {
  const file = await workbook(
    [
      ["Ward", "Locality", "Population 0-19", "IMD score", "Contacts"],
      ["Abbey", "North", 3000, 30, 120],
      ["Bridge", "North", 2500, 25, 80],
      ["Elm", "East", 5000, 35, 200],
    ],
    [["FTE to share out", 12]]
  );
  const { json } = await buildJson(file, "--live", "--column", "localities.Locality=Locality");
  expect(json.sheets.find((s) => s.key === "shares")!.warnings.join(" ")).toContain(
    "North population share: North's figures are its rows added up, in no one cell"
  );
});
