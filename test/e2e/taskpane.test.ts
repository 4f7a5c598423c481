import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { readWorkbook } from "../../src/core/read";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { BuildResult } from "../../src/core/workbook/types";
import { withoutOutputSheets } from "../../src/core/workbook/inputs";
import { formatFigure } from "../../src/taskpane/format";
import { loadWorkbook, ownedSheets, readWorkbookGrids } from "../../src/xlsx";
import { CHROMIUM, describeWith } from "../support/requirements";
import { launchChromium, type Browser } from "./support/browser";
import { ensurePreviewBuild, PREVIEW_DIR, ROOT, type PreviewBuild } from "./support/preview-build";
import { serveDirectory, type StaticServer } from "./support/static-server";
import { EXAMPLE, exampleVariant } from "./support/workbooks";

// Screenshots go to test-results/ (ignored), so a test run leaves the tree clean; with
// ESTAB_SCREENSHOTS=docs they replace the README's pictures in docs/images/.
const IMAGES = path.join(
  ROOT,
  process.env.ESTAB_SCREENSHOTS === "docs" ? "docs/images" : "test-results/screenshots"
);
const RESULTS = path.join(ROOT, "test-results");

/** Serious and critical axe violations on the page as it is now, as short strings. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Fluent's focus trap (tabster) puts aria-hidden focusable <i> sentinels around
  // widgets on purpose: a documented false positive (microsoft/tabster#288).
  const results = await new AxeBuilder({ page })
    .exclude("[data-tabster-dummy]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Polls until the value is the one wanted (or 10 s pass), and returns the last value. */
async function eventually<T>(read: () => Promise<T>, wanted: T): Promise<T> {
  const until = Date.now() + 10_000;
  let value = await read();
  while (value !== wanted && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/** Scrolls so the element is at the top of the screenshot. */
async function showFromTop(page: Page, selector: string) {
  await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: "start" }));
}

async function openTab(page: Page, name: string | RegExp) {
  await page.getByRole("tab", { name }).click();
}

/**
 * Opens a dropdown and picks an option. Under a loaded CI machine the pane can still be
 * settling after a workbook is read (a re-render closes an open list), so the list is
 * opened again, a bounded number of times, until the option shows.
 */
async function choose(page: Page, combobox: RegExp, option: string) {
  const box = page.getByRole("combobox", { name: combobox });
  const wanted = page.getByRole("option", { name: option });
  for (let attempt = 1; ; attempt++) {
    await box.click();
    try {
      await wanted.waitFor({ timeout: 10_000 });
      await wanted.click();
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press("Escape");
    }
  }
}

async function openWorkbook(page: Page, file: string) {
  await page.getByTestId("open-workbook").setInputFiles(file);
  await page.getByText(`Workbook: ${path.basename(file)}`).waitFor();
  await page.getByRole("heading", { name: "Tables found" }).waitFor();
}

describeWith([CHROMIUM], "task pane in the browser preview (Chromium)", ([chromiumPath]) => {
  let build: PreviewBuild;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const timings: Record<string, unknown> = {};

  beforeAll(async () => {
    build = ensurePreviewBuild();
    timings.previewBuildSeconds = build.seconds;
    server = await serveDirectory(PREVIEW_DIR);
    browser = await launchChromium(chromiumPath);
    page = await browser.context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      // The page's CSP meta carries frame-ancestors for Office's iframe; Chromium notes
      // that a meta tag cannot enforce it. Harmless, and not an error of the pane.
      if (
        m.type() === "error" &&
        !/frame-ancestors/.test(m.text()) &&
        !/Failed to load resource/.test(m.text())
      )
        errors.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico"))
        errors.push(`${r.status()} ${r.url()}`);
    });
    mkdirSync(IMAGES, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, "taskpane-e2e.json"), JSON.stringify(timings, null, 2));
    console.log(`Task pane e2e timings: ${JSON.stringify(timings)}`);
  });

  it("opens on the bundled example and shows the tables and mapping found", async () => {
    // First render, measured (never asserted): three fresh loads, the middle one reported.
    const runs: Array<{ firstContentfulPaint: number; paneReady: number; [mark: string]: number }> =
      [];
    for (let i = 0; i < 3; i++) {
      await page.goto(server.url);
      const ready = await page.waitForFunction(
        () => (document.getElementById("source-tables") ? performance.now() : 0),
        undefined,
        { polling: "raf", timeout: 60_000 }
      );
      const paneReady = (await ready.jsonValue()) as number;
      const fcp = await page.evaluate(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN
      );
      const marks = await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType("mark")
            .filter((m) => m.name.startsWith("estab:"))
            .map((m) => [m.name.slice(6), Math.round(m.startTime)])
        )
      );
      runs.push({
        firstContentfulPaint: Math.round(fcp),
        paneReady: Math.round(paneReady),
        ...marks,
      });
    }
    const median = <K extends keyof (typeof runs)[number]>(k: K) =>
      [...runs].map((r) => r[k]).sort((a, b) => a - b)[1];
    timings.firstRender = {
      runs,
      medianFirstContentfulPaintMs: median("firstContentfulPaint"),
      medianPaneReadyMs: median("paneReady"),
    };

    await page.getByText("Workbook: childrens-services.xlsx").waitFor();
    await page
      .getByText(/Establishment!A4:/)
      .first()
      .waitFor();
    await page.getByRole("combobox", { name: /^Position/ }).waitFor();
    // Dates read as dates (the example's start dates are serials in the cells).
    await page.getByText("e.g. 1 Sep 2025, 1 Sep 2025, 1 Sep 2025", { exact: true }).waitFor();
    expect(await page.getByText(/45,?901/).count()).toBe(0);
    // The problems come straight after the tables found, before the mapping.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.slice(0, 3)).toEqual([
      "Tables found",
      expect.stringMatching(/^Problems found \(\d+\)$/),
      "Establishment columns",
    ]);
    await page.screenshot({ path: path.join(IMAGES, "taskpane-source.png") });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the example's assumptions, and why a sheet of the user's is not edited", async () => {
    await openTab(page, "Assumptions");
    await page.getByRole("heading", { name: /^Settings/ }).waitFor();
    // The example's Assumptions sheet is the user's own, unless the demo marks it as the
    // add-in's: either way the pane says which, and only edits the add-in's.
    const readOnly = page.getByText("Your own sheet: shown, not changed");
    const editable = page.getByRole("heading", { name: "Settings on “Assumptions”" });
    await expect(readOnly.or(editable).first().isVisible()).resolves.toBe(true);
    if (await readOnly.isVisible()) expect(await page.getByRole("textbox").count()).toBe(0);
    await page.screenshot({ path: path.join(IMAGES, "taskpane-assumptions.png") });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("takes the user to the cell a problem is about", async () => {
    await openTab(page, /^Source/);
    // The demo's issues are one warning (its agency row costed as an employee) and notes
    // (blank spacer rows and defaults), the notes listed on request.
    await page.getByRole("button", { name: /^Show \d+ notes \(nothing to do\)$/ }).click();
    const first = page
      .getByRole("list", { name: "Problems in the source: notes" })
      .getByRole("button")
      .first();
    const where = (await first.locator("span span").first().textContent()) ?? "";
    const [sheet, address] = where.split("!");
    await first.click();
    await expect(
      page.getByRole("tab", { name: "Sheets" }).getAttribute("aria-selected")
    ).resolves.toBe("true");
    const cell = page.locator('td[aria-current="true"]');
    await expect(cell.getAttribute("data-address")).resolves.toBe(address);
    await expect(page.getByRole("combobox", { name: "Sheet" }).textContent()).resolves.toContain(
      sheet
    );
    await expect(cell.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  it("fixes a mapping, creates and edits the assumptions, builds all, and shows the core's figures", async () => {
    let staffColumn = "";
    const file = await exampleVariant("establishment-to-fix.xlsx", (wb) => {
      // No assumptions sheet (the pane creates one), and a headcount header the reader cannot know.
      const assumptions = wb.getWorksheet("Assumptions");
      if (assumptions) wb.removeWorksheet(assumptions.id);
      wb.getWorksheet("Establishment")?.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === "No of Staff") {
            cell.value = "Bodies";
            staffColumn = cell.address.replace(/\d+$/, "");
          }
        })
      );
    });
    expect(staffColumn).not.toBe("");
    await openWorkbook(page, file);

    // Fix the mapping: headcount is in the "Bodies" column.
    await page
      .getByRole("region", { name: "Establishment columns" })
      .getByRole("button", { name: /^Not found in the table/ })
      .click();
    await choose(page, /^No of staff/, `${staffColumn}: Bodies`);
    const fixed = page.getByRole("combobox", { name: /^No of staff \(your choice\)/ });
    await expect(fixed.textContent()).resolves.toContain(`${staffColumn}: Bodies`);

    // Create the assumptions sheet, then change settings: each is written to its cell.
    await openTab(page, "Assumptions");
    await page.getByRole("button", { name: "Create the assumptions sheet" }).click();
    await page.getByRole("heading", { name: "Settings on “Assumptions”" }).waitFor();
    const edits: Array<[RegExp, string, string]> = [
      [/^Employer pension rate/, "21%", "21%"],
      [/^Grant name/, "Supporting Families grant", "Supporting Families grant"],
      [/^Grant amount/, "1600000", "£1,600,000.00"],
      [/^Grant start/, "01/09/2025", "01/09/2025"],
      [/^Grant end/, "31/03/2028", "31/03/2028"],
    ];
    for (const [name, typed, shown] of edits) {
      const box = page.getByRole("textbox", { name });
      await box.fill(typed);
      await box.press("Enter");
      expect(await eventually(() => page.getByRole("textbox", { name }).inputValue(), shown)).toBe(
        shown
      );
    }
    await page.screenshot({ path: path.join(IMAGES, "taskpane-assumptions-form.png") });

    // The workbook exactly as the build will read it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const saved = await loadWorkbook(readFileSync((await download.path()) as string));
    const grids = withoutOutputSheets(
      readWorkbookGrids(saved),
      ownedSheets(saved).map((o) => o.sheet)
    );
    expect(grids.grids.some((g) => g.sheet === "Assumptions")).toBe(true);

    await openTab(page, "Build");
    await page.getByRole("button", { name: "Build all sheets" }).click();
    await page.getByText(/sheets? written/).waitFor({ timeout: 60_000 });

    const expected: BuildResult = buildWorkbook(grids, {
      mode: "shareable",
      mapping: { headcount: staffColumn },
      generatedAt: new Date().toISOString(),
      version: "e2e",
    });
    expect(expected.ok).toBe(true);
    const calculated = expected.summaries.filter((s) => s.key !== "assumptions");
    expect(calculated.length).toBeGreaterThanOrEqual(3);
    for (const summary of calculated) {
      const card = page.locator(`[data-sheet-key="${summary.key}"]`);
      await expect(card.getByText(summary.headline, { exact: true }).count()).resolves.toBe(1);
      const shown = await card.evaluate((el) =>
        [...el.querySelectorAll("dd[data-figure]")].map((dd) => [
          dd.getAttribute("data-figure"),
          dd.textContent,
        ])
      );
      expect(shown).toEqual(summary.figures.map((f) => [f.label, formatFigure(f.value, f.format)]));
    }
    // The pension rate the user typed is the one costed.
    const costed = expected.summaries.find((s) => s.key === "cost");
    expect(costed?.figures.find((f) => f.label === "Employer pension")).toBeDefined();

    await showFromTop(page, '[data-sheet-key="grant"]');
    await page.screenshot({ path: path.join(IMAGES, "taskpane-build.png") });
    expect(await seriousViolations(page)).toEqual([]);

    // The written sheets, marked as the add-in's, in the preview's Sheets view.
    await openTab(page, "Sheets");
    await page.getByRole("combobox", { name: "Sheet" }).click();
    for (const summary of calculated)
      await page
        .getByRole("option", { name: `${summary.sheetName} (created by the add-in)` })
        .waitFor();
    await page.getByRole("option", { name: /^Grant Costing/ }).click();
    await page.getByText("Created by the add-in", { exact: true }).waitFor();
    await page.screenshot({ path: path.join(IMAGES, "taskpane-sheets.png") });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("follows a dark colour scheme", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await openTab(page, "Build");
    await showFromTop(page, '[data-sheet-key="cost"]');
    const background = await page
      .locator("main")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: path.join(IMAGES, "taskpane-build-dark.png") });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("maps a locality column and builds a localities-only workbook", async () => {
    const file = await exampleVariant("localities-only.xlsx", (wb) => {
      // No establishment (the example's 'FTE to share out' is shared), and a demand header
      // the reader cannot know.
      const est = wb.getWorksheet("Establishment");
      if (est) wb.removeWorksheet(est.id);
      wb.getWorksheet("Localities")?.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === "Referrals (last 12 months)") cell.value = "Weekly count";
        })
      );
    });
    await openWorkbook(page, file);
    await page.getByText("Localities only", { exact: true }).waitFor();
    const section = page.getByRole("region", { name: "Locality columns" });
    await expect(
      section.getByRole("combobox", { name: /^Population 0-19/ }).textContent()
    ).resolves.toContain("B: Population 0-19");
    // Before the fix: demand is missing, a warning whose badge shows whole.
    const problems = page.getByRole("list", { name: "Problems in the source" });
    await problems.getByRole("button", { name: /no Demand column/ }).waitFor();
    const clipped = await problems.locator(".fui-Badge").evaluateAll((badges) =>
      badges
        .filter((b) => {
          const box = b.getBoundingClientRect();
          const button = b.closest("button")?.getBoundingClientRect();
          return (
            b.scrollWidth > b.clientWidth ||
            !button ||
            box.left < button.left ||
            box.right > button.right ||
            box.top < button.top ||
            box.bottom > button.bottom
          );
        })
        .map((b) => b.textContent)
    );
    expect(clipped).toEqual([]);
    await expect(problems.locator(".fui-Badge").first().textContent()).resolves.toBe("Warning");
    await showFromTop(page, "#source-issues");
    await page.screenshot({ path: path.join(IMAGES, "taskpane-source-localities.png") });

    await section.getByRole("button", { name: /^Not found in the table/ }).click();
    await choose(page, /^Demand/, "D: Weekly count");
    await expect(
      section.getByRole("combobox", { name: /^Demand \(your choice\)/ }).textContent()
    ).resolves.toContain("D: Weekly count");
    expect(await problems.getByRole("button", { name: /no Demand column/ }).count()).toBe(0);

    await openTab(page, "Build");
    await expect(
      page.getByRole("button", { name: "Build grant costing" }).isDisabled()
    ).resolves.toBe(true);
    await page.getByRole("button", { name: "Build all sheets" }).click();
    await page.getByText(/sheets? written/).waitFor({ timeout: 60_000 });
    await page.getByText("Locality shares only", { exact: true }).waitFor();
    await page.screenshot({ path: path.join(IMAGES, "taskpane-build-localities-only.png") });

    const saved = await loadWorkbook(readFileSync(file));
    const grids = withoutOutputSheets(
      readWorkbookGrids(saved),
      ownedSheets(saved).map((o) => o.sheet)
    );
    const request = {
      mode: "shareable" as const,
      generatedAt: new Date().toISOString(),
      version: "e2e",
    };
    const shares = (r: BuildResult) => r.summaries.find((s) => s.key === "shares");
    const expected = shares(buildWorkbook(grids, { ...request, localityMapping: { demand: "D" } }));
    // The mapping changes the shares: the figures shown are the ones built with it.
    expect(expected?.figures).not.toEqual(shares(buildWorkbook(grids, request))?.figures);
    const card = page.locator('[data-sheet-key="shares"]');
    const shown = await card.evaluate((el) =>
      [...el.querySelectorAll("dd[data-figure]")].map((dd) => [
        dd.getAttribute("data-figure"),
        dd.textContent,
      ])
    );
    expect(shown).toEqual(expected?.figures.map((f) => [f.label, formatFigure(f.value, f.format)]));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("blocks the build on an error and shows the cell to fix", async () => {
    let fteCell = "";
    const file = await exampleVariant("establishment-with-error.xlsx", (wb) => {
      const ws = wb.getWorksheet("Establishment");
      let fteColumn = 0;
      ws?.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (cell.value === "Current FTE") fteColumn = c;
        });
        if (fteColumn && !fteCell && r > 0 && typeof row.getCell(fteColumn).value === "number") {
          row.getCell(fteColumn).value = "full time";
          fteCell = row.getCell(fteColumn).address;
        }
      });
    });
    await openWorkbook(page, file);
    await expect(page.getByRole("tab", { name: "Source (errors)" }).count()).resolves.toBe(1);
    const error = page
      .getByRole("list", { name: "Problems in the source" })
      .getByRole("button", { name: new RegExp(`Establishment!${fteCell}`) });
    await expect(error.textContent()).resolves.toContain("'full time'");

    await openTab(page, "Build");
    await expect(page.getByRole("button", { name: "Build all sheets" }).isDisabled()).resolves.toBe(
      true
    );
    await page.getByText("Fix the source first").waitFor();
    await page.screenshot({ path: path.join(IMAGES, "taskpane-build-blocked.png") });

    await openTab(page, "Source (errors)");
    await error.click();
    await expect(
      page.locator('td[aria-current="true"]').getAttribute("data-address")
    ).resolves.toBe(fteCell);
  });

  it("draws each sheet's chart after building the example, with the figures the sheet holds", async () => {
    const wb = await loadWorkbook(readFileSync(EXAMPLE));
    const grids = withoutOutputSheets(
      readWorkbookGrids(wb),
      ownedSheets(wb).map((o) => o.sheet)
    );
    const expected = buildWorkbook(grids, {
      mode: "shareable",
      generatedAt: new Date().toISOString(),
      version: "e2e",
    });
    const charted = expected.summaries.filter((s) => s.charts.length > 0);
    expect(charted.map((s) => s.key)).toEqual(["cost", "grant", "changes", "shares", "scenarios"]);
    await openWorkbook(page, EXAMPLE);
    await openTab(page, "Build");
    await page.getByRole("button", { name: "Build all sheets" }).click();
    await page.getByText(/sheets? written/).waitFor({ timeout: 60_000 });
    for (const summary of charted) {
      const [chart] = summary.charts;
      const image = page.locator(`[data-sheet-key="${summary.key}"] svg[role="img"]`);
      await expect(image.count()).resolves.toBe(1);
      const label = await image.getAttribute("aria-label");
      expect(label?.slice(0, chart.title.length + 2)).toBe(`${chart.title}. `);
      // Each series drawn from the sheet's own figures: a bar or a point per figure.
      for (const s of chart.series) {
        const drawn = await image
          .locator(`[data-series="${s.name}"] [data-value]`)
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
        expect(drawn).toEqual(s.values.filter((v) => v !== null));
      }
      // The whole chart in view: its title above the image, its key below.
      await image.evaluate((el) => el.closest("figure")?.scrollIntoView({ block: "center" }));
      await page.screenshot({ path: path.join(IMAGES, `taskpane-chart-${summary.key}.png`) });
    }
    // The restructure shows the change per team, signed: not two near-equal totals.
    const changes = page.locator('[data-sheet-key="changes"] svg[role="img"]');
    await expect(changes.getAttribute("aria-label")).resolves.toContain(
      "Social Work +£109.4k, Family Support £0, Early Help +£40.9k, Business Support -£16.7k"
    );
    // The grant's columns and the grant left, on one scale: the line ends near the bottom.
    const grant = page.locator('[data-sheet-key="grant"] svg[role="img"]');
    await expect(grant.locator("rect[data-value]").count()).resolves.toBe(3);
    await expect(grant.locator("polyline").count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("builds the example with one of its scenarios, and offers them in live mode too (the switch starts there)", async () => {
    const wb = await loadWorkbook(readFileSync(EXAMPLE));
    const grids = withoutOutputSheets(
      readWorkbookGrids(wb),
      ownedSheets(wb).map((o) => o.sheet)
    );
    const scenario = readWorkbook(grids).scenarios[0]?.name;
    expect(scenario).toBeDefined();
    await openWorkbook(page, EXAMPLE);
    await openTab(page, "Build");
    await choose(page, /^Assumptions/, scenario as string);
    await page.getByRole("button", { name: "Build establishment cost" }).click();
    await page
      .getByText(`with the assumptions of the scenario \u2018${scenario}\u2019`, { exact: false })
      .waitFor({ timeout: 60_000 });
    const expected = buildWorkbook(grids, {
      mode: "shareable",
      only: ["cost"],
      scenario,
      generatedAt: new Date().toISOString(),
      version: "e2e",
    }).summaries.find((s) => s.key === "cost");
    const card = page.locator('[data-sheet-key="cost"]');
    await expect(card.getByText(expected?.headline ?? "?", { exact: true }).count()).resolves.toBe(
      1
    );
    await page.screenshot({ path: path.join(IMAGES, "taskpane-build-scenario.png") });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("radio", { name: /^Live/ }).click();
    // Live, the picker is where the Scenarios sheet's switch starts.
    await expect(page.getByRole("combobox", { name: /^Assumptions/ }).isDisabled()).resolves.toBe(
      false
    );
    await page.getByText(/Scenario in use.* cell starts/).waitFor();
    await page.getByRole("radio", { name: /^Shareable/ }).click();
  });

  it("says what a file that is not a workbook is, as the CLI does", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "estab-e2e-")), "staff.xlsx");
    writeFileSync(file, "Post,FTE\nSocial Worker,1\n");
    await page.getByTestId("open-workbook").setInputFiles(file);
    await page
      .getByText(
        "'staff.xlsx' is a text file (a CSV or similar), not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx)."
      )
      .waitFor();
  });

  it("ran without a script error", () => {
    expect(errors).toEqual([]);
  });
});
