/** What every live pass shares: the source it points at, the outcome, cell references and formula text. */
import { PLAIN_DEFAULTS, type CostFigures, type PlainSettings } from "../../costing";
import { columnLetters, parseRangeA1, quoteSheetName } from "../../grid";
import type { Assumptions, Establishment, PayScales, Post, PostField } from "../../model";
import type { NumberCell, SheetSpec, SpecCell } from "../sheet-spec";
import { assumptionCell, costSettings, type AssumptionCells } from "../assumption-cells";
import { formula } from "../expr";

export interface LiveSource {
  /** The establishment the sheet was built from: its sheet name and each post's cell addresses. */
  establishment?: Establishment;
  /** The pay scales table posts were priced from, with each point's salary cell. */
  payScales?: PayScales;
  assumptions: Assumptions;
  /** Where each assumption lives on the Assumptions sheet, for formulas to refer to. */
  assumptionCells?: AssumptionCells;
  /**
   * Whether a source cell holds text ("£33,366"): the functions read such a cell as the
   * reader does, but arithmetic over it would not, so formulas read it through a function.
   */
  textCell?: (sheet: string, address: string) => boolean;
}

/** A source cell holding text. */
export type TextCell = NonNullable<LiveSource["textCell"]>;

/** A source cell a live formula uses as a number, with what it is and what the reader read. */
export interface NumberUse {
  sheet: string;
  /** Its address; undefined (no cell) is skipped. */
  address: string | undefined;
  /** What the cell is, for the reason: "FTE", "population". */
  what: string;
  /** The number the reader took from it. */
  value?: number;
}

/**
 * Why a formula cannot be live while a source cell it uses as a number holds text
 * ("1.0", "£36.50", "14,820"), naming the first such cell and the fix; undefined when none
 * does. Arithmetic over text is #VALUE! outside Excel's own locale coercion, N() and SUM
 * read it as 0, and a plain `=cell` shows the text. Check every cell a formula uses that
 * way; a cell passed straight to an ESTAB function needs no check (the functions read
 * text as the reader does). There is no function that reads a plain number as the reader
 * does (ESTAB.SALARY reads money), so the figure stays a value until the cell is a number.
 */
export function textNumberReason(
  textCell: TextCell | undefined,
  uses: readonly NumberUse[]
): string | undefined {
  if (!textCell) return undefined;
  const hit = uses.find((u) => u.address !== undefined && textCell(u.sheet, u.address));
  if (!hit) return undefined;
  const read =
    hit.value !== undefined && Number.isFinite(hit.value)
      ? ` (read as ${numberText(hit.value)})`
      : "";
  return `${quoteSheetName(hit.sheet)}!${hit.address} holds the ${hit.what} as text${read}: type it as a number to make this figure live`;
}

/** What each of a post's number fields is called in a reason. */
const NUMBER_FIELDS: Partial<Record<PostField, [string, (p: Post) => number | undefined]>> = {
  fte: ["FTE", (p) => p.fte],
  currentFte: ["FTE", (p) => p.fte],
  headcount: ["headcount", (p) => p.headcount],
  proposedFte: ["proposed FTE", (p) => p.proposedFte],
  hoursPerWeek: ["hours a week", (p) => p.hoursPerWeek],
  agencyHourlyRate: ["agency rate", (p) => p.agencyHourlyRate],
};

/** textNumberReason for a post's own cells of `fields` (the first of "fte", "currentFte" it has). */
export function postTextReason(
  textCell: TextCell | undefined,
  est: Establishment,
  post: Post,
  ...fields: PostField[]
): string | undefined {
  const uses = fields.map((f): NumberUse => {
    const field = f === "fte" && !post.cells.fte ? "currentFte" : f;
    const [what, value] = NUMBER_FIELDS[field] ?? [field, () => undefined];
    return { sheet: est.sheet, address: post.cells[field], what, value: value(post) };
  });
  return textNumberReason(textCell, uses);
}

export interface LiveOutcome {
  /** The sheet with `live` set on every cell that could be made live. */
  sheet: SheetSpec;
  /** Cells given an ESTAB formula. */
  liveCells: number;
  /** Cells left as values, each with the reason ("Family Support Worker: pay from the grade range"). */
  notLive: string[];
}

export type Figure = keyof CostFigures;

/** A cell's live formula, or why the cell stays a value. */
export type Live = { live: string } | { reason: string };

/**
 * Sets `live` on the number cell at [r][c], or notes in `notLive` why it stays a value
 * ("<what>: <reason>"); true when set. With `expected` (what the formula gives), the cell
 * is made live only if that is exactly the value written there.
 */
export function setLive(
  cells: Array<Array<SpecCell | null>>,
  r: number,
  c: number,
  outcome: Live,
  what: string,
  notLive: string[],
  expected?: number
): boolean {
  const cell = c >= 0 ? cells[r]?.[c] : undefined;
  if (!cell || cell.kind !== "number") return false;
  if ("reason" in outcome) {
    notLive.push(`${what}: ${outcome.reason}`);
    return false;
  }
  if (expected !== undefined && expected !== cell.value) {
    notLive.push(`${what}: the formula would not give the sheet's figure`);
    return false;
  }
  cells[r][c] = { ...cell, live: outcome.live } satisfies NumberCell;
  return true;
}

/** The `figure` argument of the cost functions for each engine figure (one table, in estab-calls). */
export { FIGURE_ARG } from "../estab-calls";

/** A number as formula text: JavaScript's shortest round-trip form, which Excel reads back exactly. */
export const numberText = (x: number): string => String(x);
export const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The settings argument as an array constant: only what differs from the functions'
 * defaults, so a plain formula stays short. Returns "" when nothing differs.
 */
export function settingsConstant(
  a: Assumptions,
  options: { grantDates?: boolean; gradePoints?: boolean } = {}
): string {
  const rows: string[] = [];
  if (!a.apprenticeshipLevy) rows.push(`"Levy","No"`);
  if (a.niRate !== undefined) rows.push(`"NI rate",${numberText(a.niRate)}`);
  if (a.niMonthlyThreshold !== undefined)
    rows.push(`"NI threshold",${numberText(a.niMonthlyThreshold)}`);
  if (a.pensionRate) rows.push(`"Pension rate",${numberText(a.pensionRate)}`);
  if (a.onCostMode === "flat") {
    rows.push(`"On-cost mode","flat"`, `"Flat on-cost rate",${numberText(a.flatOnCostRate)}`);
  }
  if (options.gradePoints) {
    // Only read with a points range: where on the grade the post starts and when it moves up.
    rows.push(`"Costing point",${quoted(a.costingPoint)}`);
    if (a.incrementRule !== PLAIN_DEFAULTS.incrementRule)
      rows.push(`"Increment rule",${quoted(a.incrementRule)}`);
    if (a.incrementServiceMonths !== PLAIN_DEFAULTS.incrementServiceMonths)
      rows.push(`"Increment service months",${numberText(a.incrementServiceMonths)}`);
  }
  if (options.grantDates && a.grant.start !== undefined)
    rows.push(`"Grant start",${numberText(a.grant.start)}`);
  if (options.grantDates && a.grant.end !== undefined)
    rows.push(`"Grant end",${numberText(a.grant.end)}`);
  return rows.length ? `{${rows.join(";")}}` : "";
}

/**
 * The settings argument of a one-year cost: the Assumptions sheet's on-cost rows where
 * they are laid out as one range (so the formulas follow an edit there), else the
 * constant above.
 */
export function costSettingsArg(ac: AssumptionCells | undefined, a: Assumptions): string {
  const e = costSettings(ac, a);
  return e ? formula(e) : "";
}

/** An assumption as a formula argument: a reference to its cell, else the number itself. */
export function assumptionArg(ac: AssumptionCells | undefined, key: string, value: number): string {
  const cell = assumptionCell(ac, key);
  return cell ? formula(cell) : numberText(value);
}

/** What the settings constant above tells the functions, as the engine's settings. */
export function settingsOf(a: Assumptions): PlainSettings {
  return {
    apprenticeshipLevy: a.apprenticeshipLevy,
    niRate: a.niRate,
    niMonthlyThreshold: a.niMonthlyThreshold,
    pensionRate: a.pensionRate,
    onCostMode: a.onCostMode,
    flatOnCostRate: a.onCostMode === "flat" ? a.flatOnCostRate : 0,
  };
}

export function refTo(est: Establishment, post: Post, ...fields: PostField[]): string | undefined {
  for (const f of fields) {
    const cell = post.cells[f];
    if (cell) return `${quoteSheetName(est.sheet)}!${cell}`;
  }
  return undefined;
}

/**
 * The cell of a post's field even when it is blank: the reader keeps addresses only of the
 * cells it read, so a blank one is placed by its column and the post's row. Undefined when
 * the table has no such column. For optional arguments, which the functions read blank as
 * "not given", so the formula follows a value typed in later.
 */
export function cellRef(est: Establishment, post: Post, field: PostField): string | undefined {
  const read = refTo(est, post, field);
  if (read) return read;
  const column = est.columns[field];
  if (column === undefined) return undefined;
  return `${quoteSheetName(est.sheet)}!${columnLetters(column)}${post.sourceRow + 1}`;
}

/**
 * The headcount argument of the cost functions: the headcount cell, blank or not (the
 * functions read blank or 0 as the FTE rounded up, as the engine does), so a headcount
 * typed in later is followed. "" when the table has no headcount column.
 */
export function headcountArg(est: Establishment, post: Post): string {
  return cellRef(est, post, "headcount") ?? "";
}

export function tableRows(
  sheet: SheetSpec,
  name: string
): { header: number; first: number; last: number; column: number } | undefined {
  const table = sheet.tables.find((t) => t.name === name);
  if (!table) return undefined;
  const { start, end } = parseRangeA1(table.range);
  return { header: start.row, first: start.row + 1, last: end.row, column: start.column };
}

export const cellText = (c: SpecCell | null | undefined): string =>
  c && c.kind === "text" ? c.text : "";

/** The cell, or `fallback` when the cell is empty (LEN(cell)=0: blank or empty text). */
export const ifBlank = (cell: string, fallback: string): string =>
  `IF(LEN(${cell})=0,${fallback},${cell})`;

/** A column's letter by its header text in a table's header row. */
export function columnByHeader(sheet: SheetSpec, headerRow: number, header: string): number {
  return (sheet.cells[headerRow] ?? []).findIndex((c) => cellText(c).trim() === header);
}
