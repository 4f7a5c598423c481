/**
 * The settings a costing used, each with where it came from: typed on the Assumptions sheet
 * (its cell) or a default (and which). Written in the sheets' "How this was calculated"
 * block, so a manager without the add-in can check every rate, in a built, live or shared
 * workbook alike: as text, never as an input that a live formula would not follow.
 */
import { financialYearLabel, type FinancialYear } from "../dates";
import { fromA1, quoteSheetName } from "../grid";
import { COSTING_POINT_WORDS, INCREMENT_RULE_WORDS, type Assumptions } from "../model";
import { formatPoundsInText, roundTo } from "../money";
import {
  APPRENTICESHIP_LEVY_RATE,
  NI_TABLE_FIRST_YEAR,
  NI_TABLE_LAST_YEAR,
  niRulesFor,
} from "../rules";
import type { AssumptionCells, ScenarioSwitchCell } from "./assumption-cells";
import { BASE_NAME, isNoFigureWord } from "../read";

const pct = (x: number): string => `${roundTo(x * 100, 2)}%`;

const MONTHS =
  "April May June July August September October November December January February March".split(
    " "
  );

/** Twelve monthly rates as words: "15%", or "15.05% April–October, 13.8% November–March". */
export function ratesInWords(rates: readonly number[]): string {
  const runs: { rate: number; from: number; to: number }[] = [];
  rates.forEach((rate, m) => {
    const last = runs[runs.length - 1];
    if (last && last.rate === rate) last.to = m;
    else runs.push({ rate, from: m, to: m });
  });
  if (runs.length === 1) return pct(runs[0].rate);
  return runs
    .map((r) => `${pct(r.rate)} ${MONTHS[r.from]}${r.to > r.from ? `–${MONTHS[r.to]}` : ""}`)
    .join(", ");
}

/**
 * Where one setting came from: the cell the user typed it in, or why the default was used
 * (blank, absent, or words that give no figure: "TBC", "statutory").
 */
type Origin = { typed: string } | { blank: string } | { words: string } | { absent: true };

function originOf(typedAt: AssumptionCells | undefined, key: string): Origin {
  const address = typedAt?.cells[key];
  if (!typedAt || !address) return { absent: true };
  const cell = `${quoteSheetName(typedAt.sheet)}!${address}`;
  const at = fromA1(address);
  const value = typedAt.valueAt(at.row, at.column);
  if (String(value).trim() === "") return { blank: cell };
  return isNoFigureWord(value)
    ? { words: `${cell} says '${String(value).trim()}'` }
    : { typed: cell };
}

/**
 * A default's reason: the cell is blank, the Assumptions sheet has no such row, or the
 * workbook has no Assumptions sheet.
 */
function whyDefault(typedAt: AssumptionCells | undefined, origin: Origin): string {
  if ("blank" in origin) return `${origin.blank} is blank`;
  if ("words" in origin) return origin.words;
  return typedAt
    ? "not on the Assumptions sheet"
    : "the workbook built from has no Assumptions sheet";
}

/** "typed at Assumptions!B6", or "default (Assumptions!B18 is blank)". */
function fromWords(typedAt: AssumptionCells | undefined, key: string): string {
  const origin = originOf(typedAt, key);
  return "typed" in origin
    ? `typed at ${origin.typed}`
    : `default (${whyDefault(typedAt, origin)})`;
}

/** A year's employer NI: the rate and threshold used, and where each came from. */
function niLine(a: Assumptions, typedAt: AssumptionCells | undefined, fy: FinancialYear): string {
  const rules = niRulesFor(fy, { rate: a.niRate, monthlyThreshold: a.niMonthlyThreshold });
  const label = financialYearLabel(fy);
  const statutory = (what: string) =>
    rules.source === "table"
      ? `the statutory ${label} ${what}`
      : rules.source === "carried-forward"
        ? `${financialYearLabel(NI_TABLE_LAST_YEAR)}'s statutory ${what} carried forward, ${label}'s not yet known`
        : `${financialYearLabel(NI_TABLE_FIRST_YEAR)}'s statutory ${what}, ${label} being before the built-in table`;
  const rate = originOf(typedAt, "niRate");
  const threshold = originOf(typedAt, "niMonthlyThreshold");
  const rateTyped = "typed" in rate && a.niRate !== undefined;
  const thresholdTyped = "typed" in threshold && a.niMonthlyThreshold !== undefined;
  const value = `${ratesInWords(rules.monthlyRates)} of each person's pay above ${formatPoundsInText(rules.monthlyThreshold)} a month`;
  const why = (o: Origin) => whyDefault(typedAt, o);
  const part = (o: Origin, typed: boolean, what: string): string =>
    "typed" in o && typed
      ? `${what} typed at ${o.typed}`
      : `${what} default: ${statutory(what)} (${why(o)})`;
  let from: string;
  if (rateTyped && thresholdTyped && "typed" in rate && "typed" in threshold)
    from = `typed: the rate at ${rate.typed}, the threshold at ${threshold.typed}`;
  else if (!rateTyped && !thresholdTyped) {
    const reasons = [...new Set([why(rate), why(threshold)])].join("; ");
    from = `default: ${statutory("rate and threshold")} (${reasons})`;
  } else from = `${part(rate, rateTyped, "rate")}; ${part(threshold, thresholdTyped, "threshold")}`;
  return `Employer NI ${label}: ${value} — ${from}.`;
}

/** A year's pay award in words: "3% from 1 April", "£1,290 or 2.5% if higher", "none". */
function awardWords(a: Assumptions, fy: FinancialYear): string {
  const award = a.payAwards.find((w) => w.year === fy);
  if (!award || (award.percent === 0 && !award.flatMinimum)) return "none";
  const minimum = award.flatMinimum
    ? `${formatPoundsInText(award.flatMinimum)} or ${pct(award.percent)}, whichever is higher`
    : pct(award.percent);
  return `${minimum}, from 1 April`;
}

/**
 * One line per setting the costing of `years` used: on-cost method, employer NI per year,
 * pension, levy, costing point, increments, pay award per year, and the vacancy factor
 * unless the sheet does not apply it (the restructure's yearly costs). `typedAt` is the
 * user's Assumptions sheet as read (undefined when the workbook has none).
 */
export function settingsUsedLines(
  a: Assumptions,
  typedAt: AssumptionCells | undefined,
  years: readonly FinancialYear[],
  { vacancy = true, switched }: { vacancy?: boolean; switched?: ScenarioSwitchCell } = {}
): string[] {
  const from = (key: string) => fromWords(typedAt, key);
  const lines: string[] = [];
  // The lines are text, fixed at the build; the live figures move with the switch.
  if (switched)
    lines.push(
      `These are the settings of ${switched.builtWith === BASE_NAME ? "the base (the Value column)" : `the scenario '${switched.builtWith}'`}, in use when the sheet was built. The figures follow the Scenarios sheet's Scenario in use cell (${switched.cell}): with another scenario in use they are costed on its settings (its Assumptions in use block), not on these.`
    );
  if (a.onCostMode === "flat")
    lines.push(
      `On-cost method: flat, ${pct(a.flatOnCostRate)} of salary in place of employer NI, pension and levy — ${from("onCostMode")}; the rate ${from("flatOnCostRate")}.`
    );
  else {
    lines.push(
      `On-cost method: statutory (employer NI, pension and levy worked out) — ${from("onCostMode")}.`
    );
    for (const fy of years) lines.push(niLine(a, typedAt, fy));
    lines.push(
      `Employer pension: ${pct(a.pensionRate)} of salary for a post with no rate of its own — ${from("pensionRate")}.`,
      a.apprenticeshipLevy
        ? `Apprenticeship levy: ${pct(APPRENTICESHIP_LEVY_RATE)} of salary, no allowance taken off (the £15,000 allowance is the whole employer's) — ${from("apprenticeshipLevy")}.`
        : `Apprenticeship levy: not charged — ${from("apprenticeshipLevy")}.`
    );
  }
  lines.push(
    `Costing point: ${a.costingPoint} (the ${COSTING_POINT_WORDS[a.costingPoint]}) — ${from("costingPoint")}.`,
    `Increment rule: ${a.incrementRule} (${INCREMENT_RULE_WORDS[a.incrementRule]}) — ${from("incrementRule")}.`
  );
  if (a.incrementRule === "april")
    lines.push(
      `Increment service months: ${a.incrementServiceMonths} — ${from("incrementServiceMonths")}.`
    );
  for (const fy of years) {
    const label = financialYearLabel(fy);
    // A minimum typed in its own row ("Pay award minimum 2026/27"); else it was in the award's cell.
    const minimum =
      "typed" in originOf(typedAt, `payAwardMinimum:${fy}`)
        ? `; the minimum ${from(`payAwardMinimum:${fy}`)}`
        : "";
    lines.push(`Pay award ${label}: ${awardWords(a, fy)} — ${from(`payAward:${fy}`)}${minimum}.`);
  }
  if (vacancy) lines.push(`Vacancy factor: ${pct(a.vacancyFactor)} — ${from("vacancyFactor")}.`);
  return lines;
}

/** The line above the settings used in a method block. */
export const SETTINGS_USED_HEADING =
  'Settings used: "typed at" names the cell of the Assumptions sheet of the workbook built from; "default" is what was used where that sheet says nothing.';
