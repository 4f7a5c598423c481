/**
 * The tryout's workbooks (mk-05, mk-16, mk-36, mk-27) written with ExcelJS as the tester
 * did, through `estab build`: what the cost sheets cost is said at the cell that says
 * otherwise, and an IMD rank is refused at its heading.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { capture } from "./support";

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), "estab-cli-costed-as-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ASSUMPTIONS = [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Number of years", 1],
  ["Costing point", "actual"],
  ["Increment rule", "none"],
];

async function build(
  sheets: Record<string, unknown[][]>
): Promise<{ rc: number; json: BuildJson; out: string }> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  const c = capture();
  const out = path.join(dir, "out.xlsx");
  const rc = await main(["build", file, "-o", out, "--json"], c.io);
  return { rc, json: JSON.parse(c.stdout()) as BuildJson, out };
}

const at = (json: BuildJson, code: string) =>
  json.issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.address}`);

describe("estab build says what the cost sheets cost", () => {
  it("mk-05: an agency row is costed as an employee, said at its rate with its agency charge", async () => {
    const { rc, json } = await build({
      Establishment: [
        ["Post Title", "Grade", "FTE", "Salary", "Contract", "Day rate"],
        ["Social Worker (agency)", "PO1", 1, 38626, "Agency", "£350/day"],
      ],
      Assumptions: ASSUMPTIONS,
    });
    expect(rc).toBe(0);
    expect(json.sheets.find((s) => s.key === "cost")!.totals).toMatchObject({
      "Total cost": 51201.37,
    });
    expect(at(json, "agency-costed-as-employee")).toEqual(["Establishment!F2"]);
    expect(json.issues.find((i) => i.code === "agency-costed-as-employee")!.message).toContain(
      "£51,201.37 with employer on-costs in 2025/26, not at its agency charge, £91,000.00 a year"
    );
  });

  it("mk-16: TPS rows costed at the assumed rate, said at each scheme cell", async () => {
    const { rc, json } = await build({
      "Virtual School": [
        ["Post Title", "Grade", "Pension scheme", "FTE", "No of staff", "Salary"],
        ["Advisory Teacher", "UPS3", "TPS", 1, 1, "£45,646"],
        ["Virtual School Head", "L12", "Teachers Pension", 1, 1, "£66,000"],
        ["Education Officer", "PO2", "LGPS", 1, 1, "£39,000"],
      ],
      Assumptions: ASSUMPTIONS,
    });
    expect(rc).toBe(0);
    expect(at(json, "pension-scheme-rate")).toEqual(["Virtual School!C2", "Virtual School!C3"]);
  });

  it("mk-36: a Salary column not costed at the default costing point, said at its heading", async () => {
    const { rc, json } = await build({
      "Pay scales": [
        ["Grade", "SCP", "Salary"],
        ["PO1", 32, 38626],
        ["PO1", 35, 41511],
      ],
      Establishment: [
        ["Post Title", "Grade", "SCP", "FTE", "No of staff", "Salary"],
        ["Social Worker", "PO1", 35, 1, 1, 41511],
      ],
    });
    expect(rc).toBe(0);
    expect(at(json, "salary-not-costed")).toEqual(["Establishment!F1"]);
  });

  it("mk-27: an IMD rank column is refused at its heading and nothing is written", async () => {
    const { rc, json } = await build({
      Establishment: [
        ["Post Title", "FTE", "No of staff", "Salary"],
        ["Family Worker", 10, 10, 30000],
      ],
      Localities: [
        ["Locality", "Population 0-19", "IMD rank", "Referrals 2024-25"],
        ["North", 10000, 20, 1000],
        ["South", 10000, 300, 1000],
      ],
      Assumptions: [...ASSUMPTIONS, ["FTE to share out", 10], ["Allocation unit", 0.1]],
    });
    expect(rc).toBe(1);
    expect(
      json.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.address])
    ).toEqual([["deprivation-rank", "C1"]]);
  });
});
