import fc from "fast-check";
import type { CellRange } from "../../../src/core/grid";
import { contentRegions, parseRangeA1, rangeA1, rangeArea } from "../../../src/core/grid";

const cell = (a1: string): CellRange => parseRangeA1(a1);
const a1 = (r: CellRange): string => rangeA1(r.start, r.end);

describe("contentRegions", () => {
  it("keeps a table with its title, spacer rows and TOTAL row as one region", () => {
    const occupied = [
      cell("A1"), // title
      cell("A3:G3"), // header
      cell("A4:G20"),
      cell("A22:G30"), // after a blank spacer row
      cell("A33:G33"), // TOTAL two rows down
    ];
    expect(contentRegions(occupied).map(a1)).toEqual(["A1:G33"]);
  });

  it("gives a far stray value a region of its own instead of a rectangle to it", () => {
    const occupied = [cell("A1:F100"), cell("XFD1048576")];
    const regions = contentRegions(occupied);
    expect(regions.map(a1)).toEqual(["A1:F100", "XFD1048576:XFD1048576"]);
    expect(regions.map(rangeArea)).toEqual([600, 1]);
  });

  it("splits on columns, then rows inside each piece", () => {
    // Two tables side by side far apart; the right one has a far note under it.
    const occupied = [cell("A1:C10"), cell("AA1:AC10"), cell("AA500")];
    expect(contentRegions(occupied).map(a1)).toEqual(["A1:C10", "AA1:AC10", "AA500:AA500"]);
  });

  it("splits only on more than the gap", () => {
    const gaps = { rowGap: 2, columnGap: 1 };
    expect(contentRegions([cell("A1"), cell("A4")], gaps).map(a1)).toEqual(["A1:A4"]);
    expect(contentRegions([cell("A1"), cell("A5")], gaps).map(a1)).toEqual(["A1:A1", "A5:A5"]);
    expect(contentRegions([cell("A1"), cell("C1")], gaps).map(a1)).toEqual(["A1:C1"]);
    expect(contentRegions([cell("A1"), cell("D1")], gaps).map(a1)).toEqual(["A1:A1", "D1:D1"]);
  });

  it("is empty for no content", () => {
    expect(contentRegions([])).toEqual([]);
  });

  const position = fc.record({
    row: fc.integer({ min: 0, max: 2000 }),
    column: fc.integer({ min: 0, max: 300 }),
  });
  const gapsArb = fc.record({
    rowGap: fc.integer({ min: 0, max: 60 }),
    columnGap: fc.integer({ min: 0, max: 30 }),
  });

  it("puts every occupied cell in exactly one region, regions apart by more than the gaps", () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 60 }), gapsArb, (cells, gaps) => {
        const regions = contentRegions(
          cells.map((p) => ({ start: p, end: p })),
          gaps
        );
        const inside = (r: CellRange, p: { row: number; column: number }): boolean =>
          p.row >= r.start.row &&
          p.row <= r.end.row &&
          p.column >= r.start.column &&
          p.column <= r.end.column;
        for (const p of cells) expect(regions.filter((r) => inside(r, p))).toHaveLength(1);
        for (let i = 0; i < regions.length; i++)
          for (let j = i + 1; j < regions.length; j++) {
            const [a, b] = [regions[i], regions[j]];
            const rowApart =
              Math.max(a.start.row, b.start.row) - Math.min(a.end.row, b.end.row) - 1 > gaps.rowGap;
            const columnApart =
              Math.max(a.start.column, b.start.column) - Math.min(a.end.column, b.end.column) - 1 >
              gaps.columnGap;
            expect(rowApart || columnApart).toBe(true);
          }
        // Each region's corners are cells that hold content (it is their bounding box).
        for (const r of regions) {
          const members = cells.filter((p) => inside(r, p));
          expect(Math.min(...members.map((p) => p.row))).toBe(r.start.row);
          expect(Math.max(...members.map((p) => p.column))).toBe(r.end.column);
        }
      })
    );
  });
  it("stops cutting past its work budget, leaving what is left whole but losing no cell", () => {
    // A staircase: each cut peels one bar off, so the cuts run as deep as the bars.
    // Bar i across (row 6i, from column 6i on) and bar i down (column 6i+3, from row
    // 6i+3 on): every cut, by rows then by columns, splits off just the outermost bar.
    const bars: CellRange[] = [];
    const far = 6 * 100 + 10;
    for (let i = 0; i < 100; i++) {
      bars.push({ start: { row: 6 * i, column: 6 * i }, end: { row: 6 * i, column: far } });
      bars.push({
        start: { row: 6 * i + 3, column: 6 * i + 3 },
        end: { row: far, column: 6 * i + 3 },
      });
    }
    const free = contentRegions(bars, { rowGap: 1, columnGap: 1 });
    const capped = contentRegions(bars, { rowGap: 1, columnGap: 1 }, 1_000);
    expect(free).toHaveLength(200);
    expect(capped.length).toBeLessThan(free.length);
    for (const bar of bars) {
      const holding = capped.filter(
        (r) =>
          r.start.row <= bar.start.row &&
          r.end.row >= bar.end.row &&
          r.start.column <= bar.start.column &&
          r.end.column >= bar.end.column
      );
      expect(holding).toHaveLength(1);
    }
  });
});
