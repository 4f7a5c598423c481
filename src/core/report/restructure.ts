import { builtBy } from "./print";
import { SHEET_NAMES } from "./sheet-names";
import { formatPounds, roundTo } from "../money";
import {
  cellList,
  describeChanges,
  FULL_TIME_HOURS,
  isManagementGrade,
  proposedVersusCurrent,
  type AgencyConversion,
  type ChangesOptions,
  type CostOf,
  type PostChange,
  type ProposedVersusCurrent,
  type TeamChange,
  uncostedCells,
  type CostSide,
} from "../changes";
import { financialYearLabel, formatUkDate } from "../dates";
import { columnLetters, quoteSheetName } from "../grid";
import type { Assumptions, Establishment, PostField, PostSource, ProposedFteFrom } from "../model";
import type { SheetBuild, SheetSummary } from "./summary";
import { formula, num, text, type NumberCell, type NumberFormatName } from "./sheet-spec";
import {
  columnRange,
  createSheetDraft,
  type CellInput,
  type ColumnSpec,
  type PlacedTable,
  type SheetDraft,
} from "./table-layout";
import { add, cellRef, div, GT, IF, lit, MIN, mul, ROUND, sub, type Expr } from "./expr";
import { agencyCost, fyFraction } from "./estab-calls";
import { postCell, type Definition } from "./post-inputs";
import { figureCell, liveBook, type LiveBook } from "./render";
import { chartAnchorBelow, restructureChart, withChart } from "./charts";
import {
  agencyHours,
  costNowDefinition,
  costProposedDefinition,
  fteNowDefinition,
  fteProposedDefinition,
  proposedFte,
  restructureInputs,
  weeksDefinition,
  type ProposedFte,
  type RestructureInputs,
  type RestructureLive,
} from "./restructure-figures";
import { postTextReason } from "./text-numbers";

export type { RestructureLive } from "./restructure-figures";

export interface RestructureSheetInput {
  establishment: Establishment;
  assumptions: Pick<
    Assumptions,
    "implementationDate" | "managementGrades" | "agencyWeeksPerYear" | "agencyHoursPerWeek"
  >;
  /** The costing engine's annual cost of one post (see changes/CostOf). */
  costOf: CostOf;
  options?: ChangesOptions;
  /** Provenance: when and by which version. */
  generatedAt: string;
  /** The scenario built, named on the sheet (`estab build --scenario`). */
  scenario?: string;
  version: string;
  /** Sheet name wanted; "Restructure" by default. */
  sheetName?: string;
  /** The settings the costing used and where each came from (settings-used.ts), ending the method block. */
  settingsUsed?: readonly string[];
  /**
   * Live: define the per-post figures over the source's cells and the Assumptions sheet's,
   * priced with these assumptions (those costOf costs with) and pay scales.
   */
  live?: RestructureLive;
}

const FTE_DP = 6;
const MONEY_DP = 2;
const yesNo = (b: boolean): string => (b ? "Yes" : "No");

/** What every section of the sheet is a function of. */
interface RestructureSheet {
  input: RestructureSheetInput;
  r: ProposedVersusCurrent;
  d: SheetDraft;
  withPartYear: boolean;
  withPostId: boolean;
  /** Set when the sheet is built live. */
  book?: LiveBook;
  live?: RestructureInputs;
  /** The live figures of each post converted from agency, by its row of the posts table, for the agency table. */
  rows: Map<PostChange, PostRow>;
}

/** A figure's cell, with its reference when it became live (for the cells that refer to it). */
interface Figure {
  cell: NumberCell;
  /**
   * The cell on this sheet as an input of another figure, holding its value (which its
   * definition gave exactly, or it would not be live: no tree is kept per post); undefined
   * while it is a value.
   */
  ref?: Expr;
}

/** A post's figures on its row of the posts table. */
interface PostRow {
  fteNow: Figure;
  fteProposed: Figure;
  fteChange: Figure;
  costNow: Figure;
  costProposed: Figure;
  change: Figure;
  /** Only with an implementation date. */
  partYear?: Figure;
}

/** A number cell defined by `define` (live when it gives `value`), and its reference at `address`. */
function figure(
  s: RestructureSheet,
  address: string,
  value: number,
  define: () => Definition,
  what: () => string,
  format: NumberFormatName
): Figure {
  const cell = figureCell(s.book, value, define, what, format);
  return cell.live ? { cell, ref: cellRef(address, lit(value)) } : { cell };
}

/** A figure over other cells of the sheet: defined while every one of them is live, else why not. */
const needs = (refs: Array<Expr | undefined>, why: string, make: (...r: Expr[]) => Expr) =>
  refs.every((x) => x !== undefined) ? make(...(refs as Expr[])) : { reason: why };

const postLabel = (p: PostChange) => `${p.post.title} (row ${p.post.sourceRow + 1})`;

/**
 * A post's figures, defined over its cells (live) or its values: FTE and cost now and
 * proposed, and the changes as ROUND over those cells of the row, live only when they are.
 */
function postFigures(s: RestructureSheet, p: PostChange, at: (key: string) => string): PostRow {
  // Read only by the definitions, which figureCell asks for only when the sheet is live.
  const live = s.live as RestructureInputs;
  const post = p.post;
  let side: ProposedFte | undefined;
  const sideOf = () => (side ??= proposedFte(live, post));
  const fig = (key: string, value: number, define: () => Definition, what: string) =>
    figure(
      s,
      at(key),
      value,
      define,
      () => `${postLabel(p)} ${what}`,
      key.startsWith("fte") ? "fte" : "money"
    );
  const fteNow = fig("fteNow", p.currentFte, () => fteNowDefinition(live, post), "FTE now");
  const fteProposed = fig(
    "fteProposed",
    p.proposedFte,
    () => fteProposedDefinition(live, post, sideOf()),
    "FTE proposed"
  );
  const fteChange = fig(
    "fteChange",
    p.fteChange,
    () =>
      needs([fteProposed.ref, fteNow.ref], "its FTE now or proposed stays a value", (a, b) =>
        ROUND(sub(a, b), FTE_DP)
      ),
    "FTE change"
  );
  const costNow = fig("costNow", p.current.total, () => costNowDefinition(live, post), "cost now");
  const costProposed = fig(
    "costProposed",
    p.proposed.total,
    () => costProposedDefinition(live, post, sideOf()),
    "cost proposed"
  );
  const change = fig(
    "change",
    p.change,
    () =>
      needs([costProposed.ref, costNow.ref], "its cost now or proposed stays a value", (a, b) =>
        ROUND(sub(a, b), MONEY_DP)
      ),
    "change (full year)"
  );
  const implemented = s.input.assumptions.implementationDate;
  // The date is the sheet's shape (its year and this column): a constant, built again to change.
  // A post whose Status dates its own change ("Deleted from 01/10/2025") runs from that day.
  const date = implemented === undefined ? undefined : (post.changeDate ?? implemented);
  const partYear =
    date === undefined
      ? undefined
      : fig(
          "partYear",
          p.partYearChange ?? 0,
          () =>
            needs([change.ref], "its full-year change stays a value", (c) =>
              ROUND(mul(c, fyFraction(lit(date), undefined, live.year)), MONEY_DP)
            ),
          "change (part year)"
        );
  return { fteNow, fteProposed, fteChange, costNow, costProposed, change, partYear };
}

/**
 * Management now / proposed: a post flagged as management, or on a management grade, is
 * management while it has FTE, so its cell is `=IF(FTE>0.000000001,"Yes","No")` over the
 * FTE cell beside it (1E-9 written out: HyperFormula does not read exponents) and the
 * management cost figures follow an edited FTE; any other post is "No" whatever its FTE.
 */
const managementCell = (isManagement: boolean, answer: boolean, fteCell: string): CellInput =>
  isManagement ? formula(`=IF(${fteCell}>0.000000001,"Yes","No")`, yesNo(answer)) : yesNo(answer);

function postColumns(s: RestructureSheet, firstRow: number): ColumnSpec<PostChange>[] {
  const grades = s.input.assumptions.managementGrades;
  const at = (i: number) => (key: string) => `${letterOf(key)}${firstRow + i + 1}`;
  // The table is made row by row: the row's figures are kept while it is made, and
  // afterwards only an agency conversion's, which the agency table refers to.
  let last: { p: PostChange; row: PostRow } | undefined;
  const rowOf = (p: PostChange, i: number): PostRow => {
    if (last?.p !== p) {
      last = { p, row: postFigures(s, p, at(i)) };
      if (p.agencyConversion !== undefined) s.rows.set(p, last.row);
    }
    return last.row;
  };
  const figureColumn = (
    key: keyof PostRow & string,
    header: string,
    width?: number
  ): ColumnSpec<PostChange> => ({
    key,
    header,
    width,
    format: key.startsWith("fte") ? "fte" : "money",
    totalDecimals: key.startsWith("fte") ? FTE_DP : MONEY_DP,
    cell: (p, i) => (rowOf(p, i)[key] as Figure).cell,
  });
  const cols: ColumnSpec<PostChange>[] = [];
  if (s.withPostId)
    cols.push({ key: "id", header: "Post ID", width: 10, cell: (p) => p.post.postId ?? "" });
  cols.push(
    { key: "title", header: "Post", width: 28, cell: (p) => p.title },
    { key: "team", header: "Team", width: 16, cell: (p) => p.team },
    { key: "gradeNow", header: "Grade now", width: 10, cell: (p) => p.currentGrade ?? "" },
    {
      key: "gradeProposed",
      header: "Grade proposed",
      width: 10,
      cell: (p) => p.proposedGrade ?? "",
    },
    { key: "contractNow", header: "Contract now", width: 12, cell: (p) => p.currentContract },
    {
      key: "contractProposed",
      header: "Contract proposed",
      width: 12,
      cell: (p) => p.proposedContract,
    },
    figureColumn("fteNow", "FTE now"),
    figureColumn("fteProposed", "FTE proposed"),
    figureColumn("fteChange", "FTE change"),
    figureColumn("costNow", "Cost now (a year)", 14),
    figureColumn("costProposed", "Cost proposed (a year)", 14),
    figureColumn("change", "Change (full year)", 14)
  );
  if (s.withPartYear) cols.push(figureColumn("partYear", "Change (part year)", 14));
  const mgmt = (key: string, header: string, side: "now" | "proposed"): ColumnSpec<PostChange> => ({
    key,
    header,
    width: 11,
    cell: (p, i) =>
      managementCell(
        p.post.management === true ||
          isManagementGrade(side === "now" ? p.currentGrade : p.proposedGrade, grades),
        side === "now" ? p.managementBefore : p.managementAfter,
        at(i)(side === "now" ? "fteNow" : "fteProposed")
      ),
  });
  cols.push(
    {
      key: "classification",
      header: "Classification",
      width: 20,
      cell: (p) => describeChanges(p.changes),
    },
    mgmt("mgmtNow", "Management now", "now"),
    mgmt("mgmtProposed", "Management proposed", "proposed"),
    ...provenanceColumns(s.r.posts)
  );
  const letterOf = (key: string) => columnLetters(cols.findIndex((c) => c.key === key));
  return cols;
}

/** An agency conversion's figures on its row of the agency table. */
interface AgencyRow {
  rate: Figure;
  hours: Figure;
  weeks: Figure;
  agency: Figure;
  permanent: Figure;
  saving: Figure;
  perFte: Figure;
  converted: Figure;
  fteChangeCost: Figure;
  conversionSaving: Figure;
}

/**
 * The agency conversion of post `p`: rate and hours from the post's cells, weeks from the
 * Assumptions sheet, the agency cost as ESTAB.AGENCYCOST over the copies beside it (or the
 * source cells, while a copy is a value), the permanent cost as the post's own cost
 * proposed, and the saving (and per FTE) as ROUND over those and the post's FTE cells.
 */
/** How a one-table post's proposed FTE was read, in the words the sheet shows. */
const PROPOSED_FTE_WORDS: Record<ProposedFteFrom, string> = {
  given: "",
  "blank: unchanged": "Blank: unchanged",
  "deleted typed": "'Deleted' typed",
  "status deleted": "Status: deleted",
  "status unchanged": "Status: unchanged",
};

const sourceText = (src: PostSource | undefined): string =>
  src ? `${quoteSheetName(src.sheet)}!${src.address ?? `A${src.row}`}` : "";

/**
 * Where each post's figures came from, shown only when it says something: how a blank or
 * deleted Proposed FTE was read (one table), and for two lists the current and proposed
 * rows each post was matched from and by which rule.
 */
function provenanceColumns(posts: readonly PostChange[]): ColumnSpec<PostChange>[] {
  const cols: ColumnSpec<PostChange>[] = [];
  if (posts.some((p) => p.proposedFteFrom !== undefined && p.proposedFteFrom !== "given"))
    cols.push({
      key: "proposedFteFrom",
      header: "Proposed FTE read as",
      width: 16,
      cell: (p) => PROPOSED_FTE_WORDS[p.proposedFteFrom ?? "given"],
    });
  if (posts.some((p) => p.currentSource || p.proposedSource))
    cols.push(
      { key: "rowNow", header: "Row now", width: 22, cell: (p) => sourceText(p.currentSource) },
      {
        key: "rowProposed",
        header: "Row proposed",
        width: 22,
        cell: (p) => sourceText(p.proposedSource),
      },
      {
        key: "matchedBy",
        header: "Matched by",
        width: 20,
        cell: (p) =>
          p.matchedBy
            ? `${p.matchedBy}${p.inOrder ? ", in list order" : ""}`
            : p.currentSource
              ? "not in the proposed list"
              : "not in the current list",
      }
    );
  return cols;
}

function agencyFigures(
  s: RestructureSheet,
  p: PostChange,
  a: AgencyConversion,
  at: (key: string) => string
): AgencyRow {
  const live = s.live as RestructureInputs;
  const post = p.post;
  const fig = (key: string, value: number, define: () => Definition, what: string) =>
    figure(s, at(key), value, define, () => `${postLabel(p)} ${what}`, AGENCY_FORMATS[key]);
  const est = () => live.establishment;
  const textIn = (...f: PostField[]) => postTextReason(live.textCell, est(), post, ...f);
  const rateCell = () => postCell(est(), post, "agencyHourlyRate");
  const hoursOf = () =>
    agencyHours(live, post, postCell(est(), post, "fte", "currentFte"), ["fte"]);
  // Shown as copies, a rate or hours typed as text would show as text: they stay values.
  const rate = fig(
    "rate",
    a.hourlyRate,
    () => {
      const cell = rateCell();
      const text = textIn("agencyHourlyRate");
      return text || !cell ? { reason: text ?? "no agency rate cell" } : cell;
    },
    "agency rate"
  );
  const hours = fig(
    "hours",
    a.hoursPerWeek,
    () => {
      const h = hoursOf();
      const text = textIn("hoursPerWeek") ?? h?.text;
      return text || !h ? { reason: text ?? "no hours or FTE cell" } : h.expr;
    },
    "agency hours a week"
  );
  const weeks = fig("weeks", a.weeks, () => weeksDefinition(live), "agency weeks a year");
  // ESTAB.AGENCYCOST reads the source cells as the reader does, text or not.
  const agency = fig(
    "agency",
    a.agencyCost,
    () => {
      const h = hoursOf();
      const hoursArg = hours.ref ?? (h && !h.text ? h.expr : undefined);
      return needs([rate.ref ?? rateCell(), hoursArg], "no agency rate or hours cell", (r, x) =>
        agencyCost(r, x, live.weeks)
      );
    },
    "agency cost"
  );
  const row = s.rows.get(p);
  const permanent = fig(
    "permanent",
    a.permanentCost,
    // The post's own cost proposed, the same formula.
    () =>
      row?.costProposed.ref
        ? costProposedDefinition(live, post, proposedFte(live, post))
        : { reason: "its cost proposed is not live" },
    "permanent cost"
  );
  const saving = fig(
    "saving",
    a.saving,
    () =>
      needs([agency.ref, permanent.ref], "its agency or permanent cost stays a value", (x, y) =>
        ROUND(sub(x, y), MONEY_DP)
      ),
    "agency saving"
  );
  const perFte = fig(
    "perFte",
    a.savingPerFte,
    () =>
      needs(
        [agency.ref, permanent.ref, row?.fteNow.ref, row?.fteProposed.ref],
        "its costs or FTE cells are not live",
        (x, y, now, proposed) => ROUND(sub(div(x, now), div(y, proposed)), MONEY_DP)
      ),
    "agency saving per FTE"
  );
  return {
    rate,
    hours,
    weeks,
    agency,
    permanent,
    saving,
    perFte,
    ...likeForLike(s, p, a, fig, { agency, permanent, saving }),
  };
}

/**
 * The conversion apart from any change of FTE, as agencyConversionOf works it out: the FTE
 * converted (the smaller of now and proposed), the cost of the change of FTE (growth at the
 * permanent cost per FTE, or agency FTE not replaced at the agency cost per FTE), and the
 * saving like for like, which with it makes up the net saving to the penny.
 */
function likeForLike(
  s: RestructureSheet,
  p: PostChange,
  a: AgencyConversion,
  fig: (key: string, value: number, define: () => Definition, what: string) => Figure,
  costs: { agency: Figure; permanent: Figure; saving: Figure }
): Pick<AgencyRow, "converted" | "fteChangeCost" | "conversionSaving"> {
  const row = s.rows.get(p);
  const now = row?.fteNow.ref;
  const proposed = row?.fteProposed.ref;
  const converted = fig(
    "converted",
    a.convertedFte,
    () => needs([now, proposed], "its FTE cells are not live", (x, y) => ROUND(MIN(x, y), FTE_DP)),
    "FTE converted"
  );
  const fteChangeCost = fig(
    "fteChangeCost",
    a.fteChangeCost,
    () =>
      needs(
        [now, proposed, costs.agency.ref, costs.permanent.ref],
        "its costs or FTE cells are not live",
        (x, y, agency, permanent) => {
          const grown = sub(y, x);
          return ROUND(
            IF(
              GT(grown, lit(1e-9)),
              mul(grown, div(permanent, y)),
              IF(GT(lit(-1e-9), grown), mul(grown, div(agency, x)), lit(0))
            ),
            MONEY_DP
          );
        }
      ),
    "cost of the FTE change"
  );
  const conversionSaving = fig(
    "conversionSaving",
    a.conversionSaving,
    () =>
      needs(
        [costs.saving.ref, fteChangeCost.ref],
        "its saving or FTE change cost stays a value",
        (x, y) => ROUND(add(x, y), MONEY_DP)
      ),
    "saving like for like"
  );
  return { converted, fteChangeCost, conversionSaving };
}

const AGENCY_FORMATS: Record<string, NumberFormatName> = {
  rate: "money",
  hours: "fte",
  weeks: "fte",
  agency: "money",
  permanent: "money",
  saving: "money",
  perFte: "money",
  converted: "fte",
  conversionSaving: "money",
  fteChangeCost: "money",
};

const conversion = (p: PostChange) => p.agencyConversion as AgencyConversion;

/** The rate as the agency quoted it ("£260.00 a day ÷ 7.4 hours a day"), when one was not hourly. */
function quotedRateColumn(posts: readonly PostChange[]): ColumnSpec<PostChange>[] {
  const converted = posts.filter((p) => p.agencyConversion !== undefined);
  const cols: ColumnSpec<PostChange>[] = [];
  if (converted.some((p) => conversion(p).conversion !== undefined))
    cols.push({
      key: "quoted",
      header: "Rate as quoted",
      width: 40,
      cell: (p) => conversion(p).conversion ?? "hourly, as typed",
    });
  return cols;
}

function agencyColumns(s: RestructureSheet, firstRow: number): ColumnSpec<PostChange>[] {
  const rows = new Map<PostChange, AgencyRow>();
  const at = (i: number) => (key: string) =>
    `${columnLetters(cols.findIndex((c) => c.key === key))}${firstRow + i + 1}`;
  const rowOf = (p: PostChange, i: number): AgencyRow => {
    let row = rows.get(p);
    if (!row) rows.set(p, (row = agencyFigures(s, p, conversion(p), at(i))));
    return row;
  };
  const column = (
    key: keyof AgencyRow,
    header: string,
    total: boolean
  ): ColumnSpec<PostChange> => ({
    key,
    header,
    format: AGENCY_FORMATS[key],
    ...(total ? { totalDecimals: key === "converted" ? FTE_DP : MONEY_DP } : {}),
    cell: (p, i) => rowOf(p, i)[key].cell,
  });
  const cols: ColumnSpec<PostChange>[] = [
    { key: "title", header: "Post", width: 28, cell: (p) => conversion(p).title },
    { key: "team", header: "Team", width: 16, cell: (p) => conversion(p).team },
    column("rate", "Agency rate (£ an hour)", false),
    column("hours", "Hours a week", false),
    column("weeks", "Weeks a year", false),
    column("agency", "Agency cost (a year)", true),
    column("permanent", "Permanent cost (a year)", true),
    column("saving", "Saving (a year)", true),
    column("perFte", "Saving per FTE", false),
    column("converted", "FTE converted", true),
    column("conversionSaving", "Saving like for like (a year)", true),
    column("fteChangeCost", "Cost of the FTE change (a year)", true),
    ...quotedRateColumn(s.r.posts),
  ];
  return cols;
}

/**
 * Whether SUMIF and COUNTIF read a team name as plain text equal to the cell: Excel would
 * read wildcards (* ? ~), a leading comparison (<, >, =), a number, TRUE/FALSE or a date
 * ("Jan 2025") in the criterion, and matches text without regard to case.
 */
function plainCriterion(team: string, teams: readonly string[]): boolean {
  if (team.length > 255 || !/^[A-Za-z]/.test(team) || /[*?~]/.test(team)) return false;
  if (/^(true|false)$/i.test(team)) return false;
  if (/\d/.test(team) && /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(team))
    return false;
  const key = team.toLowerCase();
  return teams.filter((t) => t.toLowerCase() === key).length === 1;
}

/**
 * The team table's figures as native formulas over the posts table's columns: COUNTIF and
 * SUMIF by team, rounded as the core rounds (FTE to 6 places, money to the penny), so they
 * follow the per-post figures (live ones included). A team whose name a criterion would not
 * read as plain text, or a figure the formula would not give exactly, is written as a value.
 */
function teamColumns(
  withPartYear: boolean,
  r: ProposedVersusCurrent,
  posts: PlacedTable,
  firstRow: number
): ColumnSpec<TeamChange>[] {
  const names = r.teams.map((t) => t.team);
  const span = (key: string) => {
    const l = posts.letters[key];
    return `${l}${posts.firstDataRow + 1}:${l}${posts.lastDataRow + 1}`;
  };
  const sumOf = (team: string, value: (p: PostChange) => number) =>
    r.posts.filter((p) => p.team === team).reduce((s, p) => s + value(p), 0);
  /** The team's figure as `=ROUND(SUMIF(...),dp)` when that gives `value`, else the value. */
  const sumIf = (
    t: TeamChange,
    i: number,
    key: string,
    dp: number,
    value: number,
    of: (p: PostChange) => number
  ): CellInput =>
    plainCriterion(t.team, names) && roundTo(sumOf(t.team, of), dp) === value
      ? formula(
          `=ROUND(SUMIF(${span("team")},A${firstRow + i + 1},${span(key)}),${dp})`,
          value,
          dp === FTE_DP ? "fte" : "money"
        )
      : value;
  const cols: ColumnSpec<TeamChange>[] = [
    { key: "team", header: "Team", width: 28, cell: (t) => t.team },
    {
      key: "posts",
      header: "Posts (rows)",
      format: "integer",
      totalDecimals: 0,
      cell: (t, i) =>
        plainCriterion(t.team, names)
          ? formula(`=COUNTIF(${span("team")},A${firstRow + i + 1})`, t.posts, "integer")
          : t.posts,
    },
    {
      key: "fteNow",
      header: "FTE now",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (t, i) => sumIf(t, i, "fteNow", FTE_DP, t.currentFte, (p) => p.currentFte),
    },
    {
      key: "fteProposed",
      header: "FTE proposed",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (t, i) => sumIf(t, i, "fteProposed", FTE_DP, t.proposedFte, (p) => p.proposedFte),
    },
    {
      key: "fteChange",
      header: "FTE change",
      format: "fte",
      totalDecimals: FTE_DP,
      cell: (t, i) => {
        const row = firstRow + i + 1;
        return roundTo(t.proposedFte - t.currentFte, FTE_DP) === t.fteChange
          ? formula(`=ROUND(D${row}-C${row},${FTE_DP})`, t.fteChange, "fte")
          : t.fteChange;
      },
    },
    {
      key: "costNow",
      header: "Cost now (a year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) => sumIf(t, i, "costNow", MONEY_DP, t.currentCost, (p) => p.current.total),
    },
    {
      key: "costProposed",
      header: "Cost proposed (a year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) =>
        sumIf(t, i, "costProposed", MONEY_DP, t.proposedCost, (p) => p.proposed.total),
    },
    {
      key: "change",
      header: "Change (full year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) => sumIf(t, i, "change", MONEY_DP, t.fullYearEffect, (p) => p.change),
    },
  ];
  if (withPartYear) {
    cols.push({
      key: "partYear",
      header: "Change (part year)",
      format: "money",
      totalDecimals: MONEY_DP,
      cell: (t, i) =>
        sumIf(t, i, "partYear", MONEY_DP, t.partYearEffect ?? 0, (p) => p.partYearChange ?? 0),
    });
  }
  return cols;
}

function methodology(r: ProposedVersusCurrent, weeks: number, hours: number): string[] {
  const lines = [
    "How this was calculated",
    "Each post is costed for a whole year as it is now and as proposed (salary plus employer on-costs, from the costing assumptions). A blank proposed FTE means no change; 0, 'Deleted' or a Status of Deleted deletes the post; a blank contract type is read as permanent.",
    "Two lists (a current and a proposed structure): posts are matched by post ID, else by title, grade and team, else by title and team; a current post with no match is deleted, a proposed one new. The Row now, Row proposed and Matched by columns show each pair.",
    "Classification: New (no FTE now, FTE proposed); Deleted (proposed FTE 0); Contract changed (e.g. agency to permanent); Regraded (different grade, or a different proposed salary); Increased / Reduced (FTE up / down); Team changed; Funding changed; Unchanged. A post can show several; the first is the main one.",
    "Full-year effect = proposed cost − current cost over a whole year: positive is net additional resource, negative a saving.",
  ];
  if (r.partYear) {
    const p = r.partYear;
    lines.push(
      `Part-year effect = each post's full-year change × ${p.daysRemaining}/${p.daysInYear}, the days from ${formatUkDate(p.date)} to 31 March in ${financialYearLabel(p.financialYear)}, rounded to the penny per post.`
    );
    if (r.posts.some((c) => c.post.changeDate !== undefined))
      lines.push(
        `A post whose Status gives its own date ('Deleted from 01/10/2025', 'New from 01/01/2026') has its part-year effect from that date instead: its change × the share of ${financialYearLabel(p.financialYear)} from then to 31 March (all of it for a date before the year, none for one after).`
      );
  }
  lines.push(
    "Management cost: posts flagged as management in the table, or whose grade is one of the management grades in the assumptions; before uses current cost, after uses proposed cost and grade.",
    `Agency cost = hourly rate × hours a week (the row's hours, or FTE × ${hours}) × ${weeks} weeks; a day, week or year rate is made hourly with the agency week (Rate as quoted). The saving is agency cost now less the permanent cost proposed: the conversion like for like (the FTE converted, at each side's cost per FTE) less the cost of any change of FTE.`,
    "Totals are native Excel formulas over the figures above them, rounded to the penny (FTE to 6 decimal places)."
  );
  return lines;
}

/** The "Restructure" sheet: proposed versus current, per post and team, with the key figures. */
export function buildRestructureSheet(
  input: RestructureSheetInput
): SheetBuild & { result: ProposedVersusCurrent; live?: LiveBook } {
  const { establishment, assumptions } = input;
  const name = input.sheetName ?? SHEET_NAMES.changes;
  const r = proposedVersusCurrent(establishment.posts, assumptions, input.costOf, input.options);
  const book = input.live ? liveBook(name) : undefined;
  const s: RestructureSheet = {
    input,
    r,
    d: createSheetDraft(),
    withPartYear: r.partYear !== undefined,
    withPostId: establishment.posts.some((p) => p.postId !== undefined && p.postId !== ""),
    book,
    live: input.live && restructureInputs(establishment, input.live),
    rows: new Map(),
  };
  titleSection(s);
  const posts = postTable(s);
  const teams = teamTable(s, posts);
  const agency = agencySection(s);
  s.d.row([text("Key figures", "subtitle")]);
  totalsSection(s, posts);
  managementSection(s, posts);
  checksSection(s, posts, teams, agency);
  warningsSection(s);
  methodSection(s);
  const built = s.d.toSpec("changes", name, {
    freeze: { rows: posts.headerRow + 1, columns: s.withPostId ? 2 : 1 },
    minWidths: [44],
  });
  const chart = restructureChart(
    { teams: columnRange(teams, "team"), change: columnRange(teams, "change") },
    chartAnchorBelow(built)
  );
  return {
    sheet: withChart(built, chart),
    summary: summaryOf(s, name, posts.totals.change),
    result: r,
    ...(book ? { live: book } : {}),
  };
}

/** Title, provenance and what the part-year effect covers. */
function titleSection(s: RestructureSheet): void {
  const { d, r } = s;
  const est = s.input.establishment;
  d.row([text("Proposed versus current structure", "title")]);
  const where = (t: { sheet: string; range: string; table?: string }) =>
    `${quoteSheetName(t.sheet)}!${t.range}${t.table ? ` (table ${t.table})` : ""}`;
  const lists = est.structures;
  d.row([
    text(
      `Source: ${lists ? `current structure ${where(lists.current)}, proposed structure ${where(lists.proposed)}` : where(est)} · ${builtBy(s.input)}`,
      "note"
    ),
  ]);
  const unchanged = r.unchangedByBlank;
  if (unchanged > 0)
    d.row([
      text(
        `${unchanged} post${unchanged === 1 ? " has" : "s have"} a blank Proposed FTE, taken as unchanged (type 0, or 'Deleted', to delete a post).`,
        "note"
      ),
    ]);
  d.row([
    text(
      r.partYear
        ? `New structure from ${formatUkDate(r.partYear.date)}: part-year effect is ${r.partYear.daysRemaining} of the ${r.partYear.daysInYear} days of ${financialYearLabel(r.partYear.financialYear)}.`
        : "No implementation date set: part-year effect not shown.",
      "subtitle"
    ),
  ]);
  d.blank();
}

/** The per-post table, its totals as native formulas below. */
function postTable(s: RestructureSheet): PlacedTable {
  // The posts table's header row is the next row; its first post the row after.
  const posts = s.d.table("RestructurePosts", postColumns(s, s.d.nextRow() + 1), s.r.posts);
  s.d.blank();
  return posts;
}

/** The per-team table: COUNTIF and SUMIF over the posts table. */
function teamTable(s: RestructureSheet, posts: PlacedTable): PlacedTable {
  s.d.row([text("By team", "subtitle")]);
  // The team table's header row is the next row; its first team the row after.
  const firstRow = s.d.nextRow() + 1;
  const teams = s.d.table(
    "RestructureTeams",
    teamColumns(s.withPartYear, s.r, posts, firstRow),
    s.r.teams
  );
  s.d.blank();
  return teams;
}

/** The agency conversions table, or a line saying there are none. */
function agencySection(s: RestructureSheet): PlacedTable | undefined {
  const { d } = s;
  let agency: PlacedTable | undefined;
  d.row([text("Agency conversions", "subtitle")]);
  const converted = s.r.posts.filter((p) => p.agencyConversion !== undefined);
  if (converted.length > 0)
    agency = d.table("RestructureAgency", agencyColumns(s, d.nextRow() + 1), converted);
  else d.row([text("No agency posts are converted to employed posts.")]);
  d.blank();
  return agency;
}

/** Key figures: formulas over the tables above, so an auditor can follow each one. */
function totalsSection(s: RestructureSheet, posts: PlacedTable): void {
  const { d, r } = s;
  if (r.uncosted.length > 0) {
    incompleteTotals(s, posts);
    return;
  }
  const fye = posts.totals.change;
  d.row([
    text(
      fye >= 0
        ? "Net additional resource (full-year effect)"
        : "Net saving (full-year effect, negative)"
    ),
    formula(`=${posts.totalAddress.change}`, fye, "money", "total"),
  ]);
  if (s.withPartYear && r.partYear) {
    d.row([
      text(`Part-year effect in ${financialYearLabel(r.partYear.financialYear)}`),
      formula(`=${posts.totalAddress.partYear}`, posts.totals.partYear, "money", "total"),
    ]);
  }
}

/** Past this many uncosted posts the costed figure is a value, not a formula naming each one. */
const MAX_LEFT_OUT_REFS = 200;

/**
 * Some post has FTE but no cost: no net figure is claimed. The line says what is missing
 * and where; the figures that follow are the posts table's total less those posts' changes.
 */
function incompleteTotals(s: RestructureSheet, posts: PlacedTable): void {
  const { d, r } = s;
  d.row([
    text(
      `${incompleteWords(s)}: the figures below leave these posts out; fill those cells and build again.`,
      "warning"
    ),
  ]);
  const rows = r.uncosted.map((c) => posts.firstDataRow + r.posts.indexOf(c) + 1);
  const lessLeftOut = (key: string, value: number) =>
    rows.length > MAX_LEFT_OUT_REFS
      ? num(value, "money", "total")
      : formula(
          `=ROUND(${posts.totalAddress[key]}-(${rows.map((row) => `${posts.letters[key]}${row}`).join("+")}),2)`,
          value,
          "money",
          "total"
        );
  d.row([
    text("Full-year effect of the costed posts"),
    lessLeftOut("change", r.costedEffect.fullYear),
  ]);
  if (s.withPartYear && r.partYear && r.costedEffect.partYear !== undefined) {
    d.row([
      text(
        `Part-year effect of the costed posts in ${financialYearLabel(r.partYear.financialYear)}`
      ),
      lessLeftOut("partYear", r.costedEffect.partYear),
    ]);
  }
}

/** "Incomplete: 2 proposed posts have no salary or grade to cost (Establishment!H12, H15)". */
function incompleteWords(s: RestructureSheet): string {
  const cells = uncostedCells(s.input.establishment, s.r);
  const count = (side: CostSide) => cells.filter((c) => c.side === side).length;
  const now = count("current");
  const then = count("proposed");
  const posts = now + then === 1 ? "post" : "posts";
  const who =
    now > 0 && then > 0
      ? `${now} current and ${then} proposed ${posts} have`
      : `${now + then} ${now > 0 ? "current" : "proposed"} ${posts} ${now + then === 1 ? "has" : "have"}`;
  return `Incomplete: ${who} no salary or grade to cost (${cellList(cells.map((c) => c.cell))})`;
}

/** Management cost before and after: SUMIF over the posts' management cells. */
function managementSection(s: RestructureSheet, posts: PlacedTable): void {
  const { d, r } = s;
  const column = (key: string) => {
    const l = posts.letters[key];
    return `${l}${posts.firstDataRow + 1}:${l}${posts.lastDataRow + 1}`;
  };
  const before = roundTo(
    r.posts.filter((p) => p.managementBefore).reduce((x, p) => x + p.current.total, 0),
    MONEY_DP
  );
  const after = roundTo(
    r.posts.filter((p) => p.managementAfter).reduce((x, p) => x + p.proposed.total, 0),
    MONEY_DP
  );
  const sumIf = (mgmt: string, cost: string, value: number) =>
    formula(`=ROUND(SUMIF(${column(mgmt)},"Yes",${column(cost)}),2)`, value, "money");
  const beforeRow = d.row([text("Management cost before"), sumIf("mgmtNow", "costNow", before)]);
  const afterRow = d.row([
    text("Management cost after"),
    sumIf("mgmtProposed", "costProposed", after),
  ]);
  const b = d.address(beforeRow, 1);
  const a = d.address(afterRow, 1);
  const change = roundTo(after - before, MONEY_DP);
  const changeRow = d.row([
    text("Management cost change"),
    formula(`=ROUND(${a}-${b},2)`, change, "money"),
  ]);
  d.row([
    text("Management cost change (%)"),
    formula(
      `=IF(${b}=0,"",ROUND(${d.address(changeRow, 1)}/${b},4))`,
      before === 0 ? "" : roundTo(change / before, 4),
      "percent"
    ),
  ]);
}

/** The agency saving, and the check that the team totals add up to the post totals. */
function checksSection(
  s: RestructureSheet,
  posts: PlacedTable,
  teams: PlacedTable,
  agency: PlacedTable | undefined
): void {
  const { d } = s;
  if (agency) {
    d.row([
      text("Agency conversions: saving a year"),
      formula(`=${agency.totalAddress.saving}`, agency.totals.saving, "money", "total"),
    ]);
    d.row([
      text("  of which the conversion, like for like"),
      formula(`=${agency.totalAddress.conversionSaving}`, agency.totals.conversionSaving, "money"),
    ]);
    d.row([
      text("  less the cost of the change of FTE"),
      formula(`=${agency.totalAddress.fteChangeCost}`, agency.totals.fteChangeCost, "money"),
    ]);
  }
  d.row([
    text("Check: team totals equal post totals"),
    formula(
      `=IF(ROUND(${teams.totalAddress.change}-${posts.totalAddress.change},2)=0,"OK","Check")`,
      roundTo(teams.totals.change - posts.totals.change, 2) === 0 ? "OK" : "Check",
      undefined,
      "total"
    ),
  ]);
  d.blank();
}

function warningsSection(s: RestructureSheet): void {
  for (const w of s.r.warnings) s.d.row([text(w, "warning")]);
  if (s.r.warnings.length > 0) s.d.blank();
}

function methodSection(s: RestructureSheet): void {
  [
    ...methodology(
      s.r,
      s.input.assumptions.agencyWeeksPerYear,
      s.input.assumptions.agencyHoursPerWeek ?? FULL_TIME_HOURS
    ),
    ...(s.input.settingsUsed ?? []),
  ].forEach((line, i) => s.d.row([text(line, i === 0 ? "subtitle" : "note")]));
}

/** The agency saving, split like for like and the FTE change: only when a post converts. */
function agencySummaryFigures(r: ProposedVersusCurrent): SheetSummary["figures"] {
  if (r.agencyConversions.length === 0) return [];
  return [
    { label: "Agency conversion saving (a year)", value: r.agencySaving, format: "money" },
    { label: "  of which like for like", value: r.agencyConversionSaving, format: "money" },
    { label: "  less the FTE change", value: r.agencyFteChangeCost, format: "money" },
  ];
}

/** The headline and figures the build summary shows. */
function summaryOf(s: RestructureSheet, sheetName: string, fye: number): SheetSummary {
  const { r } = s;
  const t = r.totals;
  const costed = r.costedEffect.fullYear;
  const headline =
    (r.uncosted.length > 0
      ? `${incompleteWords(s)}; full-year effect of the costed posts ${formatPounds(costed)} (${costed >= 0 ? "additional resource" : "a saving"})`
      : `${fye >= 0 ? "Net additional resource" : "Net saving"} of ${formatPounds(Math.abs(fye))} a year (full-year effect)`) +
    (r.partYear && t.partYearEffect !== undefined
      ? `; ${formatPounds(r.uncosted.length > 0 ? (r.costedEffect.partYear ?? 0) : Math.abs(t.partYearEffect))} in ${financialYearLabel(r.partYear.financialYear)}`
      : "") +
    (r.management.percentChange !== undefined
      ? `; management cost ${r.management.percentChange <= 0 ? "down" : "up"} ${Math.abs(Math.round(r.management.percentChange * 1000) / 10)}%`
      : "");
  return {
    key: "changes",
    sheetName,
    headline,
    figures: [
      { label: "Current cost (a year)", value: t.currentCost, format: "money" },
      { label: "Proposed cost (a year)", value: t.proposedCost, format: "money" },
      ...(r.uncosted.length > 0
        ? [
            {
              label: "Full-year effect of the costed posts",
              value: r.costedEffect.fullYear,
              format: "money" as const,
            },
            {
              label: "Posts with no cost to compare",
              value: r.uncosted.length,
              format: "integer" as const,
            },
          ]
        : [{ label: "Full-year effect", value: t.fullYearEffect, format: "money" as const }]),
      ...(t.partYearEffect !== undefined
        ? [{ label: "Part-year effect", value: t.partYearEffect, format: "money" as const }]
        : []),
      { label: "FTE now", value: t.currentFte, format: "fte" },
      { label: "FTE proposed", value: t.proposedFte, format: "fte" },
      { label: "Management cost before", value: r.management.before, format: "money" },
      { label: "Management cost after", value: r.management.after, format: "money" },
      ...(r.management.percentChange !== undefined
        ? [
            {
              label: "Management cost change",
              value: r.management.percentChange,
              format: "percent" as const,
            },
          ]
        : []),
      ...agencySummaryFigures(r),
    ],
    warnings: r.warnings,
  };
}
