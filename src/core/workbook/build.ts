import { hasErrors, holdsText, quoteSheetName, toA1, topLeftOf, type Issue } from "../grid";
import type { Assumptions, Establishment, Localities, RolesTable } from "../model";
import { establishmentFte } from "../model";
import { SharesInputError } from "../shares";
import { assumptionsGrid, findScenario, readWorkbook, type WorkbookInputs } from "../read";
import { financialYearsWindow, sharedCosting, type EstablishmentCosting } from "../costing";
import { annualCostOf, uncostedIssues } from "../changes";
import { financialYearOf } from "../dates";
import type { Provenance, SheetBuild, SheetKey, SheetSpec } from "../report";
import { SHEET_KEYS } from "../report";
import {
  buildEstablishmentCostSheet,
  type EstablishmentCostCells,
} from "../report/establishment-cost";
import { buildGrantCostingSheet } from "../report/grant-costing";
import { buildRestructureSheet } from "../report/restructure";
import {
  buildLocalitySharesSheet,
  type LocalitySharesLive,
  type LocalitySharesSheetInput,
} from "../report/locality-shares";
import { costedTypedRoles, rolesOfPosts, type RolesBy } from "../report/locality-roles";
import { buildAssumptionsSheet } from "../report/assumptions-sheet";
import { SETTINGS_USED_HEADING, settingsUsedLines } from "../report/settings-used";
import { chartData } from "../report/charts";
import { printReady } from "../report/print";
import { buildScenariosSheet } from "../report/scenarios";
import { scenarioFigures } from "../report/scenario-figures";
import { constantIssues } from "../report/scenario-switch";
import {
  assumptionCellsOf,
  assumptionCellsRead,
  type AssumptionCells,
} from "../report/assumption-cells";
import type { LiveBook } from "../report/render";
import { withoutOutputSheets } from "./inputs";
import { establishmentTotalIssue } from "./shares-total";
import { zeroMeasureIssues } from "./shares-measures";
import type { BuildRequest, BuildResult, SheetSummary, WorkbookGrids } from "./types";

/** The calculated sheets in the order they are written. */
export const SHEET_ORDER: readonly SheetKey[] = SHEET_KEYS;

/** The sheets the workbook has data for, with the reason a missing one cannot be built. */
export function availableSheets(inputs: WorkbookInputs): Map<SheetKey, string | undefined> {
  const est = inputs.establishment;
  const noEstablishment = "no establishment table was found";
  return new Map<SheetKey, string | undefined>([
    ["cost", est ? undefined : noEstablishment],
    ["grant", est ? undefined : noEstablishment],
    [
      "changes",
      !est
        ? noEstablishment
        : inputs.restructure === undefined && est.columns.proposedFte === undefined
          ? "the establishment has no Proposed FTE column, and no second list (a proposed structure) was found"
          : undefined,
    ],
    [
      "shares",
      inputs.localities
        ? undefined
        : inputs.issues.some((i) => i.code === "localities-empty")
          ? "the localities table has no localities under its header"
          : inputs.issues.some((i) => i.code === "localities-transposed")
            ? "the localities table has the localities across the columns; lay it down the rows"
            : "no localities table was found",
    ],
    [
      "scenarios",
      !est
        ? noEstablishment
        : inputs.scenarios.length === 0
          ? "the Assumptions sheet has no scenario columns"
          : undefined,
    ],
    ["assumptions", undefined],
  ]);
}

const FIX_FOR: Record<SheetKey, string> = {
  cost: "add an establishment table with post, grade, salary and FTE columns",
  grant: "add an establishment table with post, grade, salary and FTE columns",
  changes:
    "add a column headed 'Proposed FTE' beside the current FTE, or put the proposed structure on its own sheet named e.g. 'Proposed structure' (or name both lists: --current and --proposed)",
  shares: "add a localities table: Locality, Population 0-19, IDACI rate, Referrals",
  scenarios:
    "add a column beside the Assumptions sheet's Value column, headed with the scenario's name, holding the settings it changes",
  assumptions: "",
};

/** An issue for a sheet the user asked for that the workbook has no data for. */
function unavailableIssue(key: SheetKey, reason: string, inputs: WorkbookInputs): Issue {
  const est = inputs.establishment;
  // A localities table laid across: the error points at it, not at the staff sheet.
  const across =
    key === "shares" ? inputs.issues.find((i) => i.code === "localities-transposed") : undefined;
  const at = across
    ? { sheet: across.sheet, address: across.address }
    : est
      ? { sheet: est.sheet, address: toA1({ row: est.headerRow, column: 0 }) }
      : undefined;
  return {
    severity: "error",
    code: `no-data-for-${key}`,
    sheet: at?.sheet ?? inputs.assumptionsSource.sheet,
    address: at?.address ?? "A1",
    message: `Cannot build the ${key} sheet: ${reason}`,
    fix: FIX_FOR[key],
  };
}

/**
 * Live figures follow the Scenarios sheet's "Scenario in use" switch when this build
 * writes it. Without it, a live build of a scenario would show the scenario's figures over
 * formulas giving the base's: refused; a live build of the base follows the Value column,
 * and says so when the workbook has scenarios.
 */
function liveSwitchIssues(
  request: BuildRequest,
  inputs: WorkbookInputs,
  switched: boolean
): Issue[] {
  if (request.mode !== "live" || switched || inputs.scenarios.length === 0) return [];
  const at = { sheet: inputs.assumptionsSource.sheet || "Assumptions", address: "A1" };
  if (request.scenario === undefined)
    return [
      {
        severity: "info",
        code: "scenario-switch-not-built",
        ...at,
        message:
          "The live sheets built follow the Assumptions sheet's Value column (the base), not the Scenarios sheet's \"Scenario in use\" cell: the Scenarios sheet is not in this build",
        fix: "build all sheets (the Scenarios sheet with them) for the live sheets to follow the switch",
      },
    ];
  return [
    {
      severity: "error",
      code: "scenario-live",
      ...at,
      message: `A live build of the scenario '${request.scenario}' sets the Scenarios sheet's "Scenario in use" cell, which the live sheets follow, so it needs the Scenarios sheet`,
      fix: "build the Scenarios sheet too (leave it out of --only), or build the scenario without --live",
    },
  ];
}

/**
 * The Scenarios sheet; live, with its "Scenario in use" switch set to the build's scenario
 * (scenario-switch.ts), its In use cells the ones every live sheet reads, and a warning at
 * each scenario cell the live sheets cannot follow.
 */
function scenariosSheet(
  inputs: WorkbookInputs,
  est: Establishment,
  workbook: WorkbookGrids,
  request: BuildRequest,
  shared: ReturnType<typeof sharedCosting>
) {
  const sheet = inputs.assumptionsSource.sheet;
  const grid = workbook.grids.find((g) => g.sheet === sheet && g.table === undefined);
  const chosen =
    request.scenario !== undefined ? findScenario(inputs.scenarios, request.scenario) : undefined;
  const live =
    request.mode === "live" && grid
      ? {
          grid,
          baseCells: inputs.baseAssumptionsSource.cells,
          scenarios: inputs.scenarios,
          chosen: chosen?.name,
        }
      : undefined;
  const input = {
    establishment: est,
    localities: inputs.localities,
    payScales: inputs.payScales,
    base: inputs.baseAssumptions,
    assumptionsSheet: sheet,
    scenarios: inputs.scenarios,
    generatedAt: request.generatedAt,
    version: request.version,
    live,
  };
  const built = buildScenariosSheet(input, scenarioFigures(input, shared));
  return { ...built, issues: live ? constantIssues(sheet, inputs.scenarios) : [] };
}

/** The FY the restructure is costed in: the one it takes effect in, else the first FY. */
function restructureYear(a: Assumptions): number {
  return a.implementationDate !== undefined ? financialYearOf(a.implementationDate) : a.firstYear;
}

/**
 * The Restructure sheet, and a warning at the cell to fill for each post it could not cost.
 * Two lists: the matched posts' cells are on two sheets, which the one-table definitions
 * cannot point at, so the comparison is values, and says so.
 */
function restructureSheet(
  inputs: WorkbookInputs,
  est: Establishment,
  a: Assumptions,
  provenance: Provenance,
  live:
    | { assumptionCells?: AssumptionCells; textCell: (sheet: string, address: string) => boolean }
    | undefined,
  assumptionsTyped?: AssumptionCells
) {
  const twoLists = inputs.restructure !== undefined;
  const year = restructureYear(a);
  const changes = buildRestructureSheet({
    establishment: inputs.restructure ?? est,
    assumptions: a,
    costOf: annualCostOf(a, inputs.payScales, year),
    ...provenance,
    // Its yearly costs take no vacancy factor off, so that setting is not one it used.
    settingsUsed: [
      SETTINGS_USED_HEADING,
      ...settingsUsedLines(a, assumptionsTyped, [year], {
        vacancy: false,
        switched: twoLists ? undefined : live?.assumptionCells?.switch,
      }),
    ],
    live: live && !twoLists ? { ...live, assumptions: a, payScales: inputs.payScales } : undefined,
  });
  if (live && twoLists)
    changes.summary = {
      ...changes.summary,
      warnings: [
        ...changes.summary.warnings,
        "The restructure compares two lists, so its figures are values, not live formulas: build again after changing either list",
      ],
    };
  return { ...changes, issues: uncostedIssues(inputs.restructure ?? est, changes.result) };
}

/** When and by what version the sheets were built, and the scenario's name as headed. */
function provenanceOf(request: BuildRequest, inputs: WorkbookInputs): Provenance {
  const chosen =
    request.scenario !== undefined ? findScenario(inputs.scenarios, request.scenario) : undefined;
  return {
    generatedAt: request.generatedAt,
    version: request.version,
    ...(chosen ? { scenario: chosen.name } : {}),
  };
}

/**
 * Reads the workbook, checks it, computes every requested sheet and returns them with
 * their summaries. Nothing is returned to write when any error-severity issue was found:
 * the adapters then write nothing.
 */
export function buildWorkbook(workbook: WorkbookGrids, request: BuildRequest): BuildResult {
  const inputs = readWorkbook(withoutOutputSheets(workbook, request.outputSheets ?? []), {
    establishment: request.establishment,
    current: request.current,
    proposed: request.proposed,
    mapping: request.mapping,
    localityMapping: request.localityMapping,
    defaultFirstYear: request.defaultFirstYear,
    ...(request.scenario !== undefined ? { scenario: request.scenario } : {}),
  });
  const issues = [...inputs.issues];
  const available = availableSheets(inputs);
  const wanted = request.only
    ? SHEET_ORDER.filter((k) => request.only?.includes(k))
    : SHEET_ORDER.filter((k) => available.get(k) === undefined);
  for (const key of wanted) {
    const reason = available.get(key);
    if (reason !== undefined) issues.push(unavailableIssue(key, reason, inputs));
  }
  if (hasErrors(issues)) return { ok: false, issues, sheets: [], summaries: [] };

  const a = inputs.assumptions;
  const provenance = provenanceOf(request, inputs);
  const built: Array<{ sheet: SheetSpec; summary: SheetSummary; live?: LiveBook }> = [];
  const textCell = textCellsOf(workbook.grids);
  // Live figures refer to the Assumptions sheet in the workbook, the one the user edits
  // (the doors keep it and do not write the copy); without one, to the copy this build writes.
  const assumptionsSheet = wanted.includes("assumptions")
    ? buildAssumptionsSheet(assumptionsGrid(a), provenance)
    : undefined;
  // One costing of the whole establishment for the first FY serves the cost sheet, the
  // average cost per FTE that goes with locality shares, and the Scenarios sheet's base.
  const shared = sharedCosting(inputs.payScales);
  // Built first: live, its In use cells are what every live sheet reads (the switch).
  const scenarios =
    wanted.includes("scenarios") && inputs.establishment
      ? scenariosSheet(inputs, inputs.establishment, workbook, request, shared)
      : undefined;
  const switchIssues = liveSwitchIssues(request, inputs, scenarios?.inUse !== undefined);
  issues.push(...switchIssues);
  if (hasErrors(switchIssues)) return { ok: false, issues, sheets: [], summaries: [] };
  const assumptionCells: AssumptionCells | undefined =
    scenarios?.inUse ??
    assumptionCellsRead(inputs.assumptionsSource, workbook.grids) ??
    (assumptionsSheet && assumptionCellsOf(assumptionsSheet.sheet));
  const live = request.mode === "live" ? { assumptionCells, textCell } : undefined;
  // The user's own cells, for the method blocks' "typed at … or default" of every setting.
  const assumptionsTyped = assumptionCellsRead(inputs.assumptionsSource, workbook.grids);
  const annualCosting = (est: Establishment): EstablishmentCosting =>
    shared.cost(est.posts, "all", a, financialYearsWindow(a.firstYear, 1));

  let costCells: EstablishmentCostCells | undefined;
  for (const key of wanted) {
    const est = inputs.establishment;
    if (key === "cost" && est) {
      const cost = buildEstablishmentCostSheet(
        {
          establishment: est,
          assumptions: a,
          payScales: inputs.payScales,
          ...provenance,
          live,
          assumptionsTyped,
        },
        annualCosting(est)
      );
      costCells = cost.cells;
      built.push(cost);
    } else if (key === "grant" && est) {
      const grant = buildGrantCostingSheet({
        establishment: est,
        assumptions: a,
        payScales: inputs.payScales,
        ...provenance,
        live,
        assumptionsTyped,
      });
      issues.push(...grant.issues);
      built.push(grant);
    } else if (key === "changes" && est) {
      const changes = restructureSheet(inputs, est, a, provenance, live, assumptionsTyped);
      issues.push(...changes.issues);
      built.push(changes);
    } else if (key === "shares" && inputs.localities) {
      const shares = localitySharesSheet(
        inputs.localities,
        est,
        a,
        provenance,
        annualCosting,
        live && { ...live, establishment: est, costCells },
        rolesWanted(request, est, inputs.roles)
      );
      // A share-out the figures cannot make is the user's to fix: an error, nothing written.
      if ("issue" in shares)
        return { ok: false, issues: [...issues, shares.issue], sheets: [], summaries: [] };
      issues.push(...shares.issues, ...rolesNote(request, est, inputs.roles));
      built.push(shares);
    } else if (key === "scenarios" && scenarios) {
      issues.push(...scenarios.issues);
      built.push(scenarios);
    } else if (key === "assumptions" && assumptionsSheet) {
      built.push(assumptionsSheet);
    }
  }
  if (request.mode === "live") finishLive(built);
  const sheets = built.map((b) => printReady(b.sheet, request.generatedAt));
  return {
    ok: true,
    issues,
    sheets,
    ...(provenance.scenario !== undefined ? { scenario: provenance.scenario } : {}),
    // The figures each chart draws, read from its finished sheet, for the task pane.
    summaries: built.map((b, i) => ({
      ...b.summary,
      charts: sheets[i].charts.map((c) => chartData(sheets[i], c)),
    })),
  };
}

/** How the roles are found: `--roles` forces the posts by title; else a roles table, else a Role column. */
export type RolesWanted = { by: RolesBy } | { table: RolesTable; by: RolesBy };

function rolesWanted(
  request: BuildRequest,
  est: Establishment | undefined,
  table: RolesTable | undefined
): RolesWanted | undefined {
  const byRole: RolesBy = est?.columns.role !== undefined ? "role" : "title";
  if (request.roles) return { by: "title" };
  if (table) return { table, by: byRole };
  return byRole === "role" ? { by: "role" } : undefined;
}

/** A roles × localities table the user did not ask for is said where its roles come from. */
function rolesNote(
  request: BuildRequest,
  est: Establishment | undefined,
  table: RolesTable | undefined
): Issue[] {
  if (request.roles) return [];
  const column = est?.columns.role;
  const note = (sheet: string, address: string, message: string, fix: string): Issue[] => [
    { severity: "info", code: "shares-by-role", sheet, address, message, fix },
  ];
  if (table)
    return note(
      table.sheet,
      table.fteHeader,
      `The roles table at ${quoteSheetName(table.sheet)}!${table.range} is shared across the localities on the Locality shares sheet (a roles × localities table, each role's FTE as typed), each locality's cost at the roles' own costs where posts have that role`,
      "nothing to do; --roles shares the establishment's posts grouped by title instead"
    );
  if (!est || column === undefined) return [];
  return note(
    est.sheet,
    toA1({ row: est.headerRow, column }),
    "The establishment has a Role column, so the Locality shares sheet also shares each role's FTE across the localities (a roles × localities table), each locality's cost at the roles' own costs",
    "nothing to do; a post with a blank Role is grouped by its title (--roles groups every post by its title instead)"
  );
}

/**
 * The Locality shares sheet, or the issue that stops it: the readers catch what a
 * workbook can get wrong, and anything the share-out still refuses (a SharesInputError)
 * becomes an error at the localities table, never an "unexpected error".
 */
export function localitySharesSheet(
  localities: Localities,
  est: Establishment | undefined,
  a: Assumptions,
  provenance: Provenance,
  annualCosting: (est: Establishment) => EstablishmentCosting,
  live?: LocalitySharesLive,
  roles?: RolesWanted
): (SheetBuild & { live?: LiveBook; issues: Issue[] }) | { issue: Issue } {
  const fte = est ? establishmentFte(est) : undefined;
  const costing = est ? annualCosting(est) : undefined;
  const costPerFte = costing && fte ? costing.netByYear[0] / fte : undefined;
  try {
    const built = buildLocalitySharesSheet({
      localities,
      assumptions: a,
      establishmentFte: fte,
      costPerFte,
      ...rolesInput(roles, costing),
      ...provenance,
      live,
    });
    const { rounded, total } = built.result;
    return {
      ...built,
      issues: [
        ...establishmentTotalIssue(est, rounded, total, a.allocationUnit),
        ...zeroMeasureIssues(localities, built.result.need.weights),
      ],
    };
  } catch (e) {
    if (!(e instanceof SharesInputError)) throw e;
    return {
      issue: {
        severity: "error",
        code: `shares-${e.code}`,
        sheet: localities.sheet,
        address: topLeftOf(localities.range),
        message: `The locality shares cannot be worked out: ${e.message}`,
        fix: "change the localities or the share-out settings on the assumptions sheet",
      },
    };
  }
}

/** The roles to share: typed (costed by the posts of each role), or the posts grouped. */
function rolesInput(
  roles: RolesWanted | undefined,
  costing: EstablishmentCosting | undefined
): Pick<LocalitySharesSheetInput, "roles" | "establishmentRoles" | "rolesBy" | "rolesSource"> {
  if (!roles) return {};
  const posts = costing ? rolesOfPosts(costing.posts, costing.vacancy.rate, roles.by) : undefined;
  if ("table" in roles) {
    const { table } = roles;
    return {
      roles: costedTypedRoles(table.roles, posts ?? []),
      rolesBy: roles.by,
      rolesSource: `${quoteSheetName(table.sheet)}!${table.range}`,
    };
  }
  return posts ? { establishmentRoles: posts, rolesBy: roles.by } : {};
}

/**
 * Live: computed cells also carry ESTAB formulas over the source cells. A builder says
 * what it made live, and why the rest stay values: every sheet defines its live figures as it
 * is built, so no pass has to find a column by its header. The summary says which cells
 * stay values.
 */
function finishLive(
  built: Array<{ sheet: SheetSpec; summary: SheetSummary; live?: LiveBook }>
): void {
  for (const b of built) {
    const liveCells = b.live?.liveCells ?? 0;
    const notLive = b.live?.notLive ?? [];
    if (b.sheet.key !== "assumptions" && notLive.length > 0)
      b.summary = {
        ...b.summary,
        warnings: [
          ...b.summary.warnings,
          `${liveCells} cells are live; ${notLive.length} stay values: ${notLive.slice(0, 3).join("; ")}${notLive.length > 3 ? "; …" : ""}`,
        ],
      };
  }
}

/**
 * Whether a source cell holds text, asked by every live figure of every post of every
 * sheet (a post's FTE cell some twenty times): each cell is looked up in the grids once.
 */
function textCellsOf(grids: WorkbookGrids["grids"]): (sheet: string, address: string) => boolean {
  const known = new Map<string, Map<string, boolean>>();
  return (sheet, address) => {
    let cells = known.get(sheet);
    if (!cells) known.set(sheet, (cells = new Map()));
    let holds = cells.get(address);
    if (holds === undefined) cells.set(address, (holds = holdsText(grids, sheet, address)));
    return holds;
  };
}
