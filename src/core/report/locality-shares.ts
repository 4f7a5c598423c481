import { SHEET_NAMES } from "./sheet-names";
import { formatNumber, formatPounds, roundTo } from "../money";
import { columnLetters, quoteSheetName } from "../grid";
import type { Assumptions, Localities, Locality, LocalityWeights } from "../model";
import {
  allocateMatrixDetailed,
  allocateUnits,
  analyseNeed,
  costOfAllocation,
  fromUnits,
  SharesInputError,
  toUnits,
  type MatrixAllocation,
  type NeedAnalysis,
} from "../shares";
import type { SheetSummary } from "./summary";
import { formula, num, text, type SheetSpec } from "./sheet-spec";
import { createSheetDraft, type ColumnSpec } from "./table-layout";

export interface RoleToShare {
  name: string;
  fte: number;
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
  generatedAt: string;
  version: string;
  /** Sheet name wanted; "Locality shares" by default. */
  sheetName?: string;
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
  roles?: { roles: RoleToShare[]; allocation: MatrixAllocation };
  warnings: string[];
}

const DP = 6;

/** The FTE to share out, in whole units; see the methodology for the rounding rule. */
function totalToShare(input: LocalitySharesSheetInput, warnings: string[]): number {
  const unit = input.assumptions.allocationUnit;
  const roleSum = input.roles
    ? fromUnits(
        input.roles.reduce((s, r) => s + toUnits(r.fte, unit, `${r.name}'s FTE`), 0),
        unit
      )
    : undefined;
  const set = input.assumptions.allocationTotalFte;
  if (set !== undefined) {
    toUnits(set, unit, "The FTE to share out");
    if (roleSum !== undefined && roleSum !== set) {
      throw new SharesInputError(
        "roles-differ-from-total",
        `The roles add up to ${formatNumber(roleSum, DP)} FTE but the FTE to share out is ${formatNumber(set, DP)}; make them agree`
      );
    }
    return set;
  }
  if (roleSum !== undefined) return roleSum;
  if (input.establishmentFte === undefined) {
    throw new SharesInputError(
      "no-total",
      "There is no FTE to share out: set 'FTE to share out' in the assumptions"
    );
  }
  // The establishment's own total (192.43) is rarely whole units of 0.1 or 0.5: share the
  // nearest whole number of units and say so, rather than refuse the whole sheet.
  const units = Math.round(input.establishmentFte / unit);
  const total = fromUnits(units, unit);
  if (Math.abs(total - input.establishmentFte) > 1e-9) {
    warnings.push(
      `The establishment's ${formatNumber(input.establishmentFte, DP)} FTE is not a whole number of ${unit} FTE units; ${formatNumber(total, DP)} FTE was shared out. Set 'FTE to share out' to choose the figure.`
    );
  }
  return total;
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
  const total = totalToShare(input, warnings);
  const totalUnits = toUnits(total, unit);
  const { units } = allocateUnits(totalUnits, need.needIndex);
  const fte = units.map((u) => fromUnits(u, unit));
  const roles = input.roles
    ? {
        roles: [...input.roles],
        allocation: allocateMatrixDetailed(
          input.roles.map((r) => r.fte),
          need.needIndex,
          unit
        ),
      }
    : undefined;
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
    warnings,
  };
}

interface LocalityRow {
  locality: Locality;
  i: number;
}

function methodology(s: LocalityShares, w: LocalityWeights): string[] {
  const pct = (x: number) => `${formatNumber(x * 100, 2)}%`;
  const lines = [
    "How this was calculated",
    "Population share = the locality's 0–19 population ÷ all localities'. Deprivation share = its population × deprivation rate ÷ the same for all. Demand share = its demand ÷ all demand. Equal share = 1 ÷ number of localities.",
    `Need index = ${pct(w.population)} × population share + ${pct(w.deprivation)} × deprivation share + ${pct(w.demand)} × demand share + ${pct(w.equal)} × equal share (weights as used, scaled to add up to 100%). The need indices add up to 1.`,
    `Exact quota = ${formatNumber(s.total, DP)} FTE × need index. FTE allocated: largest remainder (Hamilton) in steps of ${formatNumber(s.unit, 10)} FTE: each locality gets its quota rounded down to a whole step, and the steps left go one each to the largest remainders; equal remainders go to the larger need index, then to the locality listed first. The allocations add up exactly to the total and none is more than one step from its quota.`,
  ];
  if (s.cost) {
    lines.push("Cost = FTE allocated × average cost per FTE (salary plus on-costs), to the penny.");
  }
  if (s.roles) {
    lines.push(
      "By role: each locality's total is its allocation above; each role's total is its FTE. The cells are role FTE × locality total ÷ all FTE, rounded down, with the steps still owed placed to the largest remainders so that every row and column total comes out exact (controlled rounding)."
    );
  }
  lines.push("Totals are native Excel formulas over the figures above them.");
  return lines;
}

/** The "Locality shares" sheet: inputs, each share, need index, FTE allocated and its cost. */
export function buildLocalitySharesSheet(input: LocalitySharesSheetInput): {
  sheet: SheetSpec;
  summary: SheetSummary;
  result: LocalityShares;
} {
  const s = localityShares(input);
  const name = input.sheetName ?? SHEET_NAMES.shares;
  const { need } = s;
  const d = createSheetDraft();

  d.row([text("Needs-led locality shares", "title")]);
  const src = input.localities;
  d.row([
    text(
      `Source: ${quoteSheetName(src.sheet)}!${src.range}${src.table ? ` (table ${src.table})` : ""} · Establishment Costing ${input.version} · ${input.generatedAt}`,
      "note"
    ),
  ]);
  d.blank();
  d.row([text("Settings", "subtitle")]);
  const totalRow = d.row([text("FTE to share out"), num(s.total, "fte", "input")]);
  const totalCell = d.address(totalRow, 1);
  const absolute = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  d.row([text("Allocation unit (FTE)"), num(s.unit, "fte", "input")]);
  let costCell: string | undefined;
  if (input.costPerFte !== undefined) {
    const costRow = d.row([
      text("Average cost per FTE (salary plus on-costs)"),
      num(input.costPerFte, "money", "input"),
    ]);
    costCell = d.address(costRow, 1);
  }
  d.blank();

  const measures: Array<{ label: string; key: keyof LocalityWeights }> = [
    { label: "Population 0–19", key: "population" },
    { label: "Deprivation-weighted population", key: "deprivation" },
    { label: "Demand", key: "demand" },
    { label: "Equal share", key: "equal" },
  ];
  const weightCols: ColumnSpec<(typeof measures)[number]>[] = [
    { key: "measure", header: "Measure", cell: (m) => m.label },
    {
      key: "given",
      header: "Weight given",
      format: "percent",
      totalDecimals: DP,
      cell: (m) => need.weightsGiven[m.key],
    },
    {
      key: "used",
      header: "Weight used",
      format: "percent",
      totalDecimals: DP,
      cell: (m) => need.weights[m.key],
    },
  ];
  d.table("ShareWeights", weightCols, measures);
  d.blank();

  const rows: LocalityRow[] = s.localities.map((locality, i) => ({ locality, i }));
  // The weighted population and the cost are native formulas over cells on their row, in
  // the order the core does the arithmetic, so they recalculate to exactly the value shown.
  // The need index and exact quota (unrounded, 17 significant digits) stay values here;
  // live mode gives them native formulas (see live/locality-shares.ts).
  const firstRow = d.nextRow() + 2; // A1 row number of the first locality
  const at = (key: string, r: LocalityRow) =>
    `${columnLetters(cols.findIndex((c) => c.key === key))}${firstRow + r.i}`;
  const cols: ColumnSpec<LocalityRow>[] = [
    { key: "name", header: "Locality", width: 20, cell: (r) => r.locality.name },
    {
      key: "population",
      header: "Population 0–19",
      format: "integer",
      totalDecimals: DP,
      cell: (r) => r.locality.population,
    },
    {
      key: "deprivation",
      header: "Deprivation rate",
      format: "percent",
      cell: (r) => r.locality.deprivation,
    },
    {
      key: "weighted",
      header: "Deprivation-weighted population",
      width: 16,
      format: "integer",
      totalDecimals: DP,
      cell: (r) =>
        formula(
          `=${at("population", r)}*${at("deprivation", r)}`,
          need.deprivationWeighted[r.i],
          "integer"
        ),
    },
    {
      key: "demand",
      header: "Demand",
      format: "integer",
      totalDecimals: DP,
      cell: (r) => r.locality.demand,
    },
    {
      key: "popShare",
      header: "Population share",
      format: "percent",
      totalDecimals: DP,
      cell: (r) => need.populationShare[r.i],
    },
    {
      key: "depShare",
      header: "Deprivation share",
      format: "percent",
      totalDecimals: DP,
      cell: (r) => need.deprivationShare[r.i],
    },
    {
      key: "demandShare",
      header: "Demand share",
      format: "percent",
      totalDecimals: DP,
      cell: (r) => need.demandShare[r.i],
    },
    {
      key: "equalShare",
      header: "Equal share",
      format: "percent",
      totalDecimals: DP,
      cell: (r) => need.equalShare[r.i],
    },
    {
      key: "need",
      header: "Need index",
      format: "percent",
      totalDecimals: DP,
      cell: (r) => need.needIndex[r.i],
    },
    {
      key: "quota",
      header: "Exact FTE quota",
      format: "fte",
      totalDecimals: DP,
      cell: (r) => s.quotas[r.i],
    },
    {
      key: "fte",
      header: "FTE allocated",
      format: "fte",
      totalDecimals: DP,
      cell: (r) => s.fte[r.i],
    },
  ];
  if (s.cost && costCell) {
    const cost = s.cost;
    const perFte = absolute(costCell);
    cols.push({
      key: "cost",
      header: "Cost (a year)",
      width: 14,
      format: "money",
      totalDecimals: 2,
      cell: (r) => formula(`=ROUND(${at("fte", r)}*${perFte},2)`, cost[r.i], "money"),
    });
  }
  const table = d.table("LocalityShares", cols, rows);
  const allocated = table.totalAddress.fte;
  const difference = roundTo(table.totals.fte - s.total, DP);
  d.row([
    text("Check: FTE allocated less FTE to share out"),
    formula(`=ROUND(${allocated}-${totalCell},${DP})`, difference, "fte", "total"),
  ]);
  d.row([
    text("Check"),
    formula(
      `=IF(ROUND(${allocated}-${totalCell},${DP})=0,"Adds up exactly","Does not add up")`,
      difference === 0 ? "Adds up exactly" : "Does not add up",
      undefined,
      "total"
    ),
  ]);
  d.blank();

  if (s.roles) {
    const { roles, allocation } = s.roles;
    d.row([text("FTE by role and locality", "subtitle")]);
    const n = s.localities.length;
    const first = d.nextRow() + 1; // zero-based sheet row of the first role
    const lastLocalityLetter = columnLetters(2 + n - 1); // localities from column C
    const roleCols: ColumnSpec<{ role: RoleToShare; i: number }>[] = [
      { key: "role", header: "Role", width: 20, cell: (r) => r.role.name },
      {
        key: "roleFte",
        header: "Role FTE",
        format: "fte",
        totalDecimals: DP,
        cell: (r) => r.role.fte,
      },
      ...s.localities.map((l, j): ColumnSpec<{ role: RoleToShare; i: number }> => ({
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
    const rt = d.table(
      "RoleLocalityFte",
      roleCols,
      roles.map((role, i) => ({ role, i }))
    );
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

  for (const w of s.warnings) d.row([text(w, "warning")]);
  if (s.warnings.length > 0) d.blank();
  methodology(s, need.weights).forEach((line, i) =>
    d.row([text(line, i === 0 ? "subtitle" : "note")])
  );

  const sheet = d.toSpec("shares", name, {
    freeze: { rows: table.headerRow + 1, columns: 1 },
    minWidths: [34],
  });
  const costTotal = table.totals.cost;
  const summary: SheetSummary = {
    key: "shares",
    sheetName: name,
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
  return { sheet, summary, result: s };
}
