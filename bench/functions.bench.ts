/**
 * 10,000 post-cost cells evaluated in HyperFormula: once as =ESTAB.POSTCOST(...) and once
 * as the same cost written out in native formulas (salary, NI above the threshold,
 * pension, levy, each rounded to the penny), in the same run. Goal: ESTAB within 2× of
 * native. Measures a full build (parse + evaluate) and a recalculation of every cell
 * after one shared input changes. Output goes into docs/performance.md.
 */
import { HyperFormula } from "hyperformula";
import { measure, peakRssMb, ratioTable } from "./harness";
import { HF_CONFIG, registerEstab } from "../test/functions/hyperformula-estab";

const CELLS = 10_000;

type Raw = string | number | null;

/** Posts with varied pay, FTE, headcount and pension rate, as a real establishment has. */
function inputs(): Raw[][] {
  const rows: Raw[][] = [
    ["Salary", "FTE", "Headcount", "Pension", null, null, "2024/25", 0.138, 758, 0.005],
  ];
  for (let i = 0; i < CELLS; i++) {
    // Multiples of £20: salary × FTE is a whole number of £2, so no figure sits on a half
    // penny, where HyperFormula's ROUND (unlike Excel's and the core's) can go down.
    const salary = 18000 + 20 * ((i * 7919) % 2100);
    const fte = [1, 0.5, 0.8, 2, 1, 0.6][i % 6];
    const people = Math.max(1, Math.ceil(fte));
    rows.push([salary, fte, people, [0.19, 0.2, 0.215][i % 3]]);
  }
  return rows;
}

/** =ESTAB.POSTCOST(salary, fte, fy, headcount, , , pension) with the FY in $G$1. */
const estabFormula = (r: number): string => `=ESTAB.POSTCOST(A${r},B${r},$G$1,C${r},,,D${r})`;

/**
 * The same cost natively for a whole year at one NI rate: salary = ROUND(S×F,2);
 * NI = ROUND(12 × rate × MAX(0, S×F/12 − people × threshold),2); pension and levy on the
 * rounded salary; total = ROUND of the sum. Rate, threshold and levy in $H$1:$J$1.
 */
const nativeFormula = (r: number): string =>
  `=ROUND(ROUND(A${r}*B${r},2)+ROUND(12*$H$1*MAX(0,A${r}*B${r}/12-C${r}*$I$1),2)` +
  `+ROUND(ROUND(A${r}*B${r},2)*D${r},2)+ROUND(ROUND(A${r}*B${r},2)*$J$1,2),2)`;

function sheetWith(formulaOf: (r: number) => string): Raw[][] {
  const rows = inputs();
  for (let i = 1; i <= CELLS; i++) rows[i][4] = formulaOf(i + 1);
  return rows;
}

registerEstab();
const estabSheet = sheetWith(estabFormula);
const nativeSheet = sheetWith(nativeFormula);

function build(sheet: Raw[][]): HyperFormula {
  return HyperFormula.buildFromSheets({ Costs: sheet }, HF_CONFIG);
}

// Both give the same pounds (checked, not assumed) before anything is timed.
{
  const a = build(estabSheet);
  const b = build(nativeSheet);
  let differ = 0;
  for (let r = 1; r <= CELLS; r++) {
    const x = a.getCellValue({ sheet: 0, row: r, col: 4 });
    const y = b.getCellValue({ sheet: 0, row: r, col: 4 });
    if (x !== y && differ++ < 5)
      process.stdout.write(
        `row ${r + 1}: ${String(x)} vs ${String(y)} ${JSON.stringify(estabSheet[r].slice(0, 4))}\n`
      );
  }
  a.destroy();
  b.destroy();
  if (differ > 0)
    throw new Error(`${differ} of ${CELLS} cells differ between ESTAB and native formulas`);
}

const nativeBuild = measure("native formulas: build and evaluate 10,000 cells", () =>
  build(nativeSheet).destroy()
);
const estabBuild = measure("ESTAB.POSTCOST: build and evaluate 10,000 cells", () =>
  build(estabSheet).destroy()
);

/** Recalculation of every cell after the one shared input they all read changes. */
function recalc(sheet: Raw[][], cell: { col: number }, values: [Raw, Raw]): () => void {
  const hf = build(sheet);
  let flip = 0;
  return () => {
    flip = 1 - flip;
    hf.setCellContents({ sheet: 0, row: 0, col: cell.col }, values[flip]);
  };
}
const nativeRecalc = measure(
  "native formulas: recalculate all after an NI rate change",
  recalc(nativeSheet, { col: 7 }, [0.15, 0.138])
);
const estabRecalc = measure(
  "ESTAB.POSTCOST: recalculate all after a FY change",
  recalc(estabSheet, { col: 6 }, ["2025/26", "2024/25"])
);

process.stdout.write(
  `${ratioTable(nativeBuild, [estabBuild])}\n\n${ratioTable(nativeRecalc, [estabRecalc])}\n\n`
);
process.stdout.write(
  `ESTAB ÷ native: build ${(estabBuild.medianMs / nativeBuild.medianMs).toFixed(2)}×, ` +
    `recalculation ${(estabRecalc.medianMs / nativeRecalc.medianMs).toFixed(2)}× (goal: within 2×). ` +
    `Peak RSS ${peakRssMb()} MB. Node ${process.version}.\n`
);
