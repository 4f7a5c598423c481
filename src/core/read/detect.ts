import type { CellValue, Grid } from "../grid";
import { columnIndex, isBlank, positionIn, rangeA1, toA1 } from "../grid";
import type { FinancialYear } from "../dates";
import type { WorkbookGrids } from "../workbook/types";
import type { TableSchema } from "./schema";
import { hasNumberIn, isBlankRow, totalKindOf, totalsLabelOf } from "./rows";
import { normaliseLabel } from "./text";
import { isAllowanceHeading } from "./allowances";
import { costHeading, withoutExclusions } from "./cost-headings";
import { parseDate, parseMoney } from "./values";

/** Field → header text or column letter ("E"); "" means "do not map this field". */
export type ColumnMapping<F extends string> = Partial<Record<F, string>>;

/** A non-blank cell of a header row, and the field it maps to (if any). */
export interface HeaderCell<F extends string> {
  /** Zero-based sheet column. */
  column: number;
  /** A1 address of the header cell. */
  address: string;
  text: string;
  field?: F;
}

/** A table the reader found: where it is, how its columns map, how well it fits. */
export interface TableCandidate<F extends string> {
  sheet: string;
  /** Excel Table name, when the grid is an Excel Table. */
  table?: string;
  /** Index into workbook.grids of the grid it was found in. */
  gridIndex: number;
  /** Zero-based sheet row of the header. */
  headerRow: number;
  /** A1 range from the header to the last data row, e.g. "A3:H40". */
  range: string;
  /** Every non-blank header cell, mapped or not (unmapped columns are kept and ignored). */
  headers: HeaderCell<F>[];
  /** Zero-based sheet column of each mapped field. */
  columns: Partial<Record<F, number>>;
  /** Higher is a better fit; candidates come sorted best first. */
  score: number;
  /** Grid-relative rows: header, and last row of the data block (inclusive). */
  headerIndex: number;
  lastIndex: number;
  /** Mapping overrides that named no column of this table. */
  unresolved: Array<{ field: F; wanted: string }>;
  /** Headers that mapped to a field already taken by another column (the one used). */
  duplicates: Array<Duplicate<F>>;
  /** schema.yearsAcross: the columns of its field, one per year, left to right (sheet columns). */
  yearColumns?: YearColumn[];
}

/** A column of a field laid out one column per financial year (schema.yearsAcross). */
export interface YearColumn {
  column: number;
  year: FinancialYear;
}

/** A second column for a field: `column` is not read, `used` is. */
export interface Duplicate<F extends string> {
  field: F;
  column: number;
  used: number;
  /** Both headers name a year and `used` is the later one (schema.latestYear). */
  latest?: true;
  /** `used` is right of `column`, and its heading comes earlier in the field's synonyms. */
  preferred?: true;
}

/** How far below the start (or below the previous table) a header row is looked for. */
export const HEADER_SEARCH_ROWS = 30;

/** Single words strong enough to find a field inside a longer header ("FTE 2024/25"). */
const STRONG_WORDS = new Set([
  "fte",
  "wte",
  "salary",
  "grade",
  "band",
  "headcount",
  "scp",
  "locality",
  "hours",
  "pension",
  "management",
  "team",
  "service",
  "funding",
  "idaci",
  "imd",
  "deprivation",
  "population",
  "referrals",
  "demand",
  "children",
  "decile",
  "deciles",
  "deprived",
  "caseload",
  "contacts",
  "cin",
  "cp",
]);

/**
 * Words that mean the header is about something else: "Post holder", "Employee name"; a
 * change rather than the figure ("FTE change (+/-)"); a cost that is not the salary
 * ("Salary inc. on-costs", which costed would count the on-costs twice); a scheme's name,
 * not its rate ("Pension scheme": LGPS, TPS).
 */
const BLOCKING_WORDS =
  /\b(?:holder|postholder|employee|name|comments?|notes?|description|change|changes|variance|difference|movement|on ?costs?|oncosts?|scheme|schemes)\b/;

interface SynonymIndex<F extends string> {
  exact: Map<string, F>;
  /** Each exact synonym's place in its field's list: the lower, the more it is that field. */
  rank: Map<string, number>;
  /** Multi-word and strong synonyms, longest first, padded with spaces for whole-word search. */
  within: Array<{ padded: string; field: F }>;
  reject: Set<string>;
}

const indexCache = new WeakMap<object, SynonymIndex<string>>();

function synonymIndex<F extends string>(schema: TableSchema<F>): SynonymIndex<F> {
  const cached = indexCache.get(schema);
  if (cached) return cached as SynonymIndex<F>;
  const exact = new Map<string, F>();
  const places = new Map<string, number>();
  const within: Array<{ padded: string; field: F }> = [];
  for (const spec of schema.fields) {
    for (const [place, synonym] of spec.synonyms.entries()) {
      const key = normaliseLabel(synonym);
      if (!exact.has(key)) {
        exact.set(key, spec.field);
        places.set(key, place);
      }
      if (key.includes(" ") || STRONG_WORDS.has(key))
        within.push({ padded: ` ${key} `, field: spec.field });
    }
  }
  // Fields that come first (schema.wordsFirst) beat longer words of any other field.
  const first = schema.wordsFirst ?? [];
  const rank = (field: F) => (first.includes(field) ? first.indexOf(field) : first.length);
  within.sort((a, b) => rank(a.field) - rank(b.field) || b.padded.length - a.padded.length);
  const index = {
    exact,
    rank: places,
    within,
    reject: new Set((schema.rejectHeaders ?? []).map(normaliseLabel)),
  };
  indexCache.set(schema, index);
  return index;
}

/** The field a header text maps to by synonyms alone, if any. */
export function fieldForHeader<F extends string>(
  schema: TableSchema<F>,
  header: string
): F | undefined {
  const index = synonymIndex(schema);
  const key = normaliseLabel(header);
  if (key === "") return undefined;
  const exact = index.exact.get(key);
  if (exact !== undefined) return exact;
  // "Salary excl. on-costs" is the salary: what a heading leaves out is not what it is.
  const kept = withoutExclusions(key);
  if (BLOCKING_WORDS.test(kept)) return undefined;
  const padded = ` ${kept} `;
  const field = index.within.find((w) => padded.includes(w.padded))?.field;
  // Money other than the basic salary maps to no column ("Salary inc NI & pension" is not
  // the pension rate either); a budget only to no money column ("Budget FTE" is the FTE).
  const cost = costHeading(key);
  const money = schema.fields.find((f) => f.field === field)?.kind === "money";
  // An allowance ("Acting up salary", "Market supplement pay") is not the salary.
  if (money && isAllowanceHeading(kept)) return undefined;
  if (cost === undefined || field === undefined) return field;
  return cost === "budget" && !money ? field : undefined;
}

interface RowMapping<F extends string> {
  columns: Partial<Record<F, number>>;
  headers: Array<{ column: number; text: string; field?: F }>;
  unresolved: Array<{ field: F; wanted: string }>;
  duplicates: Array<Duplicate<F>>;
  rejected: boolean;
  yearColumns?: YearColumn[];
}

/** Maps one row read as a header (grid-relative columns). Overrides win over synonyms. */
export function mapHeaderRow<F extends string>(
  grid: Grid,
  r: number,
  schema: TableSchema<F>,
  mapping: ColumnMapping<F> = {}
): RowMapping<F> {
  return mapHeaderCells(grid.values[r] ?? [], grid.origin.column, schema, mapping);
}

/** Maps the cells of a header (grid-relative columns; `originColumn` places a mapping by letter). */
function mapHeaderCells<F extends string>(
  row: readonly CellValue[],
  originColumn: number,
  schema: TableSchema<F>,
  mapping: ColumnMapping<F>
): RowMapping<F> {
  const index = synonymIndex(schema);
  const texts: string[] = [];
  const headers: RowMapping<F>["headers"] = [];
  let rejected = false;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const text = isBlank(v) || typeof v === "boolean" ? "" : String(v).trim();
    texts.push(normaliseLabel(text));
    if (text !== "") headers.push({ column: c, text });
    if (index.reject.has(texts[c])) rejected = true;
  }
  const columns: Partial<Record<F, number>> = {};
  const taken = new Set<number>();
  const unresolved: RowMapping<F>["unresolved"] = [];
  const duplicates: RowMapping<F>["duplicates"] = [];
  const excluded = new Set<F>();

  for (const spec of schema.fields) {
    const wanted = mapping[spec.field];
    if (wanted === undefined) continue;
    excluded.add(spec.field);
    if (wanted.trim() === "") continue;
    const byText = texts.indexOf(normaliseLabel(wanted));
    let column = byText >= 0 && !taken.has(byText) ? byText : -1;
    if (column < 0 && /^\s*\$?[A-Za-z]{1,3}\s*$/.test(wanted)) {
      const c = columnIndex(wanted.replace(/[\s$]/g, "")) - originColumn;
      if (c >= 0 && c < Math.max(row.length, 1) && !taken.has(c)) column = c;
    }
    if (column < 0) unresolved.push({ field: spec.field, wanted });
    else {
      columns[spec.field] = column;
      taken.add(column);
    }
  }

  const yearColumns = claimYearColumns(row, texts, schema, excluded, columns, taken);
  // Exact synonyms first, so "Post title" beats "Post holder" found by containment.
  const latestYear = new Set<F>(schema.latestYear ?? []);
  // Found by containment, a heading ranks after every exact one (and keeps the left-most).
  const ranked = new Set<F>(schema.preferEarlierSynonym ?? []);
  const rankOf = (c: number) => index.rank.get(texts[c]) ?? Infinity;
  /** The field's column becomes `c`; `used` is left unread, said as `why` (or not at all). */
  const replace = (field: F, c: number, used: number, why?: "latest" | "preferred") => {
    columns[field] = c;
    taken.delete(used);
    taken.add(c);
    for (const d of duplicates) if (d.field === field) d.used = c;
    if (why) duplicates.push({ field, column: used, used: c, [why]: true });
  };
  const claim = (field: F, c: number) => {
    if (excluded.has(field) || taken.has(c)) return;
    const used = columns[field];
    if (used !== undefined) {
      const year = latestYear.has(field) ? yearOf(row[c]) : undefined;
      const usedYear = year === undefined ? undefined : yearOf(row[used]);
      // "Cost Centre Desc" beside "Cost Centre" describes the code: text, not a second one.
      if (describes(texts[c], texts[used])) return;
      if (year !== undefined && usedYear !== undefined && year !== usedYear) {
        if (year > usedYear) replace(field, c, used, "latest");
        else duplicates.push({ field, column: c, used, latest: true });
      } else if (ranked.has(field) && rankOf(c) < rankOf(used))
        // "Locality" right of "Ward": the field's synonyms are in order of preference.
        replace(field, c, used, describes(texts[used], texts[c]) ? undefined : "preferred");
      else duplicates.push({ field, column: c, used });
      return;
    }
    columns[field] = c;
    taken.add(c);
  };
  for (let c = 0; c < texts.length; c++) {
    const field = index.exact.get(texts[c]);
    if (texts[c] !== "" && field !== undefined) claim(field, c);
  }
  for (let c = 0; c < texts.length; c++) {
    if (texts[c] === "" || taken.has(c) || index.exact.has(texts[c])) continue;
    const field = fieldForHeader(schema, texts[c]);
    if (field !== undefined) claim(field, c);
  }
  const standIn = schema.keyStandIn;
  if (
    standIn !== undefined &&
    columns[schema.keyField] === undefined &&
    columns[standIn] !== undefined &&
    !excluded.has(schema.keyField) &&
    !excluded.has(standIn)
  ) {
    columns[schema.keyField] = columns[standIn];
    delete columns[standIn];
  }
  const headerFields = new Map<number, F>();
  for (const spec of schema.fields) {
    const c = columns[spec.field];
    if (c !== undefined) headerFields.set(c, spec.field);
  }
  return {
    columns,
    headers: headers.map((h) => ({ ...h, field: headerFields.get(h.column) })),
    unresolved,
    duplicates,
    rejected,
    ...(yearColumns ? { yearColumns } : {}),
  };
}

/**
 * schema.yearsAcross: every heading that names a financial year is its field for that
 * year, the first its column; claimed before the synonyms, so "Salary 2025/26" beside
 * "Salary 2024/25" is the next year's, not a second salary. Undefined with no such heading.
 */
function claimYearColumns<F extends string>(
  row: readonly CellValue[],
  texts: readonly string[],
  schema: TableSchema<F>,
  excluded: ReadonlySet<F>,
  columns: Partial<Record<F, number>>,
  taken: Set<number>
): YearColumn[] | undefined {
  const across = schema.yearsAcross;
  if (!across || excluded.has(across.field)) return undefined;
  const found: YearColumn[] = [];
  for (let c = 0; c < row.length; c++) {
    const year = texts[c] === "" ? undefined : across.yearOf(row[c]);
    if (year !== undefined && !taken.has(c)) found.push({ column: c, year });
  }
  if (found.length === 0) return undefined;
  columns[across.field] = found[0].column;
  for (const y of found) taken.add(y.column);
  return found;
}

/** A heading that is another's followed by a word for its description ("cost centre desc"). */
function describes(heading: string, of: string): boolean {
  return (
    of !== "" &&
    /^(desc|descr|description|name)$/.test(heading.slice(of.length).trim()) &&
    heading.startsWith(`${of} `)
  );
}

/** The first year a header names: "Referrals 2023/24" → 2023 (undefined when none). */
function yearOf(header: unknown): number | undefined {
  const m = typeof header === "string" ? /\b(?:19|20)\d\d\b/.exec(header) : null;
  return m ? Number(m[0]) : undefined;
}

function qualifies<F extends string>(schema: TableSchema<F>, m: RowMapping<F>): boolean {
  return (
    !m.rejected &&
    m.columns[schema.keyField] !== undefined &&
    Object.keys(m.columns).length >= schema.minFields
  );
}

function numericColumns<F extends string>(
  schema: TableSchema<F>,
  columns: Partial<Record<F, number>>
): number[] {
  const out: number[] = [];
  for (const f of schema.signalFields) {
    const c = columns[f];
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** True when a data-looking row comes within the next few non-blank rows. */
function dataFollows(grid: Grid, from: number, signal: readonly number[], lookahead = 3): boolean {
  let seen = 0;
  for (let r = from; r < grid.values.length && seen < lookahead; r++) {
    const row = grid.values[r];
    if (isBlankRow(row)) continue;
    seen++;
    if (hasNumberIn(row, signal) && !totalsLabelOf(row, new Set(signal))) return true;
  }
  return false;
}

/**
 * Last row (grid-relative, inclusive) of the data block under a header. The block ends at
 * two blank rows in a row, at a Grand total, at a TOTAL that no more data follows (so a
 * note under the table is not read as a post), or at another header row.
 * An Excel Table's block is the whole table.
 */
export function findBlockEnd<F extends string>(
  grid: Grid,
  headerIndex: number,
  schema: TableSchema<F>,
  columns: Partial<Record<F, number>>,
  mapping: ColumnMapping<F> = {}
): number {
  if (grid.table !== undefined) return Math.max(headerIndex, grid.values.length - 1);
  const signal = numericColumns(schema, columns);
  const signalSet = new Set(signal);
  let last = headerIndex;
  let blankRun = 0;
  let afterTotal = false;
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (isBlankRow(row)) {
      if (++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    const isData = hasNumberIn(row, signal);
    const total = totalsLabelOf(row, signalSet);
    if (total) {
      last = r;
      if (total.kind === "grand-total") break;
      afterTotal = total.kind === "total";
      continue;
    }
    if (!isData) {
      if (afterTotal && !dataFollows(grid, r, signal)) break;
      if (qualifies(schema, mapHeaderRow(grid, r, schema, mapping))) break;
    }
    afterTotal = false;
    last = r;
  }
  return last;
}

/** A header cell's text, "" for a blank (or a TRUE/FALSE, which no heading is). */
const headingText = (v: CellValue | undefined): string =>
  isBlank(v) || typeof v === "boolean" ? "" : String(v).trim();

/** A row every filled cell of which is a heading: text that is not a figure, a date or a total. */
function isHeadingRow(row: readonly CellValue[] | undefined, atLeast: number): boolean {
  if (!row) return false;
  let headings = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== "string") return false;
    if (parseMoney(v) !== undefined || parseDate(v) !== undefined || totalKindOf(v)) return false;
    headings++;
  }
  return headings >= atLeast;
}

/** A header in two rows, read as one: each column's text, and the columns whose text is the upper row's alone. */
export interface StackedHeader {
  cells: string[];
  upperOnly: Set<number>;
}

/**
 * A header laid out in two rows, as council establishments often are: a group heading over
 * the columns it covers ("Salary" over "Min" | "Max", "Current" over "FTE" | "Salary"),
 * usually merged, so that only its first cell holds the text. Each column's heading is
 * then the group's and its own ("Salary Min", "Current FTE"); a group heading runs right
 * across blank upper cells for as long as the lower row has headings under them. A column
 * with a heading in one row only keeps that one ("Grade" over a blank). Undefined when the
 * two rows are not both rows of headings.
 */
export function stackedHeader(
  upper: readonly CellValue[] | undefined,
  lower: readonly CellValue[] | undefined
): StackedHeader | undefined {
  if (!upper || !lower || !isHeadingRow(upper, 2) || !isHeadingRow(lower, 1)) return undefined;
  const cells: string[] = [];
  const upperOnly = new Set<number>();
  let group = "";
  for (let c = 0; c < Math.max(upper.length, lower.length); c++) {
    const up = headingText(upper[c]);
    const low = headingText(lower[c]);
    // A group runs on only over a run of lower headings, as a merged cell spans its columns.
    if (up !== "") group = up;
    else if (low === "" || headingText(lower[c - 1]) === "") group = "";
    cells.push(group !== "" && low !== "" ? `${group} ${low}` : low || up);
    if (low === "" && up !== "") upperOnly.add(c);
  }
  return { cells, upperOnly };
}

/** How well a mapping fits, by the fields it found. */
function fieldScore<F extends string>(schema: TableSchema<F>, m: RowMapping<F>): number {
  let score = 0;
  for (const spec of schema.fields)
    if (m.columns[spec.field] !== undefined) score += schema.weights[spec.field] ?? 1;
  return score;
}

/**
 * The header at row `r` read with the row under it, when the two are one header: both rows
 * of headings, and together they find more of the table than either row alone.
 */
function stackedMapping<F extends string>(
  grid: Grid,
  r: number,
  alone: RowMapping<F>,
  schema: TableSchema<F>,
  mapping: ColumnMapping<F>
): { m: RowMapping<F>; upperOnly: Set<number> } | undefined {
  const stacked = stackedHeader(grid.values[r], grid.values[r + 1]);
  if (!stacked) return undefined;
  const m = mapHeaderCells(stacked.cells, grid.origin.column, schema, mapping);
  if (!qualifies(schema, m)) return undefined;
  const lower = mapHeaderRow(grid, r + 1, schema, mapping);
  const best = Math.max(
    qualifies(schema, alone) ? fieldScore(schema, alone) : 0,
    qualifies(schema, lower) ? fieldScore(schema, lower) : 0
  );
  return fieldScore(schema, m) > best ? { m, upperOnly: stacked.upperOnly } : undefined;
}

function scoreOf<F extends string>(
  schema: TableSchema<F>,
  m: RowMapping<F>,
  isTable: boolean,
  hasData: boolean
): number {
  return fieldScore(schema, m) + (isTable ? 2 : 0) + (hasData ? 1 : 0);
}

function candidateFrom<F extends string>(
  grid: Grid,
  gridIndex: number,
  r: number,
  m: RowMapping<F>,
  schema: TableSchema<F>,
  mapping: ColumnMapping<F>,
  /** A header in two rows (r is the lower): the columns headed in the upper row alone. */
  upperOnly?: Set<number>
): TableCandidate<F> {
  const last = findBlockEnd(grid, r, schema, m.columns, mapping);
  const top = upperOnly ? r - 1 : r;
  const headerColumns = m.headers.map((h) => h.column);
  const firstColumn = headerColumns.length ? Math.min(...headerColumns) : 0;
  const lastColumn = headerColumns.length ? Math.max(...headerColumns) : 0;
  const toSheet = (c: number) => grid.origin.column + c;
  const columns: Partial<Record<F, number>> = {};
  for (const spec of schema.fields) {
    const c = m.columns[spec.field];
    if (c !== undefined) columns[spec.field] = toSheet(c);
  }
  return {
    sheet: grid.sheet,
    table: grid.table,
    gridIndex,
    headerRow: grid.origin.row + r,
    range: rangeA1(positionIn(grid, top, firstColumn), positionIn(grid, last, lastColumn)),
    headers: m.headers.map((h) => ({
      column: toSheet(h.column),
      address: toA1(positionIn(grid, upperOnly?.has(h.column) ? top : r, h.column)),
      text: h.text,
      field: h.field,
    })),
    columns,
    score: scoreOf(schema, m, grid.table !== undefined, last > r),
    headerIndex: r,
    lastIndex: last,
    unresolved: m.unresolved,
    duplicates: m.duplicates.map((d) => ({
      ...d,
      column: toSheet(d.column),
      used: toSheet(d.used),
    })),
    ...(m.yearColumns
      ? { yearColumns: m.yearColumns.map((y) => ({ ...y, column: toSheet(y.column) })) }
      : {}),
  };
}

function candidatesInGrid<F extends string>(
  grid: Grid,
  gridIndex: number,
  schema: TableSchema<F>,
  mapping: ColumnMapping<F>
): TableCandidate<F>[] {
  if (!Array.isArray(grid.values)) return [];
  if (grid.table !== undefined) {
    if (grid.values.length === 0) return [];
    const m = mapHeaderRow(grid, 0, schema, mapping);
    return qualifies(schema, m) ? [candidateFrom(grid, gridIndex, 0, m, schema, mapping)] : [];
  }
  const found: TableCandidate<F>[] = [];
  let limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid.values[r];
    if (isBlankRow(row)) continue;
    const alone = mapHeaderRow(grid, r, schema, mapping);
    const stacked = stackedMapping(grid, r, alone, schema, mapping);
    if (!stacked && !qualifies(schema, alone)) continue;
    const candidate = stacked
      ? candidateFrom(grid, gridIndex, r + 1, stacked.m, schema, mapping, stacked.upperOnly)
      : candidateFrom(grid, gridIndex, r, alone, schema, mapping);
    found.push(candidate);
    r = candidate.lastIndex;
    limit = Math.min(grid.values.length, r + 1 + HEADER_SEARCH_ROWS);
  }
  return found;
}

/** A sheet candidate whose header sits inside an Excel Table already found is the same table. */
function insideTable<F extends string>(
  c: TableCandidate<F>,
  tables: TableCandidate<F>[],
  grids: readonly Grid[]
): boolean {
  return tables.some((t) => {
    const g = grids[t.gridIndex];
    const rows = g.values.length;
    // reduce, not Math.max(...rows): spreading 300,000 rows overflows the stack.
    const width = g.values.reduce((w, row) => Math.max(w, row.length), 0);
    const cols = c.headers.map((h) => h.column);
    return (
      t.sheet === c.sheet &&
      c.headerRow >= g.origin.row &&
      c.headerRow < g.origin.row + rows &&
      cols.some((col) => col >= g.origin.column && col < g.origin.column + width)
    );
  });
}

/**
 * Every table in the workbook that fits the schema, best first. Excel Tables are preferred
 * (and a used-range match of the same table is dropped); otherwise a header row is looked
 * for in the first rows of each sheet, title rows above it being normal.
 */
export function detectTables<F extends string>(
  workbook: WorkbookGrids,
  schema: TableSchema<F>,
  mapping: ColumnMapping<F> = {}
): TableCandidate<F>[] {
  const grids = Array.isArray(workbook?.grids) ? workbook.grids : [];
  const all = grids.flatMap((grid, i) =>
    grid && typeof grid === "object" ? candidatesInGrid(grid, i, schema, mapping) : []
  );
  const tables = all.filter((c) => c.table !== undefined);
  const kept = all.filter((c) => c.table !== undefined || !insideTable(c, tables, grids));
  return kept
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.score - a.c.score || a.order - b.order)
    .map(({ c }) => c);
}

/** The candidate the user picked by table or sheet name (case-insensitive), else the best. */
export function chooseCandidate<F extends string>(
  candidates: readonly TableCandidate<F>[],
  choice?: string
): TableCandidate<F> | undefined {
  if (choice === undefined || choice.trim() === "") return candidates[0];
  const wanted = choice.trim().toLowerCase();
  return (
    candidates.find((c) => c.table?.toLowerCase() === wanted) ??
    candidates.find((c) => c.sheet.toLowerCase() === wanted)
  );
}
