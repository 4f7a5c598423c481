/** @jest-environment jsdom */
/**
 * The task pane draws the charts the workbook carries: built from the demo workbook, each
 * summary card shows its sheet's chart with the sheet's own figures, named for a screen
 * reader and in a table to read cell by cell.
 */
import "@testing-library/jest-dom";
import { readFileSync } from "node:fs";
import path from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { BuildResult } from "../../src/core/workbook/types";
import { ResultSummary } from "../../src/taskpane/components/ResultSummary";
// jsdom has no ResizeObserver; the fakes stub it for Fluent's MessageBar.
import "./fakes";

const DEMO = path.join(__dirname, "../../examples/childrens-services.xlsx");
let built: BuildResult;

beforeAll(async () => {
  // jsdom has neither; the file reader that opens the demo needs them.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  const { loadWorkbook, readWorkbookGrids } = await import("../../src/xlsx");
  const grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
  built = buildWorkbook(grids, {
    mode: "shareable",
    generatedAt: "2025-06-01T09:00:00Z",
    version: "test",
  });
  expect(built.ok).toBe(true);
});

/** The card of one sheet's summary, rendered alone, and its chart's image. */
function card(key: string) {
  const summary = built.summaries.find((s) => s.key === key);
  if (!summary) throw new Error(`no ${key} summary`);
  render(
    <FluentProvider theme={webLightTheme}>
      <ResultSummary summary={summary} />
    </FluentProvider>
  );
  const shown = screen.getByLabelText(`Summary of ${summary.sheetName}`);
  const image = within(shown).getByRole("img");
  return { shown, image, svg: image as unknown as SVGSVGElement };
}

const values = (svg: Element, series: string, shape: string) =>
  [...svg.querySelectorAll(`[data-series="${series}"] ${shape}[data-value]`)].map((e) =>
    Number(e.getAttribute("data-value"))
  );

describe("the task pane's charts (demo workbook)", () => {
  it("Establishment Cost: a column per cost line", () => {
    const { image, svg } = card("cost");
    expect(image).toHaveAccessibleName(
      "Cost by line: salary and on-costs. Salary £2.4m, Employer NI £306.5k, Employer pension £468.7k, Apprenticeship levy £12.0k"
    );
    expect(values(svg, "Total cost", "rect")).toEqual([2403767.22, 306521.95, 468734.61, 12018.86]);
  });

  it("Grant Costing: the commitment per year as columns, the grant left as a line", () => {
    const { shown, svg } = card("grant");
    expect(values(svg, "Net cost in the year", "rect")).toEqual([322284.07, 588642.08, 617735.75]);
    expect(values(svg, "Grant left (cumulative headroom)", "circle")).toEqual([
      1277715.93, 689073.85, 71338.1,
    ]);
    expect(svg.querySelectorAll("polyline")).toHaveLength(1);
    // The figures in full, to read cell by cell.
    const table = within(shown).getByRole("table", {
      name: "Commitment per year against the grant",
    });
    expect(within(table).getByRole("row", { name: /^2027\/28/ })).toHaveTextContent(
      "2027/28£617,735.75£71,338.10"
    );
  });

  it("Restructure: the change per team as bars from zero, savings to the left", () => {
    const { image, svg } = card("changes");
    expect(image).toHaveAccessibleName(
      "Change in cost per team, proposed against now (full year). Management -£78.5k, Social Work +£109.4k, Family Support £0, Early Help +£40.9k, Business Support -£16.7k"
    );
    const bars = [...svg.querySelectorAll("rect[data-value]")];
    expect(bars.map((b) => Number(b.getAttribute("data-value")))).toEqual([
      -78504.53, 109430.51, 0, 40863.15, -16707.74,
    ]);
    // Every bar starts or ends at the zero line; the saving ends there, the increase starts there.
    const zero = Number(svg.querySelector("line")?.getAttribute("x1"));
    const [management, socialWork] = bars.map((b) => ({
      x: Number(b.getAttribute("x")),
      width: Number(b.getAttribute("width")),
    }));
    expect(management.x + management.width).toBeCloseTo(zero, 6);
    expect(socialWork.x).toBeCloseTo(zero, 6);
    // The longer bar is the larger change.
    expect(socialWork.width).toBeGreaterThan(management.width);
  });

  it("Locality shares: FTE as columns, the need index as a line on its own scale", () => {
    const { shown, svg } = card("shares");
    expect(values(svg, "FTE allocated", "rect")).toEqual([4.5, 3, 6.5, 2, 5.5, 2.5]);
    expect(values(svg, "Need index", "circle").map((x) => Math.round(x * 1e4) / 1e4)).toEqual([
      0.1914, 0.1182, 0.2617, 0.095, 0.2221, 0.1117,
    ]);
    expect(within(shown).getByText("Need index (right-hand scale)")).toBeInTheDocument();
  });

  it("Scenarios: each scenario's cost over the grant, and the grant left", () => {
    const { image, svg } = card("scenarios");
    expect(image).toHaveAccessibleName(
      expect.stringContaining(
        "Grant left at the end: Base £71.3k, Pay award 4% £40.8k, NI before April 2025 £105.3k, Vacancies 5% £102.9k"
      )
    );
    expect(values(svg, "Total cost over the grant", "rect")).toEqual([
      1528661.9, 1559178.61, 1494738.61, 1497143.1,
    ]);
  });

  it("draws no chart for the Assumptions sheet", () => {
    const summary = built.summaries.find((s) => s.key === "assumptions");
    if (!summary) throw new Error("no assumptions summary");
    render(
      <FluentProvider theme={webLightTheme}>
        <ResultSummary summary={summary} />
      </FluentProvider>
    );
    expect(screen.queryByRole("img")).not.toBeInTheDocument();
  });
});
