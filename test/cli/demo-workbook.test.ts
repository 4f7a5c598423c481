import { readFileSync } from "node:fs";
import path from "node:path";
import { readWorkbook } from "../../src/core/read";
import { childrensServicesWorkbook, demoPostCount } from "../../src/cli/demo-workbook";
import { loadWorkbook, readWorkbookGrids } from "../../src/xlsx";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "childrens-services.xlsx");

describe("examples/childrens-services.xlsx", () => {
  it("is what the committed generator makes (regenerate: node examples/make-example.js)", async () => {
    const committed = readWorkbookGrids(await loadWorkbook(readFileSync(EXAMPLE)));
    const generated = readWorkbookGrids(childrensServicesWorkbook());
    expect(committed).toEqual(generated);
  });

  it("reads as a children's services establishment with no errors", async () => {
    const inputs = readWorkbook(readWorkbookGrids(await loadWorkbook(readFileSync(EXAMPLE))));
    expect(inputs.issues.filter((i) => i.severity === "error")).toEqual([]);
    const est = inputs.establishment!;
    expect(est.sheet).toBe("Establishment");
    expect(est.headerRow).toBe(3); // title rows above the header
    expect(est.posts).toHaveLength(demoPostCount());
    expect(new Set(est.posts.map((p) => p.team))).toEqual(
      new Set(["Management", "Social Work", "Family Support", "Early Help", "Business Support"])
    );
    // The TOTAL row is kept apart and reconciles with the posts.
    const [total] = est.totals;
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
    expect(total.fte).toBe(sum(est.posts.map((p) => p.fte)));
    expect(total.headcount).toBe(sum(est.posts.map((p) => p.headcount ?? 0)));
    // Money typed as "£" text reads as money; UK text dates read as dates.
    expect(est.posts.find((p) => p.title === "Business Support Manager")?.minSalary).toBe(33366);
    const parenting = est.posts.find((p) => p.title === "Parenting Practitioner")!;
    expect(parenting.startDate).toBe(45901);
    const agency = est.posts.find((p) => p.contractType === "agency")!;
    expect(agency).toMatchObject({
      proposedContractType: "permanent",
      agencyHourlyRate: 36,
      hoursPerWeek: 37,
    });
    expect(est.posts.filter((p) => p.funding === "Supporting Families grant")).toHaveLength(5);

    expect(inputs.assumptions).toMatchObject({
      firstYear: 2025,
      years: 3,
      pensionRate: 0.195,
      grant: { name: "Supporting Families grant", amount: 1600000, start: 45901, end: 46843 },
    });
    expect(inputs.localities?.localities.map((l) => l.name)).toEqual([
      "Northfield",
      "Riverside",
      "Eastgate",
      "Westbury",
      "Central",
      "Coastal",
    ]);
  });
});
