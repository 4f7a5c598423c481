import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "../../core/grid";
import { BASE_NAME } from "../../core/read";
import { CALCULATED_SHEETS, type CalculatedSheet } from "../engine";
import { formatDateTime } from "../format";
import type { BuildMode, BuildRun, BuildStage } from "../hooks/useBuild";
import type { ShareableState } from "../hooks/useShareable";
import { IssueList } from "./IssueList";
import { ResultSummary } from "./ResultSummary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheets: { display: "grid", gridTemplateColumns: "1fr", gap: tokens.spacingVerticalXS },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  sheetButton: { justifyContent: "flex-start", textAlign: "left" },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  dropdown: { minWidth: "0", width: "100%" },
});

const STAGE_TEXT: Record<BuildStage, string> = {
  idle: "",
  reading: "Reading the workbook…",
  calculating: "Calculating…",
  writing: "Writing the sheets…",
  done: "Done",
  failed: "Stopped",
};

export interface BuildPanelProps {
  /** Errors in the source that stop a build: the buttons stay off until they are fixed. */
  blockingErrors: number;
  /** Sheets the workbook has no data for, with the reason: their buttons are off and say why. */
  unavailable?: Partial<Record<CalculatedSheet, string>>;
  run: BuildRun;
  running: boolean;
  mode: BuildMode;
  onMode: (mode: BuildMode) => void;
  onBuild: (only?: CalculatedSheet[]) => void;
  onSelectIssue: (issue: Issue) => void;
  /** Said under the choice when live sheets cannot be written here (the preview). */
  liveNote?: string;
  /** The Assumptions sheet's scenario columns; none, no choice is offered. */
  scenarios?: readonly string[];
  /** The scenario picked; undefined for the base. */
  scenario?: string;
  onScenario?: (scenario: string | undefined) => void;
  /** Locality shares by role as well (BuildRequest.roles). */
  roles?: boolean;
  onRoles?: (roles: boolean) => void;
  /** Live sheets in the workbook and the "make shareable" action; none given, none shown. */
  shareable?: ShareableState;
}

export function BuildPanel(props: BuildPanelProps) {
  const { run, running, blockingErrors } = props;
  const styles = useStyles();
  const disabled = running || blockingErrors > 0;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="build-mode">
        <Subtitle2 as="h2" id="build-mode">
          Kind of sheets
        </Subtitle2>
        <RadioGroup
          aria-labelledby="build-mode"
          value={props.mode}
          onChange={(_, d) => props.onMode(d.value === "live" ? "live" : "shareable")}
        >
          <Radio
            value="shareable"
            label="Shareable: figures and ordinary Excel formulas. Reads correctly for anyone, with or without the add-in."
          />
          <Radio
            value="live"
            label="Live: ESTAB formulas that recalculate as you edit the establishment. Colleagues need the add-in."
          />
        </RadioGroup>
        {props.mode === "live" && props.liveNote && <Caption1>{props.liveNote}</Caption1>}
      </section>

      <BuildChoices {...props} />

      <section className={styles.section} aria-labelledby="build-actions">
        <Subtitle2 as="h2" id="build-actions">
          Build
        </Subtitle2>
        {blockingErrors > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Fix the source first</MessageBarTitle>
              {blockingErrors === 1 ? "One error" : `${blockingErrors} errors`} in the tables must
              be fixed before anything is built. See the Source tab.
            </MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" disabled={disabled} onClick={() => props.onBuild()}>
          Build all sheets
        </Button>
        <div className={styles.sheets} role="group" aria-label="Build one sheet">
          {CALCULATED_SHEETS.map((s) => {
            const reason = props.unavailable?.[s.key];
            const why = `build-why-${s.key}`;
            return (
              <div key={s.key} className={styles.sheet}>
                <Button
                  className={styles.sheetButton}
                  disabled={disabled || reason !== undefined}
                  title={s.description}
                  aria-describedby={reason !== undefined ? why : undefined}
                  onClick={() => props.onBuild([s.key])}
                >
                  Build {s.label.toLowerCase()}
                </Button>
                {reason !== undefined && <Caption1 id={why}>Not available: {reason}.</Caption1>}
              </div>
            );
          })}
        </div>
        <div role="status" aria-live="polite">
          {running && (
            <Field validationMessage={STAGE_TEXT[run.stage]} validationState="none">
              <ProgressBar aria-label={STAGE_TEXT[run.stage]} />
            </Field>
          )}
        </div>
      </section>

      <BuildOutcome
        run={run}
        onSelectIssue={props.onSelectIssue}
        withScenarios={(props.scenarios?.length ?? 0) > 0}
      />
      {props.shareable && <MakeShareable state={props.shareable} buildRunning={running} />}
    </div>
  );
}

const BASE = "\u0000base";

/** Which assumptions (the base or a scenario) and whether the shares go by role. */
function BuildChoices(props: BuildPanelProps) {
  const styles = useStyles();
  const scenarios = props.scenarios ?? [];
  const live = props.mode === "live";
  const sharesOff = props.unavailable?.shares;
  if (scenarios.length === 0 && !props.onRoles) return null;
  return (
    <section className={styles.section} aria-labelledby="build-choices">
      <Subtitle2 as="h2" id="build-choices">
        What to build with
      </Subtitle2>
      {scenarios.length > 0 && props.onScenario && (
        <Field
          label="Assumptions"
          hint={
            live
              ? "Base is the Value column; a scenario is the column headed with its name, over the base. Live, this is where the Scenarios sheet's \u201cScenario in use\u201d cell starts: change that cell to switch every live sheet, with no rebuild."
              : "Base is the Value column; a scenario is the column headed with its name, over the base."
          }
        >
          <Dropdown
            className={styles.dropdown}
            value={props.scenario === undefined ? BASE_NAME : props.scenario}
            selectedOptions={[props.scenario === undefined ? BASE : props.scenario]}
            onOptionSelect={(_, d) =>
              props.onScenario?.(d.optionValue === BASE ? undefined : d.optionValue)
            }
          >
            <Option value={BASE}>{BASE_NAME}</Option>
            {scenarios.map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {props.onRoles && (
        <Checkbox
          label="Share each role across the localities"
          checked={props.roles ?? false}
          disabled={sharesOff !== undefined}
          onChange={(_, d) => props.onRoles?.(d.checked === true)}
        />
      )}
      {props.onRoles && sharesOff === undefined && (
        <Caption1>
          The Locality shares sheet then shares each role (the posts with one title) out to the
          localities as well, each locality costed at the roles&rsquo; own costs.
        </Caption1>
      )}
      {props.onRoles && sharesOff !== undefined && (
        <Caption1>Roles cannot be shared out: {sharesOff}.</Caption1>
      )}
    </section>
  );
}

/** "Make shareable", per live sheet and for all of them, with progress and outcome. */
function MakeShareable({ state, buildRunning }: { state: ShareableState; buildRunning: boolean }) {
  const styles = useStyles();
  const { sheets, converting, messages } = state;
  if (sheets.length === 0 && messages.length === 0 && converting === undefined) return null;
  const disabled = buildRunning || converting !== undefined;
  return (
    <section className={styles.section} aria-labelledby="make-shareable">
      <Subtitle2 as="h2" id="make-shareable">
        Live sheets
      </Subtitle2>
      {sheets.length > 0 && (
        <>
          <Body1>
            Make shareable replaces ESTAB formulas, and formulas reading other sheets, with their
            values so colleagues without the add-in see the same figures; totals stay as Excel
            formulas. The sheet then no longer recalculates when the establishment or the
            assumptions change: build it again to update it.
          </Body1>
          {!state.knowsModes && (
            <Caption1>
              The add-in cannot tell here which of its sheets are live, so all of them are listed. A
              sheet that is already shareable is left as it is.
            </Caption1>
          )}
          <div className={styles.sheets} role="group" aria-label="Make sheets shareable">
            {sheets.map((name) => (
              <Button
                key={name}
                className={styles.sheetButton}
                disabled={disabled}
                onClick={() => void state.makeShareable([name])}
              >
                Make “{name}” shareable
              </Button>
            ))}
          </div>
          {sheets.length > 1 && (
            <Button disabled={disabled} onClick={() => void state.makeShareable(sheets)}>
              Make all shareable
            </Button>
          )}
        </>
      )}
      <div role="status" aria-live="polite">
        {converting !== undefined && (
          <Field validationMessage={`Making “${converting}” shareable…`} validationState="none">
            <ProgressBar aria-label={`Making “${converting}” shareable`} />
          </Field>
        )}
      </div>
      {messages.map((m, i) => (
        <MessageBar key={i} intent={m.intent}>
          <MessageBarBody>{m.text}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

function BuildOutcome({
  run,
  onSelectIssue,
  withScenarios,
}: {
  run: BuildRun;
  onSelectIssue: (issue: Issue) => void;
  /** The workbook has scenarios: say which assumptions were built with, base included. */
  withScenarios: boolean;
}) {
  const styles = useStyles();
  if (run.stage === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Nothing was built</MessageBarTitle>
          {run.error}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (run.stage !== "done" || !run.result) return null;
  const { result, outcome } = run;
  const warnings = result.issues.filter((i) => i.severity === "warning");
  const switched = run.live && result.ok && result.sheets.some((s) => s.key === "scenarios");
  // With no establishment only the shares are made: said here, not only on the Source tab.
  const sharesOnly = result.issues.find((i) => i.code === "localities-only");
  return (
    <section className={styles.results} aria-labelledby="build-results">
      <Subtitle2 as="h2" id="build-results">
        Results
      </Subtitle2>
      {result.ok ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {outcome?.sheets.length === 1 ? "1 sheet" : `${outcome?.sheets.length ?? 0} sheets`}{" "}
            written
            {run.finishedAt && ` at ${formatDateTime(run.finishedAt)}`}
            {run.scenario !== undefined
              ? `, with the assumptions of the scenario \u2018${run.scenario}\u2019`
              : withScenarios
                ? ", with the base assumptions (the Value column)"
                : ""}
            .
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Nothing was written</MessageBarTitle>
              The workbook has problems that would make the figures wrong. Fix these and build
              again; select one to go to its cell.
            </MessageBarBody>
          </MessageBar>
          <IssueList
            issues={result.issues.filter((i) => i.severity === "error")}
            onSelect={onSelectIssue}
            label="Problems that stopped the build"
          />
        </>
      )}
      {switched && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Switch scenarios in the workbook</MessageBarTitle>
            The Scenarios sheet&apos;s &ldquo;Scenario in use&rdquo; cell switches every live sheet
            between the base and the scenarios, with no rebuild: pick a name from its list.
          </MessageBarBody>
        </MessageBar>
      )}
      {result.ok && sharesOnly && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Locality shares only</MessageBarTitle>
            {sharesOnly.message}.
          </MessageBarBody>
        </MessageBar>
      )}
      {/* On success, only sheets written (the assumptions copy may be left out). */}
      {result.summaries
        .filter((s) => !result.ok || outcome?.sheets.some((w) => w.key === s.key))
        .map((s) => (
          <ResultSummary
            key={s.key}
            summary={s}
            written={outcome?.sheets.find((w) => w.key === s.key)}
          />
        ))}
      {result.ok && warnings.length > 0 && (
        <>
          <Body1>Warnings ({warnings.length}): the sheets were built, but check these.</Body1>
          <IssueList issues={warnings} onSelect={onSelectIssue} label="Warnings from the build" />
        </>
      )}
    </section>
  );
}
