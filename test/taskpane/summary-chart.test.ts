import type { SheetSummary } from "../../src/core/workbook/types";
import { chartFor } from "../../src/taskpane/components/summary-chart";
import { formatFigure } from "../../src/taskpane/format";

const summary = (key: SheetSummary["key"], figures: SheetSummary["figures"]): SheetSummary => ({
  key,
  sheetName: "Sheet",
  headline: "",
  figures,
  warnings: [],
});

describe("the chart beside each summary", () => {
  it("charts money per financial year, leaving totals and headroom out", () => {
    const chart = chartFor(
      summary("grant", [
        { label: "Total commitment", value: 30, format: "money" },
        { label: "Headroom", value: 5, format: "money" },
        { label: "2025/26 commitment", value: 10, format: "money" },
        { label: "2026/27 commitment", value: 20, format: "money" },
      ])
    );
    expect(chart?.bars).toEqual([
      { label: "2025/26", value: 10 },
      { label: "2026/27", value: 20 },
    ]);
  });

  it("charts what an establishment's cost is made of", () => {
    const chart = chartFor(
      summary("cost", [
        { label: "FTE", value: 70.1, format: "fte" },
        { label: "Salary", value: 100, format: "money" },
        { label: "Employer NI", value: 10, format: "money" },
        { label: "Total cost", value: 110, format: "money" },
        { label: "Less vacancy factor", value: -3, format: "money" },
      ])
    );
    expect(chart?.bars.map((b) => b.label)).toEqual(["Salary", "NI"]);
  });

  it("charts FTE per locality, not the total shared out", () => {
    const chart = chartFor(
      summary("shares", [
        { label: "FTE shared out", value: 9, format: "fte" },
        { label: "Northfield: FTE", value: 4.5, format: "fte" },
        { label: "Riverside: FTE", value: 4.5, format: "fte" },
      ])
    );
    expect(chart?.bars).toEqual([
      { label: "Northfield", value: 4.5 },
      { label: "Riverside", value: 4.5 },
    ]);
  });

  it("draws nothing when no series fits", () => {
    expect(
      chartFor(summary("changes", [{ label: "Full-year effect", value: 1, format: "money" }]))
    ).toBeUndefined();
  });
});

describe("figures in en-GB", () => {
  it("formats money, FTE, percentages and dates as the sheets do", () => {
    expect(formatFigure(1234567.891, "money")).toBe("£1,234,567.89");
    expect(formatFigure(-34567.89, "money")).toBe("-£34,567.89");
    expect(formatFigure(-0, "money")).toBe("£0.00");
    expect(formatFigure(70.1, "fte")).toBe("70.10");
    expect(formatFigure(0.9693, "percent")).toBe("96.9%");
    expect(formatFigure(1551.0174, "moneyK")).toBe("£1,551.0k");
    expect(formatFigure(45901, "date")).toBe("01/09/2025");
  });
});

describe("the chart beside the Scenarios summary", () => {
  it("charts each scenario's difference to the base, even when names hold a year", () => {
    const chart = chartFor(
      summary("scenarios", [
        { label: "Base total cost", value: 608347.8, format: "money" },
        { label: "Pay award 4% for 2026/27: difference to base", value: 12000, format: "money" },
        { label: "Vacancies 2025/26: difference to base", value: -30417.39, format: "money" },
      ])
    );
    expect(chart).toEqual({
      title: "Sheet: each scenario's difference to the base",
      bars: [
        { label: "Pay award 4% for 2026/27", value: 12000 },
        { label: "Vacancies 2025/26", value: -30417.39 },
      ],
      format: "money",
    });
  });

  it("draws no chart for one scenario", () => {
    expect(
      chartFor(
        summary("scenarios", [
          { label: "Base total cost", value: 608347.8, format: "money" },
          { label: "Higher pension: difference to base", value: 27540, format: "money" },
        ])
      )
    ).toBeUndefined();
  });
});
