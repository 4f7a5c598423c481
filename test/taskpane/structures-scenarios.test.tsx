/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CellValue, Grid } from "../../src/core/grid";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { BuildRequest } from "../../src/core/workbook/types";
import { createCoreEngine } from "../../src/taskpane/core-engine";
import { FakePort, renderPane } from "./fakes";

/**
 * The pane over the real core engine on small grids: a restructure as two lists (and as
 * one table), scenario columns on the Assumptions sheet, roles × localities.
 */
const grid = (sheet: string, values: CellValue[][]): Grid => ({
  sheet,
  origin: { row: 0, column: 0 },
  values,
});

const CURRENT = grid("Current structure", [
  ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff"],
  ["P1", "Team Manager", "SS11", 45000, 1, 1],
  ["P2", "Social Worker", "SS09", 36000, 3, 3],
]);
const PROPOSED = grid("Proposed structure", [
  ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff"],
  ["P1", "Team Manager", "SS11", 45000, 1, 1],
  ["P2", "Social Worker", "SS09", 36000, 4, 4],
]);
/** A third list, named like neither: the user picks it as the proposed structure. */
const OPTION_B = grid("Option B", [
  ["Post ID", "Position", "Grade", "Salary", "FTE", "No of staff"],
  ["P1", "Team Manager", "SS11", 45000, 1, 1],
  ["P2", "Social Worker", "SS09", 36000, 2, 2],
]);
/** The one-table form: the Social Workers go from 3 to 2 FTE, the manager unchanged (blank). */
const PLAN = grid("Plan", [
  ["Post ID", "Position", "Grade", "Salary", "Current FTE", "Proposed FTE", "No of staff"],
  ["P1", "Team Manager", "SS11", 45000, 1, "", 1],
  ["P2", "Social Worker", "SS09", 36000, 3, 2, 3],
]);
const ASSUMPTIONS = grid("Assumptions", [
  ["Setting", "Value", "Higher pension"],
  ["First financial year", "2025/26", ""],
  ["Employer pension rate", "19%", "25%"],
]);
const LOCALITIES = grid("Localities", [
  ["Locality", "Population 0-19", "IDACI rate", "Referrals"],
  ["North", 6000, 0.2, 300],
  ["South", 4000, 0.1, 100],
]);

/** The real engine, recording each build request the pane sends. */
function realEngine() {
  const requests: BuildRequest[] = [];
  const engine = createCoreEngine({
    build: (wb, request) => {
      requests.push(request);
      return buildWorkbook(wb, request);
    },
    today: () => new Date(2025, 10, 23),
    version: "test",
  });
  return { engine, requests };
}

async function openTab(name: RegExp) {
  await userEvent.click(await screen.findByRole("tab", { name }));
}

const figure = (card: HTMLElement, label: string) =>
  card.querySelector(`[data-figure="${label}"]`)?.textContent;

describe("Source: a restructure's two lists", () => {
  it("says which two lists were found and builds the Restructure sheet from them", async () => {
    const { engine, requests } = realEngine();
    const port = new FakePort([CURRENT, PROPOSED, ASSUMPTIONS], ["Assumptions"]);
    renderPane(port, engine);
    expect(
      await screen.findByText(
        "Restructure: current structure Current structure!A1:F3, proposed structure Proposed structure!A1:F3."
      )
    ).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Current structure" })).toHaveTextContent(
      "Current structure!A1:F3"
    );
    expect(screen.getByRole("combobox", { name: "Proposed structure" })).toHaveTextContent(
      "Proposed structure!A1:F3"
    );
    // The costing sheets cost the current list: 2 posts, 4 FTE.
    expect(screen.getByText("Establishment (current structure)")).toBeInTheDocument();
    expect(screen.getByText(/^2 posts/)).toHaveTextContent("2 posts, 4.00 FTE, 4 staff");

    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build proposed versus current" }));
    const card = await screen.findByLabelText("Summary of Restructure");
    expect(requests[0]).toMatchObject({
      only: ["changes"],
      current: undefined,
      proposed: undefined,
    });
    // One more Social Worker FTE: £36,000 + 19% pension + NI, £47,669.40 a year.
    expect(figure(card, "Current cost (a year)")).toBe("£202,782.60");
    expect(figure(card, "Proposed cost (a year)")).toBe("£250,452.00");
    expect(figure(card, "Full-year effect")).toBe("£47,669.40");
  });
});

describe("Source: picking the lists", () => {
  it("builds with the proposed list the user picks, sending both names", async () => {
    const { engine, requests } = realEngine();
    const port = new FakePort([CURRENT, PROPOSED, OPTION_B, ASSUMPTIONS], ["Assumptions"]);
    renderPane(port, engine);
    await userEvent.click(await screen.findByRole("combobox", { name: "Proposed structure" }));
    await userEvent.click(await screen.findByRole("option", { name: "Option B!A1:F3" }));
    expect(
      await screen.findByText(
        "Restructure: current structure Current structure!A1:F3, proposed structure Option B!A1:F3."
      )
    ).toBeInTheDocument();

    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build proposed versus current" }));
    const card = await screen.findByLabelText("Summary of Restructure");
    expect(requests[0]).toMatchObject({ current: "Current structure", proposed: "Option B" });
    // One Social Worker FTE fewer.
    expect(figure(card, "Proposed cost (a year)")).toBe("£155,113.20");
    expect(figure(card, "Full-year effect")).toBe("-£47,669.40");
  });

  it("offers two lists when one table with Proposed FTE was read, and goes back to it", async () => {
    const { engine, requests } = realEngine();
    const port = new FakePort([PLAN, CURRENT, PROPOSED, ASSUMPTIONS], ["Assumptions"]);
    renderPane(port, engine);
    expect(
      await screen.findByText("Restructure: one table with Proposed FTE, Plan!A1:G3.")
    ).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Current structure" })).toHaveTextContent(
      "One table with Proposed FTE"
    );
    // Picking the current list takes, as the proposed, the list without Proposed FTE.
    await userEvent.click(screen.getByRole("combobox", { name: "Current structure" }));
    await userEvent.click(await screen.findByRole("option", { name: "Current structure!A1:F3" }));
    expect(
      await screen.findByText(
        "Restructure: current structure Current structure!A1:F3, proposed structure Proposed structure!A1:F3."
      )
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole("combobox", { name: "Proposed structure" }));
    await userEvent.click(
      await screen.findByRole("option", { name: "One table with Proposed FTE (Plan!A1:G3)" })
    );
    expect(
      await screen.findByText("Restructure: one table with Proposed FTE, Plan!A1:G3.")
    ).toBeInTheDocument();
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build proposed versus current" }));
    const card = await screen.findByLabelText("Summary of Restructure");
    expect(requests[0]).toMatchObject({
      establishment: "Plan",
      current: undefined,
      proposed: undefined,
    });
    // The Social Workers 3 → 2 FTE; the manager's blank Proposed FTE is unchanged.
    expect(figure(card, "Full-year effect")).toBe("-£47,669.40");
  });
});

describe("Build: scenarios", () => {
  it("builds with the scenario picked and says so; the Scenarios sheet compares it with the base", async () => {
    const { engine, requests } = realEngine();
    const port = new FakePort([CURRENT, ASSUMPTIONS], ["Assumptions"]);
    renderPane(port, engine);
    await openTab(/^Build/);
    const picker = await screen.findByRole("combobox", { name: /^Assumptions/ });
    expect(picker).toHaveTextContent("Base");
    await userEvent.click(picker);
    await userEvent.click(await screen.findByRole("option", { name: "Higher pension" }));
    await userEvent.click(screen.getByRole("button", { name: "Build establishment cost" }));
    expect(
      await screen.findByText(/with the assumptions of the scenario ‘Higher pension’\.$/)
    ).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ only: ["cost"], scenario: "Higher pension" });
    // 25% pension instead of 19%: 6% more of the £153,000 of salaries.
    const card = screen.getByLabelText("Summary of Establishment Cost");
    expect(card).toHaveTextContent("costing £211,962.60 in 2025/26");

    await userEvent.click(screen.getByRole("button", { name: "Build scenarios" }));
    const scenarios = await screen.findByLabelText("Summary of Scenarios");
    expect(figure(scenarios, "Base total cost")).toBe("£608,347.80");
    expect(figure(scenarios, "Higher pension: difference to base")).toBe("£27,540.00");
  });

  it("in a live build, sets the Scenarios sheet's switch to the scenario, and says that cell switches it", async () => {
    const { engine, requests } = realEngine();
    const port = new FakePort([CURRENT, ASSUMPTIONS], ["Assumptions"]);
    renderPane(port, engine);
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("radio", { name: /^Live/ }));
    const picker = screen.getByRole("combobox", { name: /^Assumptions/ });
    expect(picker).toBeEnabled();
    expect(screen.getByText(/Scenario in use.* cell starts/)).toBeInTheDocument();
    await userEvent.click(picker);
    await userEvent.click(await screen.findByRole("option", { name: "Higher pension" }));
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    expect(
      await screen.findByText(/with the assumptions of the scenario \u2018Higher pension\u2019\.$/)
    ).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ mode: "live", scenario: "Higher pension" });
    expect(screen.getByText("Switch scenarios in the workbook")).toBeInTheDocument();
    // The switch is written set to the scenario, and the figures are the scenario's.
    const scenarios = port.calls.writeSheets[0].find((s) => s.key === "scenarios");
    const switchRow = scenarios?.cells.find(
      (row) => row[0]?.kind === "text" && row[0].text === "Scenario in use"
    );
    expect(switchRow?.[1]).toMatchObject({ kind: "text", text: "Higher pension" });
    expect(screen.getByLabelText("Summary of Establishment Cost")).toHaveTextContent(
      "costing £211,962.60 in 2025/26"
    );
  });

  it("says nothing of the switch after a shareable build", async () => {
    const { engine } = realEngine();
    renderPane(new FakePort([CURRENT, ASSUMPTIONS], ["Assumptions"]), engine);
    await openTab(/^Build/);
    await userEvent.click(screen.getByRole("button", { name: "Build all sheets" }));
    expect(
      await screen.findByText(/with the base assumptions \(the Value column\)\.$/)
    ).toBeInTheDocument();
    expect(screen.queryByText("Switch scenarios in the workbook")).not.toBeInTheDocument();
  });

  it("offers no scenario choice, and no Scenarios sheet, when the Assumptions sheet has none", async () => {
    const { engine } = realEngine();
    const plain = grid("Assumptions", [
      ["Setting", "Value"],
      ["First financial year", "2025/26"],
    ]);
    renderPane(new FakePort([CURRENT, plain], ["Assumptions"]), engine);
    await openTab(/^Build/);
    expect(await screen.findByRole("button", { name: "Build scenarios" })).toBeDisabled();
    expect(
      screen.getByText("Not available: the Assumptions sheet has no scenario columns.")
    ).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: /^Assumptions/ })).not.toBeInTheDocument();
  });
});

describe("Build: roles across the localities", () => {
  it("sends roles when the box is ticked", async () => {
    const { engine, requests } = realEngine();
    const port = new FakePort([CURRENT, LOCALITIES, ASSUMPTIONS], ["Assumptions"]);
    renderPane(port, engine);
    await openTab(/^Build/);
    const box = await screen.findByRole("checkbox", {
      name: "Share each role across the localities",
    });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    await userEvent.click(screen.getByRole("button", { name: "Build locality shares" }));
    await screen.findByLabelText(/^Summary of /);
    expect(requests[0]).toMatchObject({ only: ["shares"], roles: true });
    await userEvent.click(box);
    await userEvent.click(screen.getByRole("button", { name: "Build locality shares" }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].roles).toBeUndefined();
    // The sheet written shares the roles (by title) only when asked.
    await waitFor(() => expect(port.calls.writeSheets).toHaveLength(2));
    const texts = (build: number) =>
      port.calls.writeSheets[build]
        .flatMap((sheet) => sheet.cells.flat())
        .flatMap((c) => (c?.kind === "text" ? [c.text] : []));
    expect(texts(0)).toContain("Social Worker");
    expect(texts(1)).not.toContain("Social Worker");
  });

  it("is off, with the core's reason, when there is no localities table", async () => {
    const { engine } = realEngine();
    renderPane(new FakePort([CURRENT, ASSUMPTIONS], ["Assumptions"]), engine);
    await openTab(/^Build/);
    expect(
      await screen.findByRole("checkbox", { name: "Share each role across the localities" })
    ).toBeDisabled();
    expect(
      screen.getByText("Roles cannot be shared out: no localities table was found.")
    ).toBeInTheDocument();
  });
});
