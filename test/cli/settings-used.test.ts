/**
 * Tryout 3's mk-22 through the CLI: a workbook typed in ExcelJS, built plain, built
 * --live and then shared, each says on its Establishment Cost and Grant Costing sheets the
 * NI rate and threshold of every year costed, and which settings were typed (their cell)
 * and which were defaults: text a manager without the add-in reads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { capture } from "./support";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-settings-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function input(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((row) => ws.addRow(row));
  };
  add("Establishment", [
    ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff", "Funding"],
    ["P1", "Team Manager", "SS12", 50000, 1, 1, "Core"],
    ["P2", "Family Practitioner", "SS08", 36000, 2, 2, "Family Hubs"],
  ]);
  add("Assumptions", [
    ["Setting", "Value"],
    ["First financial year", "2025/26"],
    ["Number of years", 3],
    ["Employer pension rate", "19%"],
    ["Costing point", "actual"],
    ["Grant name", "Family Hubs"],
    ["Vacancy factor", "3%"],
    ["Pay award 2026/27", "3%"],
  ]);
  const file = path.join(dir, "mk-22.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Column A's text on a sheet of a written file. */
async function columnA(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const lines: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === "string") lines.push(v);
  });
  return lines;
}

const NI = (year: string, from: string) =>
  `Employer NI ${year}: 15% of each person's pay above £417 a month — default: ${from} (not on the Assumptions sheet).`;

describe("the settings used, in a built, a live and a shared workbook (mk-22)", () => {
  it("writes the same lines as text in all three, naming the typed cells", async () => {
    const file = await input();
    const plain = path.join(dir, "plain.xlsx");
    const live = path.join(dir, "live.xlsx");
    const shared = path.join(dir, "shared.xlsx");
    expect(await main(["build", file, "-o", plain], capture().io)).toBe(0);
    expect(await main(["build", file, "--live", "-o", live], capture().io)).toBe(0);
    expect(await main(["share", live, "-o", shared], capture().io)).toBe(0);
    for (const out of [plain, live, shared]) {
      const cost = await columnA(out, "Establishment Cost");
      expect(cost).toContain(NI("2025/26", "the statutory 2025/26 rate and threshold"));
      expect(cost).toContain(
        "Employer pension: 19% of salary for a post with no rate of its own — typed at Assumptions!B4."
      );
      expect(cost).toContain("Vacancy factor: 3% — typed at Assumptions!B7.");
      const grant = await columnA(out, "Grant Costing");
      expect(grant).toEqual(
        expect.arrayContaining([
          NI("2026/27", "the statutory 2026/27 rate and threshold"),
          NI(
            "2027/28",
            "2026/27's statutory rate and threshold carried forward, 2027/28's not yet known"
          ),
          "Pay award 2026/27: 3%, from 1 April — typed at Assumptions!B8.",
          "Pay award 2027/28: none — default (not on the Assumptions sheet).",
        ])
      );
    }
  });
});
