import type { Grid, Issue } from "../grid";
import { columnLetters, isBlank } from "../grid";
import { financialYearLabel, type FinancialYear } from "../dates";
import type { PayPoint, PayScales } from "../model";
import { gradeKey } from "../model";
import type { WorkbookGrids } from "../workbook/types";
import type { TableCandidate, YearColumn } from "./detect";
import { issueAt, issueAtAddress } from "./issues";
import { locateTable, type Located, type TableChoice } from "./locate";
import type { TableSchema } from "./schema";
import { PAY_SCALES_SCHEMA, type PayScaleField } from "./schemas";
import { labelOf, readTable, type TableRow } from "./table";
import { describeValue, formatFigure } from "./text";
import { parseMoney } from "./values";

export interface ReadPayScalesResult {
  /** Present when the workbook has a pay scales table. */
  payScales?: PayScales;
  candidates: TableCandidate<PayScaleField>[];
  issues: Issue[];
  /** The years the table gives salaries for, and the heading that says so (a Year column's, or the first year column's). */
  dated?: { years: FinancialYear[]; address: string };
}

/** One salary of a row: its figure, cell and year (none: the first costed year's). */
interface RowSalary {
  salary: number;
  cell: string;
  year?: FinancialYear;
}

/**
 * Reads the optional pay scales table (Grade | Point | Salary | optional Year, or a salary
 * column per year): a flat list of spinal column points. No table: no pay scales and no issues.
 */
export function readPayScales(
  workbook: WorkbookGrids,
  options: TableChoice<PayScaleField> = {}
): ReadPayScalesResult {
  const graded = locateTable(workbook, PAY_SCALES_SCHEMA, options, false);
  const located = graded.chosen ? graded : spineTable(workbook, options, graded);
  const { chosen, grid } = located;
  if (!chosen || !grid) return { candidates: located.candidates, issues: located.issues };
  const across = chosen.yearColumns ?? [];
  const issues = across.length ? acrossIssues(located.issues, grid, chosen) : [...located.issues];
  if (chosen.columns.grade === undefined) issues.push(spineNote(grid.sheet, chosen));
  const read = readTable(grid, chosen, schemaOf(chosen));
  issues.push(...read.issues);
  const salariesOf = across.length
    ? yearSalaries(grid, chosen, across, read.rows, issues)
    : (row: TableRow<PayScaleField>): RowSalary[] =>
        typeof row.values.salary === "number"
          ? [
              {
                salary: row.values.salary,
                cell: row.cells.salary as string,
                ...(typeof row.values.year === "number" ? { year: row.values.year } : {}),
              },
            ]
          : [];

  const points: PayPoint[] = [];
  const seen = new Map<string, { cell: string; salary: number; grade: string }>();
  for (const row of read.rows) {
    const grade = String(row.values.grade ?? "");
    const salaries = salariesOf(row);
    if (!rowComplete(grid, chosen, row, grade, salaries.length > 0, issues)) continue;
    const point = row.values.point as number;
    for (const { salary, cell, year } of salaries) {
      const payPoint: PayPoint = { grade, point, salary, cell };
      if (year !== undefined) payPoint.year = year;
      const key = `${gradeKey(grade)}|${point}|${year ?? ""}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, { cell, salary, grade });
        points.push(payPoint);
      } else issues.push(duplicatePoint(grid.sheet, payPoint, first));
    }
  }
  const result: ReadPayScalesResult = {
    payScales: { sheet: chosen.sheet, points },
    candidates: located.candidates,
    issues,
  };
  const dated = datedBy(chosen, across, points);
  if (dated) result.dated = dated;
  return result;
}

/**
 * A pay spine: points and their salaries with no Grade column ("Point | 2024/25 |
 * 2025/26"), a table whose first column is the point. Its points have no grade (""): a post
 * is costed at its own spinal point on it. Not looked for when a graded table is there.
 */
const SPINE_SCHEMA: TableSchema<PayScaleField> = {
  ...PAY_SCALES_SCHEMA,
  keyField: "point",
  minFields: 2,
  requiredFields: ["point", "salary"],
};

/** The schema a table was found by: a spine has no Grade column. */
const schemaOf = (chosen: TableCandidate<PayScaleField>): TableSchema<PayScaleField> =>
  chosen.columns.grade === undefined ? SPINE_SCHEMA : PAY_SCALES_SCHEMA;

function spineTable(
  workbook: WorkbookGrids,
  options: TableChoice<PayScaleField>,
  graded: Located<PayScaleField>
): Located<PayScaleField> {
  const spine = locateTable(workbook, SPINE_SCHEMA, options, false);
  const first = spine.chosen?.headers[0]?.column;
  return first !== undefined && first === spine.chosen?.columns.point ? spine : graded;
}

/** Said at the spine's Point heading: how its posts are costed, and what it cannot say. */
function spineNote(sheet: string, chosen: TableCandidate<PayScaleField>): Issue {
  const at = chosen.headers.find((h) => h.column === chosen.columns.point)?.address as string;
  return issueAtAddress(
    sheet,
    at,
    "info",
    "pay-scales-spine",
    "The pay scales have no Grade column, so they are read as a pay spine: a post is costed at its own spinal point on it, with no increments (the spine does not say where a grade's points stop)",
    "nothing to do if the posts stay on their points; to cost increments, add a Grade column giving each point's grade (a point in two grades on two rows)"
  );
}

/** "Grade 'SS08' point 12", or "Point 12" on a pay spine. */
const pointName = (grade: string, point: number): string =>
  grade === ""
    ? `Point ${formatFigure(point)}`
    : `Grade ${describeValue(grade)} point ${formatFigure(point)}`;

/** A row with a blank point, or no salary, is an error; one with an unreadable cell is already one. */
function rowComplete(
  grid: Grid,
  chosen: TableCandidate<PayScaleField>,
  row: TableRow<PayScaleField>,
  grade: string,
  hasSalary: boolean,
  issues: Issue[]
): boolean {
  let ok = true;
  for (const field of ["point", "salary"] as const) {
    const given = field === "point" ? typeof row.values.point === "number" : hasSalary;
    if (given || row.unreadable[field]) continue;
    const column = chosen.columns[field] ?? grid.origin.column;
    issues.push(
      issueAt(
        grid,
        row.index,
        column - grid.origin.column,
        "error",
        `${field}-missing`,
        `${labelOf(PAY_SCALES_SCHEMA, field)} is blank on a row of ${grade === "" ? `point ${formatFigure(Number(row.values.point))}` : `grade ${describeValue(grade)}`}`,
        field === "point" ? "enter the point number, e.g. 12" : "enter the salary, e.g. £24,000"
      )
    );
    ok = false;
  }
  return ok && !row.unreadable.point && !row.unreadable.salary && !row.unreadable.year;
}

/** The same grade, point and year twice: the same salary changes nothing, a different one is a guess. */
function duplicatePoint(
  sheet: string,
  p: PayPoint,
  first: { cell: string; salary: number; grade: string }
): Issue {
  const same = Math.abs(first.salary - p.salary) < 0.005;
  // "G8" and "Grade 8" are one grade: say so where two spellings meet.
  const spelt =
    first.grade.trim() !== p.grade.trim()
      ? ` as ${describeValue(first.grade)}, read as the same grade`
      : "";
  const what = `${pointName(p.grade, p.point)}${p.year === undefined ? "" : ` for ${financialYearLabel(p.year)}`}`;
  return issueAtAddress(
    sheet,
    p.cell as string,
    same ? "info" : "warning",
    "duplicate-point",
    same
      ? `${what} is listed twice (also at ${first.cell}${spelt}) with the same salary`
      : `${what} is listed twice (also at ${first.cell}${spelt}) with a different salary (£${formatFigure(first.salary)}); the first is used`,
    same ? "nothing to do; delete one of the rows to tidy up" : "delete the wrong row",
    p.salary
  );
}

/** The years the salaries are for, and the heading that says so; none for an undated table. */
function datedBy(
  chosen: TableCandidate<PayScaleField>,
  across: readonly YearColumn[],
  points: readonly PayPoint[]
): ReadPayScalesResult["dated"] {
  const column = across.length ? across[0].column : chosen.columns.year;
  const address = chosen.headers.find((h) => h.column === column)?.address;
  const years = [...new Set(points.flatMap((p) => (p.year === undefined ? [] : [p.year])))];
  return address && years.length ? { years: years.sort((a, b) => a - b), address } : undefined;
}

/** "C 'Apr-25'" */
const headingOf = (chosen: TableCandidate<PayScaleField>, column: number): string =>
  `${columnLetters(column)} ${describeValue(chosen.headers.find((h) => h.column === column)?.text ?? "")}`;

/**
 * A table with a salary column per year: every other column of salaries must head its year
 * too, or which year its figures are for is a guess. The first that does not is an error
 * (its "also looks like Salary" warning is then this); the info at the first year says how
 * the columns are read.
 */
function acrossIssues(
  locatedIssues: readonly Issue[],
  grid: Grid,
  chosen: TableCandidate<PayScaleField>
): Issue[] {
  const across = chosen.yearColumns as YearColumn[];
  const known = new Set([
    chosen.columns.grade,
    chosen.columns.point,
    ...across.map((y) => y.column),
  ]);
  const unread = chosen.headers.find(
    (h) => !known.has(h.column) && (h.field === "salary" || holdsMoney(grid, chosen, h.column))
  );
  const issues = locatedIssues.filter(
    (i) => !(i.code === "duplicate-column" && i.message.includes("also looks like Salary"))
  );
  const years = across.map((y) => {
    const fy = financialYearLabel(y.year);
    const text = chosen.headers.find((h) => h.column === y.column)?.text;
    return `${fy} (column ${text === fy ? columnLetters(y.column) : headingOf(chosen, y.column)})`;
  });
  const first = chosen.headers.find((h) => h.column === across[0].column)?.address as string;
  issues.push(
    issueAtAddress(
      grid.sheet,
      first,
      "info",
      "pay-scales-years-across",
      `The pay scales have a salary column for each year, read as that year's scale (as a Year column would give it): ${listed(years)}. A year after the last column is costed from the year before with the pay award`,
      "nothing to do if each column is that year's salaries; otherwise correct the heading"
    )
  );
  if (unread)
    issues.push(
      issueAtAddress(
        grid.sheet,
        unread.address,
        "error",
        "pay-scales-year-heading",
        `The pay scales have a salary column for each year, but column ${headingOf(chosen, unread.column)} is not headed by a financial year, so which year its salaries are for is not known`,
        `head it with the financial year its salaries are for, e.g. ${financialYearLabel(across[across.length - 1].year + 1)} (or 'From 1 April ${across[across.length - 1].year + 1}'); if it is not a year's salaries, move it out of the table`
      )
    );
  const twice = across.find((y, i) => across.findIndex((z) => z.year === y.year) < i);
  if (twice) {
    const at = chosen.headers.find((h) => h.column === twice.column)?.address as string;
    issues.push(
      issueAtAddress(
        grid.sheet,
        at,
        "error",
        "pay-scales-year-twice",
        `Column ${headingOf(chosen, twice.column)} is read as ${financialYearLabel(twice.year)}, and so is an earlier column: the pay scales cannot have two salaries for one year`,
        "correct the heading to the year its salaries are for"
      )
    );
  }
  return issues;
}

/** True when a column under the header holds a figure that reads as a salary. */
function holdsMoney(grid: Grid, chosen: TableCandidate<PayScaleField>, column: number): boolean {
  const c = column - grid.origin.column;
  for (let r = chosen.headerIndex + 1; r <= chosen.lastIndex; r++) {
    const v = grid.values[r]?.[c];
    // A salary is £1,000 or more: a column of small numbers (a band number) is something else.
    if (!isBlank(v) && typeof v !== "boolean" && (parseMoney(v) ?? 0) >= 1000) return true;
  }
  return false;
}

const listed = (items: readonly string[]): string =>
  items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/**
 * The salaries of each row, one per year column: the first column is the one the table was
 * read with; each other is read the same way (with its own cells' problems). A blank cell
 * is no salary that year, said once per column.
 */
function yearSalaries(
  grid: Grid,
  chosen: TableCandidate<PayScaleField>,
  across: readonly YearColumn[],
  rows: readonly TableRow<PayScaleField>[],
  issues: Issue[]
): (row: TableRow<PayScaleField>) => RowSalary[] {
  const byColumn = across.map((y, i) => {
    if (i === 0) return new Map(rows.map((r) => [r.index, r]));
    const read = readTable(
      grid,
      { ...chosen, columns: { ...chosen.columns, salary: y.column } },
      schemaOf(chosen)
    );
    // Only this column's cells: the rest of the row was read (and said) with the first.
    const letters = columnLetters(y.column);
    issues.push(...read.issues.filter((i) => /^[A-Z]+/.exec(i.address)?.[0] === letters));
    return new Map(read.rows.map((r) => [r.index, r]));
  });
  issues.push(...blankYears(grid, chosen, across, rows, byColumn));
  return (row) =>
    across.flatMap((y, i) => {
      const cell = byColumn[i].get(row.index);
      const salary = cell?.values.salary;
      return typeof salary === "number" && cell?.cells.salary
        ? [{ salary, cell: cell.cells.salary, year: y.year }]
        : [];
    });
}

/**
 * A year column blank on some rows but not all: those points have no salary that year,
 * which is costed as a year with no column. A column blank on every row is said at its heading.
 */
function blankYears(
  grid: Grid,
  chosen: TableCandidate<PayScaleField>,
  across: readonly YearColumn[],
  rows: readonly TableRow<PayScaleField>[],
  byColumn: ReadonlyArray<Map<number, TableRow<PayScaleField>>>
): Issue[] {
  const out: Issue[] = [];
  // A row with no salary in any year is an error of its own.
  const priced = rows.filter((r) => byColumn.some((m) => m.get(r.index)?.cells.salary));
  across.forEach((y, i) => {
    const blank = priced.filter((r) => byColumn[i].get(r.index)?.cells.salary === undefined);
    if (blank.length === 0) return;
    const fy = financialYearLabel(y.year);
    const r = blank[0];
    const name = pointName(String(r.values.grade ?? ""), Number(r.values.point));
    const what = name[0].toLowerCase() + name.slice(1);
    out.push(
      blank.length === priced.length
        ? issueAtAddress(
            grid.sheet,
            chosen.headers.find((h) => h.column === y.column)?.address as string,
            "info",
            "pay-scales-year-blank",
            `Column ${headingOf(chosen, y.column)} has no salaries, so ${fy} is costed as a year with no column`,
            `nothing to do if ${fy}'s salaries are not known yet; otherwise enter them`
          )
        : issueAt(
            grid,
            r.index,
            y.column - grid.origin.column,
            "warning",
            "pay-scales-year-blank",
            `The ${fy} salary is blank for ${what}${blank.length > 1 ? ` and ${blank.length - 1} more ${blank.length === 2 ? "point" : "points"}` : ""}, while other points have one: for ${fy} ${blank.length === 1 ? "it is" : "they are"} costed as in a year with no column`,
            `enter the ${fy} salary; leave it blank only if the point is not on the ${fy} scale`
          )
    );
  });
  return out;
}

/**
 * Dated pay scales with no salaries for the first year costed: that year is costed on the
 * latest year before it as it is (the costing takes the salaries it starts from to be the
 * first year's, with no award added), or else on the earliest year after it, as they are.
 * Said at the heading that dates them.
 */
export function payScalesFirstYear(read: ReadPayScalesResult, firstYear: FinancialYear): Issue[] {
  const { dated, payScales } = read;
  if (!dated || !payScales || dated.years.includes(firstYear)) return [];
  const before = dated.years.filter((y) => y < firstYear);
  const used = before.length ? before[before.length - 1] : dated.years[0];
  const [first, from] = [financialYearLabel(firstYear), financialYearLabel(used)];
  return [
    issueAtAddress(
      payScales.sheet,
      dated.address,
      "info",
      "pay-scales-first-year",
      `The pay scales have no salaries for ${first}, the first year costed: ${first} is costed on the ${from} salaries as they are, ${
        before.length
          ? `with no pay award added (the costing takes the salaries it starts from to be ${first}'s)`
          : "not taken back to what they were the year before"
      }`,
      `add the ${first} salaries to the pay scales, or set the First financial year to ${from}`
    ),
  ];
}
