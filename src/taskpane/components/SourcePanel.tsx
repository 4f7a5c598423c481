import {
  Body1,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "../../core/grid";
import { hasErrors } from "../../core/grid";
import type { DetectedTable, MappedFields, MappedTable, SourceView } from "../engine";
import { formatFigure } from "../format";
import { IssueList } from "./IssueList";
import { MappingEditor } from "./MappingEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tables: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: "anywhere" },
  dropdown: { minWidth: "0", width: "100%" },
});

export interface SourcePanelProps {
  view: SourceView;
  onChooseEstablishment: (id: string) => void;
  /** A restructure's two lists, by table id; absent, the pane offers no choice of them. */
  onChooseStructures?: (current: string, proposed: string) => void;
  /** What the user picked, so a pick the core could not take still shows. */
  choice?: { current?: string; proposed?: string };
  onColumn: <T extends MappedTable>(table: T, field: MappedFields[T], column: string) => void;
  onResetMapping: (table: MappedTable) => void;
  onSelectIssue: (issue: Issue) => void;
}

/** The tables whose columns can be remapped, in the order the pane shows them. */
const MAPPED: ReadonlyArray<{ table: MappedTable; id: string; title: string; intro: string }> = [
  {
    table: "establishment",
    id: "source-mapping",
    title: "Establishment columns",
    intro: "Check each column is read as the right thing; change any that is wrong.",
  },
  {
    table: "localities",
    id: "source-locality-mapping",
    title: "Locality columns",
    intro:
      "The need index is worked out from these columns: check population, deprivation and demand are read from the right ones.",
  },
];

function where(t: DetectedTable): string {
  return `${t.table ? `table ${t.table} on ` : ""}${t.sheet}!${t.range}`;
}

/** The value of the structure dropdowns that means "one table with Proposed FTE". */
const ONE_TABLE = "\u0000one-table";

/**
 * A restructure's two lists: which were taken, and the choice of them from the tables of
 * posts found, or of one table with a Proposed FTE column instead (issue 14).
 */
function Restructure({
  view,
  choice,
  onChooseStructures,
  onChooseEstablishment,
}: SourcePanelProps) {
  const styles = useStyles();
  const two = view.restructure;
  const named = choice?.current !== undefined || choice?.proposed !== undefined;
  const oneTable = view.oneTableRestructures ?? [];
  // One table picked instead of two lists: still offered, to go back to two lists.
  const est = view.establishment;
  const single =
    !two &&
    !named &&
    est !== undefined &&
    oneTable.includes(est.id) &&
    view.establishments.length > 1;
  if (!onChooseStructures || (!two && !named && !single)) return null;
  // Leaving one table for two lists: the other list is a table without Proposed FTE, if any.
  const other = (id: string) =>
    (
      view.establishments.find((t) => t.id !== id && !oneTable.includes(t.id)) ??
      view.establishments.find((t) => t.id !== id)
    )?.id ?? "";
  const current = single ? ONE_TABLE : (two?.current.id ?? choice?.current ?? "");
  const proposed = single ? ONE_TABLE : (two?.proposed.id ?? choice?.proposed ?? "");
  const label = (id: string) => {
    if (id === ONE_TABLE) return "One table with Proposed FTE";
    const t = view.establishments.find((e) => e.id === id);
    return t ? where(t) : id;
  };
  const pick = (which: "current" | "proposed", id: string | undefined) => {
    if (!id) return;
    if (id === ONE_TABLE) return oneTable[0] && onChooseEstablishment(oneTable[0]);
    const keep = (mine: string) => (mine === ONE_TABLE ? other(id) : mine);
    if (which === "current") onChooseStructures(id, keep(proposed));
    else onChooseStructures(keep(current), id);
  };
  const list = (which: "current" | "proposed", title: string, id: string) => (
    <Field label={title}>
      <Dropdown
        className={styles.dropdown}
        value={label(id)}
        selectedOptions={[id]}
        onOptionSelect={(_, d) => pick(which, d.optionValue)}
      >
        {view.establishments.map((t) => (
          <Option key={t.id} value={t.id}>
            {where(t)}
          </Option>
        ))}
        {oneTable.length > 0 && (
          <Option value={ONE_TABLE} text="One table with Proposed FTE">
            {`One table with Proposed FTE (${label(oneTable[0])})`}
          </Option>
        )}
      </Dropdown>
    </Field>
  );
  return (
    <div className={styles.section} role="group" aria-label="Restructure">
      {two && (
        <Body1>
          Restructure: current structure {where(two.current)}, proposed structure{" "}
          {where(two.proposed)}.
        </Body1>
      )}
      {single && est && <Body1>Restructure: one table with Proposed FTE, {where(est)}.</Body1>}
      <Caption1>
        {single
          ? "If the current and the proposed structure are two lists instead, pick them here."
          : "The current structure is the establishment the costing sheets cost; the Restructure sheet compares the two. Pick others if these are not the right lists."}
      </Caption1>
      {list("current", "Current structure", current)}
      {list("proposed", "Proposed structure", proposed)}
    </div>
  );
}

export function SourcePanel(props: SourcePanelProps) {
  const { view } = props;
  const styles = useStyles();
  /** Errors and warnings; notes (info) are listed quietly and not counted as problems. */
  const problems = view.issues.filter((i) => i.severity !== "info").length;
  const est = view.establishment;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="source-tables">
        <Subtitle2 as="h2" id="source-tables">
          Tables found
        </Subtitle2>
        {!est && !view.localities && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>No establishment table found</MessageBarTitle>
              Put a table of posts in the workbook with a header row naming at least the position
              and its FTE (for example &ldquo;Position Name&rdquo; and &ldquo;FTE&rdquo;), then
              refresh.
            </MessageBarBody>
          </MessageBar>
        )}
        {!est && view.localities && (
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>Localities only</MessageBarTitle>
              There is no establishment table, so only the locality shares can be built: they share
              out the &lsquo;FTE to share out&rsquo; on the Assumptions sheet. Add a table of posts
              for the other sheets.
            </MessageBarBody>
          </MessageBar>
        )}
        <Restructure {...props} />
        {est && !view.restructure && view.establishments.length > 1 && (
          <Field
            label="Establishment table"
            hint="The workbook has more than one table of posts: pick the one to cost."
          >
            <Dropdown
              className={styles.dropdown}
              value={where(est)}
              selectedOptions={[est.id]}
              onOptionSelect={(_, d) => d.optionValue && props.onChooseEstablishment(d.optionValue)}
            >
              {view.establishments.map((t) => (
                <Option key={t.id} value={t.id}>
                  {where(t)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        {(est || view.localities) && (
          <dl className={styles.tables}>
            <dt className={styles.term}>
              {view.restructure ? "Establishment (current structure)" : "Establishment"}
            </dt>
            <dd className={styles.detail}>
              {est ? where(est) : "None found"}
              {view.totals && (
                <Caption1 as="p" block>
                  {view.totals.posts} {view.totals.posts === 1 ? "post" : "posts"},{" "}
                  {formatFigure(view.totals.fte, "fte")} FTE
                  {view.totals.headcount !== undefined && `, ${view.totals.headcount} staff`}
                </Caption1>
              )}
            </dd>
            <dt className={styles.term}>Localities</dt>
            <dd className={styles.detail}>
              {view.localities
                ? `${where(view.localities)} (${view.localities.rows} ${view.localities.rows === 1 ? "locality" : "localities"})`
                : "None found"}
            </dd>
            <dt className={styles.term}>Pay scales</dt>
            <dd className={styles.detail}>
              {view.payScales
                ? `${where(view.payScales)} (${view.payScales.rows} points)`
                : "None: grade minimum and maximum are used"}
            </dd>
          </dl>
        )}
      </section>

      {/* Problems before the mapping: they are what needs doing (issue 17). */}
      <section className={styles.section} aria-labelledby="source-issues">
        <Subtitle2 as="h2" id="source-issues">
          Problems found ({problems})
        </Subtitle2>
        {view.issues.length === 0 ? (
          <Body1>None: the tables read cleanly.</Body1>
        ) : (
          <>
            <Body1>
              {hasErrors(view.issues)
                ? "Errors stop the sheets being built until they are fixed. Select one to go to its cell."
                : problems > 0
                  ? "Warnings do not stop the build. Select one to go to its cell."
                  : "None: the tables read cleanly. The notes below need nothing doing."}
            </Body1>
            <IssueList
              issues={view.issues}
              onSelect={props.onSelectIssue}
              label="Problems in the source"
            />
          </>
        )}
      </section>

      {MAPPED.map(({ table, id, title, intro }) => {
        const columns = view.columns[table];
        if (!columns) return null;
        return (
          <section key={table} className={styles.section} aria-labelledby={id}>
            <Subtitle2 as="h2" id={id}>
              {title}
            </Subtitle2>
            <Body1>{intro}</Body1>
            <MappingEditor
              mapping={columns.mapping}
              headers={columns.headers}
              onColumn={(field, column) => props.onColumn(table, field, column)}
              onReset={() => props.onResetMapping(table)}
            />
          </section>
        );
      })}
    </div>
  );
}
