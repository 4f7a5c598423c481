import { columnLetters, toA1, type Grid, type Issue } from "../grid";
import type { Localities, Locality, LocalityWeights } from "../model";
import type { WorkbookGrids } from "../workbook/types";
import type { TableCandidate } from "./detect";
import { aggregateRowIssue, findAggregateRows } from "./aggregate-rows";
import { issueAt, issueAtAddress } from "./issues";
import { locateTable, type TableChoice } from "./locate";
import { LOCALITIES_SCHEMA, type LocalityField } from "./schemas";
import { detectTables } from "./detect";
import { labelOf, readTable } from "./table";
import { describeValue, formatFigure } from "./text";
import { formatNumber } from "../money";

export interface ReadLocalitiesResult {
  /** Present when the workbook has a localities table. */
  localities?: Localities;
  candidates: TableCandidate<LocalityField>[];
  issues: Issue[];
}

const MEASURES = ["population", "deprivation", "demand"] as const;

export interface ReadLocalitiesOptions extends TableChoice<LocalityField> {
  /**
   * The need weights, when known: a missing column whose weight is 0% changes no share,
   * so it is information rather than a warning. (Population also feeds the
   * deprivation-weighted population, so it matters while either weight is above 0%.)
   */
  weights?: LocalityWeights;
}

/** Whether a measure's column feeds any share under these weights (unknown: assume it does). */
function measureUsed(field: (typeof MEASURES)[number], weights?: LocalityWeights): boolean {
  if (!weights) return true;
  if (field === "population") return weights.population > 0 || weights.deprivation > 0;
  return weights[field] > 0;
}

/**
 * Reads the localities table (Locality | Population 0-19 | IDACI | Referrals). It is
 * optional: a workbook without one gives no localities and no issues.
 */
export function readLocalities(
  workbook: WorkbookGrids,
  options: ReadLocalitiesOptions = {}
): ReadLocalitiesResult {
  const located = locateTable(workbook, LOCALITIES_SCHEMA, options, false);
  const { chosen, grid } = located;
  if (!chosen || !grid)
    return {
      candidates: located.candidates,
      issues: [...located.issues, ...transposedLocalities(workbook)],
    };
  const issues = [...located.issues];
  const read = readTable(grid, chosen, LOCALITIES_SCHEMA);
  issues.push(...read.issues);
  const headerColumn = (chosen.headers[0]?.column ?? grid.origin.column) - grid.origin.column;

  // A missing column reads as 0 for every locality: a warning while a weight uses it,
  // information when the weights leave it out (no share depends on it).
  for (const field of MEASURES) {
    if (chosen.columns[field] !== undefined) continue;
    const label = labelOf(LOCALITIES_SCHEMA, field);
    const used = measureUsed(field, options.weights);
    issues.push(
      issueAt(
        grid,
        chosen.headerIndex,
        headerColumn,
        used ? "warning" : "info",
        `${field}-column-missing`,
        `The localities table has no ${label} column, so ${label} is read as 0 everywhere${used ? "" : `; ${field === "population" ? "the population and deprivation weights are" : "its weight is"} 0%, so no share depends on it`}`,
        used
          ? `add a ${label} column, or set its weight to 0% in the assumptions`
          : `nothing to do; add a ${label} column before giving it a weight`
      )
    );
  }

  const localities: Locality[] = [];
  for (const row of read.rows) {
    const name = String(row.values.name ?? "");
    const locality: Locality = {
      sourceRow: row.sourceRow,
      name,
      population: 0,
      deprivation: 0,
      demand: 0,
      cells: row.cells,
    };
    let ok = true;
    for (const field of MEASURES) {
      const v = row.values[field];
      const column = chosen.columns[field];
      if (column === undefined) continue;
      const c = column - grid.origin.column;
      const label = headingOf(chosen, field);
      if (typeof v !== "number") {
        if (!row.unreadable[field])
          issues.push(
            issueAt(
              grid,
              row.index,
              c,
              "error",
              `${field}-missing`,
              `${label} is blank for ${describeValue(name)}`,
              "enter a figure (0 if there is none)"
            )
          );
        ok = false;
      } else locality[field] = v; // never negative: the reader refuses it at its cell
    }
    if (ok) localities.push(locality);
  }
  const shared = leaveOutAggregates(localities, chosen, issues);
  issues.push(...deprivationRank(shared, chosen, options.weights));
  issues.push(...demandRate(shared, chosen, options.weights));
  const deciles = fromDeciles(shared, chosen, issues);
  if (!deciles) warnMixedDeprivationScale(shared, grid, chosen.columns.deprivation, issues);
  // No locality to share to: a shares sheet would be nonsense, so there is none to build.
  if (shared.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push(
      issueAt(
        grid,
        chosen.headerIndex,
        headerColumn,
        "warning",
        "localities-empty",
        `The localities table at ${chosen.range} has a header row but no localities under it, so no locality shares are worked out`,
        "add one row per locality under the header, or delete the header row"
      )
    );
    return { candidates: located.candidates, issues };
  }

  const result: Localities = {
    sheet: chosen.sheet,
    range: chosen.range,
    localities: sumRowsOfALocality(shared, chosen, issues),
  };
  if (chosen.table !== undefined) result.table = chosen.table;
  if (deciles) result.deprivationFromDeciles = true;
  const population = chosen.headers.find((h) => h.column === chosen.columns.population)?.text;
  if (population !== undefined) result.populationHeading = population;
  return { localities: result, candidates: located.candidates, issues };
}

/**
 * Several rows of one locality (its wards, with the locality beside each) are one
 * locality: population and demand added up, deprivation the average weighted by
 * population (a plain average with no population), said at the first row. The sums have
 * no one cell, so a live sheet keeps that locality's figures as values. Rows with the
 * same figures look typed twice: a warning, as they are added up all the same.
 */
function sumRowsOfALocality(
  localities: readonly Locality[],
  chosen: TableCandidate<LocalityField>,
  issues: Issue[]
): Locality[] {
  const groups = new Map<string, Locality[]>();
  for (const l of localities) {
    const key = l.name.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()].map((rows) => {
    const [first] = rows;
    if (rows.length === 1) return first;
    const add = (f: "population" | "demand") => rows.reduce((t, l) => t + l[f], 0);
    const population = add("population");
    const deprivation =
      population > 0
        ? rows.reduce((t, l) => t + l.deprivation * l.population, 0) / population
        : rows.reduce((t, l) => t + l.deprivation, 0) / rows.length;
    const merged: Locality = {
      sourceRow: first.sourceRow,
      name: first.name,
      population,
      deprivation,
      demand: add("demand"),
      cells: first.cells.name ? { name: first.cells.name } : {},
      addedFrom: rows.map((l) => l.cells.name).filter((c): c is string => c !== undefined),
    };
    const same = rows.every((l) => MEASURES.every((f) => l[f] === first[f]));
    const cells = merged.addedFrom ?? [];
    const has = (f: (typeof MEASURES)[number]) => chosen.columns[f] !== undefined;
    const figure = (f: (typeof MEASURES)[number]) =>
      `${headingOf(chosen, f)} ${formatNumber(merged[f], 2)}`;
    const added = (["population", "demand"] as const).filter(has).map(figure);
    const averaged = has("deprivation")
      ? [`${figure("deprivation")}, the average${population > 0 ? " weighted by population" : ""}`]
      : [];
    issues.push(
      issueAtAddress(
        chosen.sheet,
        cells[0] ?? chosen.range,
        same ? "warning" : "info",
        "locality-rows-added",
        `Locality ${describeValue(first.name)} has ${rows.length} rows (${cells.join(", ")}), shared to as one locality: ${[...added, ...averaged].join(", ")}${same ? "; the rows' figures are the same, as if one row was typed twice" : ""}`,
        same
          ? "delete the row typed twice; if they are parts of the locality (wards), nothing to do"
          : "nothing to do if they are parts of the locality (wards); if they are different places, give each its own name"
      )
    );
    return merged;
  });
}

/**
 * A column's heading as the table has it ("Population 0-17"), for what is said of its
 * figures: the field's own label ("Population 0-19") would name an age range not there.
 */
function headingOf(chosen: TableCandidate<LocalityField>, field: LocalityField): string {
  const column = chosen.columns[field];
  const heading = chosen.headers.find((h) => h.column === column)?.text.trim();
  return heading || labelOf(LOCALITIES_SCHEMA, field);
}

/**
 * An unlabelled county or district row would be shared to as a locality of its own: the
 * localities without it, and a warning at each such row.
 */
function leaveOutAggregates(
  localities: Locality[],
  chosen: TableCandidate<LocalityField>,
  issues: Issue[]
): Locality[] {
  const { sheet, columns } = chosen;
  const additive = (["population", "demand"] as const).filter((f) => columns[f] !== undefined);
  const aggregates = findAggregateRows(localities, additive);
  const labels = additive.map((f) => headingOf(chosen, f));
  for (const a of aggregates) issues.push(aggregateRowIssue(sheet, localities, a, labels));
  const left = new Set(aggregates.map((a) => a.index));
  return localities.filter((_, i) => !left.has(i));
}

/**
 * A deprivation column of deciles ("IMD decile", 1 = the most deprived tenth nationally):
 * read as a score it would give the least deprived the most. Each becomes 11 − decile, said
 * at the heading; a figure that is not a whole decile 1–10 is an error at its cell. Not a
 * share of a population in some deciles ("% of children in IMD deciles 1-2"), a rate.
 */
function fromDeciles(
  localities: Locality[],
  chosen: TableCandidate<LocalityField>,
  issues: Issue[]
): boolean {
  const header = chosen.headers.find((h) => h.column === chosen.columns.deprivation);
  if (
    !header ||
    !/\bdecile\b/i.test(header.text) ||
    /%|per ?cent|proportion|share|\bin\b/i.test(header.text)
  )
    return false;
  for (const l of localities) {
    const d = l.deprivation;
    if (Number.isInteger(d) && d >= 1 && d <= 10) l.deprivation = 11 - d;
    else
      issues.push(
        issueAtAddress(
          chosen.sheet,
          l.cells.deprivation ?? header.address,
          "error",
          "decile-invalid",
          `${header.text} ${formatFigure(d)} for ${describeValue(l.name)} is not a decile (a whole number 1 to 10)`,
          "enter the decile, 1 for the most deprived tenth to 10 for the least"
        )
      );
  }
  issues.push(
    issueAtAddress(
      chosen.sheet,
      header.address,
      "info",
      "deprivation-deciles",
      `Column ${columnLetters(header.column)} '${header.text}' is read as deciles, 1 the most deprived tenth: each locality's deprivation is 11 − its decile, so decile 1 weighs 10 and decile 10 weighs 1`,
      "nothing to do if 1 is the most deprived (the national convention); if your deciles run the other way, give a deprivation score or rate instead"
    )
  );
  return true;
}

/**
 * A deprivation column of ranks ("IMD rank", 1 = the most deprived of 317 districts) is an
 * order, not a measure: read as a score it gives the least deprived the most, and a rank's
 * gaps say nothing of how much more deprived one place is, so no share can rest on it. An
 * error at the heading saying what to give instead; a note while the deprivation weight
 * is 0%, when no share depends on it.
 */
function deprivationRank(
  localities: readonly Locality[],
  chosen: TableCandidate<LocalityField>,
  weights: LocalityWeights | undefined
): Issue[] {
  const header = chosen.headers.find((h) => h.column === chosen.columns.deprivation);
  // "IMD decile" is read as deciles (fromDeciles), whatever else its heading says.
  if (!header || !/\brank(?:s|ed|ing)?\b/i.test(header.text) || /\bdeciles?\b/i.test(header.text))
    return [];
  const used = measureUsed("deprivation", weights);
  const byRank = [...localities].sort((a, b) => a.deprivation - b.deprivation);
  const most = byRank[0];
  const least = byRank[byRank.length - 1];
  const example =
    most && least && most.deprivation !== least.deprivation
      ? `: ${describeValue(least.name)} (rank ${formatFigure(least.deprivation)}) would weigh ${formatFigure(least.deprivation / most.deprivation)} times ${describeValue(most.name)} (rank ${formatFigure(most.deprivation)})`
      : "";
  return [
    issueAtAddress(
      chosen.sheet,
      header.address,
      used ? "error" : "info",
      "deprivation-rank",
      `Column ${columnLetters(header.column)} '${header.text}' holds ranks, not a measure of deprivation: read as a score, the least deprived place would weigh the most${example}${used ? ", so the locality shares are not worked out" : "; the deprivation weight is 0%, so no share depends on it"}`,
      used
        ? "give a measure instead: the IMD score (e.g. 25.3) or the IDACI rate (e.g. 0.20) from the English Indices of Deprivation, or the IMD decile (1 = the most deprived tenth, headed 'IMD decile'); or set the deprivation weight to 0%"
        : "nothing to do; give an IMD score, IDACI rate or decile before giving deprivation a weight"
    ),
  ];
}

/** "per 10,000", "per 1,000 children", "%", "per cent": the base a rate is of, when a heading gives one. */
function rateBase(heading: string): number | undefined {
  if (/%|\bper ?cent\b|\bpercentage\b/i.test(heading)) return 100;
  const m = /\bper\s+(\d[\d,]*|hundred|thousand)\b/i.exec(heading);
  if (!m) return undefined;
  const words: Record<string, number> = { hundred: 100, thousand: 1000 };
  return words[m[1].toLowerCase()] ?? Number(m[1].replace(/,/g, ""));
}

/**
 * A demand column of rates ("CIN rate per 10,000 children", "% referred") is read as it
 * is, as a count: demand shares go by the figures, so a rate gives a locality of 4,000
 * children as much as one of 16,000 at the same rate. It is not multiplied by the
 * Population column, whose population may not be the rate's (children under 18 against
 * 0–19): a warning at the heading says so and what the count would be; a note while the
 * demand weight is 0%, when no share depends on it.
 */
function demandRate(
  localities: readonly Locality[],
  chosen: TableCandidate<LocalityField>,
  weights: LocalityWeights | undefined
): Issue[] {
  const header = chosen.headers.find((h) => h.column === chosen.columns.demand);
  if (!header) return [];
  const base = rateBase(header.text);
  if (base === undefined && !/\brates?\b|\bproportion\b/i.test(header.text)) return [];
  const used = measureUsed("demand", weights);
  const first = localities[0];
  // Excel keeps 25% as 0.25: a percentage column of fractions is already the rate.
  const fractions = base === 100 && localities.every((l) => l.demand <= 1);
  const divisor = base === undefined ? undefined : fractions ? 1 : base;
  const example =
    divisor !== undefined && first && chosen.columns.population !== undefined
      ? ` (${describeValue(first.name)}: ${formatNumber(first.demand, 4)} × ${formatNumber(first.population)}${divisor === 1 ? "" : ` ÷ ${formatNumber(divisor)}`} = ${formatNumber((first.demand * first.population) / divisor, 0)})`
      : "";
  return [
    issueAtAddress(
      chosen.sheet,
      header.address,
      used ? "warning" : "info",
      "demand-rate",
      `Column ${columnLetters(header.column)} '${header.text}' looks like a rate, but demand is shared by counts: each locality's figure is read as a count${used ? ", so a locality with fewer children and the same rate gets the same demand share" : "; the demand weight is 0%, so no share depends on it"}`,
      used
        ? `give demand as a count (referrals, children in need): the rate × the population it is of${divisor !== undefined && divisor !== 1 ? ` ÷ ${formatNumber(divisor)}` : ""}${example}; or set the demand weight to 0%`
        : "nothing to do; give demand as a count before giving it a weight"
    ),
  ];
}

/** Rates (0.2) and scores (25.3) mixed in one column would skew the deprivation shares. */
function warnMixedDeprivationScale(
  localities: readonly Locality[],
  grid: Grid,
  column: number | undefined,
  issues: Issue[]
): void {
  if (column === undefined) return;
  const rates = localities.filter((l) => l.deprivation > 0 && l.deprivation <= 1);
  const scores = localities.filter((l) => l.deprivation > 1);
  if (rates.length === 0 || scores.length === 0) return;
  const odd = rates.length < scores.length ? rates[0] : scores[0];
  issues.push(
    issueAt(
      grid,
      odd.sourceRow - grid.origin.row,
      column - grid.origin.column,
      "warning",
      "deprivation-mixed-scale",
      `Deprivation mixes rates (0 to 1) and scores (above 1); ${describeValue(odd.name)} has ${formatFigure(odd.deprivation)}`,
      "use one measure for every locality, e.g. all IDACI rates like 0.2",
      odd.deprivation
    )
  );
}

const TRANSPOSED_ROWS = 60;
const TRANSPOSED_COLUMNS = 1000;

/** A grid turned on its side: rows become columns, so a table laid across reads as one laid down. */
function transposed(grid: Grid): Grid {
  // Measures go down a handful of rows and localities across at most a few hundred
  // columns: only the top-left corner is turned, so a 300,000-row staff list costs nothing.
  const rows = grid.values.slice(0, TRANSPOSED_ROWS);
  let width = 0;
  for (const row of rows) width = Math.max(width, Math.min(row.length, TRANSPOSED_COLUMNS));
  const values = Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? ""));
  return { ...grid, origin: { row: grid.origin.column, column: grid.origin.row }, values };
}

/**
 * A localities table laid across (localities along the columns, measures down the rows)
 * is not read: a warning at its Locality cell saying to lay it down the rows, so that a
 * build asking for the shares points there rather than at another sheet.
 */
export function transposedLocalities(workbook: WorkbookGrids): Issue[] {
  const grids = Array.isArray(workbook?.grids) ? workbook.grids : [];
  const found = detectTables({ grids: grids.map(transposed) }, LOCALITIES_SCHEMA)[0];
  if (!found) return [];
  // The transposed header row is a sheet column; its first header's column a sheet row.
  const key = found.columns.name ?? found.headers[0]?.column ?? 0;
  const address = toA1({ row: key, column: found.headerRow });
  return [
    {
      severity: "warning",
      code: "localities-transposed",
      sheet: found.sheet,
      address,
      message: `The localities table at ${address} has the localities across the columns and the figures down the rows, so it is not read and no locality shares are worked out`,
      fix: "lay the table down the rows: a header row (Locality, Population 0-19, IDACI, Referrals) and one row per locality under it (copy it, then Paste Special › Transpose)",
    },
  ];
}
