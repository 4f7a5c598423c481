import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Issue } from "../../core/grid";
import { quoteSheetName } from "../../core/grid";

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
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  where: { fontWeight: tokens.fontWeightSemibold },
  fix: { color: tokens.colorNeutralForeground2 },
});

/** Long lists stay usable: the first ones, then a button for the rest. */
const FIRST = 30;

export interface IssueListProps {
  issues: readonly Issue[];
  /** Takes the user to the cell (Excel selects it; the preview shows it). */
  onSelect: (issue: Issue) => void;
  /** For the list's accessible name: "Problems in the source". */
  label: string;
}

/** Errors first (they block building), then warnings; each one goes to its cell. */
export function IssueList({ issues, onSelect, label }: IssueListProps) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const sorted = [...issues].sort((a, b) => rank(a) - rank(b));
  const shown = showAll ? sorted : sorted.slice(0, FIRST);
  return (
    <div>
      <ul className={styles.list} aria-label={label}>
        {shown.map((issue, i) => (
          <li key={`${issue.sheet}!${issue.address}:${issue.code}:${i}`}>
            <Button
              appearance="subtle"
              className={styles.item}
              onClick={() => onSelect(issue)}
              title={`Go to ${quoteSheetName(issue.sheet)}!${issue.address}`}
            >
              <Badge
                appearance="filled"
                color={issue.severity === "error" ? "danger" : "warning"}
                aria-label={issue.severity === "error" ? "Error" : "Warning"}
              >
                {issue.severity === "error" ? "Error" : "Warning"}
              </Badge>
              <span className={styles.text}>
                <span className={styles.where}>
                  {quoteSheetName(issue.sheet)}!{issue.address}
                </span>
                <span>{issue.message}</span>
                <Caption1 className={styles.fix}>{issue.fix}</Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {sorted.length > shown.length && (
        <Button appearance="transparent" onClick={() => setShowAll(true)}>
          Show all {sorted.length} problems
        </Button>
      )}
    </div>
  );
}

function rank(issue: Issue): number {
  return issue.severity === "error" ? 0 : 1;
}
