/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import type { Grid } from "../../src/core/grid";
import { SheetsView } from "../../src/taskpane/preview/SheetsView";
// jsdom has no ResizeObserver; the fakes stub it for Fluent's MessageBar.
import "./fakes";

const table: Grid = {
  sheet: "Staff",
  origin: { row: 0, column: 0 },
  values: [
    ["Post", "FTE"],
    ["Social Worker", 1],
  ],
};
const stray: Grid = { sheet: "Staff", origin: { row: 4999, column: 25 }, values: [["stray"]] };
const sheets = [{ name: "Staff", owned: false, grids: [table, stray] }];

const view = (selection?: { sheet: string; address: string }) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetsView sheets={sheets} selection={selection} />
    </FluentProvider>
  );

describe("the preview's sheet view", () => {
  it("shows a sheet's first region, not a rectangle out to its far values", () => {
    view();
    expect(screen.getByText("Social Worker")).toBeInTheDocument();
    expect(screen.queryByText("stray")).not.toBeInTheDocument();
    expect(screen.getAllByRole("row")).toHaveLength(3); // column letters and two rows
  });

  it("shows the region holding the cell an issue points at, highlighted", () => {
    view({ sheet: "Staff", address: "Z5000" });
    const cell = screen.getByText("stray");
    expect(cell).toHaveAttribute("aria-current", "true");
    expect(cell).toHaveAttribute("data-address", "Z5000");
    expect(screen.getByRole("rowheader", { name: "5000" })).toBeInTheDocument();
  });

  it("shows the table a cell just below it belongs with", () => {
    view({ sheet: "Staff", address: "B3" });
    expect(screen.getByText("Social Worker")).toBeInTheDocument();
    expect(document.querySelector('[data-address="B3"]')).not.toBeNull();
  });
});
