/**
 * Issue 18's goal: comparing 5 scenarios of a 10,000-post establishment costs under 5× one
 * build. `buildWorkbook` on the demo's posts repeated to 10,000, with the Assumptions
 * sheet's five scenario columns (so the Scenarios sheet is built too) against the same
 * workbook without them, in the same run.
 *
 *   npm run bench -- scenarios     (or: node dist/bench/bench/scenarios.bench.js [posts])
 */
import type ExcelJS from "exceljs";
import { measure, peakRssMb, ratioTable } from "./harness";
import { largeWorkbook } from "../src/cli/demo-workbook";
import { buildWorkbook } from "../src/core/workbook/build";
import { loadWorkbook, readWorkbookGrids } from "../src/xlsx";

/** Five scenarios: two that cost the posts differently, three that change only totals or the grant. */
const SCENARIOS: Array<[string, Record<string, string | number>]> = [
  ["Pay award 4%", { "Pay award 2026/27": 0.04, "Pay award 2027/28": 0.04 }],
  ["NI as before April 2025", { "Employer NI rate": "13.8%", "NI monthly threshold": "£758" }],
  ["Vacancies 5%", { "Vacancy factor": 0.05 }],
  ["Grant cut 10%", { "Grant amount": 1_440_000 }],
  ["Vacancies 8%", { "Vacancy factor": 0.08 }],
];

/** Five that each cost every post anew (nothing to share): the worst case. */
const ALL_COSTED: Array<[string, Record<string, string | number>]> = [
  0.2, 0.205, 0.21, 0.215, 0.22,
].map((rate) => [`Pension ${rate * 100}%`, { "Employer pension rate": rate }]);

function addScenarios(
  ws: ExcelJS.Worksheet,
  scenarios: Array<[string, Record<string, string | number>]>
): void {
  scenarios.forEach(([name, changes], i) => {
    const column = 4 + i;
    ws.getRow(1).getCell(column).value = name;
    const missing = new Set(Object.keys(changes));
    ws.eachRow((row) => {
      const label = String(row.getCell(1).value ?? "");
      if (label in changes) {
        row.getCell(column).value = changes[label];
        missing.delete(label);
      }
    });
    // A setting the demo does not list gets its own row, blank in the Value column.
    for (const label of missing) {
      const row = ws.addRow([label, null, ""]);
      row.getCell(column).value = changes[label];
    }
  });
}

async function gridsOf(workbook: ExcelJS.Workbook) {
  return readWorkbookGrids(await loadWorkbook(await workbook.xlsx.writeBuffer()));
}

async function main(posts: number): Promise<void> {
  const plain = await gridsOf(largeWorkbook(posts));
  const withScenarios = largeWorkbook(posts);
  addScenarios(withScenarios.getWorksheet("Assumptions")!, SCENARIOS);
  const scenarios = await gridsOf(withScenarios);
  const worst = largeWorkbook(posts);
  addScenarios(worst.getWorksheet("Assumptions")!, ALL_COSTED);
  const allCosted = await gridsOf(worst);
  const request = { generatedAt: "2026-01-01", version: "bench", mode: "shareable" as const };
  const built = buildWorkbook(scenarios, request);
  if (!built.ok || !built.sheets.some((s) => s.key === "scenarios"))
    throw new Error(`no Scenarios sheet: ${JSON.stringify(built.issues.slice(0, 3))}`);
  const n = posts.toLocaleString("en-GB");
  const one = measure(`buildWorkbook, ${n} posts, no scenarios`, () =>
    buildWorkbook(plain, request)
  );
  const five = measure(`buildWorkbook, ${n} posts, 5 scenarios (with the Scenarios sheet)`, () =>
    buildWorkbook(scenarios, request)
  );
  const five2 = measure(
    `buildWorkbook, ${n} posts, 5 scenarios that each cost every post anew`,
    () => buildWorkbook(allCosted, request)
  );
  process.stdout.write(
    [
      `${n} posts (the demo's repeated); scenarios: ${SCENARIOS.map(([s]) => s).join(", ")}; worst case: ${ALL_COSTED.map(([s]) => s).join(", ")}; median of 5 runs.`,
      "",
      ratioTable(one, [five, five2]),
      "",
      `Peak RSS ${peakRssMb()} MB.`,
      "",
    ].join("\n")
  );
}

main(Number(process.argv[2] ?? 10_000)).catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
