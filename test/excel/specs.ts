import { formula, num, text } from "../../src/core/report";
import type { SheetKey, SheetSpec, SpecCell } from "../../src/core/report";

export interface SpecOptions {
  key?: SheetKey;
  name?: string;
  table?: string;
  /** Post titles, cycled; default plain titles. */
  titles?: string[];
  chart?: boolean;
  live?: boolean;
}

/** A grant-costing-like sheet: title, note, header on row 4, `rows` posts, a TOTAL row. */
export function postsSpec(rows: number, o: SpecOptions = {}): SheetSpec {
  const header = ["Post ID", "Post", "Grade", "FTE", "Salary", "On-costs", "Total"].map((h) =>
    text(h, "header")
  );
  const body: SpecCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    const salary = 20862 + (i % 97);
    const cell: SpecCell = formula(`=E${r}+F${r}`, salary + 5000, "money");
    if (o.live) cell.live = `=ESTAB.POSTCOST(Establishment!C${r})`;
    body.push([
      text(`P${String(i + 1).padStart(5, "0")}`),
      text(o.titles ? o.titles[i % o.titles.length] : `Family Support Worker ${i + 1}`),
      text("SS08"),
      num(1, "fte"),
      num(salary, "money"),
      num(5000, "money"),
      cell,
    ]);
  }
  const last = 4 + rows;
  const total = [
    text("TOTAL", "total"),
    null,
    null,
    formula(`=SUM(D5:D${last})`, rows, "fte", "total"),
    formula(`=SUM(E5:E${last})`, 0, "money", "total"),
    formula(`=SUM(F5:F${last})`, 0, "money", "total"),
    formula(`=SUM(G5:G${last})`, 0, "money", "total"),
  ];
  return {
    key: o.key ?? "grant",
    name: o.name ?? "Grant Costing",
    cells: [
      [text("Grant Costing 2025/26 to 2027/28", "title")],
      [text("How this was calculated: bottom of grade, 2% award from April.", "note")],
      [],
      header,
      ...body,
      total,
    ],
    tables: [{ name: o.table ?? "GrantCosting", range: `A4:G${last}` }],
    columnWidths: [10, 30, 8, 8, 12, 12, 12],
    freeze: { rows: 4, columns: 0 },
    notes: [{ address: "A1", text: "Made by Establishment Costing" }],
    page: { orientation: "landscape", fitToWidth: true },
    charts: o.chart
      ? [
          {
            type: "columnClustered",
            title: "Cost by post",
            categories: `A5:A${last}`,
            series: [{ name: "Cost", values: `E5:E${last}` }],
            anchor: { from: "I4", to: "P20" },
          },
        ]
      : [],
  };
}
