import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { Issue } from "../core/grid";
import { hasErrors } from "../core/grid";
import { AssumptionsPanel } from "./components/AssumptionsPanel";
import { BuildPanel } from "./components/BuildPanel";
import { SourcePanel } from "./components/SourcePanel";
import { useAssumptions } from "./hooks/useAssumptions";
import { useBuild, type BuildMode } from "./hooks/useBuild";
import { useShareable } from "./hooks/useShareable";
import { useSource } from "./hooks/useSource";
import { plainError, useWorkbook } from "./hooks/useWorkbook";
import { useServices } from "./services";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  tabs: { flexWrap: "wrap" },
  panel: { minWidth: 0 },
});

export interface ExtraTab {
  value: string;
  label: string;
  content: ReactNode;
}

export interface AppProps {
  /** "excel" inside Excel; "preview" in a plain browser. */
  host: "excel" | "preview";
  /** Shown under the title: the preview's workbook picker. */
  toolbar?: ReactNode;
  /** Tabs after the pane's own: the preview's "Sheets" view. */
  extraTabs?: ExtraTab[];
  /** The selected tab, when the host controls it (the preview jumps to Sheets on an issue). */
  tab?: string;
  onTabChange?: (tab: string) => void;
}

type PaneTab = "source" | "assumptions" | "build";

export function App({ host, toolbar, extraTabs = [], tab, onTabChange }: AppProps) {
  const styles = useStyles();
  const services = useServices();
  const { port, engine } = services;
  const [ownTab, setOwnTab] = useState<string>("source");
  const selected = tab ?? ownTab;
  const selectTab = (value: string) => {
    setOwnTab(value);
    onTabChange?.(value);
  };
  const [mode, setMode] = useState<BuildMode>("shareable");
  const [chosenScenario, setScenario] = useState<string>();
  const [roles, setRoles] = useState(false);
  const [selectError, setSelectError] = useState<string>();

  const wb = useWorkbook(port, engine);
  const source = useSource(engine, wb.workbook);
  const assumptions = useAssumptions(services, wb.workbook, wb.owned, wb.reload);
  const scenarios = assumptions.view?.scenarios ?? [];
  // A scenario whose column has gone since it was picked: the base, as the Build tab shows.
  const scenario =
    chosenScenario !== undefined && scenarios.includes(chosenScenario) ? chosenScenario : undefined;
  const buildOptions = useMemo(() => ({ scenario, roles }), [scenario, roles]);
  const build = useBuild(services, source.choice, mode, buildOptions, wb.reload);
  const shareable = useShareable(port, wb.owned, assumptions.view?.sheet, wb.reload);

  const selectIssue = useCallback(
    (issue: Issue) => {
      setSelectError(undefined);
      port
        .selectCell(issue.sheet, issue.address)
        .catch((e: unknown) =>
          setSelectError(plainError(e, `Could not go to ${issue.sheet}!${issue.address}`))
        );
    },
    [port]
  );

  const blockingErrors = [...(source.view?.issues ?? [])].filter(
    (i) => i.severity === "error"
  ).length;
  const tabs: Array<{ value: PaneTab | string; label: string }> = [
    {
      value: "source",
      label: source.view && hasErrors(source.view.issues) ? "Source (errors)" : "Source",
    },
    { value: "assumptions", label: "Assumptions" },
    { value: "build", label: "Build" },
    ...extraTabs.map((t) => ({ value: t.value, label: t.label })),
  ];

  let panel: ReactNode = null;
  if (!wb.workbook) {
    panel = wb.error ? null : <Spinner label="Reading the workbook…" />;
  } else if (selected === "source" && source.view) {
    panel = (
      <SourcePanel
        view={source.view}
        onChooseEstablishment={source.chooseEstablishment}
        onChooseStructures={source.chooseStructures}
        choice={source.choice}
        onColumn={source.setColumn}
        onResetMapping={source.resetMapping}
        onSelectIssue={selectIssue}
      />
    );
  } else if (selected === "assumptions") {
    panel = (
      <AssumptionsPanel
        state={assumptions}
        onSelectIssue={selectIssue}
        liveSheets={shareable.knowsModes ? shareable.sheets : []}
        onRebuild={() => {
          // The live sheets are built again, live, on the Build tab where the result shows.
          setMode("live");
          selectTab("build");
          void build.build(undefined, "live");
        }}
      />
    );
  } else if (selected === "build") {
    panel = (
      <BuildPanel
        blockingErrors={blockingErrors}
        unavailable={source.view?.unavailable}
        run={build.run}
        running={build.running}
        mode={mode}
        onMode={setMode}
        scenarios={scenarios}
        scenario={scenario}
        onScenario={setScenario}
        roles={roles}
        onRoles={setRoles}
        onBuild={(only) => void build.build(only)}
        onSelectIssue={selectIssue}
        shareable={shareable}
        liveNote={
          host === "preview"
            ? "This preview writes the figures whatever you choose: ESTAB formulas need Excel."
            : undefined
        }
      />
    );
  } else {
    panel = extraTabs.find((t) => t.value === selected)?.content ?? null;
  }

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">Establishment Costing</Title3>
        <Button
          appearance="subtle"
          disabled={wb.loading}
          onClick={() => void wb.reload().catch(() => undefined)}
          title="Read the workbook again after editing it"
        >
          Refresh
        </Button>
      </header>
      {host === "preview" && (
        <Body1>Browser preview: a workbook held in this page, no Excel needed.</Body1>
      )}
      {toolbar}
      {wb.error && (
        <MessageBar intent="error">
          <MessageBarBody>{wb.error}</MessageBarBody>
        </MessageBar>
      )}
      {selectError && (
        <MessageBar intent="warning">
          <MessageBarBody>{selectError}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={selected}
        onTabSelect={(_, d) => selectTab(String(d.value))}
        aria-label="Task pane sections"
      >
        {tabs.map((t) => (
          <Tab
            key={t.value}
            value={t.value}
            id={`tab-${t.value}`}
            aria-controls={`panel-${t.value}`}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div
        className={styles.panel}
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
      >
        {panel}
      </div>
    </main>
  );
}
