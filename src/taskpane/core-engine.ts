import { financialYearOf, formatUkDate, serialOf } from "../core/dates";
import type { FinancialYear } from "../core/dates";
import type { PostField, TableRef } from "../core/model";
import type { CellValue, Grid } from "../core/grid";
import { columnLetters, isBlank, positionIn, toA1 } from "../core/grid";
import {
  ESTABLISHMENT_SCHEMA,
  LOCALITIES_SCHEMA,
  SETTINGS,
  chooseCandidate,
  defaultAssumptions,
  defaultAssumptionsGrid,
  findAssumptionsBlock,
  matchSetting,
  parseMoney,
  parseNumber,
  parsePercent,
  readAssumptions,
  readWorkbook,
  type TableCandidate,
  type TableSchema,
  type ValueKind,
  type WorkbookInputs,
} from "../core/read";
import { newScenarioColumn } from "../core/read/scenarios";
import type { SheetSpec } from "../core/report";
import { buildAssumptionsSheet } from "../core/report/assumptions-sheet";
import { COST_SETTINGS } from "../core/report/assumption-cells";
import type { BuildRequest, BuildResult, WorkbookGrids } from "../core/workbook/types";
import { withoutOutputSheets } from "../core/workbook/inputs";
import { availableSheets } from "../core/workbook/build";
import type {
  AssumptionsView,
  ColumnChoice,
  DetectedTable,
  FieldMapping,
  PaneEngine,
  Setting,
  SettingGroup,
  SettingInput,
  SourceChoice,
  SourceView,
  TableColumns,
} from "./engine";
import { formatDayMonthYear, formatMoney } from "./format";

export type BuildWorkbook = (workbook: WorkbookGrids, request: BuildRequest) => BuildResult;

export interface CoreEngineOptions {
  /** The core's one build call (src/core/workbook/build.ts). */
  build: BuildWorkbook;
  /** Today, for the first financial year the defaults assume. */
  today: () => Date;
  /** For the provenance line of the sheets the engine makes. */
  version: string;
}

const SAMPLES = 3;
const ASSUMPTIONS_SHEET = "Assumptions";

/** How each setting is edited. Keys are the core's (read/assumptions.ts SETTINGS). */
const INPUTS: Record<string, SettingInput> = {
  firstYear: { type: "year" },
  years: { type: "number" },
  costingPoint: { type: "choice", options: ["bottom", "mid", "top", "actual"] },
  incrementRule: { type: "choice", options: ["april", "anniversary", "none"] },
  incrementServiceMonths: { type: "number" },
  gradeSteps: { type: "number" },
  onCostMode: { type: "choice", options: ["statutory", "flat"] },
  flatOnCostRate: { type: "percent" },
  niRate: { type: "percent" },
  niMonthlyThreshold: { type: "money" },
  pensionRate: { type: "percent" },
  apprenticeshipLevy: { type: "boolean" },
  vacancyFactor: { type: "percent" },
  "grant.name": { type: "text" },
  "grant.amount": { type: "money" },
  "grant.start": { type: "date" },
  "grant.end": { type: "date" },
  exitCostWeeks: { type: "number" },
  implementationDate: { type: "date" },
  managementGrades: { type: "text" },
  agencyWeeksPerYear: { type: "number" },
  agencyHoursPerWeek: { type: "number" },
  agencyDaysPerWeek: { type: "number" },
  "localityWeights.population": { type: "percent" },
  "localityWeights.deprivation": { type: "percent" },
  "localityWeights.demand": { type: "percent" },
  "localityWeights.equal": { type: "percent" },
  allocationUnit: { type: "number" },
  allocationTotalFte: { type: "number" },
  fullTimeHoursPerWeek: { type: "number" },
  // Per-year rows ("Pay award 2025/26"): the key before the colon.
  // A rate, or "£1,290 or 2.5%": what percent cannot read passes as text to the core.
  payAward: { type: "percent" },
  payAwardMinimum: { type: "money" },
  grant: { type: "money" },
};

/** Which group of the form each setting is in (per-year keys by the part before the colon). */
export const SETTING_GROUP_KEYS: Record<SettingGroup, readonly string[]> = {
  grant: ["grant.name", "grant.amount", "grant.start", "grant.end", "grant"],
  pay: [
    "firstYear",
    "years",
    "costingPoint",
    "incrementRule",
    "incrementServiceMonths",
    "gradeSteps",
    "fullTimeHoursPerWeek",
    "payAward",
    "payAwardMinimum",
    "vacancyFactor",
  ],
  // The one-year cost settings, as the live cost formulas pass them.
  onCosts: COST_SETTINGS,
  restructure: [
    "exitCostWeeks",
    "implementationDate",
    "managementGrades",
    "agencyWeeksPerYear",
    "agencyHoursPerWeek",
    "agencyDaysPerWeek",
  ],
  localities: [
    "localityWeights.population",
    "localityWeights.deprivation",
    "localityWeights.demand",
    "localityWeights.equal",
    "allocationUnit",
    "allocationTotalFte",
  ],
};

/** A setting the table does not know (a new one in the core) shows with pay, not lost. */
export function groupOf(key: string): SettingGroup {
  const base = key.split(":")[0];
  const found = (Object.keys(SETTING_GROUP_KEYS) as SettingGroup[]).find((g) =>
    SETTING_GROUP_KEYS[g].includes(base)
  );
  return found ?? "pay";
}

function inputFor(key: string): SettingInput {
  return INPUTS[key] ?? INPUTS[key.split(":")[0]] ?? { type: "text" };
}

const pct = (v: number) => `${Number((v * 100).toFixed(4))}%`;

/** A cell value as the form shows it: 0.195 in a rate is "19.5%", a date serial "01/09/2025". */
function displayOf(value: CellValue | undefined, input: SettingInput): string {
  if (value === undefined || isBlank(value)) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value.trim();
  switch (input.type) {
    case "percent":
      return pct(value);
    case "date":
      return formatUkDate(value);
    case "money":
      return formatMoney(value);
    default:
      return String(value);
  }
}

/** A sample cell as the user reads it: a date column's serials as dates ("1 Sep 2025"). */
function cellText(value: CellValue | undefined, kind: ValueKind): string {
  if (value === undefined || isBlank(value)) return "";
  if (typeof value === "number" && kind === "date") return formatDayMonthYear(value);
  if (typeof value === "number")
    return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(value);
  return String(value).trim();
}

function todaySerial(today: Date): number {
  return serialOf(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

/**
 * The PaneEngine over the real core: every rule (detection, mapping, validation, the
 * assumptions' meaning, the calculation) is the core's; this only shapes it for the pane.
 */
export function createCoreEngine({ build, today, version }: CoreEngineOptions): PaneEngine {
  const firstYear = (): FinancialYear => financialYearOf(todaySerial(today()));

  return {
    inputsOf(workbook: WorkbookGrids, owned: readonly string[]): WorkbookGrids {
      return withoutOutputSheets(workbook, owned);
    },

    inspectSource(workbook: WorkbookGrids, choice: SourceChoice): SourceView {
      const { mapping, localityMapping } = choice;
      const inputs = readWorkbook(workbook, {
        establishment: choice.establishment,
        current: choice.current,
        proposed: choice.proposed,
        mapping: Object.keys(mapping).length > 0 ? mapping : undefined,
        localityMapping: Object.keys(localityMapping).length > 0 ? localityMapping : undefined,
      });
      const candidates = inputs.establishmentCandidates;
      const structures = (inputs.restructure ?? inputs.establishment)?.structures;
      // With two lists the establishment costed is the current one.
      const chosen = chooseCandidate(
        candidates,
        structures ? (structures.current.table ?? structures.current.sheet) : choice.establishment
      );
      const view: SourceView = {
        establishments: uniqueById(candidates.map((c) => detected("establishment", c))),
        columns: {},
        unavailable: unavailableSheets(inputs),
        issues: inputs.issues,
      };
      const oneTable = uniqueById(
        candidates
          .filter((c) => c.columns.proposedFte !== undefined)
          .map((c) => detected("establishment", c))
      );
      if (oneTable.length > 0) view.oneTableRestructures = oneTable.map((t) => t.id);
      if (structures)
        view.restructure = {
          current: structureTable(candidates, structures.current),
          proposed: structureTable(candidates, structures.proposed),
        };
      const est = inputs.establishment;
      if (chosen) {
        view.establishment = detected("establishment", chosen, est?.posts.length);
        view.columns.establishment = columnsOf(workbook, chosen, ESTABLISHMENT_SCHEMA, mapping);
      }
      if (est) {
        const headcount = est.posts.some((p) => p.headcount !== undefined)
          ? est.posts.reduce((s, p) => s + (p.headcount ?? 0), 0)
          : undefined;
        view.totals = {
          posts: est.posts.length,
          fte: est.posts.reduce((s, p) => s + p.fte, 0),
          ...(headcount === undefined ? {} : { headcount }),
        };
      }
      // The reader reads the best-ranked localities table: the one shown, and remapped.
      const locality = chooseCandidate(inputs.localityCandidates);
      if (locality) {
        view.localities = detected(
          "localities",
          locality,
          inputs.localities?.localities.length ?? 0
        );
        view.columns.localities = columnsOf(workbook, locality, LOCALITIES_SCHEMA, localityMapping);
      }
      if (inputs.payScales) {
        const p = inputs.payScales;
        view.payScales = {
          kind: "payScales",
          id: p.sheet,
          sheet: p.sheet,
          range: "",
          rows: p.points.length,
        };
      }
      return view;
    },

    inspectAssumptions(workbook: WorkbookGrids): AssumptionsView {
      // The same default first year the build is given: the form shows what it will use.
      const read = readAssumptions(workbook, { defaultFirstYear: firstYear() });
      const defaults = defaultAssumptions(read.assumptions.firstYear);
      const block = read.found ? findAssumptionsBlock(workbook) : undefined;
      const settings: Setting[] = [];
      const seen = new Set<string>();
      if (block) {
        const { grid, start, labelColumn, valueColumn } = block;
        for (let r = start; r < grid.values.length; r++) {
          const label = grid.values[r]?.[labelColumn];
          if (typeof label !== "string" || isBlank(label)) continue;
          const matched = matchSetting(label);
          if (!matched || seen.has(matched.key)) continue;
          seen.add(matched.key);
          const input = inputFor(matched.key);
          const raw = grid.values[r]?.[valueColumn];
          const spec = "spec" in matched ? matched.spec : undefined;
          const fallback = spec ? displayOf(spec.cellOf(defaults), input) : "";
          const display = displayOf(raw, input);
          settings.push({
            key: matched.key,
            group: groupOf(matched.key),
            label: label.trim(),
            help: "spec" in matched ? matched.spec.note : matched.yearSpec.note,
            address: toA1(positionIn(grid, r, valueColumn)),
            display,
            placeholder: fallback,
            input,
            isDefault: display === "",
          });
        }
      }
      // Settings the sheet does not mention: their defaults apply (shown, not editable).
      for (const spec of SETTINGS) {
        if (seen.has(spec.key)) continue;
        const input = inputFor(spec.key);
        settings.push({
          key: spec.key,
          group: groupOf(spec.key),
          label: spec.label,
          help: spec.note,
          display: displayOf(spec.cellOf(defaults), input),
          input,
          isDefault: true,
        });
      }
      return {
        sheet: read.found ? read.source.sheet : undefined,
        settings,
        scenarios: read.scenarios.map((s) => s.name),
        issues: read.issues,
      };
    },

    defaultAssumptionsSheet(): SheetSpec {
      // The core's own assumptions sheet layout, the one the CLI writes too.
      return buildAssumptionsSheet(
        defaultAssumptionsGrid(firstYear()),
        { generatedAt: today().toISOString(), version },
        "Assumptions"
      ).sheet;
    },

    parseSetting(setting: Setting, input: string) {
      const text = input.trim();
      // Blank means "use the default", as on the sheet itself.
      if (text === "") return { value: "" };
      const value = cellValueFor(setting, text);
      if (value === undefined) return { error: `${setting.label} '${text}' cannot be read` };
      // The core is the judge: read the one setting as the sheet would hold it.
      const check = readAssumptions({
        grids: [
          {
            sheet: ASSUMPTIONS_SHEET,
            origin: { row: 0, column: 0 },
            values: [
              ["Setting", "Value"],
              [setting.label, value],
            ],
          },
        ],
      });
      const error = check.issues.find((i) => i.severity === "error");
      return error ? { error: `${error.message}: ${error.fix}` } : { value };
    },

    newScenario(workbook: WorkbookGrids, name: string) {
      const block = findAssumptionsBlock(workbook);
      if (!block) return { error: "There is no assumptions sheet to add a scenario to" };
      const placed = newScenarioColumn(block, name);
      return "refused" in placed
        ? { error: placed.reason }
        : { name: placed.name, address: placed.address, column: placed.letter };
    },

    build(workbook: WorkbookGrids, request: BuildRequest): BuildResult {
      return build(workbook, { defaultFirstYear: firstYear(), ...request });
    },
  };
}

/**
 * What the form writes, in the form the core's own default sheet uses: rates and dates as
 * text ("19.5%", "01/09/2025": unambiguous in any Excel locale, and the Excel adapter keeps
 * strings as text), counts and money as numbers. Undefined when it cannot be read at all.
 */
function cellValueFor(setting: Setting, text: string): CellValue | undefined {
  switch (setting.input.type) {
    case "percent": {
      const v = parsePercent(text);
      return v === undefined ? text : pct(v);
    }
    case "money":
      return parseMoney(text) ?? text;
    case "number":
      return parseNumber(text) ?? text;
    case "boolean":
      return /^(y|yes|true|on)$/i.test(text)
        ? "Yes"
        : /^(n|no|false|off)$/i.test(text)
          ? "No"
          : text;
    default:
      return text;
  }
}

function detected<F extends string>(
  kind: "establishment" | "localities",
  c: TableCandidate<F>,
  rows?: number
): DetectedTable {
  return {
    kind,
    id: c.table ?? c.sheet,
    sheet: c.sheet,
    table: c.table,
    range: c.range,
    rows: rows ?? Math.max(0, c.lastIndex - c.headerIndex),
  };
}

/** One of a restructure's two lists as the pane shows it: the table found there, else where it is. */
function structureTable(
  candidates: readonly TableCandidate<PostField>[],
  ref: TableRef
): DetectedTable {
  const c = chooseCandidate(candidates, ref.table ?? ref.sheet);
  if (c && c.sheet === ref.sheet) return detected("establishment", c);
  return { kind: "establishment", id: ref.table ?? ref.sheet, ...ref, rows: 0 };
}

/** The sheets the Build tab cannot offer, and why: the core's own rule (availableSheets). */
function unavailableSheets(inputs: WorkbookInputs): SourceView["unavailable"] {
  const out: SourceView["unavailable"] = {};
  for (const [key, reason] of availableSheets(inputs))
    if (key !== "assumptions" && reason !== undefined) out[key] = reason;
  return out;
}

function uniqueById(tables: DetectedTable[]): DetectedTable[] {
  const seen = new Set<string>();
  return tables.filter(
    (t) => !seen.has(t.id.toLowerCase()) && seen.add(t.id.toLowerCase()) !== undefined
  );
}

/**
 * How a table's columns are read, for the mapping editor: one mechanism for every table
 * the user can remap (the schema says which fields it has).
 */
function columnsOf<F extends string>(
  workbook: WorkbookGrids,
  c: TableCandidate<F>,
  schema: TableSchema<F>,
  overrides: ColumnChoice<F>
): TableColumns<F> {
  const grid = workbook.grids[c.gridIndex];
  return {
    headers: c.headers.map((h) => ({ column: columnLetters(h.column), header: h.text })),
    mapping: schema.fields.map((spec): FieldMapping<F> => {
      const column = c.columns[spec.field];
      return {
        field: spec.field,
        label: spec.label,
        description: spec.description,
        column: column === undefined ? undefined : columnLetters(column),
        samples: column === undefined ? [] : samplesOf(grid, c, column, spec.kind),
        overridden: overrides[spec.field] !== undefined,
      };
    }),
  };
}

/** The first few non-blank values under the header, as the sheet shows them. */
function samplesOf<F extends string>(
  grid: Grid,
  c: TableCandidate<F>,
  sheetColumn: number,
  kind: ValueKind
): string[] {
  const col = sheetColumn - grid.origin.column;
  const out: string[] = [];
  for (let r = c.headerIndex + 1; r <= c.lastIndex && out.length < SAMPLES; r++) {
    const text = cellText(grid.values[r]?.[col], kind);
    if (text !== "") out.push(text);
  }
  return out;
}
