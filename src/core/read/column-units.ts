/**
 * The unit a column's heading gives its figures: "Monthly salary", "Salary (£000)", "FTE %".
 * Costing reads annual pounds and FTE as a fraction of full time, so a heading that says
 * otherwise is converted (× 12, × 1,000, ÷ 100), never read as if it said nothing, and
 * said once at the heading with a worked example. A salary by the week, day or hour is
 * refused: how many weeks or hours make a year is the employer's, not the reader's, to say.
 */
import { columnLetters, positionIn, toA1, type CellValue, type Grid, type Issue } from "../grid";
import type { PostField } from "../model";
import { formatPoundsInText } from "../money";
import type { HeaderCell, TableCandidate } from "./detect";
import { issueAtAddress } from "./issues";
import { totalsLabelOf } from "./rows";
import type { TableRow } from "./table";
import { formatFigure } from "./text";
import { parseMoney, parseNumber } from "./values";

/** A column read in another unit than the costing's: its figures × factor. */
export type ColumnScales = Partial<Record<PostField, number>>;

/** The same, as pairs: walked for every row read, so made once per table. */
export type ColumnScaling = ReadonlyArray<readonly [PostField, number]>;

const MONEY_FIELDS: readonly PostField[] = [
  "salary",
  "proRataSalary",
  "minSalary",
  "maxSalary",
  "proposedSalary",
];
const FTE_FIELDS: readonly PostField[] = ["fte", "currentFte", "proposedFte"];

const MONTHLY = /\b(?:monthly|per month|a month|pcm|p ?m)\b/i;
const THOUSANDS = /£\s*'?\s*0{3}\b|£\s*k\b|\(\s*0{3}s?\s*\)|\b0{3}s\b|\bthousands?\b|\bk\s*\)/i;
const NOT_ANNUAL =
  /\b(?:weekly|per week|a week|p ?w|daily|per day|a day|hourly|per hour|an hour|p ?h)\b/i;
/** A percentage of full time; SAP's Capacity Utilisation Level is one (80 is 0.8 FTE). */
const PERCENT = /%|\bper ?cent(?:age)?\b|\bcapacity utili[sz]ation\b/i;

interface Unit {
  field: PostField;
  header: HeaderCell<PostField>;
  factor: number;
}

function headerOf(chosen: TableCandidate<PostField>, field: PostField) {
  const column = chosen.columns[field];
  return column === undefined ? undefined : chosen.headers.find((h) => h.column === column);
}

/** The column's figures under the header, in sheet order, leaving out totals rows: [address, value]. */
function figuresOf(
  grid: Grid,
  chosen: TableCandidate<PostField>,
  column: number,
  parse: (v: CellValue) => number | undefined
): Array<[string, number]> {
  const c = column - grid.origin.column;
  const out: Array<[string, number]> = [];
  for (let r = chosen.headerIndex + 1; r <= chosen.lastIndex; r++) {
    const row = grid.values[r];
    const v = parse(row?.[c]);
    if (v !== undefined && !totalsLabelOf(row, new Set([c])))
      out.push([toA1(positionIn(grid, r, c)), v]);
  }
  return out;
}

/**
 * Each column whose heading gives another unit, with its factor, and what is said of it:
 * a note per converted column, an error per salary column by the week, day or hour.
 */
export function columnUnits(
  grid: Grid,
  chosen: TableCandidate<PostField>
): { scales: ColumnScales; issues: Issue[] } {
  const scales: ColumnScales = {};
  const issues: Issue[] = [];
  const convert = (u: Unit, figures: Array<[string, number]>) => {
    scales[u.field] = u.factor;
    issues.push(convertedNote(grid, u, figures[0]));
  };
  for (const field of MONEY_FIELDS) {
    const header = headerOf(chosen, field);
    if (!header) continue;
    const figures = () => figuresOf(grid, chosen, header.column, parseMoney);
    if (NOT_ANNUAL.test(header.text)) issues.push(notAnnual(grid, header));
    else if (MONTHLY.test(header.text)) convert({ field, header, factor: 12 }, figures());
    else if (THOUSANDS.test(header.text)) convert({ field, header, factor: 1000 }, figures());
  }
  for (const field of FTE_FIELDS) {
    const header = headerOf(chosen, field);
    if (!header || !PERCENT.test(header.text)) continue;
    // Cells formatted as % hold fractions already (1 is 100%): only figures over 1 are percentages.
    const figures = figuresOf(grid, chosen, header.column, parseNumber);
    if (figures.some(([, v]) => v > 1)) convert({ field, header, factor: 0.01 }, figures);
  }
  return { scales, issues };
}

/**
 * A row's figures in the costing's units (annual pounds, FTE as a fraction), in place.
 * A cell typed with its own % sign ("50%") was read as a fraction already: not scaled again.
 */
export function scaleRow(
  row: TableRow<PostField>,
  scaling: ColumnScaling,
  grid: Grid,
  chosen: TableCandidate<PostField>
): void {
  for (const [field, factor] of scaling) {
    const v = row.values[field];
    const column = chosen.columns[field];
    const own =
      column === undefined ? undefined : grid.values[row.index]?.[column - grid.origin.column];
    if (typeof v === "number" && !(typeof own === "string" && /%\s*$/.test(own)))
      row.values[field] = scaled(v, factor);
  }
}

/** × 12 and × 1,000 are exact on pennies; ÷ 100 is kept to the FTE's own decimals. */
export function scaled(v: number, factor: number): number {
  return factor < 1 ? Math.round(v * factor * 1e8) / 1e8 : v * factor;
}

const WORDS: Record<number, { unit: string; op: string }> = {
  12: { unit: "monthly pay", op: "× 12" },
  1000: { unit: "thousands of pounds", op: "× 1,000" },
  0.01: { unit: "a percentage of full time", op: "÷ 100" },
};

function convertedNote(grid: Grid, u: Unit, example: [string, number] | undefined): Issue {
  const words = WORDS[u.factor];
  const money = u.factor !== 0.01;
  const show = (v: number) => (money ? formatPoundsInText(v) : formatFigure(v));
  let worked = "";
  if (example) {
    const [cell, v] = example;
    const result = money ? show(scaled(v, u.factor)) : `${formatFigure(scaled(v, u.factor))} FTE`;
    worked = ` (${cell}: ${show(v)} ${words.op} = ${result})`;
  }
  const what = money ? "the annual figure costed" : "the FTE costed";
  return issueAtAddress(
    grid.sheet,
    u.header.address,
    "info",
    "column-unit-converted",
    `Column ${columnLetters(u.header.column)} '${u.header.text}' is read as ${words.unit}: each figure ${words.op} is ${what}${worked}`,
    "nothing to do if the heading is right; if the figures are already annual pounds (or FTE as 1 for full time), correct the heading"
  );
}

function notAnnual(grid: Grid, header: HeaderCell<PostField>): Issue {
  return issueAtAddress(
    grid.sheet,
    header.address,
    "error",
    "salary-not-annual",
    `Column ${columnLetters(header.column)} '${header.text}' holds pay by the week, day or hour, and costing needs annual salaries`,
    "add a column of annual salaries (e.g. the weekly pay × 52.143, or the hourly rate × your full-time weekly hours × 52.143), or map Salary to it"
  );
}
