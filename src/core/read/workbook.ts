import { quoteSheetName, topLeftOf, type Issue } from "../grid";
import type {
  Assumptions,
  AssumptionsSource,
  Establishment,
  Localities,
  PayScales,
  Post,
  RolesTable,
  PostField,
  Scenario,
} from "../model";
import type { WorkbookGrids } from "../workbook/types";
import {
  readAssumptions,
  type ReadAssumptionsOptions,
  type ReadAssumptionsResult,
} from "./assumptions";
import { checkUnitCount, inWholeUnits, SharesInputError } from "../shares";
import { issueAtAddress } from "./issues";
import { formatNumber, formatPounds } from "../money";
import { agencyWeekOf, hourlyAgencyRate } from "../changes/agency";
import { establishmentFte, fundingKey, grantPosts, hasFunding } from "../model";
import { editDistance } from "./text";
import type { ColumnMapping, TableCandidate } from "./detect";
import { readEstablishment, type ReadEstablishmentOptions } from "./establishment";
import type { FullTimeWeek } from "./fte-from-hours";
import { readStructures } from "./structures";
import { readLocalities } from "./localities";
import { readRoles, withoutTable } from "./roles";
import { personRows } from "./people";
import type { LocalityField } from "./schemas";
import { payScalesFirstYear, readPayScales } from "./pay-scales";
import { rowDefaults } from "./row-defaults";
import {
  awardsInBase,
  defaultsTaken,
  grantAmountMissing,
  localityDefaults,
  shapingDefaults,
} from "./assumption-defaults";
import { findScenario, scenarioSheetsNotRead } from "./scenarios";
import { agencyCostedAsEmployee, pensionSchemes, salaryNotCosted } from "./costed-as";

export interface ReadWorkbookOptions extends ReadAssumptionsOptions {
  /** Sheet or Excel Table name of the establishment, when not the best-scoring table. */
  establishment?: string;
  mapping?: ColumnMapping<PostField>;
  localityMapping?: ColumnMapping<LocalityField>;
  /** Sheet or Excel Table names of a restructure's two lists (found by their names when absent). */
  current?: string;
  proposed?: string;
  /** Build with this scenario's assumptions (a column of the Assumptions sheet) instead of the base. */
  scenario?: string;
}

export interface WorkbookInputs {
  establishment?: Establishment;
  /**
   * A restructure read from two lists (current and proposed structure): the matched
   * posts in the one-table form, for the Restructure sheet. The establishment is then the
   * current list, which the costing sheets cost.
   */
  restructure?: Establishment;
  establishmentCandidates: TableCandidate<PostField>[];
  assumptions: Assumptions;
  assumptionsSource: AssumptionsSource;
  localities?: Localities;
  /** Localities tables found, best first: the first is the one read (the task pane maps its columns). */
  localityCandidates: TableCandidate<LocalityField>[];
  /** A roles table the analyst typed (Role | FTE), read only beside a localities table. */
  roles?: RolesTable;
  payScales?: PayScales;
  /** The Assumptions sheet's scenarios, each over the base; the chosen one's are `assumptions`. */
  scenarios: Scenario[];
  /** The base assumptions when a scenario was chosen (else the same as `assumptions`). */
  baseAssumptions: Assumptions;
  /** Where the base's settings are: the Value column (`assumptionsSource` has a chosen scenario's cells). */
  baseAssumptionsSource: AssumptionsSource;
  /** Every issue from every reader, establishment first. */
  issues: Issue[];
}

/**
 * Reads everything a build needs, in the right order: pay scales first, so posts costed
 * by grade alone can be checked against them.
 */
export function readWorkbook(
  workbook: WorkbookGrids,
  options: ReadWorkbookOptions = {}
): WorkbookInputs {
  const pay = readPayScales(workbook);
  const assumptions = chosenScenario(readAssumptions(workbook, options), options.scenario);
  const localities = readLocalities(workbook, {
    weights: assumptions.assumptions.localityWeights,
    mapping: options.localityMapping,
  });
  // A roles table (Role | FTE) matters only beside localities, and is no post list.
  const roles = localities.localities
    ? readRoles(
        workbook,
        assumptions.assumptions.allocationUnit,
        assumptions.assumptions.allocationTotalFte
      )
    : { issues: [] };
  const posts = roles.chosen ? withoutTable(workbook, roles.chosen) : workbook;
  const est = readStructure(posts, options, pay.payScales, {
    fullTimeWeek: fullTimeWeek(assumptions),
    incrementRule: assumptions.assumptions.incrementRule,
  });
  const rolesFte = roles.roles?.roles.reduce((sum, r) => sum + r.fte, 0);
  const people = personRows(posts, est.establishment, assumptions.assumptions);
  // A person's number read as the Post ID: the person's warning says more at those cells.
  const estIssues = est.issues.filter(
    (i) => !(i.code === "duplicate-post-id" && people.replaced.has(i.address))
  );
  const inputs: WorkbookInputs = {
    establishmentCandidates: est.candidates,
    localityCandidates: localities.candidates,
    assumptions: assumptions.assumptions,
    assumptionsSource: assumptions.source,
    scenarios: assumptions.scenarios,
    baseAssumptions: assumptions.base,
    baseAssumptionsSource: assumptions.baseSource,
    issues: [
      ...sharesOnly(estIssues, options, assumptions, localities.localities, roles.roles),
      ...people.issues,
      ...tablesNotRead(est),
      ...assumptions.issues,
      ...pay.issues,
      ...(est.establishment ? payScalesFirstYear(pay, assumptions.assumptions.firstYear) : []),
      ...localities.issues,
      ...roles.issues,
      ...sharesIssues(est.establishment, assumptions, localities.localities),
      ...defaultsTaken(est.establishment, assumptions),
      ...rowDefaults(est.establishment, assumptions.assumptions, pay.payScales),
      // The costing's settings matter only when there are posts to cost.
      ...(est.establishment ? shapingDefaults(workbook.grids, assumptions) : []),
      ...grantAmountMissing(assumptions),
      ...(est.establishment ? awardsInBase(assumptions) : []),
      ...localityDefaults(
        workbook.grids,
        assumptions,
        localities.localities,
        rolesFte === undefined && est.establishment
          ? establishmentFte(est.establishment)
          : undefined
      ),
      ...grantMatch(est.establishment, assumptions),
      ...agencyRateNotes(est.establishment, assumptions.assumptions),
      ...agencyCostedAsEmployee(est.establishment, assumptions.assumptions, pay.payScales),
      ...pensionSchemes(
        posts.grids,
        est.establishment,
        assumptions.assumptions,
        assumptions.source
      ),
      ...salaryNotCosted(
        est.establishment,
        assumptions.assumptions,
        assumptions.source,
        pay.payScales
      ),
      ...scenarioSheetsNotRead(workbook.grids, {
        sheets: sheetsRead(assumptions.source.sheet, [
          est.candidates,
          localities.candidates,
          pay.candidates,
          roles.roles ? [roles.roles] : [],
        ]),
        assumptionsSheet: assumptions.found ? assumptions.source.sheet : undefined,
        scenarios: assumptions.scenarios,
      }),
    ],
  };
  if (est.establishment) inputs.establishment = est.establishment;
  if (est.restructure) inputs.restructure = est.restructure;
  if (localities.localities) inputs.localities = localities.localities;
  if (roles.roles) inputs.roles = roles.roles;
  if (pay.payScales) inputs.payScales = pay.payScales;
  return inputs;
}

/** The sheets (lower case) the settings were read from, and any table was found on. */
function sheetsRead(
  assumptionsSheet: string,
  found: ReadonlyArray<ReadonlyArray<{ sheet: string }>>
): Set<string> {
  const sheets = new Set(found.flatMap((tables) => tables.map((t) => t.sheet.toLowerCase())));
  if (assumptionsSheet !== "") sheets.add(assumptionsSheet.toLowerCase());
  return sheets;
}

/**
 * With no establishment table, a workbook whose localities and 'FTE to share out' are
 * there still makes the Locality shares sheet: "No establishment table found" becomes a
 * note that the other sheets are not made, and why. Without the FTE to share out, the
 * error stays, and says how to share out without an establishment.
 */
function sharesOnly(
  issues: Issue[],
  options: ReadWorkbookOptions,
  assumptions: ReadAssumptionsResult,
  localities: Localities | undefined,
  roles: RolesTable | undefined
): Issue[] {
  const notFound = issues.findIndex((i) => i.code === "table-not-found" && i.severity === "error");
  if (notFound < 0 || options.establishment !== undefined || !localities) return issues;
  const fte =
    assumptions.assumptions.allocationTotalFte ?? roles?.roles.reduce((s, r) => s + r.fte, 0);
  const out = [...issues];
  if (fte === undefined) {
    out[notFound] = {
      ...issues[notFound],
      fix: `${issues[notFound].fix}; or, to share FTE out to the localities without an establishment, type it as 'FTE to share out' on the Assumptions sheet`,
    };
    return out;
  }
  const typed = assumptions.assumptions.allocationTotalFte !== undefined;
  const cell = typed ? assumptions.source.cells.allocationTotalFte : undefined;
  out[notFound] = issueAtAddress(
    cell !== undefined ? assumptions.source.sheet : (roles?.sheet ?? localities.sheet),
    cell ?? roles?.fteHeader ?? topLeftOf(localities.range),
    "info",
    "localities-only",
    `No establishment table was found, so only the Locality shares sheet is made, sharing out the ${formatNumber(fte, 2)} FTE ${typed ? "typed as 'FTE to share out'" : "of the roles table"}; the Establishment Cost, Grant Costing and Restructure sheets need an establishment and are not made, and the shares carry no cost`,
    "nothing to do if the shares are all you need; for the other sheets add an establishment table (e.g. Position, Grade, Salary, FTE)"
  );
  return out;
}

/**
 * The establishment, or a restructure's two lists: the current and the proposed
 * structure when the user names them, or (with no establishment named) when their names
 * say so; otherwise the one establishment table.
 */
function readStructure(
  workbook: WorkbookGrids,
  options: ReadWorkbookOptions,
  payScales: PayScales | undefined,
  settings: Pick<ReadEstablishmentOptions, "fullTimeWeek" | "incrementRule">
): {
  establishment?: Establishment;
  restructure?: Establishment;
  candidates: TableCandidate<PostField>[];
  issues: Issue[];
} {
  const named = options.current !== undefined || options.proposed !== undefined;
  if (named || options.establishment === undefined) {
    const two = readStructures(workbook, {
      current: options.current,
      proposed: options.proposed,
      mapping: options.mapping,
      payScales,
      ...settings,
    });
    if (two && "current" in two)
      return {
        establishment: two.current,
        restructure: two.restructure,
        candidates: two.candidates,
        issues: two.issues,
      };
    if (two) return two;
  }
  return readEstablishment(workbook, {
    choice: options.establishment,
    mapping: options.mapping,
    payScales,
    ...settings,
  });
}

/** The full-time week set on the Assumptions sheet, and its cell. */
function fullTimeWeek(read: ReadAssumptionsResult): FullTimeWeek | undefined {
  const hours = read.assumptions.fullTimeHoursPerWeek;
  if (hours === undefined) return undefined;
  const address = read.source.cells.fullTimeHoursPerWeek;
  return { hours, sheet: read.source.sheet, ...(address ? { address } : {}) };
}

/**
 * Other tables that could be the establishment are not read, and which one is costed is
 * the reader's choice: said at each one left (up to five), so a second year's budget or a
 * second option is never dropped in silence.
 */
function tablesNotRead(read: ReturnType<typeof readStructure>): Issue[] {
  const est = read.establishment;
  if (!est) return [];
  const lists = read.restructure?.structures ?? est.structures;
  const used = [est, ...(lists ? [lists.current, lists.proposed] : [])];
  const where = (t: { sheet: string; range: string }) => `${quoteSheetName(t.sheet)}!${t.range}`;
  const isUsed = (c: TableCandidate<PostField>) =>
    used.some((u) => u.sheet === c.sheet && u.range === c.range);
  const costed = lists
    ? `the restructure compares ${where(lists.current)} with ${where(lists.proposed)}`
    : `the establishment costed is ${where(est)}`;
  const pick = (c: TableCandidate<PostField>) =>
    `pick it (the task pane's table list, or estab build --establishment ${JSON.stringify(c.table ?? c.sheet)})`;
  return read.candidates
    .filter((c) => !isUsed(c))
    .slice(0, 5)
    .map((c) =>
      !lists && partOfOne(c, est)
        ? issueAtAddress(
            c.sheet,
            topLeftOf(c.range),
            "warning",
            "establishment-part-not-read",
            `${where(c)} has the establishment's columns and ${rowsUnder(c)} under them, and is not costed: the figures are ${where(est)}'s only`,
            `if the sheets are parts of one establishment (a sheet per service), put their posts in one table with a Team or Service column: one table is costed; to cost this one instead, ${pick(c)}`
          )
        : issueAtAddress(
            c.sheet,
            topLeftOf(c.range),
            "info",
            "establishment-table-not-read",
            `${where(c)} could be the establishment too, but it is not read: ${costed}`,
            `nothing to do if that is the right one; to cost this one, ${pick(c)}`
          )
    );
}

const rowsUnder = (c: TableCandidate<PostField>) => {
  const n = c.lastIndex - c.headerIndex;
  return `${n} row${n === 1 ? "" : "s"}`;
};

/** A year, an option or a saving in a sheet's name: another budget or proposal, not another part. */
const ANOTHER_VERSION =
  /\b(?:19|20)\d{2}\b|\b\d{2}\s*[-/]\s*\d{2}\b|\b(?:option|scenario|proposal|proposed|draft|version|v\d|saving|deletion|cut)/i;

/**
 * A table on another sheet with the same columns as the one costed, neither sheet naming a
 * year or an option: most likely a sheet per service of one establishment, so leaving it
 * out changes the totals (a warning), where another year's budget is only a choice (a note).
 */
function partOfOne(c: TableCandidate<PostField>, est: Establishment): boolean {
  if (c.sheet === est.sheet || ANOTHER_VERSION.test(c.sheet) || ANOTHER_VERSION.test(est.sheet))
    return false;
  const fields = (cols: Partial<Record<PostField, number>>) => Object.keys(cols).sort().join(",");
  return fields(c.columns) === fields(est.columns);
}

/**
 * An agency rate quoted per day, week or year is made hourly with the assumptions' agency
 * week: said at each rate's cell, with the sum, so the user can check it.
 */
function agencyRateNotes(
  establishment: Establishment | undefined,
  assumptions: Assumptions
): Issue[] {
  if (!establishment) return [];
  const week = agencyWeekOf(assumptions);
  return establishment.posts.flatMap((post) => {
    const rate = post.agencyRate ? hourlyAgencyRate(post, week) : undefined;
    const at = post.agencyRate ? post.cells[post.agencyRate.field] : undefined;
    if (!rate?.conversion || at === undefined) return [];
    return [
      issueAtAddress(
        establishment.sheet,
        at,
        "info",
        "agency-rate-converted",
        `The agency rate for '${post.title}' is read as ${formatPounds(rate.hourly)} an hour: ${rate.conversion}`,
        "set 'Agency hours per week' and 'Agency days per week' on the Assumptions sheet if the agency's week differs"
      ),
    ];
  });
}

/**
 * The read with a chosen scenario's assumptions in place of the base's, its own cells over
 * the base's; an unknown name is an error at the Assumptions sheet naming those there are.
 */
function chosenScenario(
  read: ReadAssumptionsResult,
  name: string | undefined
): ReadAssumptionsResult & { base: Assumptions; baseSource: AssumptionsSource } {
  const base = read.assumptions;
  const baseSource = read.source;
  if (name === undefined) return { ...read, base, baseSource };
  const scenario = findScenario(read.scenarios, name);
  if (scenario)
    return {
      ...read,
      base,
      baseSource,
      assumptions: scenario.assumptions,
      source: { ...read.source, cells: { ...read.source.cells, ...scenario.changed } },
    };
  const there = read.scenarios.map((s) => `'${s.name}'`);
  const issue = issueAtAddress(
    read.source.sheet || "Assumptions",
    read.scenarios[0]?.header ?? "A1",
    "error",
    "scenario-unknown",
    `There is no scenario '${name}' on the Assumptions sheet: ${
      there.length ? `the scenarios are ${there.join(", ")}` : "it has no scenario columns"
    }`,
    there.length
      ? "choose one of those names, or add a column headed with this name beside the Value column"
      : "add a column headed with the scenario's name beside the Value column, holding the settings it changes"
  );
  return { ...read, base, baseSource, issues: [...read.issues, issue] };
}

/**
 * The grant's name against the posts' Funding: with a Funding column, a grant no post's
 * funding names costs no post, which must be said at the Grant name cell with the names
 * there are (a one-letter slip once costed a whole establishment against a grant, "571%
 * used"). With no Funding column every post is costed against the grant: a note says so.
 */
function grantMatch(
  establishment: Establishment | undefined,
  assumptions: ReadAssumptionsResult
): Issue[] {
  const name = assumptions.assumptions.grant.name?.trim();
  if (!establishment || !name) return [];
  const source = assumptions.source;
  const at = source.cells["grant.name"] ?? "A1";
  if (!hasFunding(establishment))
    return [
      issueAtAddress(
        source.sheet || establishment.sheet,
        at,
        "info",
        "grant-all-posts",
        `The establishment has no Funding column, so every post is costed against the grant '${name}'`,
        "add a Funding column naming the grant on the posts it pays for, if it pays for only some"
      ),
    ];
  const byFlag = establishment.columns.grantFunded !== undefined;
  if (grantPosts(establishment, name).length > 0)
    return byFlag ? [] : fundingNearMisses(establishment, name);
  const noPost = (message: string, fix: string) => [
    issueAtAddress(
      source.sheet || establishment.sheet,
      at,
      "warning",
      "grant-matches-no-post",
      message,
      fix
    ),
  ];
  if (byFlag)
    return noPost(
      `No post is marked Y in the Grant funded column, so the Grant Costing sheet costs no posts against the grant '${name}'`,
      "mark Y on the posts the grant pays for"
    );
  const sources = [...new Set(establishment.posts.map((p) => p.funding?.trim()).filter(Boolean))];
  const named = sources.length
    ? `the Funding column names ${sources
        .slice(0, 8)
        .map((f) => `'${f}'`)
        .join(", ")}${sources.length > 8 ? ` and ${sources.length - 8} more` : ""}`
    : "the Funding column is blank on every post";
  return noPost(
    `No post's Funding names the grant '${name}', so the Grant Costing sheet costs no posts: ${named}`,
    "type the grant's name as the Funding column has it, or name the grant on the posts it pays for"
  );
}

/** Keys that are the same grant typed a little differently: "and" left out, a word added, a slip. */
function looksLikeGrant(key: string, grant: string): boolean {
  const bare = (k: string) =>
    k
      .replace(/\b(?:and|the|of)\b/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  if (bare(key) === bare(grant)) return true;
  const padded = ` ${key} `;
  if (padded.includes(` ${grant} `)) return true;
  return grant.length >= 8 && editDistance(key, grant) <= 2;
}

/**
 * With some posts on the grant, Funding values that look like its name but are not it
 * ("Supporting Families Programme", "Supporting Familes") leave their posts off the grant:
 * a warning per value at its first cell, so a near miss is not a silent short commitment.
 */
function fundingNearMisses(establishment: Establishment, name: string): Issue[] {
  const grant = fundingKey(name);
  const byValue = new Map<string, Post[]>();
  const shares = new Map<string, Post[]>();
  // Each distinct Funding text is compared with the grant once, however many posts carry it.
  const near = new Map<string, boolean>();
  for (const p of establishment.posts) {
    const funding = p.funding?.trim();
    if (!funding) continue;
    const key = fundingKey(funding);
    const matched = key === grant;
    let looksLike = near.get(key);
    if (looksLike === undefined) near.set(key, (looksLike = looksLikeGrant(key, grant)));
    if (!matched && !looksLike) continue;
    // "Supporting Families (50%)": a share the costing cannot take, matched or not.
    const to = /%/.test(funding) ? shares : matched ? undefined : byValue;
    const same = to?.get(funding);
    if (same) same.push(p);
    else to?.set(funding, [p]);
  }
  return [
    ...[...byValue].map(([funding, posts]) => nearGrantIssue(establishment, name, funding, posts)),
    ...[...shares].map(([funding, posts]) =>
      fundingShareIssue(establishment, name, funding, posts)
    ),
  ];
}

const cellsOfFunding = (establishment: Establishment, posts: readonly Post[]) => {
  const cells = posts.map((p) => p.cells.funding).filter((c): c is string => c !== undefined);
  const first = cells[0] ?? topLeftOf(establishment.range);
  return { first, list: `${first}${cells.length > 1 ? ` and ${cells.length - 1} more` : ""}` };
};

/** A Funding naming a share of the grant: the costing charges a post all or nothing. */
function fundingShareIssue(
  establishment: Establishment,
  name: string,
  funding: string,
  posts: readonly Post[]
): Issue {
  const at = cellsOfFunding(establishment, posts);
  const charged =
    fundingKey(funding) === fundingKey(name)
      ? `is costed in full against the grant '${name}'`
      : `is not costed against the grant '${name}' at all`;
  return issueAtAddress(
    establishment.sheet,
    at.first,
    "warning",
    "funding-share",
    `Funding '${funding}' (${at.list}) names a share of a post, but a post is costed wholly against one funding: ${posts.length === 1 ? "this post" : `each of these ${posts.length} posts`} ${charged}`,
    `split the post into rows of its FTE per funding (e.g. 0.5 FTE '${name}' and 0.5 FTE the other), each with its own Funding`
  );
}

/** A Funding that looks like the grant but is not its name: its posts are left off the grant. */
function nearGrantIssue(
  establishment: Establishment,
  name: string,
  funding: string,
  posts: readonly Post[]
): Issue {
  const at = cellsOfFunding(establishment, posts);
  return issueAtAddress(
    establishment.sheet,
    at.first,
    "warning",
    "funding-near-grant",
    `Funding '${funding}' (${at.list}) looks like the grant '${name}' but is not its name, so ${posts.length === 1 ? "that post is" : `those ${posts.length} posts are`} not costed against the grant`,
    `if the grant pays for ${posts.length === 1 ? "it" : "them"}, type '${name}' as the Funding; if not, nothing to do`
  );
}

/**
 * Checks across tables for the locality shares, before any is worked out: weights that
 * are all 0% share nothing, and the FTE to share out must be a whole number of allocation
 * units, and not more units than a share-out counts. Each is an error at the setting's
 * cell (or the localities header when the setting is not on the sheet).
 */
function sharesIssues(
  establishment: Establishment | undefined,
  read: ReadAssumptionsResult,
  localities: Localities | undefined
): Issue[] {
  if (!localities) return [];
  const a = read.assumptions;
  const cells = read.source.cells;
  const at = (keys: string[], code: string, message: string, fix: string): Issue => {
    const cell = keys.map((k) => cells[k]).find((c) => c !== undefined);
    return cell !== undefined
      ? issueAtAddress(read.source.sheet, cell, "error", code, message, fix)
      : issueAtAddress(localities.sheet, topLeftOf(localities.range), "error", code, message, fix);
  };
  const issues: Issue[] = [];
  const w = a.localityWeights;
  if (w.population + w.deprivation + w.demand + w.equal <= 0)
    issues.push(
      at(
        WEIGHT_KEYS,
        "weights-all-zero",
        "The locality weights are all 0%, so there is nothing to share the FTE out by",
        "give at least one of population, deprivation, demand or equal share a weight, e.g. 50%"
      )
    );
  const fte = a.allocationTotalFte ?? establishment?.posts.reduce((sum, post) => sum + post.fte, 0);
  if (fte === undefined) return issues;
  try {
    checkUnitCount(fte / a.allocationUnit, `${fte} FTE in steps of ${a.allocationUnit}`);
  } catch (e) {
    if (!(e instanceof SharesInputError)) throw e;
    issues.push(
      at(
        a.allocationTotalFte === undefined
          ? ["allocationUnit"]
          : ["allocationTotalFte", "allocationUnit"],
        `shares-${e.code}`,
        e.message,
        "change 'FTE to share out' or 'Allocation unit (FTE)' on the assumptions sheet"
      )
    );
    return issues;
  }
  // A typed total in part units is shared to the nearest unit, said at its cell (the
  // establishment's own total is said at its TOTAL row by the build, which knows the sheet).
  const typed = a.allocationTotalFte;
  const total = typed === undefined ? undefined : inWholeUnits(typed, a.allocationUnit);
  if (typed !== undefined && total !== typed)
    issues.push({
      ...at(
        ["allocationTotalFte", "allocationUnit"],
        "shares-total-rounded",
        `The FTE to share out ${formatNumber(typed, 6)} FTE is not a whole number of ${formatNumber(a.allocationUnit, 10)} FTE units; ${formatNumber(total as number, 6)} FTE is shared out (the nearest whole number of units)`,
        `type a whole number of ${formatNumber(a.allocationUnit, 10)} FTE units to share out that, or change 'Allocation unit (FTE)'`
      ),
      severity: "warning",
    });
  return issues;
}

const WEIGHT_KEYS = [
  "localityWeights.population",
  "localityWeights.deprivation",
  "localityWeights.demand",
  "localityWeights.equal",
];
