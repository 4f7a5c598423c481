/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Issue } from "../../src/core/grid";
import {
  ESTABLISHMENT,
  FakeEngine,
  FakePort,
  blankNote,
  hoursWarning,
  fteError,
  okResult,
  renderPane,
} from "./fakes";

async function openTab(name: RegExp) {
  await userEvent.click(await screen.findByRole("tab", { name }));
}

describe("Source: column mapping", () => {
  it("shows what each column is read as, with sample values", async () => {
    renderPane(new FakePort([ESTABLISHMENT]), new FakeEngine());
    const fte = await screen.findByRole("combobox", { name: /^FTE/ });
    expect(fte).toHaveTextContent("C: Hours");
    expect(screen.getByText("e.g. sample C")).toBeInTheDocument();
  });

  it("overrides a mapping from the dropdown and builds with it", async () => {
    const engine = new FakeEngine();
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    await userEvent.click(await screen.findByRole("combobox", { name: /^FTE/ }));
    await userEvent.click(await screen.findByRole("option", { name: "D: FTE" }));

    expect(engine.choices.at(-1)?.mapping).toEqual({ fte: "D" });
    const fte = await screen.findByRole("combobox", { name: /FTE \(your choice\)/ });
    expect(fte).toHaveTextContent("D: FTE");

    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    await waitFor(() => expect(engine.requests).toHaveLength(1));
    expect(engine.requests[0]).toMatchObject({
      mapping: { fte: "D" },
      establishment: undefined,
      mode: "shareable",
    });
  });

  it("can leave a field out and go back to the columns found", async () => {
    const engine = new FakeEngine();
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    await userEvent.click(await screen.findByRole("combobox", { name: /^Grade/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Not used" }));
    expect(engine.choices.at(-1)?.mapping).toEqual({ grade: "" });

    await userEvent.click(screen.getByRole("button", { name: "Go back to the columns found" }));
    expect(engine.choices.at(-1)?.mapping).toEqual({});
  });
});

describe("Source: locality columns", () => {
  it("shows the localities table and which column is read as each measure", async () => {
    const engine = new FakeEngine();
    engine.withLocalities = true;
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    expect(await screen.findByText("Areas!A1:E4 (3 localities)")).toBeInTheDocument();
    const section = screen.getByRole("region", { name: "Locality columns" });
    expect(within(section).getByRole("combobox", { name: /^Population 0-19/ })).toHaveTextContent(
      "C: Households"
    );
    expect(within(section).getByRole("combobox", { name: /^Deprivation/ })).toHaveTextContent(
      "D: IDACI"
    );
    expect(within(section).getByText("e.g. sample D")).toBeInTheDocument();
    // The establishment's editor is the same one, in its own section.
    const est = screen.getByRole("region", { name: "Establishment columns" });
    expect(within(est).getByRole("combobox", { name: /^FTE/ })).toHaveTextContent("C: Hours");
    expect(within(est).queryByRole("combobox", { name: /^Population/ })).not.toBeInTheDocument();
  });

  it("remaps a locality column with the same editor and builds with it, the establishment's mapping apart", async () => {
    const engine = new FakeEngine();
    engine.withLocalities = true;
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    const section = await screen.findByRole("region", { name: "Locality columns" });
    await userEvent.click(within(section).getByRole("combobox", { name: /^Population 0-19/ }));
    await userEvent.click(await screen.findByRole("option", { name: "B: Children" }));
    await userEvent.click(within(section).getByRole("button", { name: /^Not found in the table/ }));
    await userEvent.click(within(section).getByRole("combobox", { name: /^Demand/ }));
    await userEvent.click(await screen.findByRole("option", { name: "E: Contacts" }));
    expect(engine.choices.at(-1)).toEqual({
      mapping: {},
      localityMapping: { population: "B", demand: "E" },
    });
    expect(
      within(section).getByRole("combobox", { name: /^Population 0-19 \(your choice\)/ })
    ).toHaveTextContent("B: Children");

    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    await waitFor(() => expect(engine.requests).toHaveLength(1));
    expect(engine.requests[0].localityMapping).toEqual({ population: "B", demand: "E" });
    expect(engine.requests[0].mapping).toBeUndefined();

    // Going back resets the localities' columns only.
    await openTab(/^Source/);
    const est = screen.getByRole("region", { name: "Establishment columns" });
    await userEvent.click(within(est).getByRole("combobox", { name: /^FTE/ }));
    await userEvent.click(await screen.findByRole("option", { name: "D: FTE" }));
    await userEvent.click(
      within(screen.getByRole("region", { name: "Locality columns" })).getByRole("button", {
        name: "Go back to the columns found",
      })
    );
    expect(engine.choices.at(-1)).toEqual({ mapping: { fte: "D" }, localityMapping: {} });
  });

  it("builds a localities-only workbook, and says only the shares are made", async () => {
    const engine = new FakeEngine();
    engine.noEstablishment = true;
    engine.withLocalities = true;
    const note: Issue = {
      severity: "info",
      code: "localities-only",
      sheet: "Assumptions",
      address: "B2",
      message:
        "No establishment table was found, so only the Locality shares sheet is made, sharing out the 12 FTE typed as 'FTE to share out'",
      fix: "nothing to do if the shares are all you need",
    };
    engine.sourceIssues = [note];
    engine.buildResult = { ...okResult(), issues: [note] };
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    expect(await screen.findByText("Localities only")).toBeInTheDocument();
    expect(screen.queryByText("No establishment table found")).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Establishment columns" })).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Locality columns" })).toBeInTheDocument();
    expect(screen.getByText("Areas!A1:E4 (3 localities)")).toBeInTheDocument();

    await openTab(/^Build/);
    // The sheets that need an establishment are off, and say why; the shares are not.
    const grant = screen.getByRole("button", { name: "Build grant costing" });
    expect(grant).toBeDisabled();
    expect(grant).toHaveAccessibleDescription("Not available: no establishment table was found.");
    expect(screen.getByRole("button", { name: "Build establishment cost" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Build locality shares" })).toBeEnabled();
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    expect(await screen.findByText("Locality shares only")).toBeInTheDocument();
    expect(screen.getByText(`${note.message}.`)).toBeInTheDocument();
  });

  it("with neither an establishment nor localities, says no establishment table was found", async () => {
    const engine = new FakeEngine();
    engine.noEstablishment = true;
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    expect(await screen.findByText("No establishment table found")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Locality columns" })).not.toBeInTheDocument();
  });
});

describe("Source: problems", () => {
  it("lists errors before warnings and takes the user to the cell on click", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [hoursWarning, fteError];
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, engine);
    const list = await screen.findByRole("list", { name: "Problems in the source" });
    const items = within(list).getAllByRole("button");
    expect(items[0]).toHaveTextContent("Staff!D7");
    expect(items[0]).toHaveTextContent("FTE 'full time' is not a number");
    expect(items[0]).toHaveTextContent("enter e.g. 1 or 0.5");
    expect(items[1]).toHaveTextContent("Staff!C9");

    await userEvent.click(items[0]);
    expect(port.calls.selectCell).toEqual([["Staff", "D7"]]);
  });

  it("keeps notes (info) out of the count and out of the list, behind a button, and they still go to their cell", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [blankNote, hoursWarning];
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, engine);
    expect(await screen.findByRole("heading", { name: "Problems found (1)" })).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Problems in the source" });
    expect(within(list).getAllByRole("button")).toHaveLength(1);
    expect(screen.queryByText("Staff!A12")).not.toBeInTheDocument();

    const toggle = screen.getByRole("button", { name: "Show 1 note (nothing to do)" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(toggle).toHaveTextContent("Hide 1 note (nothing to do)");
    const notes = screen.getByRole("list", { name: "Problems in the source: notes" });
    expect(toggle).toHaveAttribute("aria-controls", notes.id);
    const [note] = within(notes).getAllByRole("button");
    expect(note).toHaveTextContent("Note");
    expect(note).toHaveTextContent("Staff!A12");
    expect(note).toHaveTextContent("Blank row inside the table, skipped");
    await userEvent.click(note);
    expect(port.calls.selectCell).toEqual([["Staff", "A12"]]);
  });

  it("with only notes, says the tables read cleanly and the build is enabled", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [blankNote];
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    expect(await screen.findByRole("heading", { name: "Problems found (0)" })).toBeInTheDocument();
    expect(
      screen.getByText("None: the tables read cleanly. The notes below need nothing doing.")
    ).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Problems in the source" })).not.toBeInTheDocument();
    await openTab(/^Build/);
    expect(screen.getByRole("button", { name: "Build all sheets" })).toBeEnabled();
  });

  it("lists the problems before the column mapping, not below it", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [hoursWarning];
    engine.withLocalities = true;
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    await screen.findByRole("heading", { name: "Problems found (1)" });
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Tables found",
      "Problems found (1)",
      "Establishment columns",
      "Locality columns",
    ]);
  });

  it("goes to the cell from the keyboard too", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [fteError];
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, engine);
    const item = await screen.findByRole("button", { name: /Staff!D7/ });
    act(() => item.focus());
    await userEvent.keyboard("{Enter}");
    expect(port.calls.selectCell).toEqual([["Staff", "D7"]]);
  });
});

/** The pane on a workbook whose (empty) Assumptions sheet the add-in owns, on the Assumptions tab. */
async function openOwnedAssumptions(): Promise<FakePort> {
  const assumptions = {
    sheet: "Assumptions",
    origin: { row: 0, column: 0 },
    values: [["Setting", "Value"]],
  };
  const port = new FakePort([ESTABLISHMENT, assumptions], ["Assumptions"]);
  renderPane(port, new FakeEngine());
  await openTab(/Assumptions/);
  return port;
}

describe("Assumptions", () => {
  it("creates the assumptions sheet as an add-in sheet when the workbook has none", async () => {
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, new FakeEngine());
    await openTab(/Assumptions/);
    await userEvent.click(
      await screen.findByRole("button", { name: "Create the assumptions sheet" })
    );
    await waitFor(() => expect(port.calls.writeSheets).toHaveLength(1));
    expect(port.calls.writeSheets[0].map((s) => s.key)).toEqual(["assumptions"]);
    expect(
      await screen.findByRole("heading", { name: "Settings on “Assumptions”" })
    ).toBeInTheDocument();
  });

  it("writes an edited value to its cell on the owned sheet, then reads it back", async () => {
    const port = await openOwnedAssumptions();
    const pension = await screen.findByRole("textbox", { name: /Employer pension rate/ });
    await userEvent.clear(pension);
    await userEvent.type(pension, "21.5%{Enter}");
    await waitFor(() => expect(port.calls.updateOwnedCells).toHaveLength(1));
    expect(port.calls.updateOwnedCells[0]).toEqual({
      sheet: "Assumptions",
      updates: [{ address: "B5", value: 0.215 }],
    });
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: /Employer pension rate/ })).toHaveValue("21.5%")
    );
  });

  /** The pane on a workbook with an owned Assumptions sheet and two live sheets. */
  async function openWithLiveSheets(): Promise<{ port: FakePort; engine: FakeEngine }> {
    const port = new FakePort(
      [
        ESTABLISHMENT,
        { sheet: "Assumptions", origin: { row: 0, column: 0 }, values: [["Setting", "Value"]] },
      ],
      ["Assumptions", "Grant Costing", "Establishment Cost", "Locality"]
    );
    port.modes.set("Grant Costing", "live");
    port.modes.set("Establishment Cost", "live");
    port.modes.set("Locality", "shareable");
    const engine = new FakeEngine();
    renderPane(port, engine);
    await openTab(/Assumptions/);
    return { port, engine };
  }

  it("says that live sheets follow the settings here, but those that need a build", async () => {
    const slow = { timeout: 10_000 };
    await openWithLiveSheets();
    expect(
      await screen.findByText("Live sheets follow these settings", undefined, slow)
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /“Grant Costing” and “Establishment Cost” recalculate when you change a rate/
      )
    ).toHaveTextContent(
      "a setting whose note says “build again” reaches them when you build again (Build tab)."
    );
  });

  it("offers to build again after a setting the live sheets cannot follow, and builds them live", async () => {
    const { port, engine } = await openWithLiveSheets();
    // A rate: the live formulas follow it, nothing to offer.
    const pension = await screen.findByRole("textbox", { name: /Employer pension rate/ });
    await userEvent.clear(pension);
    await userEvent.type(pension, "21.5%{Enter}");
    await waitFor(() => expect(port.calls.updateOwnedCells).toHaveLength(1));
    expect(screen.queryByRole("button", { name: "Build again" })).not.toBeInTheDocument();
    // The on-cost method changes the sheets' columns: a build is offered.
    await userEvent.click(await screen.findByRole("combobox", { name: /On-costs/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Flat" }));
    await waitFor(() => expect(port.calls.updateOwnedCells).toHaveLength(2));
    expect(await screen.findByText("Build again to apply “On-costs”")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Build again" }));
    await waitFor(() => expect(port.calls.writeSheets).toHaveLength(1));
    expect(engine.requests[engine.requests.length - 1].mode).toBe("live");
    expect(port.calls.writeModes).toEqual(["live"]);
  });

  it("groups the settings, the grant first, in the form and in a read-only list", async () => {
    await openOwnedAssumptions();
    await screen.findByRole("heading", { name: "Settings on “Assumptions”" });
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Grant",
      "On-costs",
    ]);
    const grant = screen.getByRole("region", { name: "Grant" });
    expect(within(grant).getByRole("textbox", { name: /Grant name/ })).toBeInTheDocument();
    const onCosts = screen.getByRole("region", { name: "On-costs" });
    expect(
      within(onCosts).getByRole("textbox", { name: /Employer pension rate/ })
    ).toBeInTheDocument();
    expect(within(onCosts).getByRole("combobox", { name: /On-costs/ })).toBeInTheDocument();
  });

  it("groups a sheet of the user's own the same way, shown not edited", async () => {
    const assumptions = {
      sheet: "Assumptions",
      origin: { row: 0, column: 0 },
      values: [["Setting", "Value"]],
    };
    renderPane(new FakePort([ESTABLISHMENT, assumptions]), new FakeEngine());
    await openTab(/Assumptions/);
    await screen.findByText("Your own sheet: shown, not changed");
    const grant = screen.getByRole("region", { name: "Grant" });
    expect(within(grant).getByText("Grant name")).toBeInTheDocument();
    expect(
      within(screen.getByRole("region", { name: "On-costs" })).getByText("19.0%")
    ).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });

  it("does not mention live sheets when there are none", async () => {
    await openOwnedAssumptions();
    await screen.findByRole("heading", { name: "Settings on “Assumptions”" });
    expect(screen.queryByText(/Live sheets follow/)).not.toBeInTheDocument();
  });

  it("writes a choice as soon as it is picked", async () => {
    const port = await openOwnedAssumptions();
    await userEvent.click(await screen.findByRole("combobox", { name: /On-costs/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Flat" }));
    await waitFor(() => expect(port.calls.updateOwnedCells).toHaveLength(1));
    expect(port.calls.updateOwnedCells[0].updates).toEqual([{ address: "B6", value: "Flat" }]);
  });

  it("says why a value cannot be read and writes nothing", async () => {
    const port = await openOwnedAssumptions();
    const pension = await screen.findByRole("textbox", { name: /Employer pension rate/ });
    await userEvent.clear(pension);
    await userEvent.type(pension, "lots{Enter}");
    expect(
      await screen.findByText("Employer pension rate 'lots' is not a percentage")
    ).toBeInTheDocument();
    expect(port.calls.updateOwnedCells).toHaveLength(0);
  });

  it("shows a user's own assumptions sheet read-only and never writes to it", async () => {
    const assumptions = {
      sheet: "Assumptions",
      origin: { row: 0, column: 0 },
      values: [["Setting", "Value"]],
    };
    const port = new FakePort([ESTABLISHMENT, assumptions], []);
    renderPane(port, new FakeEngine());
    await openTab(/Assumptions/);
    expect(await screen.findByText("Your own sheet: shown, not changed")).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(screen.getByText("Employer pension rate")).toBeInTheDocument();
    expect(screen.getByText("19.0%")).toBeInTheDocument();
  });
});

describe("Build", () => {
  it("is disabled while the source has errors", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [fteError, hoursWarning];
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    await openTab(/^Source \(errors\)|^Build/);
    await openTab(/^Build/);
    expect(screen.getByRole("button", { name: "Build all sheets" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Build grant costing" })).toBeDisabled();
    expect(screen.getByText("Fix the source first")).toBeInTheDocument();
  });

  it("is enabled when there are only warnings", async () => {
    const engine = new FakeEngine();
    engine.sourceIssues = [hoursWarning];
    renderPane(new FakePort([ESTABLISHMENT]), engine);
    await openTab(/^Build/);
    expect(screen.getByRole("button", { name: "Build all sheets" })).toBeEnabled();
  });

  it("writes nothing when the core reports errors, and explains them", async () => {
    const engine = new FakeEngine();
    engine.buildResult = { ok: false, issues: [fteError], sheets: [], summaries: [] };
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, engine);
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    expect(await screen.findByText("Nothing was written")).toBeInTheDocument();
    expect(port.calls.writeSheets).toHaveLength(0);
    const list = screen.getByRole("list", { name: "Problems that stopped the build" });
    await userEvent.click(within(list).getByRole("button"));
    expect(port.calls.selectCell).toEqual([["Staff", "D7"]]);
  });

  it("builds one sheet in live mode and shows its summary in en-GB money with a chart", async () => {
    const engine = new FakeEngine();
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, engine);
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("radio", { name: /^Live/ }));
    await userEvent.click(screen.getByRole("button", { name: "Build grant costing" }));
    expect(await screen.findByText(/^1 sheet written at 23 November 2025/)).toBeInTheDocument();
    expect(engine.requests[0]).toMatchObject({
      only: ["grant"],
      mode: "live",
      version: "0.1.0-test",
      generatedAt: "2025-11-23T15:04:00.000Z",
    });
    expect(port.calls.writeSheets[0].map((s) => s.name)).toEqual(["Grant Costing"]);
    // The Excel adapter writes live ESTAB formulas only when told the mode.
    expect(port.calls.writeModes).toEqual(["live"]);
    const card = screen.getByLabelText("Summary of Grant Costing");
    expect(within(card).getByText("£834,567.89", { selector: "dd" })).toBeInTheDocument();
    expect(within(card).getByText("-£34,567.89", { selector: "dd" })).toBeInTheDocument();
    // The chart the sheet carries, its figures in its name and in a table to read.
    expect(
      within(card).getByRole("img", { name: /^Commitment per year against the grant/ })
    ).toHaveAccessibleName(
      "Commitment per year against the grant. Net cost in the year: 2024/25 £400.0k, 2025/26 £834.6k; Grant left (cumulative headroom): 2024/25 £800.0k, 2025/26 -£34.6k"
    );
    const figures = within(card).getByRole("table", {
      name: "Commitment per year against the grant",
    });
    expect(within(figures).getByRole("row", { name: /^2025\/26/ })).toHaveTextContent(
      "2025/26£834,567.89-£34,567.89"
    );
    expect(within(card).getByText("The grant is over-committed by £34,567.89")).toBeInTheDocument();
  });

  it("says plainly when the write fails", async () => {
    const engine = new FakeEngine();
    engine.buildResult = okResult();
    const port = new FakePort([ESTABLISHMENT]);
    port.failWrite = new Error("The request payload is too large");
    renderPane(port, engine);
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    expect(await screen.findByText("Nothing was built")).toBeInTheDocument();
    expect(
      screen.getByText("The sheets could not be written: The request payload is too large", {
        exact: false,
      })
    ).toBeInTheDocument();
  });
});

describe("Build: make shareable", () => {
  // The list follows a write and a second read: give a loaded machine time (jsdom's
  // role queries over Fluent's tree take seconds each when the cores are busy).
  const slow = { timeout: 30_000 };
  const explanation =
    /replaces ESTAB formulas, and formulas reading other sheets, with their values so colleagues without the add-in see the same figures; totals stay as Excel formulas/;

  it("offers it after a live build and converts the sheet written", async () => {
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, new FakeEngine());
    await openTab(/^Build/);
    expect(screen.queryByRole("heading", { name: "Live sheets" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: /^Live/ }));
    await userEvent.click(screen.getByRole("button", { name: "Build grant costing" }));

    const button = await screen.findByRole(
      "button",
      { name: "Make “Grant Costing” shareable" },
      slow
    );
    expect(screen.getByText(explanation)).toBeInTheDocument();
    // One sheet: no separate "all" button.
    expect(screen.queryByRole("button", { name: "Make all shareable" })).not.toBeInTheDocument();
    await userEvent.click(button);

    expect(port.calls.makeShareable).toEqual(["Grant Costing"]);
    expect(
      await screen.findByText(
        "“Grant Costing” is now shareable: 3 live formulas replaced by their values.",
        undefined,
        slow
      )
    ).toBeInTheDocument();
    // Read again: the sheet's mark now says shareable, so it is no longer offered.
    await waitFor(
      () =>
        expect(
          screen.queryByRole("button", { name: "Make “Grant Costing” shareable" })
        ).not.toBeInTheDocument(),
      slow
    );
  });

  it("is not offered after a shareable build", async () => {
    const port = new FakePort([ESTABLISHMENT]);
    renderPane(port, new FakeEngine());
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    expect(await screen.findByText(/^1 sheet written/, undefined, slow)).toBeInTheDocument();
    await waitFor(() => expect(port.calls.read).toBeGreaterThanOrEqual(2));
    expect(port.modes.get("Grant Costing")).toBe("shareable");
    expect(screen.queryByRole("button", { name: /shareable$/ })).not.toBeInTheDocument();
    expect(screen.queryByText(explanation)).not.toBeInTheDocument();
  });

  it("says plainly when the port refuses", async () => {
    const port = new FakePort([ESTABLISHMENT]);
    port.failShareable.set(
      "Grant Costing",
      new Error("it is not a sheet the add-in made (or it has been renamed or copied since)")
    );
    renderPane(port, new FakeEngine());
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("radio", { name: /^Live/ }));
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    // Let the build's second read settle first: a click on a button that re-rendering
    // is replacing does nothing, and the message then never comes.
    await waitFor(() => expect(port.calls.read).toBeGreaterThanOrEqual(2), slow);
    const button = await screen.findByRole(
      "button",
      { name: "Make “Grant Costing” shareable" },
      slow
    );
    await waitFor(() => expect(button).toBeEnabled(), slow);
    await userEvent.click(button);
    expect(
      await screen.findByText(
        "“Grant Costing” could not be made shareable: it is not a sheet the add-in made (or it has been renamed or copied since)",
        undefined,
        slow
      )
    ).toBeInTheDocument();
    expect(port.calls.makeShareable).toEqual(["Grant Costing"]);
    // Still live: still offered.
    expect(
      screen.getByRole("button", { name: "Make “Grant Costing” shareable" })
    ).toBeInTheDocument();
  });

  it("lists live sheets already in the workbook and makes them all shareable, reporting each", async () => {
    const port = new FakePort([ESTABLISHMENT], ["Grant Costing", "Establishment Cost", "Locality"]);
    port.modes.set("Grant Costing", "live");
    port.modes.set("Establishment Cost", "live");
    port.modes.set("Locality", "shareable");
    port.failShareable.set("Establishment Cost", new Error("Excel is busy"));
    renderPane(port, new FakeEngine());
    await openTab(/^Build/);
    const group = await screen.findByRole("group", { name: "Make sheets shareable" }, slow);
    expect(
      within(group)
        .getAllByRole("button")
        .map((b) => b.textContent)
    ).toEqual(["Make “Grant Costing” shareable", "Make “Establishment Cost” shareable"]);
    await userEvent.click(screen.getByRole("button", { name: "Make all shareable" }));

    expect(
      await screen.findByText(
        "“Establishment Cost” could not be made shareable: Excel is busy",
        undefined,
        slow
      )
    ).toBeInTheDocument();
    expect(port.calls.makeShareable).toEqual(["Grant Costing", "Establishment Cost"]);
    expect(
      screen.getByText(
        "“Grant Costing” is now shareable: 3 live formulas replaced by their values."
      )
    ).toBeInTheDocument();
    await waitFor(
      () =>
        expect(
          within(screen.getByRole("group", { name: "Make sheets shareable" }))
            .getAllByRole("button")
            .map((b) => b.textContent)
        ).toEqual(["Make “Establishment Cost” shareable"]),
      slow
    );
  });

  it("lists every owned calculated sheet when the port cannot tell which are live", async () => {
    const assumptionsGrid = {
      sheet: "Assumptions",
      origin: { row: 0, column: 0 },
      values: [["Setting", "Value"]],
    };
    const port = new FakePort([ESTABLISHMENT, assumptionsGrid], ["Assumptions", "Grant Costing"]);
    port.liveSheets = undefined;
    renderPane(port, new FakeEngine());
    await openTab(/^Build/);
    expect(
      await screen.findByRole("button", { name: "Make “Grant Costing” shareable" }, slow)
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Assumptions/ })).not.toBeInTheDocument();
    expect(screen.getByText(/cannot tell here which of its sheets are live/)).toBeInTheDocument();
  });
});
