import type { SheetSpec, SpecCell } from "../../src/core/report";
import { formula, num, text } from "../../src/core/report";

/**
 * A hand-made grant costing sheet with every kind of cell the writer must handle,
 * including user text that looks like a formula. The cached values are what the core
 * would have computed; the LibreOffice check recalculates them.
 */
export function grantSpec(overrides: Partial<SheetSpec> = {}): SheetSpec {
  const posts: Array<[string, number, number]> = [
    ['=HYPERLINK("http://example.org","Family Support Worker")', 8.5, 255430.56],
    ["+Senior Family Support Worker", 2, 81234.1],
    ["-Parenting Practitioner", 1.5, 52001.99],
    ["@Unit Manager", 1, 44999.45],
  ];
  const rows: (SpecCell | null)[][] = [
    [text('=HYPERLINK("http://example.org","Grant costing")', "title")],
    [text("Supporting Families grant, 2025/26 to 2027/28", "subtitle")],
    [],
    [
      text("Position", "header"),
      text("FTE", "header"),
      text("Total cost", "header"),
      text("Share", "header"),
    ],
    ...posts.map(([title, fte, cost], i) => [
      text(title),
      num(fte, "fte"),
      num(cost, "money"),
      formula(`=C${5 + i}/$C$9`, cost / 433666.1, "percent"),
    ]),
    [
      text("Total", "total"),
      formula("=SUM(B5:B8)", 13, "fte", "total"),
      formula("=SUM(C5:C8)", 433666.1, "money", "total"),
      null,
    ],
    [text("Grant", "input"), null, num(450000, "money", "input")],
    [text("Headroom", "total"), null, formula("=C10-C9", 16333.9, "money", "total")],
    [
      text("Status"),
      null,
      formula('=IF(C11<0,"Over-committed","Within the grant")', "Within the grant"),
    ],
    [text("First year"), null, num(45901, "date")],
    [text("How this was calculated: salaries at mid-point, NI per person.", "note")],
  ];
  return {
    key: "grant",
    name: "Grant costing",
    cells: rows,
    tables: [{ name: "GrantCosting", range: "A4:D8" }],
    columnWidths: [40, 10, 16, 10],
    freeze: { rows: 4, columns: 1 },
    notes: [{ address: "C9", text: "Sum of the posts above" }],
    page: { orientation: "landscape", fitToWidth: true },
    charts: [
      {
        type: "columnClustered",
        title: "Cost by post",
        categories: "A5:A8",
        series: [{ name: "Total cost", values: "C5:C8" }],
        axisTitles: { categories: "Post", values: "£" },
        anchor: { from: "F2", to: "M18" },
      },
    ],
    ...overrides,
  };
}

export function assumptionsSpec(): SheetSpec {
  return {
    key: "assumptions",
    name: "Assumptions used",
    cells: [
      [text("Assumptions used", "title")],
      [text("Setting", "header"), text("Value", "header")],
      [text("First financial year"), text("2025/26")],
      [text("Employer pension rate"), num(0.195, "percent")],
      [text("Pay award 2025/26"), num(0.032, "percent")],
    ],
    tables: [{ name: "Assumptions used", range: "A2:B5" }],
    columnWidths: [28, 14],
    freeze: { rows: 2, columns: 0 },
    notes: [],
    page: { orientation: "portrait", fitToWidth: true },
    charts: [],
  };
}
