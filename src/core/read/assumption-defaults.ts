/**
 * The settings that shape every figure, when an Assumptions sheet leaves them out (no row,
 * or a blank value): the build takes the default, and says which at the sheet, so a sheet
 * typed with only a pension rate does not cost the wrong years or grade point in silence.
 * With no Assumptions sheet at all, one note lists every default (`defaultsTaken`).
 */
import { columnLetters, fromA1, topLeftOf, type Grid, type Issue } from "../grid";
import { financialYearLabel } from "../dates";
import type { Assumptions, Establishment, Localities } from "../model";
import { COSTING_POINT_WORDS, INCREMENT_RULE_WORDS } from "../model";
import { formatNumber } from "../money";
import type { ReadAssumptionsResult } from "./assumptions";
import { issueAtAddress } from "./issues";

/** Each shaping setting: its key, its name on the sheet, and the default in words. */
const SHAPING: ReadonlyArray<[string, string, (a: Assumptions) => string | undefined]> = [
  ["firstYear", "First financial year", (a) => financialYearLabel(a.firstYear)],
  ["years", "Number of years", (a) => String(a.years)],
  ["costingPoint", "Costing point", (a) => COSTING_POINT_WORDS[a.costingPoint]],
  [
    "pensionRate",
    "Employer pension rate",
    (a) => (a.onCostMode === "flat" ? undefined : `${formatNumber(a.pensionRate * 100, 2)}%`),
  ],
  ["incrementRule", "Increment rule", (a) => INCREMENT_RULE_WORDS[a.incrementRule]],
];

/** Whether the sheet's value cell for a setting holds something. */
function given(grids: readonly Grid[], sheet: string, address: string | undefined): boolean {
  if (!address) return false;
  const { row, column } = fromA1(address);
  return grids.some((g) => {
    if (g.sheet !== sheet) return false;
    const v = g.values[row - g.origin.row]?.[column - g.origin.column];
    return v !== undefined && v !== null && String(v).trim() !== "";
  });
}

/**
 * Where the note goes: the name cell of the sheet's first setting (left of its value), or
 * with no setting read, the first cell of the sheet's grid.
 */
function noteCell(
  grids: readonly Grid[],
  sheet: string,
  values: ReadonlyArray<string | undefined>
): string {
  const at = values
    .filter((v): v is string => v !== undefined)
    .map((v) => fromA1(v))
    .sort((x, y) => x.row - y.row || x.column - y.column)[0];
  if (at) return `${columnLetters(Math.max(0, at.column - 1))}${at.row + 1}`;
  const origin = grids.find((g) => g.sheet === sheet)?.origin ?? { row: 0, column: 0 };
  return `${columnLetters(origin.column)}${origin.row + 1}`;
}

export function shapingDefaults(grids: readonly Grid[], read: ReadAssumptionsResult): Issue[] {
  if (!read.found) return [];
  const { sheet, cells } = read.source;
  // A years-across sheet's header gives the window (its own note says so).
  const fromHeader = read.windowFromHeader ? new Set(["firstYear", "years"]) : new Set();
  const taken = SHAPING.flatMap(([key, name, value]) => {
    const v = value(read.assumptions);
    return v === undefined || fromHeader.has(key) || given(grids, sheet, cells[key])
      ? []
      : [`${name} ${v}`];
  });
  if (taken.length === 0) return [];
  return [
    issueAtAddress(
      sheet,
      noteCell(grids, sheet, Object.values(cells)),
      "info",
      "assumptions-not-set",
      `The Assumptions sheet does not set ${taken.length === 1 ? "this setting" : "these settings"}, so the default is used: ${taken.join(", ")}`,
      "add the row (or type its value) to set it; 'estab init' writes a sheet listing every setting"
    ),
  ];
}

/**
 * A grant named with no amount: the Grant Costing sheet can show the commitment but no
 * headroom, which the sheet says; the note says it at the amount's cell (or the name's).
 */
export function grantAmountMissing(read: ReadAssumptionsResult): Issue[] {
  const { grant } = read.assumptions;
  const name = grant.name?.trim();
  if (!name || grant.amount !== undefined || Object.keys(grant.amountsByYear ?? {}).length > 0)
    return [];
  const { sheet, cells } = read.source;
  const at = cells["grant.amount"] ?? cells["grant.name"];
  if (!sheet || !at) return [];
  return [
    issueAtAddress(
      sheet,
      at,
      "info",
      "grant-amount-missing",
      `The grant '${name}' has no amount, so the Grant Costing sheet shows what the posts commit but no headroom against the grant`,
      "type the grant's amount (or one per year) to see the headroom"
    ),
  ];
}

/**
 * A pay award for the first financial year costed, or an earlier one, is taken to be in
 * the salaries already (they are costed as the first year's): typed, it changes nothing,
 * which must be said at its cell, or "Pay award 2026/27 3%" is left out in silence.
 */
export function awardsInBase(read: ReadAssumptionsResult): Issue[] {
  const { sheet, cells } = read.source;
  const a = read.assumptions;
  if (!sheet) return [];
  // An unreadable first year is its own error: no note may talk of the year used instead.
  const firstAt = read.source.cells.firstYear;
  if (read.issues.some((i) => i.severity === "error" && i.sheet === sheet && i.address === firstAt))
    return [];
  const first = financialYearLabel(a.firstYear);
  return a.payAwards.flatMap((award) => {
    const at = cells[`payAward:${award.year}`] ?? cells[`payAwardMinimum:${award.year}`];
    if (award.year > a.firstYear || !at) return [];
    const fy = financialYearLabel(award.year);
    return [
      issueAtAddress(
        sheet,
        at,
        "info",
        "pay-award-in-base",
        `The pay award for ${fy} is not applied: the costing starts in ${first}, and the salaries and pay scales are taken to be ${first}'s, with every award up to ${first} in them already`,
        `nothing to do if the salaries are ${first}'s; if they are an earlier year's, raise them by the award (or start the costing in the year they are for)`
      ),
    ];
  });
}

/**
 * The share-out's own defaults, with a localities table: no FTE to share out means the
 * establishment's FTE (rounded to whole units), no allocation unit means 0.1 FTE, and no
 * weights the documented ones. One note at the localities table says which were taken.
 */
export function localityDefaults(
  grids: readonly Grid[],
  read: ReadAssumptionsResult,
  localities: Localities | undefined,
  establishmentFte: number | undefined
): Issue[] {
  if (!localities) return [];
  const a = read.assumptions;
  const set = (key: string) =>
    read.found && given(grids, read.source.sheet, read.source.cells[key]);
  const taken: string[] = [];
  if (a.allocationTotalFte === undefined && establishmentFte !== undefined)
    taken.push(`FTE to share out: the establishment's ${formatNumber(establishmentFte, 6)} FTE`);
  if (!set("allocationUnit"))
    taken.push(`Allocation unit ${formatNumber(a.allocationUnit, 6)} FTE`);
  const weights = ["population", "deprivation", "demand"] as const;
  if (!weights.some((w) => set(`localityWeights.${w}`))) {
    const w = a.localityWeights;
    const pct = (x: number) => `${formatNumber(x * 100, 2)}%`;
    taken.push(
      `weights population ${pct(w.population)}, deprivation ${pct(w.deprivation)}, demand ${pct(w.demand)}`
    );
  }
  if (taken.length === 0) return [];
  return [
    issueAtAddress(
      localities.sheet,
      topLeftOf(localities.range),
      "info",
      "shares-defaults",
      `The locality shares use ${taken.length === 1 ? "a default" : "defaults"} the Assumptions sheet does not set: ${taken.join("; ")}`,
      "set 'FTE to share out', 'Allocation unit (FTE)' or the 'Weight:' rows on the Assumptions sheet to choose them"
    ),
  ];
}

/**
 * Defaults the figures rest on, each one note at the establishment's header: people taken
 * from FTE when there is no headcount column, and, with no Assumptions sheet, which
 * settings shape the figures and how to set them.
 */
export function defaultsTaken(
  establishment: Establishment | undefined,
  assumptions: ReadAssumptionsResult
): Issue[] {
  if (!establishment) return [];
  const corner = topLeftOf(establishment.range);
  const issues: Issue[] = [];
  // Employer NI is per person: with no headcount the people are a guess, so say which.
  if (
    establishment.columns.headcount === undefined &&
    assumptions.assumptions.onCostMode !== "flat"
  )
    issues.push(
      issueAtAddress(
        establishment.sheet,
        corner,
        "info",
        "headcount-column-missing",
        "The establishment has no headcount column, so each row's people are taken as its FTE rounded up (2.5 FTE as 3 people) for employer NI, which is worked out per person",
        "add a 'No of staff' (headcount) column if a row's FTE is shared by more people, or map one"
      )
    );
  if (assumptions.found) return issues;
  const a = assumptions.assumptions;
  const used = [
    `first financial year ${financialYearLabel(a.firstYear)} for ${a.years} years`,
    `posts costed at the ${COSTING_POINT_WORDS[a.costingPoint]}`,
    "no pay awards",
    `employer pension ${formatNumber(a.pensionRate * 100, 1)}%`,
    `employer NI by the tax year's rates${a.apprenticeshipLevy ? " and the apprenticeship levy" : ""}`,
    "no vacancy factor",
    "no grant",
  ];
  return [
    ...issues,
    issueAtAddress(
      establishment.sheet,
      corner,
      "info",
      "assumptions-defaults",
      `No Assumptions sheet was found, so the defaults were used: ${used.join(", ")}. To set them, add an Assumptions sheet: 'estab init' writes one with every setting, and the task pane's Assumptions tab creates it`,
      "nothing to do if the defaults are what you want"
    ),
  ];
}
