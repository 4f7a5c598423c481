import {
  Body1,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WrittenSheet } from "../../core/workbook/port";
import type { BuiltSummary } from "../../core/workbook/types";
import { formatFigure } from "../format";
import { SheetChart } from "./SheetChart";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  figures: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  label: { overflowWrap: "anywhere" },
  value: {
    margin: 0,
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
});

export interface ResultSummaryProps {
  /** With the figures of the sheet's charts: the pane draws the charts the workbook carries. */
  summary: BuiltSummary;
  /** Where it was written: differs from the name asked for when a user's sheet had it. */
  written?: WrittenSheet;
}

export function ResultSummary({ summary, written }: ResultSummaryProps) {
  const styles = useStyles();
  const name = written?.name ?? summary.sheetName;
  return (
    <Card className={styles.card} aria-label={`Summary of ${name}`} data-sheet-key={summary.key}>
      <CardHeader header={<Subtitle2 as="h3">{name}</Subtitle2>} />
      {written && written.name !== written.requested && (
        <MessageBar intent="info">
          <MessageBarBody>
            A sheet of yours is already called &ldquo;{written.requested}&rdquo;, so it was left
            alone and this was written to &ldquo;{written.name}&rdquo;.
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>{summary.headline}</Body1>
      <dl className={styles.figures}>
        {summary.figures.map((f, i) => (
          <div key={`${f.label}-${i}`} style={{ display: "contents" }}>
            <dt className={styles.label}>{f.label}</dt>
            <dd className={styles.value} data-figure={f.label}>
              {formatFigure(f.value, f.format)}
            </dd>
          </div>
        ))}
      </dl>
      {summary.charts.map((c) => (
        <SheetChart key={c.title} chart={c} />
      ))}
      {summary.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
    </Card>
  );
}
