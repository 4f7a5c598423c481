import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Issue } from "../../core/grid";
import { quoteSheetName, severityRank } from "../../core/grid";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
  },
  /** Badges keep their width: Fluent's Badge has a min-width, so in a flex row it shrank and clipped "Warning". */
  badge: { flexShrink: 0 },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  where: { fontWeight: tokens.fontWeightSemibold },
  fix: { color: tokens.colorNeutralForeground2 },
  /** Notes are fine as they are: quieter text, no bold cell address. */
  note: { color: tokens.colorNeutralForeground2 },
  noteWhere: { fontWeight: tokens.fontWeightRegular },
});

const BADGE = {
  error: { color: "danger", label: "Error" },
  warning: { color: "warning", label: "Warning" },
  info: { color: "informative", label: "Note" },
} as const;

/** Long lists stay usable: the first ones, then a button for the rest. */
const FIRST = 30;

export interface IssueListProps {
  issues: readonly Issue[];
  /** Takes the user to the cell (Excel selects it; the preview shows it). */
  onSelect: (issue: Issue) => void;
  /** For the list's accessible name: "Problems in the source". */
  label: string;
}

/**
 * Errors first (they block building), then warnings; notes (info: fine as they are, e.g.
 * a blank spacer row) last, collapsed behind a button. Each one goes to its cell.
 */
export function IssueList({ issues, onSelect, label }: IssueListProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const notesId = useId();
  const sorted = [...issues]
    .filter((i) => i.severity !== "info")
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const notes = issues.filter((i) => i.severity === "info");
  const shown = showAll ? sorted : sorted.slice(0, FIRST);
  const item = (issue: Issue, i: number) => {
    const badge = BADGE[issue.severity];
    const quiet = issue.severity === "info";
    return (
      <li key={`${issue.sheet}!${issue.address}:${issue.code}:${i}`}>
        <Button
          appearance="subtle"
          className={styles.item}
          onClick={() => onSelect(issue)}
          title={`Go to ${quoteSheetName(issue.sheet)}!${issue.address}`}
        >
          <Badge
            className={styles.badge}
            appearance={quiet ? "tint" : "filled"}
            color={badge.color}
            aria-label={badge.label}
          >
            {badge.label}
          </Badge>
          <span className={quiet ? `${styles.text} ${styles.note}` : styles.text}>
            <span className={quiet ? styles.noteWhere : styles.where}>
              {quoteSheetName(issue.sheet)}!{issue.address}
            </span>
            <span>{issue.message}</span>
            <Caption1 className={styles.fix}>{issue.fix}</Caption1>
          </span>
        </Button>
      </li>
    );
  };
  return (
    <div>
      {sorted.length > 0 && (
        <ul className={styles.list} aria-label={label}>
          {shown.map(item)}
        </ul>
      )}
      {sorted.length > shown.length && (
        <Button appearance="transparent" onClick={() => setShowAll(true)}>
          Show all {sorted.length} problems
        </Button>
      )}
      {notes.length > 0 && (
        <>
          <Button
            appearance="transparent"
            aria-expanded={showNotes}
            aria-controls={notesId}
            onClick={() => setShowNotes((v) => !v)}
          >
            {showNotes ? "Hide" : "Show"} {notes.length === 1 ? "1 note" : `${notes.length} notes`}{" "}
            (nothing to do)
          </Button>
          {showNotes && (
            <ul id={notesId} className={styles.list} aria-label={`${label}: notes`}>
              {notes.map(item)}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
