/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CellValue, Grid } from "../../src/core/grid";
import { buildWorkbook } from "../../src/core/workbook/build";
import { createCoreEngine } from "../../src/taskpane/core-engine";
import { CellsPort, renderPane } from "./fakes";

/** The Assumptions tab's "Add a scenario", over the real engine: the core places the heading. */
const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

const POSTS = grid("Staff", [
  ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff"],
  ["P1", "Social Worker", "SS09", 36000, 3, 3],
]);
/** A notes column and one scenario already: a new one goes after both, in E. */
const assumptions = () =>
  grid("Assumptions", [
    ["Setting", "Value", "Notes", "Higher pension"],
    ["First financial year", "2025/26", "first year", ""],
    ["Employer pension rate", "19%", "LGPS", "25%"],
  ]);

const engine = () =>
  createCoreEngine({ build: buildWorkbook, today: () => new Date(2025, 10, 23), version: "test" });

async function openTab(name: RegExp) {
  await userEvent.click(await screen.findByRole("tab", { name }));
}

async function openOwned(): Promise<CellsPort> {
  const port = new CellsPort([POSTS, assumptions()], ["Assumptions"]);
  renderPane(port, engine());
  await openTab(/Assumptions/);
  return port;
}

async function add(name: string) {
  const box = await screen.findByRole("textbox", { name: /New scenario's name/ });
  await userEvent.clear(box);
  if (name) await userEvent.type(box, name);
  await userEvent.click(screen.getByRole("button", { name: "Add a scenario" }));
}

describe("Assumptions: adding a scenario", () => {
  it("writes only the new column's heading, reads it back, and the Build tab offers it", async () => {
    const port = await openOwned();
    await add("Pay award 4%");
    expect(
      await screen.findByText("Scenario “Pay award 4%” added in column E")
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Type the settings it changes in column E of “Assumptions”/)
    ).toBeInTheDocument();
    expect(port.calls.updateOwnedCells).toEqual([
      { sheet: "Assumptions", updates: [{ address: "E1", value: "Pay award 4%" }] },
    ]);
    expect(port.grids.find((g) => g.sheet === "Assumptions")?.values[0]).toEqual([
      "Setting",
      "Value",
      "Notes",
      "Higher pension",
      "Pay award 4%",
    ]);
    expect(screen.getByRole("textbox", { name: /New scenario's name/ })).toHaveValue("");
    expect(screen.queryByText(/once they are built again/)).not.toBeInTheDocument();
    // A refused name next: its reason, and the last scenario's message goes.
    await add("pay award 4%");
    expect(
      await screen.findByText("There is a scenario named 'Pay award 4%' already, at E1")
    ).toBeInTheDocument();
    expect(screen.queryByText(/added in column/)).not.toBeInTheDocument();
    expect(port.calls.updateOwnedCells).toHaveLength(1);

    await openTab(/^Build/);
    await userEvent.click(await screen.findByRole("combobox", { name: /^Assumptions/ }));
    expect((await screen.findAllByRole("option")).map((o) => o.textContent)).toEqual([
      "Base",
      "Higher pension",
      "Pay award 4%",
    ]);
  });

  it("places it on the sheet as it is now: a column typed in since the last read is not taken", async () => {
    const port = await openOwned();
    await screen.findByRole("textbox", { name: /New scenario's name/ });
    // Typed in Excel after the pane read the sheet: a value in E with no heading yet.
    port.grids.find((g) => g.sheet === "Assumptions")!.values[2][4] = "21%";
    await add("Pay award 4%");
    expect(
      await screen.findByText("Scenario “Pay award 4%” added in column F")
    ).toBeInTheDocument();
    expect(port.calls.updateOwnedCells).toEqual([
      { sheet: "Assumptions", updates: [{ address: "F1", value: "Pay award 4%" }] },
    ]);
  });

  it("with live sheets, says their switch offers the new scenario once built again", async () => {
    const port = new CellsPort([POSTS, assumptions()], ["Assumptions", "Scenarios"]);
    port.modes.set("Scenarios", "live");
    renderPane(port, engine());
    await openTab(/Assumptions/);
    await add("Pay award 4%");
    expect(
      await screen.findByText(/“Scenario in use” switch offers it once they are built again\.$/)
    ).toBeInTheDocument();
  });

  it("writes a name that starts with = as the text typed, never a formula", async () => {
    const port = await openOwned();
    await add("=Cut 10%");
    await screen.findByText("Scenario “=Cut 10%” added in column E");
    expect(port.calls.updateOwnedCells[0].updates).toEqual([{ address: "E1", value: "=Cut 10%" }]);
  });

  it.each([
    ["", "A scenario needs a name, e.g. 'Pay award 4%'"],
    [
      "Base",
      "'Base' is the name of the Value column (the base), so it cannot name a scenario; choose another name.",
    ],
    [
      "Notes",
      "'Notes' heads a notes column, so it would not be read as a scenario; choose another name.",
    ],
    ["higher PENSION", "There is a scenario named 'Higher pension' already, at D1"],
    [
      "2026/27",
      "'2026/27' reads as a financial year, and scenarios are shown beside the financial years; name what the scenario changes, e.g. 'Pay award 4%'",
    ],
    [
      "Pay award 4% with the NI change from April 2025",
      "A scenario's name is at most 40 characters (this one has 47): it labels the scenario's column, figures and chart",
    ],
  ])("refuses %j with the reason, writing nothing", async (name, reason) => {
    const port = await openOwned();
    await add(name);
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(port.calls.updateOwnedCells).toEqual([]);
    expect(screen.queryByText(/added in column/)).not.toBeInTheDocument();
  });

  it("offers no control on the user's own sheet, and says how to add one there", async () => {
    const port = new CellsPort([POSTS, assumptions()], []);
    renderPane(port, engine());
    await openTab(/Assumptions/);
    expect(
      await screen.findByText(/To add a scenario, head a new column of “Assumptions” with its name/)
    ).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: /New scenario's name/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add a scenario" })).not.toBeInTheDocument();
  });
});
