/**
 * The optional `settings` argument of the costing functions: a two-column range of
 * setting name and value ("Levy | FALSE", "NI rate | 13.8%"). Functions read no hidden
 * state, so whatever changes a figure is on the sheet for a reader to see.
 */
import type { CostingPoint, IncrementRule, OnCostMode, PayAward } from "../core/model";
import { matchSetting, parsePayAward } from "../core/read";
import type { PlainSettings } from "../core/costing";
import type { Serial } from "../core/dates";
import {
  choiceArg,
  isBlank,
  isRange,
  numberArg,
  optionalBoolean,
  optionalDate,
  optionalRate,
  shown,
  withinLimit,
  type ArgValue,
  type CellInput,
} from "./args";
import { fail } from "./errors";
import { LIMITS } from "../core/read";

/** What a settings range sets: engine settings, and the grant's dates that clip the costing window. */
export interface FunctionSettings {
  costing: PlainSettings;
  grant: { start?: Serial; end?: Serial };
  /** "Pay award 2025/26" rows, when the range is (part of) an Assumptions sheet. */
  payAwards?: PayAward[];
}

type SettingReader = (value: CellInput, what: string, into: FunctionSettings) => void;

const COSTING_POINTS: readonly CostingPoint[] = ["bottom", "mid", "top", "actual"];
const INCREMENT_RULES: readonly IncrementRule[] = ["april", "anniversary", "none"];
const ON_COST_MODES: readonly OnCostMode[] = ["statutory", "flat"];

/** Setting names as users write them, each with the aliases seen on assumptions sheets. */
export const SETTINGS: ReadonlyArray<{ names: string[]; help: string; read: SettingReader }> = [
  {
    names: ["Levy", "Apprenticeship levy"],
    help: "TRUE (default) or FALSE: whether the employer pays the 0.5% apprenticeship levy.",
    read: (v, what, s) => {
      s.costing.apprenticeshipLevy = optionalBoolean(v, what) ?? true;
    },
  },
  {
    names: ["NI rate", "Employer NI rate"],
    help: "Employer NI rate for every month, overriding the statutory table (e.g. 15%).",
    read: (v, what, s) => {
      s.costing.niRate = optionalRate(v, what);
    },
  },
  {
    names: ["NI threshold", "NI monthly threshold", "Secondary threshold"],
    help: "Monthly secondary threshold per person, £, overriding the statutory table (e.g. 417).",
    read: (v, what, s) => {
      s.costing.niMonthlyThreshold = isBlank(v)
        ? undefined
        : numberArg(v, what, withinLimit(LIMITS.niMonthlyThreshold));
    },
  },
  {
    names: ["Pension rate", "Employer pension rate"],
    help: "Default employer pension rate where the function's pensionRate is blank.",
    read: (v, what, s) => {
      s.costing.pensionRate = optionalRate(v, what) ?? 0;
    },
  },
  {
    names: ["On-cost mode", "On-costs", "On-cost method"],
    help: '"statutory" (NI, pension and levy; default) or "flat" (one percentage of pay).',
    read: (v, what, s) => {
      s.costing.onCostMode = choiceArg(v, what, ON_COST_MODES, "statutory");
    },
  },
  {
    names: ["Flat on-cost rate", "Flat on-costs"],
    help: 'All on-costs as one percentage of pay; used when the on-cost mode is "flat".',
    read: (v, what, s) => {
      s.costing.flatOnCostRate = optionalRate(v, what) ?? 0;
    },
  },
  {
    names: ["Costing point"],
    help: '"actual" (default), "bottom", "mid" or "top" of the grade (with a points range).',
    read: (v, what, s) => {
      s.costing.costingPoint = choiceArg(v, what, COSTING_POINTS, "actual");
    },
  },
  {
    names: ["Increment rule", "Increments"],
    help: '"april" (default: each 1 April), "anniversary" (start-date anniversary) or "none".',
    read: (v, what, s) => {
      s.costing.incrementRule = choiceArg(v, what, INCREMENT_RULES, "april");
    },
  },
  {
    names: ["Increment service months", "Service months"],
    help: "Months of service needed on 1 April for the increment (default 6).",
    read: (v, what, s) => {
      s.costing.incrementServiceMonths = numberArg(
        v,
        what,
        withinLimit(LIMITS.incrementServiceMonths, { whole: true })
      );
    },
  },
  {
    names: ["Grant start", "Costing from"],
    help: "First day costed (e.g. a grant's start); the costing window starts no earlier.",
    read: (v, what, s) => {
      s.grant.start = optionalDate(v, what);
    },
  },
  {
    names: ["Grant end", "Costing to"],
    help: "Last day costed (e.g. a grant's end); the costing window stops there.",
    read: (v, what, s) => {
      s.grant.end = optionalDate(v, what);
    },
  },
];

const key = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const BY_NAME = new Map(SETTINGS.flatMap((s) => s.names.map((n) => [key(n), s] as const)));

/**
 * Settings from a name/value range. An unknown name is an error rather than ignored: a
 * misspelt "Levy" silently doing nothing would put a wrong figure in front of a reader.
 */
export function settingsArg(v: ArgValue, what = "settings"): FunctionSettings {
  const settings: FunctionSettings = { costing: {}, grant: {} };
  if (!isRange(v)) {
    if (isBlank(v)) return settings;
    return fail("invalidValue", `${what} must be a range of two columns: setting name and value`);
  }
  for (const [r, row] of v.entries()) {
    if (row.every(isBlank)) continue;
    if (row.length < 2) fail("invalidValue", `${what} must be two columns: setting name and value`);
    const name = String(row[0] ?? "").trim();
    const setting = BY_NAME.get(key(name));
    // The Assumptions sheet itself can be the range: its pay awards are read, and its
    // other settings (vacancy factor, weights …) are not the functions' business.
    if (!setting && assumptionRow(name, row[1], `${what} row ${r + 1}`, settings)) continue;
    if (!setting) {
      fail(
        "invalidValue",
        `${what} row ${r + 1}: "${shown(name)}" is not a setting; use ${SETTINGS.map((s) => `"${s.names[0]}"`).join(", ")}`
      );
    }
    setting.read(row[1], `${what} "${setting.names[0]}"`, settings);
  }
  // A flat rate given without a mode means the user wants flat on-costs.
  const c = settings.costing;
  if (c.flatOnCostRate !== undefined && c.onCostMode === undefined) c.onCostMode = "flat";
  const { start, end } = settings.grant;
  if (start !== undefined && end !== undefined && end < start)
    fail("invalidNumber", `${what}: the grant ends before it starts`);
  return settings;
}

/**
 * A row of the Assumptions sheet that is not a function setting: a pay award is kept (a
 * blank one is no award), any other setting the sheet knows is skipped; false for a name
 * the sheet does not know either, which stays an error.
 */
function assumptionRow(
  name: string,
  value: CellInput,
  where: string,
  into: FunctionSettings
): boolean {
  const matched = matchSetting(name);
  if (!matched) return false;
  if (!("yearSpec" in matched) || isBlank(value)) return true;
  const { yearSpec, year } = matched;
  const awards = (into.payAwards ??= []);
  const at = awards.find((w) => w.year === year);
  if (yearSpec.key === "payAward") {
    const award = parsePayAward(value as string | number);
    if (!award) fail("invalidValue", `${where}: "${String(value)}" is not a pay award, e.g. 3%`);
    if (at)
      Object.assign(
        at,
        { percent: award.percent },
        award.flatMinimum ? { flatMinimum: award.flatMinimum } : {}
      );
    else awards.push({ year, ...award });
  } else if (yearSpec.key === "payAwardMinimum") {
    const minimum = numberArg(value, `${where} minimum`, { min: 0 });
    if (at) at.flatMinimum = minimum;
    else awards.push({ year, percent: 0, flatMinimum: minimum });
  }
  return true;
}
