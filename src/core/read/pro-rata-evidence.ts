/**
 * One salary column, headed as the salary ("Annual Salary" in an iTrent export), that holds
 * what each post is paid for its FTE. Costed as full-time salaries the FTE would be applied
 * twice, in silence. The rows tell: a part-time row whose salary ÷ FTE is the salary of a
 * full-time row on the same grade and point (or, with a pay scales table, of its point, or
 * inside its grade while the salary itself is below the grade) is pay pro rata; one paid a
 * full-time figure says the column is full time. The same test, within £1 of rounding, as
 * choosing between two salary columns (full-time-salary.ts).
 */
import type { Grid, Issue } from "../grid";
import { columnLetters, toA1 } from "../grid";
import type { PayScales, PostField } from "../model";
import { gradeKey } from "../model";
import { formatPoundsInText } from "../money";
import type { TableCandidate } from "./detect";
import { ROUNDING } from "./full-time-salary";
import { issueAtAddress } from "./issues";
import { describeValue, formatFigure } from "./text";
import type { ColumnScales } from "./column-units";
import { parseFte, parseMoney, parsePoint } from "./values";

/** What a part-time row says about the column: pay for its FTE, a full-time salary, or neither. */
type Reading =
  { kind: "pro rata" | "full time"; why: () => string } | { kind: "unknown"; at: string };

interface Row {
  at: string;
  who: string;
  salary: number;
  fte: number;
  /** The grade's key (gradeKey), and as typed. */
  grade?: string;
  gradeText?: string;
  point?: number;
}

/** The chosen table with its salary column read as pay pro rata, and what is said at its heading. */
export interface ProRataReading {
  chosen: TableCandidate<PostField>;
  issues: Issue[];
}

/**
 * Reads the one salary column as pro rata when every part-time row shows it and none
 * contradicts (an info at the heading), or when some show it and the rest cannot be
 * checked (a warning). Rows that disagree keep the full-time reading, warned. A Salary
 * mapped by the user is theirs, and is read as they say.
 */
export function salaryAsProRata(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  payScales: PayScales | undefined,
  scales: ColumnScales,
  userMapped: boolean
): ProRataReading | undefined {
  const { columns } = chosen;
  const column = columns.salary;
  const fteColumn = columns.fte ?? columns.currentFte;
  if (column === undefined || fteColumn === undefined || userMapped) return undefined;
  if (columns.proRataSalary !== undefined || chosen.duplicates.some((d) => d.field === "salary"))
    return undefined;
  const heading = chosen.headers.find((h) => h.column === column);
  if (!heading) return undefined;
  const rows = salaryRows(grid, chosen, column, fteColumn, scales);
  const fullTime = fullTimeByGradeAndPoint(rows);
  const readings = rows
    .filter((r) => r.fte > 0 && r.fte < 1)
    .map((r) => readRow(r, fullTime, payScales));
  const shown = readings.filter((r) => r.kind === "pro rata");
  const against = readings.filter((r) => r.kind === "full time");
  const unknown = readings.filter((r) => r.kind === "unknown");
  if (shown.length === 0) return undefined;
  const name = `Column ${columnLetters(column)} '${heading.text}'`;
  const letter = columnLetters(column);
  const mapBack = `map Salary to it (--column Salary=${letter}, or in the task pane pick it for Salary)`;
  const example = (r: Reading) => ("why" in r ? r.why() : "");
  if (against.length > 0) {
    const issue = issueAtAddress(
      grid.sheet,
      heading.address,
      "warning",
      "salary-pro-rata-contradicted",
      `${name} is costed as full-time salaries × FTE, but its part-time rows disagree: some look like pay for their FTE (${example(shown[0])}), others like full-time salaries (${example(against[0])})`,
      `check the column: if it is each post's pay for its FTE, head it 'Salary (pro rata)'; if it is full-time salaries, correct the rows that are not`
    );
    return { chosen, issues: [issue] };
  }
  const partial = unknown.length > 0;
  const unchecked = unknown.map((r) => ("at" in r ? r.at : "")).join(", ");
  const issue = issueAtAddress(
    grid.sheet,
    heading.address,
    partial ? "warning" : "info",
    partial ? "salary-read-as-pro-rata-partly-shown" : "salary-read-as-pro-rata",
    `${name} is read as what each post is paid for its FTE (pro rata), not its full-time salary: ${partial ? `${shown.length} of ${readings.length} part-time rows show it` : `every part-time row shows it`} (${example(shown[0])})${partial ? `; ${unchecked} could not be checked (no full-time post on the same grade and point${payScales ? " and not told by the pay scales" : ", no pay scales table"})` : ""}. Each post's full-time salary is its pay ÷ FTE, so the cost is the pay, not the pay × FTE again`,
    `nothing to do if the column is the pay for each post's hours; if it holds full-time salaries, ${mapBack}`
  );
  return {
    chosen: {
      ...chosen,
      columns: { ...withoutSalary(columns), proRataSalary: column },
      headers: chosen.headers.map((h) =>
        h.column === column ? { ...h, field: "proRataSalary" } : h
      ),
    },
    issues: [issue],
  };
}

/** The rows' salary (in pounds a year), FTE (a fraction), grade and point, as read. */
function salaryRows(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  column: number,
  fteColumn: number,
  scales: ColumnScales
): Row[] {
  const at = (r: number, c: number | undefined) =>
    c === undefined ? "" : (grid.values[r]?.[c - grid.origin.column] ?? "");
  const { grade, spinalPoint, title } = chosen.columns;
  const fteScale = scales[chosen.columns.fte !== undefined ? "fte" : "currentFte"] ?? 1;
  const rows: Row[] = [];
  for (let r = chosen.headerIndex + 1; r <= chosen.lastIndex; r++) {
    const salary = parseMoney(at(r, column));
    const typed = at(r, fteColumn);
    // A column of FTE % holds 50 for 0.5; a "50%" typed with its sign is a fraction already.
    const fte = typeof typed === "number" ? typed * fteScale : parseFte(typed);
    if (salary === undefined || fte === undefined || !(salary > 0)) continue;
    const g = at(r, grade);
    const point = parsePoint(at(r, spinalPoint));
    rows.push({
      at: toA1({ row: grid.origin.row + r, column }),
      who: title === undefined ? "" : `${describeValue(at(r, title))} `,
      salary: salary * (scales.salary ?? 1),
      fte,
      ...(typeof g === "string" && g.trim() !== ""
        ? { grade: gradeKey(g), gradeText: g.trim() }
        : {}),
      ...(point !== undefined ? { point } : {}),
    });
  }
  return rows;
}

/** A row's grade and point as one key (either may be absent). */
const gradeAndPoint = (row: Row) => `${row.grade ?? ""}\u0000${row.point ?? ""}`;

/**
 * The 1 FTE rows by grade and point, found once rather than per part-time row: the first row
 * of each salary, in sheet order. Posts on one grade and point share a salary or a few, so
 * each part-time row compares with a handful of figures, and the first match is still the
 * first such row on the sheet.
 */
function fullTimeByGradeAndPoint(rows: readonly Row[]): Map<string, Row[]> {
  const byKey = new Map<string, Row[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.fte !== 1) continue;
    const key = gradeAndPoint(row);
    if (seen.has(`${key}\u0000${row.salary}`)) continue;
    seen.add(`${key}\u0000${row.salary}`);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return byKey;
}

/** What one part-time row says: by a full-time row on its grade and point, else by the pay scales. */
function readRow(
  row: Row,
  fullTime: ReadonlyMap<string, readonly Row[]>,
  payScales: PayScales | undefined
): Reading {
  const near = (a: number, b: number) => Math.abs(a - b) <= ROUNDING;
  // Worded only for a row that shows something: every part-time row of the table is read.
  const paid = () =>
    `${row.who}at ${row.at}: ${formatPoundsInText(row.salary)} ÷ ${formatFigure(row.fte)} FTE = ${formatPoundsInText(row.salary / row.fte)}`;
  const on = () =>
    [
      row.grade && `grade ${row.gradeText}`,
      row.point !== undefined && `point ${formatFigure(row.point)}`,
    ]
      .filter(Boolean)
      .join(" ");
  if (row.grade !== undefined || row.point !== undefined) {
    const peers = fullTime.get(gradeAndPoint(row)) ?? [];
    const peer = peers.find((p) => near(row.salary, p.salary * row.fte));
    if (peer)
      return {
        kind: "pro rata",
        why: () => `${paid()}, the salary of ${peer.who}at ${peer.at} on the same ${on()}`,
      };
    const same = peers.find((p) => near(row.salary, p.salary));
    if (same)
      return {
        kind: "full time",
        why: () =>
          `${row.who}at ${row.at} at ${formatFigure(row.fte)} FTE has the salary of ${same.who}at ${same.at} at 1 FTE, ${formatPoundsInText(row.salary)}`,
      };
  }
  return byScales(row, payScales, paid) ?? { kind: "unknown", at: row.at };
}

/** By the pay scales: the salary of the row's point × FTE, or below its grade by the FTE. */
function byScales(
  row: Row,
  payScales: PayScales | undefined,
  paid: () => string
): Reading | undefined {
  if (!payScales || row.grade === undefined) return undefined;
  const points = payScales.points.filter((p) => gradeKey(p.grade) === row.grade);
  if (points.length === 0) return undefined;
  const near = (a: number, b: number) => Math.abs(a - b) <= ROUNDING;
  const point = points.find((p) => p.point === row.point);
  if (point) {
    if (near(row.salary, point.salary * row.fte))
      return {
        kind: "pro rata",
        why: () =>
          `${paid()}, the pay scales' salary of ${point.grade} point ${formatFigure(point.point)}`,
      };
    if (near(row.salary, point.salary))
      return {
        kind: "full time",
        why: () =>
          `${row.who}at ${row.at} at ${formatFigure(row.fte)} FTE has the full-time salary of ${point.grade} point ${formatFigure(point.point)}`,
      };
  }
  const min = Math.min(...points.map((p) => p.salary));
  const max = Math.max(...points.map((p) => p.salary));
  const fullTime = row.salary / row.fte;
  const inGrade = (s: number) => s >= min - ROUNDING && s <= max + ROUNDING;
  const grade = points[0].grade;
  if (row.salary < min - ROUNDING && inGrade(fullTime))
    return {
      kind: "pro rata",
      why: () =>
        `${paid()}, inside grade ${grade} (${formatPoundsInText(min)} to ${formatPoundsInText(max)}), which ${formatPoundsInText(row.salary)} is below`,
    };
  if (inGrade(row.salary) && fullTime > max + ROUNDING)
    return {
      kind: "full time",
      why: () =>
        `${row.who}at ${row.at} at ${formatFigure(row.fte)} FTE has ${formatPoundsInText(row.salary)}, inside grade ${grade}`,
    };
  return undefined;
}

/** The table's columns less Salary (absent, not undefined: the columns are listed by key). */
function withoutSalary(
  columns: Partial<Record<PostField, number>>
): Partial<Record<PostField, number>> {
  const { salary: _salary, ...rest } = columns;
  return rest;
}
