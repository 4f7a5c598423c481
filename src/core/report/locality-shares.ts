import { builtBy } from "./print";
import { SHEET_NAMES } from "./sheet-names";
import { formatNumber, formatPounds, roundTo } from "../money";
import { columnLetters, quoteSheetName } from "../grid";
import type { Assumptions, Establishment, Localities, Locality, LocalityWeights } from "../model";
import {
  allocateUnits,
  analyseNeed,
  costOfAllocation,
  fromUnits,
  SharesInputError,
  toUnits,
  WEIGHT_SUM_TOLERANCE,
  type NeedAnalysis,
} from "../shares";
import { inWholeUnits } from "../shares/units";
import type { SheetSummary } from "./summary";
import { formula, num, text, type NumberFormatName, type SheetSpec } from "./sheet-spec";
import {
  columnRange,
  createSheetDraft,
  type CellInput,
  type ColumnSpec,
  type PlacedTable,
  type SheetDraft,
} from "./table-layout";
import { assumptionCell, rateInput, type AssumptionCells } from "./assumption-cells";
import type { EstablishmentCostCells } from "./establishment-cost";
import { allocateCall } from "./estab-calls";
import { ABS, absolute, add, div, GT, IF, INDEX, lit, mul, sub, SUM, type Expr } from "./expr";
import {
  costPerFteDefinition,
  establishmentFteDefinition,
  numberOf,
  localityFigure,
  oneMeasureShares,
  onSheet,
  typedTotalDefinition,
  type LocalityField,
} from "./locality-inputs";
import type { TextCell } from "./text-numbers";
import type { Definition } from "./post-inputs";
import { figureCell, liveBook, type LiveBook } from "./render";
import { chartAnchorBelow, localityChart, withChart } from "./charts";
import {
  shareRoles,
  shareTypedRoles,
  type EstablishmentRole,
  type RolesShared,
  type RolesBy,
  type SharedRole,
} from "./locality-roles";

export interface RoleToShare {
  name: string;
  fte: number;
  /** The cost a year of one FTE of the role, when known (from the establishment's posts). */
  costPerFte?: number;
}

export interface LocalitySharesSheetInput {
  localities: Localities;
  assumptions: Pick<Assumptions, "localityWeights" | "allocationUnit" | "allocationTotalFte">;
  /** The establishment's total FTE: shared out when the assumptions give no total. */
  establishmentFte?: number;
  /** Average annual cost of one FTE (salary plus on-costs), e.g. from the costing engine. */
  costPerFte?: number;
  /** Optional roles × localities: each role's FTE is shared too, with both totals exact. */
  roles?: readonly RoleToShare[];
  /**
   * The establishment's roles (its posts grouped by Role or by title), when no roles are given: the FTE
   * shared out is split across them in proportion to their FTE, then each across the
   * localities, both totals exact; each locality's cost follows the roles' own costs.
   */
  establishmentRoles?: readonly EstablishmentRole[];
  /** What the establishment's roles are its posts grouped by (title when absent). */
  rolesBy?: RolesBy;
  /** Where the roles given were typed ("'Roles'!A1:B4"), for the method. */
  rolesSource?: string;
  generatedAt: string;
  /** The scenario built, named on the sheet (`estab build --scenario`). */
  scenario?: string;
  version: string;
  /** Sheet name wanted; "Locality shares" by default. */
  sheetName?: string;
  /** Live: define the figures over the localities table's, the posts' and the Assumptions sheet's cells. */
  live?: LocalitySharesLive;
}

/** What a live Locality shares sheet's formulas point at. */
export interface LocalitySharesLive {
  /** Where each assumption lives; without it, the settings and weights stay figures. */
  assumptionCells?: AssumptionCells;
  /** Whether a source cell holds text ("14,820"), which a formula cannot show or compute with. */
  textCell?: TextCell;
  /** The establishment whose posts' FTE cells add up to the FTE to share out. */
  establishment?: Establishment;
  /** The Establishment Cost sheet built alongside: its net cost ÷ FTE is the average cost per FTE. */
  costCells?: EstablishmentCostCells;
}

export interface LocalityShares {
  localities: Locality[];
  need: NeedAnalysis;
  total: number;
  unit: number;
  /** Exact (unrounded) FTE quota per locality. */
  quotas: number[];
  fte: number[];
  cost?: number[];
  roles?: RolesShared;
  /** Set when the FTE given was not a whole number of units and the nearest was shared. */
  rounded?: RoundedTotal;
  warnings: string[];
}

/** The FTE to share out as given, before it was rounded to whole units, and where it came from. */
export interface RoundedTotal {
  given: number;
  from: "assumption" | "establishment";
}

const DP = 6;

/** The FTE to share out, in whole units; see the methodology for the rounding rule. */
function totalToShare(
  input: LocalitySharesSheetInput,
  warnings: string[]
): { total: number; rounded?: RoundedTotal } {
  const unit = input.assumptions.allocationUnit;
  const roleSum = input.roles
    ? fromUnits(
        input.roles.reduce((s, r) => s + toUnits(r.fte, unit, `${r.name}'s FTE`), 0),
        unit
      )
    : undefined;
  const set = input.assumptions.allocationTotalFte;
  const given = set ?? roleSum ?? input.establishmentFte;
  if (given === undefined)
    throw new SharesInputError(
      "no-total",
      "There is no FTE to share out: set 'FTE to share out' in the assumptions"
    );
  // A total that is not whole units (20.05 in steps of 0.1, the establishment's 192.43)
  // is shared out to the nearest unit and said, rather than refusing the whole sheet.
  const total = inWholeUnits(given, unit);
  toUnits(total, unit, "The FTE to share out");
  if (roleSum !== undefined && roleSum !== total)
    throw new SharesInputError(
      "roles-differ-from-total",
      `The roles add up to ${formatNumber(roleSum, DP)} FTE but the FTE to share out is ${formatNumber(total, DP)}; make them agree`
    );
  if (total === given || roleSum !== undefined) return { total };
  const from = set !== undefined ? "assumption" : "establishment";
  const what = from === "assumption" ? "The FTE to share out" : "The establishment's";
  warnings.push(
    `${what} ${formatNumber(given, DP)} FTE is not a whole number of ${unit} FTE units; ${formatNumber(total, DP)} FTE was shared out (the nearest whole number of units). ${from === "assumption" ? "Change 'FTE to share out' or 'Allocation unit (FTE)'" : "Set 'FTE to share out'"} to choose the figure.`
  );
  return { total, rounded: { given, from } };
}

/** Need index, exact allocation and cost per locality (and per role, when roles are given). */
export function localityShares(input: LocalitySharesSheetInput): LocalityShares {
  const warnings: string[] = [];
  const list = input.localities.localities;
  const unit = input.assumptions.allocationUnit;
  const need = analyseNeed(
    {
      population: list.map((l) => l.population),
      deprivation: list.map((l) => l.deprivation),
      demand: list.map((l) => l.demand),
    },
    input.assumptions.localityWeights
  );
  warnings.push(...need.warnings);
  const { total, rounded } = totalToShare(input, warnings);
  const totalUnits = toUnits(total, unit);
  const { units } = allocateUnits(totalUnits, need.needIndex);
  const fte = units.map((u) => fromUnits(u, unit));
  const roles: RolesShared | undefined = input.roles
    ? shareTypedRoles(input.roles, need.needIndex, unit, warnings)
    : input.establishmentRoles &&
      shareRoles(input.establishmentRoles, total, unit, need.needIndex, warnings);
  return {
    localities: [...list],
    need,
    total,
    unit,
    // As the sheet shows and works it out: total × need index (Hamilton's own quotas, in
    // units, differ from these only by float noise).
    quotas: need.needIndex.map((x) => total * x),
    fte,
    cost: input.costPerFte !== undefined ? costOfAllocation(fte, input.costPerFte) : undefined,
    roles,
    rounded,
    warnings,
  };
}

interface LocalityRow {
  locality: Locality;
  i: number;
}

/** What every section of the sheet is a function of. */
interface SharesSheet {
  input: LocalitySharesSheetInput;
  s: LocalityShares;
  d: SheetDraft;
  /** Set when the sheet is built live. */
  book?: LiveBook;
  live?: LocalitySharesLive;
}

/** A figure written on this sheet: its A1 address ("B5") and its value. */
interface Placed {
  address: string;
  value: number;
}

/** A figure on this sheet as every row's formula refers to it ($B$5). */
const fixed = (p: Placed): Expr => onSheet(absolute(p.address), p.value);

/**
 * The "Locality shares" sheet: settings, weights, each locality's figures, shares, need
 * index, FTE allocated and its cost, checks, roles × localities when roles are given, and
 * the method. Built live, each figure is also defined over the localities table's, the
 * posts' and the Assumptions sheet's cells (see render.ts); `live` says how many cells are
 * and why the others are not.
 */
export function buildLocalitySharesSheet(input: LocalitySharesSheetInput): {
  sheet: SheetSpec;
  summary: SheetSummary;
  result: LocalityShares;
  live?: LiveBook;
} {
  const s = localityShares(input);
  const name = input.sheetName ?? SHEET_NAMES.shares;
  const book = input.live ? liveBook(name) : undefined;
  const x: SharesSheet = { input, s, d: createSheetDraft(), book, live: input.live };
  titleSection(x);
  const settings = settingsSection(x);
  const weights = weightsSection(x);
  const table = localityTable(x, settings, weights);
  checksSection(x, table, settings.total);
  if (s.roles) rolesSection(x, table);
  notesSection(x);
  const built = x.d.toSpec("shares", name, {
    freeze: { rows: table.headerRow + 1, columns: 1 },
    minWidths: [34],
  });
  const chart = localityChart(
    {
      localities: columnRange(table, "name"),
      fte: columnRange(table, "fte"),
      needIndex: columnRange(table, "need"),
    },
    chartAnchorBelow(built)
  );
  const sheet = withChart(built, chart);
  return { sheet, summary: summaryOf(x, name, table), result: s, ...(book ? { live: book } : {}) };
}

function titleSection({ d, input }: SharesSheet): void {
  const src = input.localities;
  d.row([text("Needs-led locality shares", "title")]);
  d.row([
    text(
      `Source: ${quoteSheetName(src.sheet)}!${src.range}${src.table ? ` (table ${src.table})` : ""} · ${builtBy(input)}`,
      "note"
    ),
  ]);
  d.blank();
}

/** The settings as the sheet's formulas use them. */
interface Settings {
  total: Placed;
  cost?: Placed;
  /** The allocation unit: its cell on this sheet when it follows the Assumptions sheet's, else the figure. */
  unit: Expr;
}

/**
 * The FTE to share out, the allocation unit and the average cost per FTE. Live, the unit
 * is its Assumptions cell, and the FTE to share out's rounding and FTE allocated use it.
 */
function settingsSection(x: SharesSheet): Settings {
  const { d, s, book, input } = x;
  d.row([text("Settings", "subtitle")]);
  const unitCell = book && assumptionCell(x.live?.assumptionCells, "allocationUnit");
  const unitAt = { address: d.address(d.nextRow() + 1, 1), value: s.unit };
  const unit = unitCell ? fixed(unitAt) : lit(s.unit);
  const totalRow = d.row([
    text("FTE to share out"),
    // Not an input cell in either mode: the figure comes from the Assumptions sheet, the
    // posts or the roles table, which are the inputs; shareable, nothing uses it, and a
    // live sheet made shareable must be the shareable build.
    figureCell(book, s.total, () => totalDefinition(x, unit), "FTE to share out", "fte"),
  ]);
  d.row([
    text("Allocation unit (FTE)"),
    // Likewise a figure: live, ESTAB.ALLOCATE follows the Assumptions sheet's cell.
    figureCell(
      book,
      s.unit,
      () => (unitCell ? numberOf(unitCell) : lit(s.unit)),
      "Allocation unit (FTE)",
      "fte"
    ),
  ]);
  let cost: Placed | undefined;
  const perFte = input.costPerFte;
  if (perFte !== undefined) {
    const costRow = d.row([
      text("Average cost per FTE (salary plus on-costs)"),
      figureCell(
        book,
        perFte,
        () => costPerFteDefinition(x.live?.costCells),
        "Average cost per FTE",
        "money",
        "input"
      ),
    ]);
    cost = { address: d.address(costRow, 1), value: perFte };
  }
  d.blank();
  return { total: { address: d.address(totalRow, 1), value: s.total }, cost, unit };
}

/**
 * The FTE to share out: its Assumptions cell when typed there, else the posts' FTE added
 * up; roles given with their own FTE make it, and it stays the figure (controlled rounding
 * has no cell function).
 */
function totalDefinition({ s, input, live }: SharesSheet, unit: Expr): Definition {
  if (input.roles) return lit(s.total);
  if (input.assumptions.allocationTotalFte !== undefined)
    return typedTotalDefinition(live?.assumptionCells, s.total, unit);
  if (!live?.establishment) return { reason: "no establishment given" };
  return establishmentFteDefinition(live.establishment, unit, live.textCell);
}

/**
 * The population column's label, from its heading: "Population 0–17" for a heading naming
 * ages 0-17, "Population" for one naming none, "Population 0–19" when no heading is known.
 */
export function populationLabel(heading: string | undefined): string {
  if (heading === undefined) return "Population 0–19";
  const ages = /\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\b/i.exec(heading);
  return ages && Number(ages[1]) < Number(ages[2])
    ? `Population ${ages[1]}–${ages[2]}`
    : "Population";
}

const measuresOf = (
  localities: Localities
): ReadonlyArray<{ label: string; key: keyof LocalityWeights }> => [
  { label: populationLabel(localities.populationHeading), key: "population" },
  { label: "Deprivation-weighted population", key: "deprivation" },
  { label: "Demand", key: "demand" },
  { label: "Equal share", key: "equal" },
];

/**
 * The weights given and used; the weights used, in measuresOf's order. Live, each given
 * weight is its Assumptions cell (VALUE reads "50%" as typed) and each used one the given
 * one, or scaled by their sum when they do not add up to 100%, as normaliseWeights does.
 */
function weightsSection(x: SharesSheet): Placed[] {
  const { d, s, book } = x;
  const measures = measuresOf(x.input.localities);
  const { need } = s;
  const first = d.nextRow() + 1; // zero-based row of the first measure
  const placed = (column: number, weights: LocalityWeights) =>
    measures.map((m, k) => ({ address: d.address(first + k, column), value: weights[m.key] }));
  const given = placed(1, need.weightsGiven);
  const used = placed(2, need.weights);
  const ac = x.live?.assumptionCells;
  const keys = measures.map((m) => `localityWeights.${m.key}`);
  const cells = book !== undefined && keys.every((k) => assumptionCell(ac, k));
  const sum = SUM(
    onSheet(
      absolute(`${given[0].address}:${given[3].address}`),
      given.map((g) => [g.value])
    )
  );
  const givenDef = (k: number): Definition =>
    cells ? rateInput(ac, keys[k], given[k].value) : lit(given[k].value);
  const usedDef = (k: number): Definition => {
    if (!cells) return lit(used[k].value);
    const g = fixed(given[k]);
    return IF(GT(ABS(sub(sum, lit(1))), lit(WEIGHT_SUM_TOLERANCE)), div(g, sum), g);
  };
  const weightCols: ColumnSpec<number>[] = [
    { key: "measure", header: "Measure", cell: (k) => measures[k].label },
    {
      key: "given",
      header: "Weight given",
      format: "percent",
      totalDecimals: DP,
      cell: (k) =>
        figureCell(
          book,
          given[k].value,
          () => givenDef(k),
          `weight given: ${measures[k].key}`,
          "percent"
        ),
    },
    {
      key: "used",
      header: "Weight used",
      format: "percent",
      totalDecimals: DP,
      cell: (k) =>
        figureCell(
          book,
          used[k].value,
          () => usedDef(k),
          `weight used: ${measures[k].key}`,
          "percent"
        ),
    },
  ];
  d.table("ShareWeights", weightCols, [0, 1, 2, 3]);
  d.blank();
  return used;
}

/** Where a column's cell is on a locality's row ("J17"). */
type At = (key: string, r: LocalityRow) => string;

/** The per-locality table: figures, shares, need index, quota, FTE allocated and cost. */
function localityTable(x: SharesSheet, settings: Settings, weights: Placed[]): PlacedTable {
  const { d, s } = x;
  const firstRow = d.nextRow() + 2; // A1 row number of the first locality
  const cols: ColumnSpec<LocalityRow>[] = [];
  const at: At = (key, r) =>
    `${columnLetters(cols.findIndex((c) => c.key === key))}${firstRow + r.i}`;
  cols.push(...figureColumns(x, at), ...shareColumns(x, at, weights));
  cols.push(...allocationColumns(x, at, settings, firstRow, cols.length));
  const rows = s.localities.map((locality, i) => ({ locality, i }));
  return d.table("LocalityShares", cols, rows);
}

/**
 * Deprivation as the localities table gives it: a rate when every figure is between 0 and
 * 1 (IDACI 0.20), else a score (an IMD score 21.4). The need index uses either as given.
 */
export const deprivationKind = (localities: readonly Locality[]): "rate" | "score" =>
  localities.every((l) => l.deprivation >= 0 && l.deprivation <= 1) ? "rate" : "score";

/**
 * How a measure's column shows what it holds: a deprivation rate as a percentage, whole
 * counts as whole numbers, anything else (an IMD score 21.4, demand per 1,000 of 12.5) as
 * the figure itself: never a score as a percentage (2140%).
 */
function measureFormat(s: LocalityShares, key: LocalityField): NumberFormatName {
  if (key === "deprivation")
    return deprivationKind(s.localities) === "rate" ? "percent" : "general";
  return s.localities.every((l) => Number.isInteger(l[key])) ? "integer" : "general";
}

/** Each locality's figures as the localities table has them, and its deprivation-weighted population. */
function figureColumns(x: SharesSheet, at: At): ColumnSpec<LocalityRow>[] {
  const { s, book, input } = x;
  const figure = (key: LocalityField, header: string): ColumnSpec<LocalityRow> => {
    const format = measureFormat(s, key);
    return {
      key,
      header,
      format,
      totalDecimals: key === "deprivation" ? undefined : DP,
      cell: (r) =>
        figureCell(
          book,
          r.locality[key],
          () => localityFigure(input.localities, r.i, key, header.toLowerCase(), x.live?.textCell),
          `${r.locality.name} ${header.toLowerCase()}`,
          format
        ),
    };
  };
  return [
    { key: "name", header: "Locality", width: 20, cell: (r) => r.locality.name },
    figure("population", populationLabel(input.localities.populationHeading)),
    figure("deprivation", `Deprivation ${deprivationKind(s.localities)}`),
    {
      key: "weighted",
      header: "Deprivation-weighted population",
      width: 16,
      format: "integer",
      totalDecimals: DP,
      // A native formula over its row, in the core's order: the same value in both modes.
      cell: (r) =>
        formula(
          `=${at("population", r)}*${at("deprivation", r)}`,
          s.need.deprivationWeighted[r.i],
          "integer"
        ),
    },
    figure("demand", "Demand"),
  ];
}

/** The one-measure shares (the need index with all the weight on one measure) and the need index. */
const SHARES: ReadonlyArray<{
  key: string;
  header: string;
  field: "populationShare" | "deprivationShare" | "demandShare" | "equalShare";
  weights: LocalityWeights;
}> = [
  {
    key: "popShare",
    header: "Population share",
    field: "populationShare",
    weights: { population: 1, deprivation: 0, demand: 0, equal: 0 },
  },
  {
    key: "depShare",
    header: "Deprivation share",
    field: "deprivationShare",
    weights: { population: 0, deprivation: 1, demand: 0, equal: 0 },
  },
  {
    key: "demandShare",
    header: "Demand share",
    field: "demandShare",
    weights: { population: 0, deprivation: 0, demand: 1, equal: 0 },
  },
  {
    key: "equalShare",
    header: "Equal share",
    field: "equalShare",
    weights: { population: 0, deprivation: 0, demand: 0, equal: 1 },
  },
];

/**
 * Live, each share is ESTAB.NEEDINDEX over the localities' columns, and the need index
 * Σ weight used × share over the row's shares, in the core's order.
 */
function shareColumns(x: SharesSheet, at: At, weights: Placed[]): ColumnSpec<LocalityRow>[] {
  const { s, book, input } = x;
  const { need } = s;
  const calls = new Map<string, ((i: number) => Definition) | undefined>();
  const shareDef = (m: (typeof SHARES)[number], i: number): Definition => {
    if (!calls.has(m.key)) calls.set(m.key, oneMeasureShares(input.localities, m.weights));
    const index = calls.get(m.key);
    if (index) return index(i);
    const added = input.localities.localities.find((l) => l.addedFrom);
    return {
      reason: input.localities.deprivationFromDeciles
        ? "the deprivation figures are 11 − the deciles in their cells"
        : added
          ? `${added.name}'s figures are its rows added up, in no one cell`
          : "the localities' figures are not in one column each, in order",
    };
  };
  const needDef = (r: LocalityRow): Definition =>
    SHARES.map((m, k) => mul(fixed(weights[k]), onSheet(at(m.key, r), need[m.field][r.i]))).reduce(
      (sum, term) => add(sum, term)
    );
  return [
    ...SHARES.map((m): ColumnSpec<LocalityRow> => ({
      key: m.key,
      header: m.header,
      format: "percent",
      totalDecimals: DP,
      cell: (r) =>
        figureCell(
          book,
          need[m.field][r.i],
          () => shareDef(m, r.i),
          `${r.locality.name} ${m.header.toLowerCase()}`,
          "percent"
        ),
    })),
    {
      key: "need",
      header: "Need index",
      format: "percent",
      totalDecimals: DP,
      cell: (r) =>
        figureCell(
          book,
          need.needIndex[r.i],
          () => needDef(r),
          `${r.locality.name} need index`,
          "percent"
        ),
    },
  ];
}

/**
 * Exact quota = FTE to share out × need index; FTE allocated, live, ESTAB.ALLOCATE over the
 * FTE to share out and the need index column (the core's allocateExact); cost a native
 * ROUND(FTE allocated × cost per FTE, 2) in both modes.
 */
function allocationColumns(
  x: SharesSheet,
  at: At,
  settings: Settings,
  firstRow: number,
  needColumn: number
): ColumnSpec<LocalityRow>[] {
  const { s, book } = x;
  const total = fixed(settings.total);
  const needLetter = columnLetters(needColumn - 1);
  const needRange = absolute(
    `${needLetter}${firstRow}:${needLetter}${firstRow + s.localities.length - 1}`
  );
  let allocation: Expr | undefined;
  const allocated = (i: number): Expr => {
    allocation ??= allocateCall(
      total,
      onSheet(
        needRange,
        s.need.needIndex.map((v) => [v])
      ),
      settings.unit
    );
    return INDEX(allocation, i + 1);
  };
  const cols: ColumnSpec<LocalityRow>[] = [
    {
      key: "quota",
      header: "Share before rounding",
      format: "fte",
      totalDecimals: DP,
      cell: (r) =>
        figureCell(
          book,
          s.quotas[r.i],
          () => mul(total, onSheet(at("need", r), s.need.needIndex[r.i])),
          `${r.locality.name} share before rounding`,
          "fte"
        ),
    },
    {
      key: "fte",
      header: "FTE allocated",
      format: "fte",
      totalDecimals: DP,
      cell: (r) =>
        figureCell(
          book,
          s.fte[r.i],
          () => allocated(r.i),
          `${r.locality.name} FTE allocated`,
          "fte"
        ),
    },
  ];
  const { cost: costs } = s;
  const cost = settings.cost;
  if (costs && cost)
    cols.push({
      key: "cost",
      header: "Cost (a year)",
      width: 14,
      format: "money",
      totalDecimals: 2,
      cell: (r) =>
        formula(`=ROUND(${at("fte", r)}*${absolute(cost.address)},2)`, costs[r.i], "money"),
    });
  return cols;
}

/** FTE allocated less FTE to share out, and whether they agree. */
function checksSection({ d, s }: SharesSheet, table: PlacedTable, total: Placed): void {
  const allocated = table.totalAddress.fte;
  const difference = roundTo(table.totals.fte - s.total, DP);
  const check = `ROUND(${allocated}-${total.address},${DP})`;
  d.row([
    text("Check: FTE allocated less FTE to share out"),
    formula(`=${check}`, difference, "fte", "total"),
  ]);
  d.row([
    text("Check"),
    formula(
      `=IF(${check}=0,"Adds up exactly","Does not add up")`,
      difference === 0 ? "Adds up exactly" : "Does not add up",
      undefined,
      "total"
    ),
  ]);
  d.blank();
}

/** FTE by role and locality (controlled rounding, both totals exact), its cost, and a check against the table above. */
function rolesSection(x: SharesSheet, table: PlacedTable): void {
  const { d, s } = x;
  x.book?.notLive.push("FTE by role and locality: controlled rounding has no cell function");
  d.row([text("FTE by role and locality", "subtitle")]);
  const rt = rolesTable(x);
  const shared = s.roles as RolesShared;
  if (shared.costByLocality) rolesCost(x, rt, shared.costByLocality);
  // Each locality column total must equal that locality's allocation in the table above.
  const comparisons = s.localities.map(
    (_, j) =>
      `ROUND(${rt.totalAddress[`loc${j}`]}-${table.letters.fte}${table.firstDataRow + j + 1},${DP})=0`
  );
  const rowsOk = `ROUND(${rt.totalAddress.allocated}-${rt.totalAddress.roleFte},${DP})=0`;
  const ok =
    s.localities.every((_, j) => roundTo(rt.totals[`loc${j}`] - s.fte[j], DP) === 0) &&
    roundTo(rt.totals.allocated - rt.totals.roleFte, DP) === 0;
  d.row([
    text("Check: role and locality totals exact"),
    formula(
      `=IF(AND(${[...comparisons, rowsOk].join(",")}),"OK","Check")`,
      ok ? "OK" : "Check",
      undefined,
      "total"
    ),
  ]);
  d.blank();
}

type RoleRow = { role: SharedRole; i: number };

/** Role | Role FTE | one column per locality | Allocated (a native SUM) | Cost per FTE. */
function rolesTable({ d, s }: SharesSheet): PlacedTable {
  const { roles, allocation } = s.roles as RolesShared;
  const n = s.localities.length;
  const first = d.nextRow() + 1; // zero-based sheet row of the first role
  const lastLocalityLetter = columnLetters(2 + n - 1); // localities from column C
  const roleCols: ColumnSpec<RoleRow>[] = [
    { key: "role", header: "Role", width: 20, cell: (r) => r.role.name },
    {
      key: "roleFte",
      header: "Role FTE",
      format: "fte",
      totalDecimals: DP,
      cell: (r) => r.role.fte,
    },
    ...s.localities.map((l, j): ColumnSpec<RoleRow> => ({
      key: `loc${j}`,
      header: l.name,
      format: "fte",
      totalDecimals: DP,
      cell: (r) => allocation.cells[r.i][j],
    })),
    {
      key: "allocated",
      header: "Allocated",
      format: "fte",
      totalDecimals: DP,
      cell: (r) => {
        const row = first + r.i + 1;
        const value = roundTo(
          allocation.cells[r.i].reduce((a, b) => a + b, 0),
          DP
        );
        return formula(`=ROUND(SUM(C${row}:${lastLocalityLetter}${row}),${DP})`, value, "fte");
      },
    },
  ];
  if (roles.some((r) => r.costPerFte !== undefined))
    roleCols.push({
      key: "costPerFte",
      header: "Cost per FTE",
      width: 14,
      format: "money",
      cell: (r) => r.role.costPerFte,
    });
  return d.table(
    "RoleLocalityFte",
    roleCols,
    roles.map((role, i) => ({ role, i }))
  );
}

/**
 * Each locality's cost at the roles' own costs: Σ ROUND(role FTE there × role cost per
 * FTE, 2), as costOfMatrix works it out, a native formula (the figure itself past Excel's
 * formula length), and their total.
 */
function rolesCost({ d, s }: SharesSheet, rt: PlacedTable, byLocality: number[]): void {
  const roles = (s.roles as RolesShared).roles;
  const perFte = rt.letters.costPerFte;
  const rows = roles.map((_, i) => rt.firstDataRow + i + 1);
  const label = (s.roles as RolesShared).uncosted?.length
    ? "Cost (a year) at each role's cost per FTE (roles with no posts left out)"
    : "Cost (a year) at each role's cost per FTE";
  const cells: CellInput[] = [text(label, "total"), null];
  s.localities.forEach((_, j) => {
    const col = rt.letters[`loc${j}`];
    const terms = rows.map((r) => `ROUND(${col}${r}*$${perFte}$${r},2)`).join("+");
    const f = `=ROUND(${terms},2)`;
    cells.push(
      f.length <= MAX_FORMULA
        ? formula(f, byLocality[j], "money", "total")
        : num(byLocality[j], "money", "total")
    );
  });
  const row = d.nextRow() + 1;
  const last = rt.letters[`loc${s.localities.length - 1}`];
  const total = byLocality.reduce((a, b) => a + b, 0);
  cells.push(formula(`=ROUND(SUM(C${row}:${last}${row}),2)`, roundTo(total, 2), "money", "total"));
  d.row(cells);
}

/** Excel's limit on one formula's length. */
const MAX_FORMULA = 8192;

/**
 * The localities' costs, each rounded to the penny, can add up to a penny or two more or
 * less than the FTE shared out × the cost per FTE (the establishment's net cost when all
 * its FTE are shared out): said, so the two sheets' figures are not taken for a mistake.
 */
function costRoundingGap(
  costs: readonly number[],
  total: number,
  costPerFte: number | undefined
): string | undefined {
  if (costPerFte === undefined) return undefined;
  const sum = roundTo(
    costs.reduce((a, b) => a + b, 0),
    2
  );
  const whole = roundTo(total * costPerFte, 2);
  const pence = Math.round((sum - whole) * 100);
  if (pence === 0) return undefined;
  return `The localities' costs add up to ${formatPounds(sum)}, ${Math.abs(pence)}p ${pence > 0 ? "more" : "less"} than ${formatNumber(total, DP)} FTE × the average cost per FTE (${formatPounds(whole)}), because each locality's cost is rounded to the penny.`;
}

function methodology(
  population: string,
  s: LocalityShares,
  w: LocalityWeights,
  rolesBy: RolesBy = "title",
  rolesSource?: string,
  costPerFte?: number
): string[] {
  const pct = (x: number) => `${formatNumber(x * 100, 2)}%`;
  const kind = deprivationKind(s.localities);
  const lines = [
    "How this was calculated",
    `Population share = the locality's ${population.replace(/^Population ?(.*)$/, "$1 population").trim()} ÷ all localities'. Deprivation share = its population × deprivation ${kind} ÷ the same for all. Demand share = its demand ÷ all demand. Equal share = 1 ÷ number of localities.`,
    kind === "rate"
      ? "Deprivation is read as a rate: every locality's figure is between 0 and 1 (e.g. IDACI 0.20), shown as a percentage."
      : "Deprivation is read as a score, not a rate: a locality's figure is above 1 (e.g. an IMD score of 21.4), shown as the score. The need index weights each locality's population by its score as given (population × score), so only the scores' proportions between localities count.",
    `Need index = ${pct(w.population)} × population share + ${pct(w.deprivation)} × deprivation share + ${pct(w.demand)} × demand share + ${pct(w.equal)} × equal share (weights as used, scaled to add up to 100%). The need indices add up to 1.`,
    `Share before rounding = ${formatNumber(s.total, DP)} FTE × need index. FTE allocated: the FTE are handed out in steps of ${formatNumber(s.unit, 10)} FTE. Each locality first gets its share before rounding, rounded down to a whole step; the steps left over then go one at a time to the localities that lost most in rounding down (on a tie, the larger need index, then the locality listed first). So the allocations add up exactly to the total, and none is more than one step from its share before rounding.`,
  ];
  if (s.cost) {
    lines.push("Cost = FTE allocated × average cost per FTE (salary plus on-costs), to the penny.");
    const gap = costRoundingGap(s.cost, s.total, costPerFte);
    if (gap) lines.push(gap);
  }
  if (s.roles) {
    lines.push(
      "By role: each locality's total is its allocation above; each role's total is its FTE. The cells are role FTE × locality total ÷ all FTE, rounded down, with the steps still owed going to the cells that lost most in rounding down, so that every row and column total comes out exact."
    );
  }
  if (s.roles && rolesSource !== undefined) {
    lines.push(
      `The roles and their FTE are the roles table's (${rolesSource}). A role's cost per FTE is its posts' cost in the year after the vacancy factor ÷ their FTE, the establishment's posts of that ${rolesBy === "role" ? "Role" : "title"}; a role no post has has no cost, and the cost by locality leaves it out.`
    );
  } else if (s.roles?.costByLocality) {
    lines.push(
      `The roles are the establishment's posts grouped by ${rolesBy === "role" ? "their Role column (a post with a blank Role by its title)" : "title"}. Each role's FTE here is the FTE shared out split across the roles in proportion to their FTE, in steps of ${formatNumber(s.unit, 10)} FTE (rounded as above), so the roles add up to it. A role's cost per FTE is its posts' cost in the year after the vacancy factor ÷ their FTE; a locality's cost by role is each role's FTE there × its cost per FTE, to the penny, added up.`
    );
  }
  lines.push("Totals are native Excel formulas over the figures above them.");
  return lines;
}

/** The warnings, then how the figures were worked out. */
function notesSection({ d, s, input }: SharesSheet): void {
  for (const w of s.warnings) d.row([text(w, "warning")]);
  if (s.warnings.length > 0) d.blank();
  const population = populationLabel(input.localities.populationHeading);
  methodology(
    population,
    s,
    s.need.weights,
    input.rolesBy,
    input.rolesSource,
    input.costPerFte
  ).forEach((line, i) => d.row([text(line, i === 0 ? "subtitle" : "note")]));
}

function summaryOf({ s }: SharesSheet, sheetName: string, table: PlacedTable): SheetSummary {
  const costTotal = table.totals.cost;
  return {
    key: "shares",
    sheetName,
    headline:
      `${formatNumber(s.total, DP)} FTE shared across ${s.localities.length} localities by need, in steps of ${formatNumber(s.unit, 10)} FTE; allocations add up exactly` +
      (costTotal !== undefined ? ` (${formatPounds(costTotal)} a year)` : ""),
    figures: [
      { label: "FTE shared out", value: s.total, format: "fte" },
      ...s.localities.map((l, i) => ({
        label: `${l.name}: FTE`,
        value: s.fte[i],
        format: "fte" as const,
      })),
      ...(costTotal !== undefined
        ? [{ label: "Cost (a year)", value: costTotal, format: "money" as const }]
        : []),
    ],
    warnings: s.warnings,
  };
}
