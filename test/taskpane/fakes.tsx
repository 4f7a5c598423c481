import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { fromA1, type CellValue, type Grid, type Issue } from "../../src/core/grid";
import type { PostField } from "../../src/core/model";
import type { LocalityField } from "../../src/core/read";
import type { SheetSpec } from "../../src/core/report";
import type { ShareableResult, WorkbookPort, WriteOutcome } from "../../src/core/workbook/port";
import type { BuildRequest, BuildResult, WorkbookGrids } from "../../src/core/workbook/types";
import { App, type AppProps } from "../../src/taskpane/App";
import type {
  AssumptionsView,
  FieldMapping,
  PaneEngine,
  Setting,
  SourceChoice,
  SourceView,
} from "../../src/taskpane/engine";
import { ServicesProvider, type PaneServices } from "../../src/taskpane/services";

/**
 * jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one. Without this a
 * pane test that shows a message bar passed or failed depending on which tests ran first.
 */
if (!("ResizeObserver" in globalThis)) {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** An in-memory workbook behind the port, recording every call the pane makes. */
export class FakePort implements WorkbookPort {
  grids: Grid[];
  owned: string[];
  calls: {
    writeSheets: SheetSpec[][];
    writeModes: Array<string | undefined>;
    updateOwnedCells: Array<{
      sheet: string;
      updates: Array<{ address: string; value: CellValue }>;
    }>;
    selectCell: Array<[string, string]>;
    makeShareable: string[];
    read: number;
  } = {
    writeSheets: [],
    writeModes: [],
    updateOwnedCells: [],
    selectCell: [],
    makeShareable: [],
    read: 0,
  };
  failWrite?: Error;
  /** Sheets whose conversion fails, with the error given. */
  failShareable = new Map<string, Error>();
  /** Each owned sheet's mark: the mode it was last written in. */
  modes = new Map<string, string>();

  constructor(grids: Grid[], owned: string[] = []) {
    this.grids = grids;
    this.owned = owned;
  }
  async read(): Promise<WorkbookGrids> {
    this.calls.read++;
    return { grids: this.grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) })) };
  }
  async writeSheets(specs: SheetSpec[], options?: { mode?: string }): Promise<WriteOutcome> {
    this.calls.writeSheets.push(specs);
    this.calls.writeModes.push(options?.mode);
    if (this.failWrite) throw this.failWrite;
    for (const s of specs) {
      this.grids = this.grids.filter((g) => g.sheet !== s.name);
      this.grids.push({
        sheet: s.name,
        origin: { row: 0, column: 0 },
        values: [["Setting", "Value"]],
      });
      if (!this.owned.includes(s.name)) this.owned.push(s.name);
      this.modes.set(s.name, options?.mode ?? "shareable");
    }
    return { sheets: specs.map((s) => ({ key: s.key, requested: s.name, name: s.name })) };
  }
  async updateOwnedCells(
    sheet: string,
    updates: Array<{ address: string; value: CellValue }>
  ): Promise<void> {
    if (!this.owned.includes(sheet)) throw new Error(`${sheet} is not the add-in's`);
    this.calls.updateOwnedCells.push({ sheet, updates });
    const grid = this.grids.find((g) => g.sheet === sheet);
    for (const u of updates) grid?.values.push([u.address, u.value]);
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    this.calls.selectCell.push([sheet, address]);
  }
  async ownedSheets(): Promise<string[]> {
    return [...this.owned];
  }
  async makeShareable(sheet: string): Promise<ShareableResult> {
    this.calls.makeShareable.push(sheet);
    const failure = this.failShareable.get(sheet);
    if (failure) throw failure;
    if (!this.owned.includes(sheet)) throw new Error(`${sheet} is not the add-in's`);
    this.modes.set(sheet, "shareable");
    return { converted: 3 };
  }
  /** Set to undefined for a port that cannot tell live sheets from shareable ones. */
  liveSheets?: () => Promise<string[]> = async () =>
    this.owned.filter((s) => s !== "Assumptions" && this.modes.get(s) === "live");
}

/**
 * A FakePort whose cell updates land in the sheet's grid at their addresses, as Excel's
 * do: for the pane over the real engine, which reads the sheet back as a grid.
 */
export class CellsPort extends FakePort {
  override async updateOwnedCells(
    sheet: string,
    updates: Array<{ address: string; value: CellValue }>
  ): Promise<void> {
    if (!this.owned.includes(sheet)) throw new Error(`${sheet} is not the add-in's`);
    this.calls.updateOwnedCells.push({ sheet, updates });
    const grid = this.grids.find((g) => g.sheet === sheet);
    if (!grid) throw new Error(`No sheet ${sheet}`);
    for (const { address, value } of updates) {
      const { row, column } = fromA1(address);
      const r = row - grid.origin.row;
      while (grid.values.length <= r) grid.values.push([]);
      grid.values[r][column - grid.origin.column] = value;
    }
  }
}

export const ESTABLISHMENT: Grid = {
  sheet: "Staff",
  origin: { row: 0, column: 0 },
  values: [
    ["Position", "Grade", "Hours", "FTE"],
    ["Family Support Worker", "SS08", 37, 1],
  ],
};

export const fteError: Issue = {
  severity: "error",
  code: "fte-not-number",
  sheet: "Staff",
  address: "D7",
  value: "full time",
  message: "FTE 'full time' is not a number",
  fix: "enter e.g. 1 or 0.5",
};

export const hoursWarning: Issue = {
  severity: "warning",
  code: "hours-unusual",
  sheet: "Staff",
  address: "C9",
  value: 74,
  message: "Hours per week 74 for 'Family Support Worker' look wrong",
  fix: "enter weekly hours, e.g. 37",
};

export const blankNote: Issue = {
  severity: "info",
  code: "blank-row",
  sheet: "Staff",
  address: "A12",
  message: "Blank row inside the table, skipped",
  fix: "nothing to do if it is a spacer; if a post is missing, fill the row in",
};

type FakeField<F> = { field: F; label: string; found?: string };

const FIELDS: Array<FakeField<PostField>> = [
  { field: "title", label: "Position", found: "A" },
  { field: "grade", label: "Grade", found: "B" },
  { field: "fte", label: "FTE", found: "C" },
  { field: "hoursPerWeek", label: "Hours" },
];

/** The localities: the reader (wrongly) takes Households (C) as population and finds no demand. */
const LOCALITY_FIELDS: Array<FakeField<LocalityField>> = [
  { field: "name", label: "Area", found: "A" },
  { field: "population", label: "Population 0-19", found: "C" },
  { field: "deprivation", label: "Deprivation", found: "D" },
  { field: "demand", label: "Demand" },
];

export const LOCALITY_HEADERS = [
  { column: "A", header: "Area" },
  { column: "B", header: "Children" },
  { column: "C", header: "Households" },
  { column: "D", header: "IDACI" },
  { column: "E", header: "Contacts" },
];

/** Each field's column with the user's overrides applied, as the core's readers do. */
function mapped<F extends string>(
  fields: Array<FakeField<F>>,
  overrides: Partial<Record<F, string>>
): FieldMapping<F>[] {
  return fields.map((f) => {
    const override = overrides[f.field];
    const column = override === undefined ? f.found : override === "" ? undefined : override;
    return {
      field: f.field,
      label: f.label,
      description: `${f.label} of the row`,
      column,
      samples: column ? [`sample ${column}`] : [],
      overridden: override !== undefined,
    };
  });
}

/**
 * A fake engine with just enough behaviour for the pane's logic: the reader (wrongly)
 * takes column C (Hours) as FTE; the user can point FTE at column D.
 */
export class FakeEngine implements PaneEngine {
  sourceIssues: Issue[] = [];
  buildResult: BuildResult = okResult();
  requests: BuildRequest[] = [];
  choices: SourceChoice[] = [];
  /** A workbook with only a localities table (no establishment). */
  noEstablishment = false;
  withLocalities = false;

  inputsOf(workbook: WorkbookGrids): WorkbookGrids {
    return workbook;
  }

  inspectSource(_workbook: WorkbookGrids, choice: SourceChoice): SourceView {
    this.choices.push(choice);
    const est = {
      kind: "establishment" as const,
      id: "Staff",
      sheet: "Staff",
      range: "A1:D2",
      rows: 1,
    };
    const view: SourceView = {
      establishments: [],
      columns: {},
      unavailable: this.noEstablishment
        ? { grant: "no establishment table was found", cost: "no establishment table was found" }
        : {},
      issues: this.sourceIssues,
    };
    if (!this.noEstablishment) {
      view.establishments = [est];
      view.establishment = est;
      view.columns.establishment = {
        headers: [
          { column: "A", header: "Position" },
          { column: "B", header: "Grade" },
          { column: "C", header: "Hours" },
          { column: "D", header: "FTE" },
        ],
        mapping: mapped(FIELDS, choice.mapping),
      };
      view.totals = { posts: 1, fte: 1 };
    }
    if (this.withLocalities) {
      view.localities = {
        kind: "localities",
        id: "Areas",
        sheet: "Areas",
        range: "A1:E4",
        rows: 3,
      };
      view.columns.localities = {
        headers: LOCALITY_HEADERS,
        mapping: mapped(LOCALITY_FIELDS, choice.localityMapping),
      };
    }
    return view;
  }

  inspectAssumptions(workbook: WorkbookGrids): AssumptionsView {
    const grid = workbook.grids.find((g) => g.sheet === "Assumptions");
    const written = (address: string) => grid?.values.find((r) => r[0] === address)?.[1];
    const pension = written("B5");
    const onCosts = written("B6");
    const grantName = written("B7");
    const settings: Setting[] = [
      {
        key: "pensionRate",
        group: "onCosts",
        label: "Employer pension rate",
        address: grid ? "B5" : undefined,
        display: typeof pension === "number" ? `${(pension * 100).toFixed(1)}%` : "19.0%",
        input: { type: "percent" },
        isDefault: pension === undefined,
      },
      {
        key: "onCostMode",
        group: "onCosts",
        label: "On-costs",
        address: grid ? "B6" : undefined,
        display: typeof onCosts === "string" ? onCosts : "Statutory",
        input: { type: "choice", options: ["Statutory", "Flat"] },
        isDefault: onCosts === undefined,
      },
      // Last in the list, first on the form: the grant group leads.
      {
        key: "grant.name",
        group: "grant",
        label: "Grant name",
        address: grid ? "B7" : undefined,
        display: typeof grantName === "string" ? grantName : "",
        input: { type: "text" },
        isDefault: grantName === undefined,
      },
    ];
    return { sheet: grid ? "Assumptions" : undefined, settings, issues: [] };
  }

  defaultAssumptionsSheet(): SheetSpec {
    return {
      key: "assumptions",
      name: "Assumptions",
      cells: [],
      tables: [],
      columnWidths: [],
      notes: [],
      page: { orientation: "portrait", fitToWidth: true },
      charts: [],
    };
  }

  parseSetting(setting: Setting, input: string): { value: CellValue } | { error: string } {
    if (setting.input.type !== "percent") return { value: input };
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(input);
    return m
      ? { value: Number(m[1]) / 100 }
      : { error: `${setting.label} '${input}' is not a percentage` };
  }

  /** The core's rule is tested over the real engine; here every name goes in column D. */
  newScenario(_workbook: WorkbookGrids, name: string) {
    return { name, address: "D1", column: "D" };
  }

  build(_workbook: WorkbookGrids, request: BuildRequest): BuildResult {
    this.requests.push(request);
    return this.buildResult;
  }
}

export function okResult(): BuildResult {
  return {
    ok: true,
    issues: [],
    sheets: [
      {
        key: "grant",
        name: "Grant Costing",
        cells: [],
        tables: [],
        columnWidths: [],
        notes: [],
        page: { orientation: "landscape", fitToWidth: true },
        charts: [],
      },
    ],
    summaries: [
      {
        key: "grant",
        sheetName: "Grant Costing",
        headline: "12 posts cost £1,234,567.89 over the grant window",
        figures: [
          { label: "2024/25 total", value: 400000, format: "money" },
          { label: "2025/26 total", value: 834567.89, format: "money" },
          { label: "Headroom", value: -34567.89, format: "money" },
        ],
        warnings: ["The grant is over-committed by £34,567.89"],
        charts: [
          {
            type: "columnLine",
            title: "Commitment per year against the grant",
            categories: ["2024/25", "2025/26"],
            series: [
              {
                name: "Net cost in the year",
                kind: "column",
                values: [400000, 834567.89],
                format: "money",
              },
              {
                name: "Grant left (cumulative headroom)",
                kind: "line",
                values: [800000, -34567.89],
                format: "money",
              },
            ],
          },
        ],
      },
    ],
  };
}

export function renderPane(port: FakePort, engine: PaneEngine, props: Partial<AppProps> = {}) {
  const services: PaneServices = {
    port,
    engine,
    now: () => new Date(Date.UTC(2025, 10, 23, 15, 4)),
    version: "0.1.0-test",
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <App host="excel" {...props} />
      </ServicesProvider>
    </FluentProvider>
  );
}
