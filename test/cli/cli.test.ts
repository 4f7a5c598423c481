import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Issue } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read";
import type { BuildResult } from "../../src/core/workbook/types";
import { NOW, capture, recordingBuild } from "./support";
import { main } from "../../src/cli/main";
import type { BuildJson } from "../../src/cli/build";
import { childrensServicesWorkbook } from "../../src/cli/demo-workbook";
import { CLI_BUILD, ensureBuilt } from "../support/builds";
import { loadWorkbook, ownedSheets, readWorkbookGrids } from "../../src/xlsx";
import { assumptionsSpec, grantSpec } from "../xlsx/sample-specs";

/** Stands in for the core's buildWorkbook: hand-made sheets, and records what it was asked. */
function fakeBuild(result: Partial<BuildResult> = {}) {
  return recordingBuild({
    ok: true,
    issues: [
      {
        severity: "info",
        code: "blank-row",
        sheet: "Establishment",
        address: "A8",
        message: "Blank row inside the table, skipped",
        fix: "nothing to do if it is a spacer",
      },
    ],
    sheets: [grantSpec(), assumptionsSpec()],
    summaries: [
      {
        key: "grant",
        sheetName: "Grant costing",
        headline: "Supporting Families grant: £16,333.90 headroom",
        figures: [
          { label: "Total cost", value: 433666.1, format: "money" },
          { label: "Grant", value: 450000, format: "money" },
          { label: "FTE", value: 13, format: "fte" },
        ],
        warnings: [],
        charts: [],
      },
    ],
    ...result,
  });
}

const FTE_ERROR: Issue = {
  severity: "error",
  code: "fte-not-number",
  sheet: "Establishment",
  address: "G12",
  value: "full time",
  message: "FTE 'full time' is not a number",
  fix: "enter e.g. 1 or 0.5",
};

let dir: string;
let input: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-cli-"));
  input = path.join(dir, "Children's services.xlsx");
  await childrensServicesWorkbook().xlsx.writeFile(input);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("estab build", () => {
  it("writes a new workbook beside the input, with the calculated sheets, and prints a summary", async () => {
    const { build, calls } = fakeBuild();
    const before = readFileSync(input);
    const c = capture();
    const code = await main(["build", input], c.io, build);
    expect(c.stderr()).toBe("");
    expect(code).toBe(0);
    const output = path.join(dir, "Children's services-costed.xlsx");
    expect(existsSync(output)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([
      "Children's services-costed.xlsx",
      "Children's services.xlsx",
    ]);

    // The core got the workbook's grids and a shareable request.
    expect(calls[0].request).toEqual({
      mode: "shareable",
      defaultFirstYear: 2025,
      outputSheets: [],
      generatedAt: NOW.toISOString(),
      version: "0.1.0",
    });
    expect(calls[0].workbook.grids.map((g) => g.sheet)).toContain("Establishment");

    const wb = await loadWorkbook(readFileSync(output));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Grant costing", "Assumptions used"]);
    expect(ownedSheets(wb).map((o) => o.key)).toEqual(["grant", "assumptions"]);

    const text = c.stdout();
    expect(text).toContain(`Wrote ${output} (2 sheets: Grant costing, Assumptions used)`);
    expect(text).toContain("Grant costing: Supporting Families grant: £16,333.90 headroom");
    expect(text).toMatch(/Total cost {2}£433,666\.10/);
    expect(text).toMatch(/Grant {7}£450,000\.00/);
    expect(text).toContain("13.00");
    expect(text).toContain("1 note: blank row skipped (Establishment row 8)");
    // Files carry their charts now: no line saying they are left out.
    expect(text).not.toContain("Charts are not included");
  });

  it("writes nothing and exits 1 when the workbook has errors, listing the cells", async () => {
    const { build } = fakeBuild({ ok: false, sheets: [], summaries: [], issues: [FTE_ERROR] });
    const c = capture();
    const output = path.join(dir, "out.xlsx");
    const code = await main(["build", input, "-o", output], c.io, build);
    expect(code).toBe(1);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir)).toEqual(["Children's services.xlsx"]);
    expect(c.stderr()).toContain("1 error in the workbook:");
    expect(c.stderr()).toContain(
      "Establishment!G12: FTE 'full time' is not a number — enter e.g. 1 or 0.5"
    );
    expect(c.stderr()).toContain("Nothing was written");
    expect(c.stdout()).toBe("");
  });

  it("treats an error-severity issue as blocking even if the core said ok", async () => {
    const { build } = fakeBuild({ issues: [FTE_ERROR] });
    const c = capture();
    expect(await main(["build", input, "-o", path.join(dir, "o.xlsx")], c.io, build)).toBe(1);
    expect(existsSync(path.join(dir, "o.xlsx"))).toBe(false);
  });

  it("refuses to overwrite the input, however the path is written", async () => {
    const { build, calls } = fakeBuild();
    const before = readFileSync(input);
    for (const output of [input, path.join(dir, ".", "sub", "..", path.basename(input))]) {
      const c = capture();
      expect(await main(["build", input, "-o", output], c.io, build)).toBe(2);
      expect(c.stderr()).toContain("would overwrite the workbook you are costing");
    }
    expect(calls).toHaveLength(0);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("prints JSON with the totals per sheet for scripts", async () => {
    const { build } = fakeBuild();
    const c = capture();
    const output = path.join(dir, "results", "costed.xlsx");
    expect(await main(["build", input, "-o", output, "--json"], c.io, build)).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    expect(json).toEqual({
      ok: true,
      input,
      output,
      sheets: [
        {
          key: "grant",
          sheet: "Grant costing",
          headline: "Supporting Families grant: £16,333.90 headroom",
          totals: { "Total cost": 433666.1, Grant: 450000, FTE: 13 },
          figures: expect.any(Array),
          warnings: [],
        },
      ],
      issues: [
        expect.objectContaining({ severity: "info", sheet: "Establishment", address: "A8" }),
      ],
    });
    expect(existsSync(output)).toBe(true);
  });

  it("prints JSON with the issues, and writes nothing, on errors", async () => {
    const { build } = fakeBuild({ ok: false, sheets: [], summaries: [], issues: [FTE_ERROR] });
    const c = capture();
    expect(await main(["build", input, "--json"], c.io, build)).toBe(1);
    const json = JSON.parse(c.stdout()) as BuildJson;
    expect(json.ok).toBe(false);
    expect(json.output).toBeUndefined();
    expect(json.issues).toEqual([FTE_ERROR]);
    expect(readdirSync(dir)).toEqual(["Children's services.xlsx"]);
  });

  it("passes --only to the core and rejects sheets it does not know", async () => {
    const { build, calls } = fakeBuild();
    expect(await main(["build", input, "--only", "grant, cost,grant"], capture().io, build)).toBe(
      0
    );
    expect(calls[0].request.only).toEqual(["grant", "cost"]);
    const c = capture();
    expect(await main(["build", input, "--only", "grants"], c.io, build)).toBe(2);
    expect(c.stderr()).toContain("--only takes a list of grant, cost, changes, shares");
  });

  it("explains a missing file, a file that is not a workbook, and a wrong option (exit 2)", async () => {
    const { build } = fakeBuild();
    let c = capture();
    expect(await main(["build", path.join(dir, "nope.xlsx")], c.io, build)).toBe(2);
    expect(c.stderr()).toContain("Cannot find the workbook");
    const notXlsx = path.join(dir, "notes.xlsx");
    writeFileSync(notXlsx, "just some text");
    c = capture();
    expect(await main(["build", notXlsx], c.io, build)).toBe(2);
    expect(c.stderr()).toContain("is a text file (a CSV or similar), not an Excel workbook");
    c = capture();
    expect(await main(["build", input, "--colour"], c.io, build)).toBe(2);
    expect(c.stderr()).toContain("unknown option");
  });

  it("shows progress on a terminal only", async () => {
    const quiet = capture(false);
    await main(["build", input, "-o", path.join(dir, "a.xlsx")], quiet.io, fakeBuild().build);
    expect(quiet.stderr()).toBe("");
    const tty = capture(true);
    await main(["build", input, "-o", path.join(dir, "b.xlsx")], tty.io, fakeBuild().build);
    expect(tty.stderr()).toContain("Reading Children's services.xlsx");
    expect(tty.stderr()).toContain("Writing sheet 2 of 2 (Assumptions used)");
  });

  it("reports an unexpected failure with exit 3 and writes nothing", async () => {
    const c = capture();
    const code = await main(["build", input, "-o", path.join(dir, "x.xlsx")], c.io, () => {
      throw new Error("boom");
    });
    expect(code).toBe(3);
    expect(c.stderr()).toContain("something went wrong: boom");
    expect(readdirSync(dir)).toEqual(["Children's services.xlsx"]);
  });
});

describe("estab build and charts", () => {
  const chartsIn = async (file: string) =>
    Object.keys((await JSZip.loadAsync(readFileSync(file))).files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .sort();
  const FIVE = ["chart1", "chart2", "chart3", "chart4", "chart5"].map((c) => `xl/charts/${c}.xml`);

  it("writes the sheets' charts, and reads a file it wrote with charts as its input", async () => {
    // Live: the workbook itself, its source sheets and the calculated ones with their charts.
    const live = path.join(dir, "live.xlsx");
    expect(await main(["build", input, "--live", "-o", live], capture().io)).toBe(0);
    expect(await chartsIn(live)).toEqual(FIVE);

    // Built again from that file (charts and all): the same sheets, each chart once.
    const again = path.join(dir, "again.xlsx");
    const c = capture();
    expect(await main(["build", live, "-o", again], c.io)).toBe(0);
    expect(c.stderr()).toBe("");
    expect(await chartsIn(again)).toEqual(FIVE);
    const wb = await loadWorkbook(readFileSync(again));
    expect(ownedSheets(wb).map((o) => o.key)).toEqual([
      "cost",
      "grant",
      "changes",
      "shares",
      "scenarios",
      "assumptions",
    ]);

    // And live again into it: its sheets replaced, their charts with them.
    const relive = path.join(dir, "relive.xlsx");
    expect(await main(["build", live, "--live", "-o", relive], capture().io)).toBe(0);
    expect(await chartsIn(relive)).toEqual(FIVE);

    // Made shareable: the live sheets' charts kept.
    const shared = path.join(dir, "shared.xlsx");
    expect(await main(["share", live, "-o", shared], capture().io)).toBe(0);
    expect(await chartsIn(shared)).toEqual(FIVE);
  }, 60_000);
});

describe("estab build with a restructure kept as two lists", () => {
  /** As a finance officer lays it out: two sheets, the columns in another order on each. */
  async function twoSheets(
    file: string,
    current = "Current structure",
    proposed = "Proposed structure"
  ) {
    const wb = new ExcelJS.Workbook();
    const now = wb.addWorksheet(current);
    now.addRows([
      ["Children's Services: current structure"],
      [],
      ["Post ID", "Position", "Grade", "Team", "Salary", "FTE", "Contract type"],
      ["P1", "Team Manager", "SS11", "North", 45000, 1, "Permanent"],
      ["P2", "Senior Practitioner", "SS10", "North", 40000, 1, "Permanent"],
      ["P3", "Social Worker", "SS09", "North", 36000, 3, "Temporary"],
    ]);
    const then = wb.addWorksheet(proposed);
    then.addRows([
      ["Position", "FTE", "Post ID", "Salary", "Grade", "Team", "Contract type"],
      ["Team Manager", 1, "P1", 45000, "SS11", "North", "Permanent"],
      ["Social Worker", 4, "P3", 36000, "SS09", "North", "Permanent"],
      ["Practice Lead", 1, "P7", 48000, "SS12", "North", "Permanent"],
    ]);
    await wb.xlsx.writeFile(file);
  }

  it("finds both sheets by their names and writes the Restructure sheet with the costing", async () => {
    const file = path.join(dir, "restructure.xlsx");
    await twoSheets(file);
    const c = capture();
    expect(await main(["build", file, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    expect(json.sheets.map((s) => s.key)).toEqual(["cost", "grant", "changes", "assumptions"]);
    expect(json.issues.find((i) => i.code === "two-structures")).toMatchObject({
      severity: "info",
      sheet: "Current structure",
      address: "A3",
    });
    const changes = json.sheets.find((s) => s.key === "changes")!;
    // 2025/26 defaults (NI 15% over £417 a month per person, pension 19%, levy 0.5%), by hand:
    // now  TM £59,774.40 + SP £53,049.40 + 3 SW £143,008.20 = £255,832.00;
    // then TM £59,774.40 + 4 SW £190,677.60 + new PL £63,809.40 = £314,261.40.
    expect(changes.totals).toMatchObject({
      "Current cost (a year)": 255832,
      "Proposed cost (a year)": 314261.4,
      "Full-year effect": 58429.4,
      "FTE now": 5,
      "FTE proposed": 6,
    });
    // The costing sheets cost the current structure: 5 FTE.
    expect(json.sheets.find((s) => s.key === "cost")?.headline).toMatch(/\b5(\.00)? FTE\b/);
  });

  it("reads lists named by --current and --proposed, and --establishment picks the list to cost", async () => {
    const file = path.join(dir, "named.xlsx");
    await twoSheets(file, "Sheet A", "Sheet B");
    const c = capture();
    const out = path.join(dir, "out.xlsx");
    expect(
      await main(
        ["build", file, "-o", out, "--json", "--current", "Sheet A", "--proposed", "Sheet B"],
        c.io
      )
    ).toBe(0);
    expect((JSON.parse(c.stdout()) as BuildJson).sheets.map((s) => s.key)).toContain("changes");
    const only = capture();
    expect(
      await main(["build", file, "-o", out, "--json", "--establishment", "Sheet B"], only.io)
    ).toBe(0);
    const cost = (JSON.parse(only.stdout()) as BuildJson).sheets.find((s) => s.key === "cost");
    expect(cost?.headline).toMatch(/\b6(\.00)? FTE\b/);
  });

  it("passes the names to the core, and refuses --current without --proposed", async () => {
    const { build, calls } = fakeBuild();
    expect(
      await main(
        ["build", input, "--current", "Now", "--proposed", "Then", "--establishment", "Now"],
        capture().io,
        build
      )
    ).toBe(0);
    expect(calls[0].request).toMatchObject({
      current: "Now",
      proposed: "Then",
      establishment: "Now",
    });
    const c = capture();
    expect(await main(["build", input, "--current", "Now"], c.io, build)).toBe(2);
    expect(c.stderr()).toContain("--current and --proposed go together");
  });
});

describe("estab build on a workbook with no Assumptions sheet", () => {
  it("builds on the defaults and says which, with how to set them", async () => {
    const wb = childrensServicesWorkbook();
    wb.removeWorksheet(wb.getWorksheet("Assumptions")!.id);
    const bare = path.join(dir, "no-assumptions.xlsx");
    await wb.xlsx.writeFile(bare);
    const c = capture();
    expect(await main(["build", bare, "-o", path.join(dir, "out.xlsx")], c.io)).toBe(0);
    // Today (NOW, June 2025) is in 2025/26: the CLI's default first year.
    expect(c.stdout()).toContain(
      "No Assumptions sheet was found, so the defaults were used: first financial year 2025/26 for 3 years, posts costed at the bottom of the grade, no pay awards, employer pension 19%, employer NI by the tax year's rates and the apprenticeship levy, no vacancy factor, no grant. To set them, add an Assumptions sheet: 'estab init' writes one with every setting, and the task pane's Assumptions tab creates it (Establishment!A4)"
    );
  });
});

describe("estab build with a grant name no post's Funding has", () => {
  it("warns at the Grant name cell, naming the funding there is, and costs no post against it", async () => {
    const wb = childrensServicesWorkbook();
    const settings = wb.getWorksheet("Assumptions")!;
    let cell = "";
    settings.eachRow((row) => {
      if (row.getCell(1).value === "Grant name") {
        row.getCell(2).value = "Supporting Familes"; // one letter out
        cell = row.getCell(2).address;
      }
    });
    const slip = path.join(dir, "slip.xlsx");
    await wb.xlsx.writeFile(slip);
    const c = capture();
    expect(await main(["build", slip, "-o", path.join(dir, "out.xlsx"), "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.stdout()) as BuildJson;
    const warning = json.issues.find((i) => i.code === "grant-matches-no-post");
    expect(warning).toMatchObject({ severity: "warning", sheet: "Assumptions", address: cell });
    expect(warning?.message).toMatch(
      /^No post's Funding names the grant 'Supporting Familes', so the Grant Costing sheet costs no posts: the Funding column names 'Base budget', 'Supporting Families grant'$/
    );
    expect(json.sheets.find((s) => s.key === "grant")?.headline).toMatch(/for 0 posts\b/);
  });
});

describe("estab init", () => {
  it("writes a starter workbook the reader understands", async () => {
    const file = path.join(dir, "starter.xlsx");
    const c = capture();
    expect(await main(["init", file], c.io)).toBe(0);
    expect(c.stdout()).toContain(`estab build ${file}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inputs = readWorkbook(readWorkbookGrids(wb));
    expect(inputs.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(inputs.establishment?.posts.map((p) => p.title)).toEqual([
      "Team Manager",
      "Social Worker",
      "Family Support Worker",
      "Business Support Officer",
    ]);
    expect(inputs.assumptions.firstYear).toBe(2025); // June 2025 is in FY 2025/26
    expect(inputs.localities?.localities).toHaveLength(3);
  });

  it("never replaces an existing file", async () => {
    const c = capture();
    const before = readFileSync(input);
    expect(await main(["init", input], c.io)).toBe(2);
    expect(c.stderr()).toContain("already exists");
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("estab --help", () => {
  it("explains the commands in plain words with examples", async () => {
    const c = capture();
    expect(await main(["--help"], c.io)).toBe(0);
    expect(c.stdout()).toContain("estab init");
    const b = capture();
    expect(await main(["build", "--help"], b.io)).toBe(0);
    expect(b.stdout()).toContain("Examples:");
    expect(b.stdout()).toContain("Your workbook is never changed");
    expect(await main([], capture().io)).toBe(2);
  });
});

describe("the built estab command (dist/cli, as npm run build:cli makes it)", () => {
  let BUILT = "";
  // Built here when missing or stale, so a fresh clone tests the command as installed.
  beforeAll(() => {
    BUILT = ensureBuilt(CLI_BUILD).marker;
  }, 600_000);

  it("costs the demo workbook as a program, then refuses to overwrite its input", () => {
    const output = path.join(dir, "costed.xlsx");
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BUILT, ...args], { encoding: "utf8" });
    const built = run("build", input, "-o", output, "--json");
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const json = JSON.parse(built.stdout) as BuildJson;
    expect(json.sheets.map((s) => s.key).sort()).toEqual([
      "assumptions",
      "changes",
      "cost",
      "grant",
      "scenarios",
      "shares",
    ]);
    expect(existsSync(output)).toBe(true);
    const refused = run("build", input, "-o", input);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("would overwrite");
  });
});
