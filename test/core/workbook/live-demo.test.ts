/**
 * The demo workbook built live, end to end in a real formula engine: its source sheets
 * and every calculated sheet with their live formulas go into one HyperFormula workbook
 * (ESTAB functions registered from the same table as Excel's). Every figure must come
 * out exactly as the shareable build writes it, and after editing the establishment and
 * the localities table, exactly as a shareable build of the edited workbook writes it:
 * the live sheets follow the user's edits with no rebuild.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HyperFormula } from "hyperformula";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { SheetSpec } from "../../../src/core/report";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { BuildRequest, WorkbookGrids } from "../../../src/core/workbook/types";
import { loadWorkbook, readWorkbookGrids } from "../../../src/xlsx";
import { compare, hfSheet, type Raw } from "../report/live-harness";
import { assumptionCellsOf } from "../../../src/core/report/assumption-cells";
import { REBUILD_NOTE } from "../../../src/core/report/assumptions-sheet";
import { matchSetting, readWorkbook } from "../../../src/core/read";
import { HF_CONFIG, registerEstab } from "../../functions/hyperformula-estab";

const DEMO = path.join(__dirname, "../../../examples/childrens-services.xlsx");
const REQUEST: Omit<BuildRequest, "mode"> = {
  generatedAt: "2025-06-01T09:00:00Z",
  version: "test",
};

let grids: WorkbookGrids;

beforeAll(async () => {
  grids = readWorkbookGrids(await loadWorkbook(readFileSync(DEMO)));
});

/**
 * A source cell as HyperFormula input: text stays text, as in Excel ("1.0" typed as text
 * is not read as a number; HyperFormula would parse it, as if the user had typed it).
 */
const hfValue = (v: CellValue): Raw =>
  v === "" ? null : typeof v === "string" ? `'${v}` : (v as Raw);

/** The sheets' used ranges (not the table views of them) as HyperFormula rows from A1. */
function sourceSheets(g: WorkbookGrids): Record<string, Raw[][]> {
  const out: Record<string, Raw[][]> = {};
  for (const grid of g.grids.filter((x) => x.table === undefined)) {
    const rows: Raw[][] = Array.from({ length: grid.origin.row }, () => []);
    for (const line of grid.values)
      rows.push([...Array.from({ length: grid.origin.column }, () => null), ...line.map(hfValue)]);
    out[grid.sheet] = rows;
  }
  return out;
}

/** The computed sheets (the Assumptions sheet has nothing to calculate, and its name is the source's). */
const computed = (sheets: SheetSpec[]) => sheets.filter((s) => s.key !== "assumptions");

function liveWorkbook(g: WorkbookGrids): { hf: HyperFormula; live: SheetSpec[] } {
  const built = buildWorkbook(g, { ...REQUEST, mode: "live" });
  expect(built.ok).toBe(true);
  const live = computed(built.sheets);
  const sheets = sourceSheets(g);
  // The live figures refer to the workbook's own Assumptions sheet, which the doors keep;
  // a workbook without one gets the copy the build writes.
  const ownAssumptions = readWorkbook(g).assumptionsSource.sheet !== "";
  for (const s of built.sheets)
    if (s.key !== "assumptions" || !ownAssumptions) sheets[s.name] = hfSheet(s, "live");
  registerEstab();
  // Grade points are array arithmetic inside ESTAB.PROFILE's argument, as Excel evaluates it.
  const hf = HyperFormula.buildFromSheets(sheets, { ...HF_CONFIG, useArrayArithmetic: true });
  return { hf, live };
}

function shareable(g: WorkbookGrids): SheetSpec[] {
  const built = buildWorkbook(g, { ...REQUEST, mode: "shareable" });
  expect(built.ok).toBe(true);
  return computed(built.sheets);
}

/** Sets one source cell (A1 address, 0-based here) in every grid that covers it: the sheet and its table. */
function edited(
  g: WorkbookGrids,
  sheet: string,
  row: number,
  col: number,
  v: CellValue
): WorkbookGrids {
  return {
    ...g,
    grids: g.grids.map((grid: Grid) => {
      const r = row - grid.origin.row;
      const c = col - grid.origin.column;
      if (grid.sheet !== sheet || r < 0 || c < 0 || r >= grid.values.length) return grid;
      if (c >= grid.values[r].length) return grid;
      const values = grid.values.map((line) => [...line]);
      values[r][c] = v;
      return { ...grid, values };
    }),
  };
}

/** Row and column (0-based) of the cell under `header` in the row whose column `keyHeader` is `key`. */
function cellOf(g: WorkbookGrids, sheet: string, keyHeader: string, key: string, header: string) {
  const grid = g.grids.find((x) => x.sheet === sheet && x.table === undefined) as Grid;
  const h = grid.values.findIndex((line) => line.includes(keyHeader) && line.includes(header));
  const keyCol = grid.values[h].indexOf(keyHeader);
  const col = grid.values[h].indexOf(header);
  const r = grid.values.findIndex((line, i) => i > h && line[keyCol] === key);
  expect(r).toBeGreaterThan(h);
  return { row: grid.origin.row + r, col: grid.origin.column + col };
}

describe("the demo workbook built live, in HyperFormula", () => {
  it("gives every figure of every calculated sheet exactly as the shareable build writes it", () => {
    const { hf, live } = liveWorkbook(grids);
    const want = shareable(grids);
    expect(live.map((s) => s.name)).toEqual(want.map((s) => s.name));
    for (const [i, spec] of want.entries()) {
      // The live Scenarios sheet adds the switch above its figures: live-switch.test.ts.
      if (spec.key === "scenarios") continue;
      const { got, want: expected } = compare(hf, live[i].name, spec);
      expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: expected });
    }
  });

  it("reads a grade minimum and maximum typed as text through ESTAB.SALARY, as the functions read salaries", () => {
    // BS001's grade is typed "£33,366" to "£35,235": arithmetic over the text would be #VALUE!.
    const { live } = liveWorkbook(grids);
    const cost = live.find((s) => s.key === "cost") as SheetSpec;
    const row = cost.cells.find((line) => line[1]?.kind === "text" && line[1].text === "BS001");
    const total = row?.[row.length - 1];
    expect(total && total.kind !== "text" && total.live).toContain(
      "ROUND((ESTAB.SALARY(Establishment!E33,1,0)+ESTAB.SALARY(Establishment!F33,1,0))/2,2)"
    );
  });

  it("takes the Locality shares' average cost per FTE from the Establishment Cost sheet", () => {
    const { live } = liveWorkbook(grids);
    const shares = live.find((s) => s.key === "shares") as SheetSpec;
    const row = shares.cells.findIndex(
      (line) => line[0]?.kind === "text" && line[0].text.startsWith("Average cost per FTE")
    );
    const cell = shares.cells[row][1];
    expect(cell && cell.kind !== "text" && cell.live).toBe(
      "='Establishment Cost'!M38/'Establishment Cost'!E36"
    );
  });

  it("with numbers typed as text, stays exact: live where they are ESTAB arguments, values with a reason elsewhere", () => {
    // FTE, proposed FTE, headcount and a population as a user might paste them: text.
    const typed: Array<[string, string, string, string, CellValue]> = [
      ["Establishment", "Post No", "EH003", "Current FTE", "1.0"],
      ["Establishment", "Post No", "SW004", "Proposed FTE", "2.5"],
      ["Establishment", "Post No", "CS002", "No of Staff", "1"],
      ["Localities", "Locality", "Riverside", "Population 0-19", "11,230"],
    ];
    let g = grids;
    for (const [sheet, keyHeader, key, header, value] of typed) {
      const at = cellOf(g, sheet, keyHeader, key, header);
      g = edited(g, sheet, at.row, at.col, value);
    }
    const { hf, live } = liveWorkbook(g);
    const want = shareable(g);
    for (const [i, spec] of want.entries()) {
      // The live Scenarios sheet adds the switch above its figures: live-switch.test.ts.
      if (spec.key === "scenarios") continue;
      const { got, want: expected } = compare(hf, live[i].name, spec);
      expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: expected });
    }
    const fte = cellOf(g, "Establishment", "Post No", "EH003", "Current FTE");
    const summaries = buildWorkbook(g, { ...REQUEST, mode: "live" }).summaries;
    const warnings = summaries.flatMap((s) => s.warnings).join("\n");
    expect(warnings).toContain(
      `Establishment!G${fte.row + 1} holds the FTE as text (read as 1): type it as a number to make this figure live`
    );
    // The cost itself stays live: ESTAB.POSTCOST reads "1.0" as the reader does.
    const cost = live.find((s) => s.key === "cost") as SheetSpec;
    const row = cost.cells.find((line) => line[1]?.kind === "text" && line[1].text === "EH003");
    const total = row?.[row.length - 1];
    expect(total && total.kind !== "text" && total.live).toContain(
      `,Establishment!G${fte.row + 1},"2025/26",`
    );
  });

  it("follows edits to the establishment and the localities as a rebuild would", () => {
    const { hf, live } = liveWorkbook(grids);
    const edits: Array<[string, string, string, string, CellValue]> = [
      // FTE now and proposed change; a grade's minimum rises; a locality's population grows.
      ["Establishment", "Post No", "EH003", "Current FTE", 1],
      ["Establishment", "Post No", "SW007", "Current FTE", 0.8],
      ["Establishment", "Post No", "SW004", "Proposed FTE", 2.5],
      ["Establishment", "Post No", "BS003", "Proposed FTE", 6.2],
      // A deleted management post kept at half time: management cost after follows.
      ["Establishment", "Post No", "CS003", "Proposed FTE", 0.5],
      ["Establishment", "Post No", "FS003", "Minimum Salary", 26000],
      // A grade minimum typed as text again, as the demo types BS001's.
      ["Establishment", "Post No", "BS001", "Minimum Salary", "£34,000"],
      ["Localities", "Locality", "Riverside", "Population 0-19", 13500],
    ];
    let g = grids;
    for (const [sheet, keyHeader, key, header, value] of edits) {
      const at = cellOf(g, sheet, keyHeader, key, header);
      g = edited(g, sheet, at.row, at.col, value);
      hf.setCellContents({ sheet: hf.getSheetId(sheet) as number, ...at }, hfValue(value));
    }
    const want = shareable(g);
    for (const [i, spec] of want.entries()) {
      // The live Scenarios sheet adds the switch above its figures: live-switch.test.ts.
      if (spec.key === "scenarios") continue;
      const { got, want: expected } = compare(hf, live[i].name, spec);
      expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: expected });
    }
  });

  /**
   * An assumption set on the source Assumptions sheet, for a fresh build: its value cell
   * when the sheet has the setting, else a row added under the others.
   */
  function withSetting(g: WorkbookGrids, label: string, value: CellValue): WorkbookGrids {
    const key = matchSetting(label)?.key;
    if (!g.grids.some((x) => x.sheet === "Assumptions")) {
      // No sheet of its own: the fresh build reads the copy it would write, edited.
      const copy = buildWorkbook(g, { ...REQUEST, mode: "shareable" }).sheets.find(
        (x) => x.key === "assumptions"
      ) as SheetSpec;
      const values = copy.cells.map((row) =>
        row.map((c) => (!c ? "" : c.kind === "text" ? c.text : c.value))
      ) as CellValue[][];
      const grid: Grid = { sheet: "Assumptions", origin: { row: 0, column: 0 }, values };
      return withSetting({ grids: [...g.grids, grid] }, label, value);
    }
    return {
      ...g,
      grids: g.grids.map((grid: Grid) => {
        if (grid.sheet !== "Assumptions") return grid;
        const values = grid.values.map((line) => [...line]);
        const r = values.findIndex(
          (line) => typeof line[0] === "string" && matchSetting(line[0])?.key === key
        );
        if (r >= 0) values[r][1] = value;
        else values.push([label, value]);
        return { ...grid, values };
      }),
    };
  }

  // Assumptions that change no sheet's shape, edited where the user edits them, as typed
  // there (text), with the sheets that use each.
  const COST = ["cost", "changes", "grant", "shares"];
  const ASSUMPTION_EDITS: Array<[string, string, string[]]> = [
    ["Employer pension rate", "21.5%", COST],
    ["Apprenticeship levy", "No", COST],
    ["Pay award 2026/27", "4%", ["grant"]],
    ["Pay award 2027/28", "£1,500 or 2%", ["grant"]],
    ["Vacancy factor", "5%", ["cost", "grant", "shares"]],
    ["Grant amount", "£1,700,000", ["grant"]],
    ["Agency weeks per year", "48", ["changes"]],
    ["FTE to share out", "30", ["shares"]],
    ["Allocation unit (FTE)", "0.1", ["shares"]],
    ["Weight: population", "60%", ["shares"]],
    // Weights adding up to 110%: scaled, as the core scales them.
    ["Weight: demand", "30%", ["shares"]],
  ];
  // The demo's Assumptions sheet has no NI rows: a workbook without one gets them on the copy.
  const NI_EDITS: Array<[string, string, string[]]> = [
    ["Employer NI rate", "14%", COST],
    ["NI monthly threshold", "£500", COST],
    ["Employer pension rate", "18%", COST],
  ];
  const withoutAssumptions = (g: WorkbookGrids): WorkbookGrids => ({
    grids: g.grids.filter((x) => x.sheet !== "Assumptions"),
  });

  /** Edits the setting's value cell in the engine: the workbook's own sheet, else the build's copy. */
  function editInEngine(g: WorkbookGrids, hf: HyperFormula, label: string, typed: string) {
    const key = matchSetting(label)?.key as string;
    const own = readWorkbook(g).assumptionsSource;
    const copy = buildWorkbook(g, { ...REQUEST, mode: "live" }).sheets.find(
      (x) => x.key === "assumptions"
    ) as SheetSpec;
    const [sheet, address] = own.sheet
      ? [own.sheet, own.cells[key]]
      : [copy.name, assumptionCellsOf(copy).cells[key]];
    expect(address).toBeDefined();
    const at = { row: Number(address?.slice(1)) - 1, col: (address as string).charCodeAt(0) - 65 };
    hf.setCellContents({ sheet: hf.getSheetId(sheet) as number, ...at }, `'${typed}`);
  }

  function followsEdit(g: WorkbookGrids, label: string, typed: string, sheets: string[]) {
    const { hf } = liveWorkbook(g);
    editInEngine(g, hf, label, typed);
    const following = (all: SheetSpec[]) => all.filter((x) => sheets.includes(x.key));
    const want = following(shareable(withSetting(g, label, typed)));
    const before = following(shareable(g));
    expect(want.map((x) => x.key).sort()).toEqual([...sheets].sort());
    let moved = 0;
    for (const [i, spec] of want.entries()) {
      const { got, want: expected } = compare(hf, spec.name, spec);
      expect({ sheet: spec.name, got }).toEqual({ sheet: spec.name, got: expected });
      const was = compare(hf, spec.name, before[i]).want;
      moved += expected.filter((w, k) => JSON.stringify(w) !== JSON.stringify(was[k])).length;
    }
    // The edit moved figures, so the check has teeth.
    expect(moved).toBeGreaterThan(0);
  }

  it.each(ASSUMPTION_EDITS)(
    "follows an edit of %s on the workbook's Assumptions sheet, as a fresh build with it",
    (label, typed, sheets) => followsEdit(grids, label, typed, sheets)
  );

  it.each(NI_EDITS)(
    "with no Assumptions sheet of its own, follows an edit of %s on the copy the build writes",
    (label, typed, sheets) => followsEdit(withoutAssumptions(grids), label, typed, sheets)
  );

  it("leaves Grant Costing's profiles values where the settings block would give other figures", () => {
    // A flat rate with no on-cost method: the functions read it as flat on-costs, the reader
    // keeps the statutory ones the sheet shows. Evaluating each formula's own inputs finds
    // the difference (the pass before it wrote formulas giving other figures in Excel).
    const g = withSetting(grids, "Flat on-cost rate", "30%");
    const { hf, live } = liveWorkbook(g);
    const want = shareable(g);
    const i = live.findIndex((s) => s.key === "grant");
    const { got, want: expected } = compare(hf, live[i].name, want[i]);
    expect(got).toEqual(expected);
    const profiles = live[i].cells
      .flat()
      .flatMap((c) =>
        c && c.kind !== "text" && c.live?.includes("ESTAB.PROFILE") ? [c.live] : []
      );
    // The salary is the same either way, so it stays live; every on-cost and total is a value.
    expect(profiles.length).toBeGreaterThan(0);
    expect(profiles.filter((f) => !f.includes(',"salary",'))).toEqual([]);
  });

  it("marks on the Assumptions sheet the settings a live sheet cannot follow, which need a build", () => {
    const notes = (mode: "live" | "shareable") => {
      const sheet = buildWorkbook(grids, { ...REQUEST, mode }).sheets.find(
        (x) => x.key === "assumptions"
      ) as SheetSpec;
      const noteOf = (label: string) => {
        const row = sheet.cells.find((line) => line[0]?.kind === "text" && line[0].text === label);
        return row?.[2]?.kind === "text" ? row[2].text : "";
      };
      return [
        "First financial year",
        "Number of years",
        "On-cost method",
        "Employer pension rate",
        "Vacancy factor",
      ].map((label) => noteOf(label).endsWith(REBUILD_NOTE));
    };
    expect(notes("live")).toEqual([true, true, true, false, false]);
    // The same in a shareable build: making a live workbook shareable gives exactly that build.
    expect(notes("shareable")).toEqual([true, true, true, false, false]);
  });
});
