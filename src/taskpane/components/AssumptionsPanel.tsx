import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  Body1,
  Body1Strong,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Issue } from "../../core/grid";
import { needsBuild } from "../../core/report/assumptions-sheet";
import { SETTING_GROUPS, type Setting } from "../engine";
import { ADD_SCENARIO, type AssumptionsState } from "../hooks/useAssumptions";
import { IssueList } from "./IssueList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  settings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  values: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  value: { margin: 0, textAlign: "right", overflowWrap: "anywhere" },
  control: { minWidth: "0", width: "100%" },
  addScenario: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  addRow: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: "0" },
});

export interface AssumptionsPanelProps {
  state: AssumptionsState;
  onSelectIssue: (issue: Issue) => void;
  /** Live calculated sheets in the workbook: they follow most settings here (see needsBuild). */
  liveSheets?: readonly string[];
  /** Builds the sheets again: offered when a setting live sheets cannot follow is changed. */
  onRebuild?: () => void;
}

/** The settings by group, the grant first; within a group, in the sheet's order. */
function groupsOf(settings: readonly Setting[]) {
  return SETTING_GROUPS.map((g) => ({
    ...g,
    settings: settings.filter((s) => s.group === g.group),
  })).filter((g) => g.settings.length > 0);
}

/** “A”, “A” and “B”, “A”, “B” and “C”. */
function sheetList(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length < 2
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

export function AssumptionsPanel({
  state,
  onSelectIssue,
  liveSheets = [],
  onRebuild,
}: AssumptionsPanelProps) {
  const styles = useStyles();
  const { view, access } = state;
  // The last setting changed here that the live sheets cannot follow without a build.
  const [needsRebuild, setNeedsRebuild] = useState<string>();
  if (!view) return null;
  return (
    <div className={styles.root}>
      {access === "missing" && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No assumptions sheet yet</MessageBarTitle>
            The defaults below are used. Create the sheet to change them: it goes into the workbook,
            so anyone who opens the file sees every assumption.
          </MessageBarBody>
        </MessageBar>
      )}
      {access === "missing" && (
        <Button
          appearance="primary"
          disabled={state.busy === "create"}
          onClick={() => void state.createSheet()}
        >
          {state.busy === "create"
            ? "Creating the assumptions sheet…"
            : "Create the assumptions sheet"}
        </Button>
      )}
      {state.errors.create && (
        <MessageBar intent="error">
          <MessageBarBody>{state.errors.create}</MessageBarBody>
        </MessageBar>
      )}
      {access === "read-only" && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Your own sheet: shown, not changed</MessageBarTitle>
            &ldquo;{view.sheet}&rdquo; was not created by the add-in, and the add-in never edits a
            sheet it did not create. Change the values in the sheet itself, then refresh.
          </MessageBarBody>
        </MessageBar>
      )}

      {access === "editable" && liveSheets.length > 0 && (
        // Live formulas refer to this sheet's cells (docs/functions.md): most edits reach the
        // live sheets at once; the few that change their layout need a build.
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Live sheets follow these settings</MessageBarTitle>
            {sheetList(liveSheets)} {liveSheets.length === 1 ? "recalculates" : "recalculate"} when
            you change a rate, a pay award, the vacancy factor or the FTE to share out here; a
            setting whose note says &ldquo;build again&rdquo; reaches{" "}
            {liveSheets.length === 1 ? "it" : "them"} when you build again (Build tab).
          </MessageBarBody>
        </MessageBar>
      )}
      {access === "editable" && liveSheets.length > 0 && needsRebuild && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Build again to apply “{needsRebuild}”</MessageBarTitle>
            It changes the live sheets&rsquo; layout, which their formulas cannot follow.
          </MessageBarBody>
        </MessageBar>
      )}
      {access === "editable" && liveSheets.length > 0 && needsRebuild && onRebuild && (
        <Button
          appearance="primary"
          onClick={() => {
            setNeedsRebuild(undefined);
            onRebuild();
          }}
        >
          Build again
        </Button>
      )}

      <section className={styles.settings} aria-labelledby="assumptions-settings">
        <Subtitle2 as="h2" id="assumptions-settings">
          {access === "editable" ? `Settings on “${view.sheet}”` : "Settings in force"}
        </Subtitle2>
        <div className={styles.groups}>
          {groupsOf(view.settings).map(({ group, label, settings }) => (
            <section key={group} className={styles.group} aria-labelledby={`settings-${group}`}>
              <Body1Strong as="h3" id={`settings-${group}`} className={styles.groupTitle}>
                {label}
              </Body1Strong>
              {access === "editable" ? (
                <div className={styles.form}>
                  {settings.map((s) => (
                    <SettingField
                      key={`${s.key}:${s.display}`}
                      setting={s}
                      error={state.errors[s.key]}
                      busy={state.busy === s.key}
                      onSave={(input) => {
                        if (needsBuild(s.label)) setNeedsRebuild(s.label);
                        return state.save(s, input);
                      }}
                    />
                  ))}
                </div>
              ) : (
                <dl className={styles.values}>
                  {settings.map((s) => (
                    <div key={s.key} style={{ display: "contents" }}>
                      <dt>{s.label}</dt>
                      <dd className={styles.value}>
                        {s.display || (s.placeholder ? `${s.placeholder} (default)` : "—")}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
          ))}
        </div>
      </section>

      {access !== "missing" && (
        <ScenariosSection state={state} sheet={view.sheet ?? ""} live={liveSheets.length > 0} />
      )}

      {view.issues.length > 0 && (
        <section aria-labelledby="assumptions-issues">
          <Subtitle2 as="h2" id="assumptions-issues">
            Problems in the assumptions ({view.issues.length})
          </Subtitle2>
          <IssueList
            issues={view.issues}
            onSelect={onSelectIssue}
            label="Problems in the assumptions"
          />
        </section>
      )}
    </div>
  );
}

/**
 * Adding a scenario: on the add-in's sheet, a name written as the heading of a new column
 * (the core says which, or why the name cannot be one); on the user's sheet, how to add
 * one there, since the add-in never writes to it.
 */
function ScenariosSection(props: { state: AssumptionsState; sheet: string; live: boolean }) {
  const { state, sheet, live } = props;
  // The live switch lists the scenarios there were at the build.
  const afterBuild = live
    ? "; the live sheets’ “Scenario in use” switch offers it once they are built again"
    : "";
  const styles = useStyles();
  const [name, setName] = useState("");
  const error = state.errors[ADD_SCENARIO];
  const busy = state.busy === ADD_SCENARIO;
  // Said once the sheet, read back, has the scenario.
  const added =
    state.added && state.view?.scenarios?.includes(state.added.name) ? state.added : undefined;
  const add = async () => {
    if (await state.addScenario(name)) setName("");
  };
  return (
    <section className={styles.addScenario} aria-labelledby="assumptions-scenarios">
      <Subtitle2 as="h2" id="assumptions-scenarios">
        Scenarios
      </Subtitle2>
      {state.access === "editable" ? (
        <>
          <Body1>
            A scenario is a column beside the Value column, headed with its name, holding only the
            settings it changes; the Build tab builds with it or compares it with the base.
          </Body1>
          <div className={styles.addRow}>
            <Field
              className={styles.grow}
              label="New scenario's name"
              validationMessage={error}
              validationState={error ? "error" : "none"}
            >
              <Input
                value={name}
                placeholder="e.g. Pay award 4%"
                disabled={busy}
                onChange={(_, d) => setName(d.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") void add();
                }}
              />
            </Field>
            <Button disabled={busy} onClick={() => void add()}>
              {busy ? "Adding…" : "Add a scenario"}
            </Button>
          </div>
          {added && (
            <MessageBar intent="success">
              <MessageBarBody>
                <MessageBarTitle>
                  Scenario “{added.name}” added in column {added.column}
                </MessageBarTitle>
                Type the settings it changes in column {added.column} of “{sheet}”, in each
                setting&rsquo;s row; a blank cell there is as the base. Build with it on the Build
                tab{afterBuild}.
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      ) : (
        <Body1>
          To add a scenario, head a new column of “{sheet}” with its name, right of the Value column
          and its notes, and type in it only the settings the scenario changes; then refresh.
        </Body1>
      )}
    </section>
  );
}

interface SettingFieldProps {
  setting: Setting;
  error?: string;
  busy: boolean;
  onSave: (input: string) => Promise<boolean>;
}

/**
 * One setting. Choices and yes/no are written as soon as they change; typed values when
 * the user leaves the box or presses Enter, so half-typed numbers never reach the sheet.
 * The component is keyed by the value in force, so a write that lands resets the draft.
 */
function SettingField({ setting, error, busy, onSave }: SettingFieldProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState(setting.display);
  const label = setting.label;
  const hint = setting.help;
  const common = {
    label,
    hint,
    validationMessage: error,
    validationState: error ? ("error" as const) : ("none" as const),
  };
  const editable = setting.address !== undefined && !busy;

  if (setting.input.type === "choice") {
    return (
      <Field {...common}>
        <Dropdown
          className={styles.control}
          disabled={!editable}
          value={setting.display}
          selectedOptions={[setting.display]}
          onOptionSelect={(_, d) => {
            if (d.optionValue !== undefined && d.optionValue !== setting.display)
              void onSave(d.optionValue);
          }}
        >
          {setting.input.options.map((o) => (
            <Option key={o} value={o}>
              {o}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  }
  if (setting.input.type === "boolean") {
    const on = /^(yes|y|true|on)$/i.test(setting.display);
    return (
      <Field {...common}>
        <Switch
          disabled={!editable}
          checked={on}
          label={on ? "Yes" : "No"}
          onChange={(_, d) => void onSave(d.checked ? "Yes" : "No")}
        />
      </Field>
    );
  }
  const commit = () => {
    if (draft.trim() !== setting.display.trim()) void onSave(draft);
  };
  return (
    <Field {...common}>
      <Input
        className={styles.control}
        disabled={!editable}
        value={draft}
        placeholder={setting.placeholder ? `${setting.placeholder} (default)` : undefined}
        inputMode={setting.input.type === "text" ? "text" : "decimal"}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(setting.display);
        }}
      />
    </Field>
  );
}
