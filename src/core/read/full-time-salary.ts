import type { Grid, Issue } from "../grid";
import { columnLetters } from "../grid";
import type { PostField } from "../model";
import { formatPoundsInText } from "../money";
import type { TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import { describeValue, formatFigure, normaliseLabel } from "./text";

/** A heading that says its salary is the full-time one: "FTE salary", "Full time salary", "FT salary". */
const FULL_TIME_HEADING =
  /\b(fte|ft|full time|whole time|wte)\b.*\bsalary\b|\bsalary\b.*\b(fte|ft|full time)\b/;

/** Pounds either way a pay × FTE may be rounded to by a payroll. */
export const ROUNDING = 1;

export interface FullTimeSalaryChoice {
  chosen: TableCandidate<PostField>;
  /** The generic duplicate-column warnings, less the one this choice answers. */
  issues: Issue[];
}

/**
 * Two salary columns where one is the other × FTE on the rows (part-time rows differ,
 * full-time rows agree) are a pay and a full-time salary: costing the pay would apply the
 * FTE twice, so the full-time one is costed, and that is said at the heading set aside.
 * Without rows that settle it, a heading naming the full-time salary decides.
 */
export function chooseFullTimeSalary(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  issues: readonly Issue[]
): FullTimeSalaryChoice {
  const used = chosen.columns.salary;
  const fte = chosen.columns.fte ?? chosen.columns.currentFte;
  const other = chosen.duplicates.find((d) => d.field === "salary" && !d.latest)?.column;
  if (used === undefined || other === undefined) return { chosen, issues: [...issues] };
  const byRows = fte === undefined ? undefined : fromRows(grid, chosen, [used, other], fte);
  const byHeading = byRows ? undefined : fromHeadings(chosen, [used, other]);
  const fullTime = byRows?.fullTime ?? byHeading;
  if (fullTime === undefined) return { chosen, issues: [...issues] };
  const aside = fullTime === used ? other : used;
  const heading = (c: number) => chosen.headers.find((h) => h.column === c);
  const asideHeading = heading(aside);
  const fullHeading = heading(fullTime);
  if (!asideHeading || !fullHeading) return { chosen, issues: [...issues] };
  const name = (h: { column: number; text: string }) =>
    `column ${columnLetters(h.column)} '${h.text}'`;
  const why = byRows
    ? `it is ${name(fullHeading)} × FTE on the rows (${byRows.example})`
    : `${name(fullHeading)} is headed as the full-time salary`;
  const note = issueAtAddress(
    grid.sheet,
    asideHeading.address,
    "info",
    "salary-full-time-chosen",
    `${name(asideHeading).replace(/^c/, "C")} is not costed: ${why}, so ${name(fullHeading)}, the full-time salary, is costed (the FTE is applied once)`,
    `nothing to do; if ${name(asideHeading)} is the full-time salary, map Salary to it`
  );
  const generic = `Column ${columnLetters(other)} also looks like Salary`;
  return {
    chosen: {
      ...chosen,
      columns: { ...chosen.columns, salary: fullTime },
      headers: chosen.headers.map((h) =>
        h.column === fullTime
          ? { ...h, field: "salary" }
          : h.column === aside
            ? { ...h, field: undefined }
            : h
      ),
      duplicates: chosen.duplicates.filter((d) => d.field !== "salary"),
    },
    issues: [
      ...issues.filter((i) => !(i.code === "duplicate-column" && i.message.startsWith(generic))),
      note,
    ],
  };
}

/** Which of two columns is the full-time salary by the rows, with a worked example. */
function fromRows(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  pair: [number, number],
  fteColumn: number
): { fullTime: number; example: string } | undefined {
  const at = (r: number, c: number) => grid.values[r]?.[c - grid.origin.column];
  const title = chosen.columns.title;
  const times = [0, 0];
  let example = "";
  for (let r = chosen.headerIndex + 1; r <= chosen.lastIndex; r++) {
    const [a, b, fte] = [at(r, pair[0]), at(r, pair[1]), at(r, fteColumn)];
    if (typeof a !== "number" || typeof b !== "number" || typeof fte !== "number") continue;
    if (!(fte > 0 && fte < 1)) continue;
    // Which column is the other × FTE: the full-time one is the one multiplied.
    const side = Math.abs(a - b * fte) <= ROUNDING ? 1 : Math.abs(b - a * fte) <= ROUNDING ? 0 : -1;
    if (side < 0) return undefined;
    times[side]++;
    if (example === "") {
      const [full, paid] = side === 1 ? [b, a] : [a, b];
      const who = title === undefined ? "" : `${describeValue(at(r, title))}: `;
      example = `${who}${formatPoundsInText(full)} × ${formatFigure(fte)} = ${formatPoundsInText(paid)}`;
    }
  }
  if (times[0] > 0 && times[1] > 0) return undefined;
  if (times[0] > 0) return { fullTime: pair[0], example };
  if (times[1] > 0) return { fullTime: pair[1], example };
  return undefined;
}

/** The one of two columns headed as the full-time salary, if exactly one is. */
function fromHeadings(
  chosen: TableCandidate<PostField>,
  pair: [number, number]
): number | undefined {
  const named = pair.filter((c) => {
    const text = chosen.headers.find((h) => h.column === c)?.text ?? "";
    return FULL_TIME_HEADING.test(normaliseLabel(text));
  });
  return named.length === 1 ? named[0] : undefined;
}
