import type { CellValue, Grid, Issue } from "../grid";
import { columnIndex, columnLetters, toA1 } from "../grid/address";
import { isBlank, isErrorValue, positionIn } from "../grid/grid";
import type { TableCandidate } from "./detect";
import { issueAt, kebab } from "./issues";
import type { TotalKind } from "./rows";
import { isBlankRow, totalsLabelOf } from "./rows";
import type { FieldSpec, FieldValue, Guessed, TableSchema } from "./schema";
import { KIND_RULES } from "./schema";
import { describeValue, formatFigure } from "./text";
import { DELETED as DELETED_WORD, parseMoneyRange } from "./values";
import { figureWords } from "./uncertain";
import { formatPoundsInText } from "../money";
import { HiddenRows, STRUCK, mergedCells, withMergedLabels, type TableRows } from "./sheet-view";
import type { CellPosition } from "../grid";
import {
  outOfRangeMessage,
  textCutWarning,
  refusedForSize,
  withinLimit,
  withinTextLimit,
  type Limit,
} from "./limits";

/** One data row of a table, parsed field by field. */
export interface TableRow<F extends string> {
  /** Grid-relative row. */
  index: number;
  /** Zero-based sheet row. */
  sourceRow: number;
  values: Partial<Record<F, FieldValue>>;
  /** A1 address of each field's cell (present whenever the cell was not blank). */
  cells: Partial<Record<F, string>>;
  /** Fields whose cell held something unreadable (already reported). */
  unreadable: Partial<Record<F, true>>;
}

/** A TOTAL / Sub-total / Grand total row. */
export interface TableTotal<F extends string> {
  index: number;
  sourceRow: number;
  label: string;
  kind: TotalKind;
  values: Partial<Record<F, number>>;
  cells: Partial<Record<F, string>>;
}

export interface TableRead<F extends string> {
  rows: TableRow<F>[];
  totals: TableTotal<F>[];
  issues: Issue[];
}

interface MappedColumn<F extends string> {
  spec: FieldSpec<F>;
  /** Grid-relative column. */
  c: number;
  letters: string;
}

function mappedColumns<F extends string>(
  grid: Grid,
  candidate: TableCandidate<F>,
  schema: TableSchema<F>
): MappedColumn<F>[] {
  const out: MappedColumn<F>[] = [];
  for (const spec of schema.fields) {
    const sheetColumn = candidate.columns[spec.field];
    if (sheetColumn === undefined) continue;
    out.push({ spec, c: sheetColumn - grid.origin.column, letters: columnLetters(sheetColumn) });
  }
  return out;
}

export const NUMERIC_KINDS: ReadonlySet<string> = new Set([
  "number",
  "fte",
  "money",
  "percent",
  "measure",
  "point",
  "date",
  "year",
  "fteOrDeleted",
  "agencyRate",
]);

/**
 * Reads the data block of a candidate: every row is a blank spacer, a totals row, a
 * section heading, or a data row parsed field by field. Unreadable cells are reported
 * with their address; totals are reconciled against the rows they sum. The row handler
 * may return the kind of totals row it read a data row as, by its figures (an unlabelled
 * subtotal): that row is then left out of the sums, and closes its block as a totals row would.
 * `onKeyless` is asked of a row with data but no key: true if it read it as a totals row
 * (labelled elsewhere in the row), which is then no "no key" error.
 */
export function readTable<F extends string>(
  grid: Grid,
  candidate: TableCandidate<F>,
  schema: TableSchema<F>,
  onRow?: (row: TableRow<F>) => TotalKind | undefined,
  onKeyless?: (row: TableRow<F>) => boolean
): TableRead<F> {
  const columns = mappedColumns(grid, candidate, schema);
  const numericSet = new Set(columns.filter((m) => NUMERIC_KINDS.has(m.spec.kind)).map((m) => m.c));
  const required = new Set<F>(schema.requiredFields);
  const keyColumn = columns.find((m) => m.spec.field === schema.keyField);
  const rows: TableRow<F>[] = [];
  const sums = new RunningSums(schema.totalFields);
  const totals: TableTotal<F>[] = [];
  const issues: Issue[] = [];
  const firstColumn = Math.max(
    0,
    (candidate.headers[0]?.column ?? grid.origin.column) - grid.origin.column
  );

  const view: TableRows = {
    first: candidate.headerIndex + 1,
    last: candidate.lastIndex,
    firstColumn,
    headerIndex: candidate.headerIndex,
    noun: rowNoun(schema),
    isTotal: (r) => totalsLabelOf(grid.values[r], numericSet) !== undefined,
  };
  const merged = mergedCells(
    grid,
    view,
    columns.map((m) => ({ c: m.c, label: m.spec.label, numeric: NUMERIC_KINDS.has(m.spec.kind) }))
  );
  issues.push(...merged.issues);
  const marked = [new HiddenRows(grid, view), new HiddenRows(grid, view, STRUCK)];

  let blankStart = -1;
  let seenData = false;
  for (let r = candidate.headerIndex + 1; r <= candidate.lastIndex; r++) {
    const from = merged.sources.get(r);
    const row = withMergedLabels(grid, grid.values[r] ?? [], from);
    if (isBlankRow(row)) {
      if (blankStart < 0) blankStart = r;
      continue;
    }
    if (blankStart >= 0 && seenData) {
      const count = r - blankStart;
      issues.push(
        issueAt(
          grid,
          blankStart,
          firstColumn,
          // A spacer has nothing on it to cost, so no figure depends on it: information.
          "info",
          "blank-row",
          count === 1
            ? "Blank row inside the table, skipped"
            : `${count} blank rows inside the table, skipped`,
          "nothing to do if it is a spacer; if a post is missing, fill the row in"
        )
      );
    }
    blankStart = -1;
    seenData = true;

    const total = totalsLabelOf(row, numericSet);
    if (total) {
      const read = readTotal(grid, r, row, total, columns, issues);
      totals.push(read);
      sums.check(grid, schema, read, issues);
      continue;
    }
    const parsed = readRow(grid, r, row, columns, required, issues, from);
    if (parsed === undefined) continue;
    const key = parsed.values[schema.keyField];
    const filled = Object.keys(parsed.cells).length;
    if (key === undefined) {
      if (parsed.unreadable[schema.keyField] || onKeyless?.(parsed)) continue;
      const c = keyColumn?.c ?? firstColumn;
      issues.push(
        issueAt(
          grid,
          r,
          c,
          "error",
          `${kebab(schema.keyField)}-missing`,
          `Row ${grid.origin.row + r + 1} has data but no ${labelOf(schema, schema.keyField)}`,
          `enter the ${labelOf(schema, schema.keyField).toLowerCase()}; if the row is a subtotal or total, label it 'Subtotal' or 'Total' (it is then checked, not read as one); if it is another table beside this one, leave a blank column or row between them`
        )
      );
      continue;
    }
    if (filled === 1 && countNonBlank(row) === 1) {
      issues.push(
        issueAt(
          grid,
          r,
          keyColumn?.c ?? firstColumn,
          // Nothing on the row could be costed (no FTE, no pay): information.
          "info",
          "section-heading",
          `${describeValue(String(key))} has nothing else in its row, so it is read as a heading, not a ${rowNoun(schema)}`,
          `if it is a ${rowNoun(schema)}, fill in its other columns`,
          String(key)
        )
      );
      continue;
    }
    sums.add(parsed);
    for (const rows of marked) rows.read(r, key);
    // Handing rows over as they are read lets them die young: 100,000 rows stay fast.
    if (!onRow) rows.push(parsed);
    else {
      const readAs = onRow(parsed);
      if (readAs) sums.retractLast(readAs);
    }
  }
  issues.push(...marked.flatMap((rows) => rows.finish()));
  return { rows, totals, issues };
}

function rowNoun<F extends string>(schema: TableSchema<F>): string {
  return schema.name === "establishment"
    ? "post"
    : schema.name === "localities"
      ? "locality"
      : "pay point";
}

export function labelOf<F extends string>(schema: TableSchema<F>, field: F): string {
  return schema.fields.find((s) => s.field === field)?.label ?? field;
}

function countNonBlank(row: readonly CellValue[]): number {
  let n = 0;
  for (const v of row) if (!isBlank(v)) n++;
  return n;
}

/** A text cell longer than Excel allows (possible in a hand-made file): cut, with a warning. */
export function textCutIssue(grid: Grid, r: number, c: number, label: string): Issue {
  const { message, fix } = textCutWarning(label);
  return issueAt(grid, r, c, "warning", "text-too-long", message, fix);
}

function readAsNote<F extends string>(
  grid: Grid,
  r: number,
  m: MappedColumn<F>,
  v: CellValue,
  reading: string | Guessed
): Issue {
  const guessed = typeof reading === "string" ? undefined : reading;
  return issueAt(
    grid,
    r,
    m.c,
    guessed ? "warning" : "info",
    `${kebab(m.spec.field)}-${guessed?.code ?? "read-as"}`,
    `${m.spec.label} ${describeValue(v)} is read as ${guessed ? guessed.reading : (reading as string)}`,
    guessed?.fix ?? "nothing to do if that is right; otherwise type the figure alone",
    v
  );
}

/**
 * A range in one cell ("£32,076 - £35,745" in Salary) read as the two fields its column
 * names (the post's minimum and maximum), where the row has no figure of its own for them.
 */
function readRange<F extends string>(
  grid: Grid,
  r: number,
  m: MappedColumn<F>,
  v: CellValue,
  row: {
    values: Partial<Record<F, FieldValue>>;
    cells: Partial<Record<F, string>>;
    issues: Issue[];
  }
): boolean {
  const into = m.spec.rangeInto;
  const range = into ? parseMoneyRange(v) : undefined;
  if (!into || !range || into.some((f) => row.values[f] !== undefined)) return false;
  if (m.spec.limit && !range.every((x) => withinLimit(x, m.spec.limit as Limit))) return false;
  // No cell for either end: the text is no figure a live formula could read.
  into.forEach((f, i) => (row.values[f] = range[i]));
  delete row.cells[m.spec.field];
  row.issues.push(
    issueAt(
      grid,
      r,
      m.c,
      "info",
      `${kebab(m.spec.field)}-range`,
      `${m.spec.label} ${describeValue(v)} is a range: read as the post's minimum ${formatPoundsInText(range[0])} and maximum ${formatPoundsInText(range[1])}, costed as a minimum and maximum salary are`,
      "nothing to do if that is the grade's range; type the post-holder's salary alone to cost it instead",
      v
    )
  );
  return true;
}

const NOTHING_UNREADABLE: Readonly<Record<string, true>> = Object.freeze({});

/** The kinds a figure marked as uncertain ("c. 0.5") or typed "nil" is read in: amounts, not dates. */
const FIGURE_KINDS: ReadonlySet<string> = new Set([
  "number",
  "fte",
  "fteOrDeleted",
  "money",
  "percent",
  "measure",
  "agencyRate",
]);

/** A figure as the messages give it: £30,000.00, 0.5 FTE, 19.5%. */
function shownFigure(kind: string, parsed: FieldValue): string {
  const rate = typeof parsed === "string" ? /:(.+)$/.exec(parsed) : null;
  const n = rate ? Number(rate[1]) : typeof parsed === "number" ? parsed : NaN;
  if (kind === "money" || kind === "agencyRate") return formatPoundsInText(n);
  if (kind === "fte" || kind === "fteOrDeleted") return `${formatFigure(n)} FTE`;
  return kind === "percent" ? `${formatFigure(n * 100)}%` : formatFigure(n);
}

/**
 * A figure cell typed in words (uncertain.ts): "nil" is 0 and "c. 0.5" is 0.5, said at the
 * cell (a figure marked uncertain with a warning); "TBC" or "?" is no figure yet, an error
 * where the column needs one (a required field, or one whose blank says something), else
 * read as blank with a warning. Undefined when the cell is none of these.
 */
function wordedFigure<F extends string>(
  grid: Grid,
  r: number,
  m: MappedColumn<F>,
  v: CellValue,
  required: boolean,
  issues: Issue[]
): { parsed?: FieldValue; reading?: string | Guessed; blank?: true; refused?: true } | undefined {
  const kind = m.spec.kind;
  const words = NUMERIC_KINDS.has(kind) ? figureWords(v) : undefined;
  if (!words || (words.kind !== "not known" && !FIGURE_KINDS.has(kind))) return undefined;
  const { label } = m.spec;
  if (words.kind === "nil") {
    const parsed = KIND_RULES[kind].parse(0);
    return parsed === undefined
      ? undefined
      : {
          parsed,
          reading: `${shownFigure(kind, parsed)} ('nil' is nought)${kind === "fteOrDeleted" ? ": the post is deleted" : ""}`,
        };
  }
  if (words.kind === "marked") {
    const parsed = KIND_RULES[kind].parse(words.figure);
    if (parsed === undefined || parsed === DELETED_WORD) return undefined;
    return {
      parsed,
      reading: {
        reading: `${shownFigure(kind, parsed)}, a figure marked as uncertain ('${words.marker}')`,
        fix: `check the figure and, once it is settled, type it alone (${words.figure}) to silence this; until then it is costed as read`,
        code: "uncertain",
      },
    };
  }
  const needed = required ? (m.spec.figureNeeded ?? "every row needs one") : m.spec.figureNeeded;
  issues.push(
    issueAt(
      grid,
      r,
      m.c,
      needed ? "error" : "warning",
      `${kebab(m.spec.field)}-not-known`,
      needed
        ? `${label} ${describeValue(v)} is a figure still to be confirmed: ${needed}`
        : `${label} ${describeValue(v)} is a figure still to be confirmed, so it is read as blank`,
      needed
        ? (m.spec.fix ?? KIND_RULES[kind].fix)
        : "enter the figure once it is settled; until then the row is read as if this cell were empty",
      v
    )
  );
  return needed ? { refused: true } : { blank: true };
}

function readRow<F extends string>(
  grid: Grid,
  r: number,
  row: readonly CellValue[],
  columns: readonly MappedColumn<F>[],
  required: ReadonlySet<F>,
  issues: Issue[],
  /** Cells read from the top-left of a merged label over them: there is the value, and its address. */
  mergedFrom?: ReadonlyMap<number, CellPosition>
): TableRow<F> | undefined {
  const values: Partial<Record<F, FieldValue>> = {};
  const cells: Partial<Record<F, string>> = {};
  // Most rows read cleanly: share one empty record rather than allocate one per row.
  let unreadable = NOTHING_UNREADABLE as Partial<Record<F, true>>;
  const rowNumber = grid.origin.row + r + 1;
  let any = false;
  for (const m of columns) {
    const v = row[m.c];
    if (isBlank(v)) continue;
    any = true;
    const field = m.spec.field;
    const source = mergedFrom?.get(m.c);
    cells[field] = source
      ? toA1(positionIn(grid, source.row, source.column))
      : `${m.letters}${rowNumber}`;
    const rule = KIND_RULES[m.spec.kind];
    if (isErrorValue(v)) {
      if (unreadable === (NOTHING_UNREADABLE as object)) unreadable = {};
      unreadable[field] = true;
      const blocking = required.has(field) || rule.severity === "error";
      issues.push(
        issueAt(
          grid,
          r,
          m.c,
          blocking ? "error" : "warning",
          "error-cell",
          `${m.spec.label} is ${v} (an Excel error)${blocking ? "" : ", read as blank"}`,
          "correct the formula or type the value",
          v
        )
      );
      continue;
    }
    const worded = wordedFigure(grid, r, m, v, required.has(field), issues);
    if (worded?.blank) {
      delete cells[field];
      continue;
    }
    const parsed = worded && !worded.refused ? worded.parsed : rule.parse(v);
    const limit = m.spec.limit;
    if (typeof parsed === "string") {
      const { text, cut } = withinTextLimit(parsed);
      values[field] = text;
      if (cut) issues.push(textCutIssue(grid, r, m.c, m.spec.label));
      const reading = worded?.reading ?? rule.reads?.(v, parsed);
      if (reading) issues.push(readAsNote(grid, r, m, v, reading));
      continue;
    }
    const tooBig =
      limit !== undefined &&
      (typeof parsed === "number" ? !withinLimit(parsed, limit) : refusedForSize(v));
    if (parsed !== undefined && !tooBig) {
      values[field] = parsed;
      const reading = worded?.reading ?? rule.reads?.(v, parsed);
      if (reading) issues.push(readAsNote(grid, r, m, v, reading));
      continue;
    }
    if (worded?.refused) {
      if (unreadable === (NOTHING_UNREADABLE as object)) unreadable = {};
      unreadable[field] = true;
      continue;
    }
    if (!tooBig && readRange(grid, r, m, v, { values, cells, issues })) continue;
    if (unreadable === (NOTHING_UNREADABLE as object)) unreadable = {};
    unreadable[field] = true;
    if (rule.fallback !== undefined) values[field] = rule.fallback;
    const known = tooBig ? undefined : rule.explain?.(v);
    issues.push(
      issueAt(
        grid,
        r,
        m.c,
        tooBig ? "error" : rule.severity,
        `${kebab(field)}-${tooBig ? "out-of-range" : (known?.code ?? rule.code)}`,
        tooBig && limit
          ? outOfRangeMessage(m.spec.label, describeValue(v), limit)
          : `${m.spec.label} ${describeValue(v)} ${known?.problem ?? rule.problem}`,
        known?.fix ?? m.spec.fix ?? rule.fix,
        v
      )
    );
  }
  return any ? { index: r, sourceRow: grid.origin.row + r, values, cells, unreadable } : undefined;
}

/** A sheet has 1,048,576 rows: a total can add up that many rows, each at its limit. */
const MOST_ROWS = 1_048_576;

function totalLimit(limit: Limit): Limit {
  return { ...limit, min: Math.min(0, limit.min * MOST_ROWS), max: limit.max * MOST_ROWS };
}

function readTotal<F extends string>(
  grid: Grid,
  r: number,
  row: readonly CellValue[],
  total: { label: string; kind: TotalKind },
  columns: readonly MappedColumn<F>[],
  issues: Issue[]
): TableTotal<F> {
  const values: Partial<Record<F, number>> = {};
  const cells: Partial<Record<F, string>> = {};
  for (const m of columns) {
    if (!NUMERIC_KINDS.has(m.spec.kind)) continue;
    const v = row[m.c];
    if (isBlank(v)) continue;
    cells[m.spec.field] = `${m.letters}${grid.origin.row + r + 1}`;
    if (isErrorValue(v)) {
      issues.push(
        issueAt(
          grid,
          r,
          m.c,
          "warning",
          "error-cell",
          `${m.spec.label} in the ${total.label} row is ${v} (an Excel error)`,
          "correct the formula; the total is not checked",
          v
        )
      );
      continue;
    }
    const parsed = KIND_RULES[m.spec.kind].parse(v);
    if (typeof parsed !== "number") continue;
    const limit = m.spec.limit && totalLimit(m.spec.limit);
    if (limit && !withinLimit(parsed, limit)) {
      issues.push(
        issueAt(
          grid,
          r,
          m.c,
          "warning",
          "total-out-of-range",
          `${outOfRangeMessage(`${m.spec.label} in the ${total.label} row`, describeValue(v), limit)}, more than any table can add up to`,
          "correct the total; it is not checked",
          v
        )
      );
      continue;
    }
    values[m.spec.field] = parsed;
  }
  return {
    index: r,
    sourceRow: grid.origin.row + r,
    label: total.label,
    kind: total.kind,
    values,
    cells,
  };
}

/**
 * A sub-total sums the rows since the previous sub-total or total; a total sums the rows
 * since the previous total (so sections each with a Total, then a Grand total, work);
 * a grand total sums every row. Differences above rounding are warnings with both figures.
 * Sums are kept as the rows go by, so no row has to be kept for it.
 */
class RunningSums<F extends string> {
  private readonly sinceSub = new Map<F, number>();
  private readonly sinceTotal = new Map<F, number>();
  private readonly all = new Map<F, number>();
  private rows = { sinceSub: 0, sinceTotal: 0, all: 0 };
  /** The last row's figures, field by field, to take back if it turns out to be a total. */
  private readonly last: Array<number | undefined>;
  private readonly maps = [this.sinceSub, this.sinceTotal, this.all];

  constructor(private readonly fields: readonly F[]) {
    this.last = fields.map(() => undefined);
  }

  add(row: TableRow<F>): void {
    this.rows.sinceSub++;
    this.rows.sinceTotal++;
    this.rows.all++;
    this.fields.forEach((f, k) => {
      const v = row.values[f];
      this.last[k] = typeof v === "number" ? v : undefined;
      if (typeof v === "number") for (const sums of this.maps) sums.set(f, (sums.get(f) ?? 0) + v);
    });
  }

  /** The last row added was a totals row after all: out of the sums, and it closes its block. */
  retractLast(kind: TotalKind): void {
    this.rows.sinceSub--;
    this.rows.sinceTotal--;
    this.rows.all--;
    this.fields.forEach((f, k) => {
      const v = this.last[k];
      if (v !== undefined) for (const sums of this.maps) sums.set(f, (sums.get(f) ?? 0) - v);
    });
    this.close(kind);
  }

  check(grid: Grid, schema: TableSchema<F>, total: TableTotal<F>, issues: Issue[]): void {
    const [sums, count] =
      total.kind === "subtotal"
        ? [this.sinceSub, this.rows.sinceSub]
        : total.kind === "total"
          ? [this.sinceTotal, this.rows.sinceTotal]
          : [this.all, this.rows.all];
    for (const field of this.fields) {
      const stated = total.values[field];
      if (stated === undefined) continue;
      const sum = sums.get(field);
      if (sum === undefined && stated === 0) continue;
      const actual = sum ?? 0;
      if (Math.abs(actual - stated) <= 0.005 + 1e-9 * Math.abs(stated)) continue;
      const sheetColumn = columnIndex(/^[A-Z]+/.exec(total.cells[field] ?? "A")?.[0] ?? "A");
      issues.push(
        issueAt(
          grid,
          total.index,
          sheetColumn - grid.origin.column,
          "warning",
          "total-mismatch",
          `${total.label} row says ${labelOf(schema, field)} ${formatFigure(stated)} but the ${count} rows it covers add up to ${formatFigure(actual)}`,
          "check for missing, extra or double-counted rows; the rows are costed, not the total",
          stated
        )
      );
    }
    this.close(total.kind);
  }

  private close(kind: TotalKind): void {
    if (kind !== "grand-total") {
      this.sinceSub.clear();
      this.rows.sinceSub = 0;
    }
    if (kind === "total") {
      this.sinceTotal.clear();
      this.rows.sinceTotal = 0;
    }
  }
}
