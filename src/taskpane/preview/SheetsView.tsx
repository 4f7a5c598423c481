import {
  Badge,
  Body1,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CellPosition, CellValue, Grid } from "../../core/grid";
import { columnLetters, fromA1 } from "../../core/grid";
import type { PreviewSheet } from "./xlsx-port";
import { visuallyHidden } from "../theme";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
    textAlign: "right",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
    maxWidth: "24em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  number: { textAlign: "right" },
  hidden: visuallyHidden,
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** Big sheets are cut here: the preview is for looking, not for 100,000-row tables. */
const MAX_ROWS = 300;
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

function show(value: CellValue | undefined): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "number") return number.format(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/**
 * The region to show: the last one that starts above and left of the cell an issue points
 * at (the one holding it, or the table it lies just below), else the sheet's first.
 */
function regionFor(sheet: PreviewSheet, target: CellPosition | undefined): Grid | undefined {
  const before = target
    ? sheet.grids.filter((g) => g.origin.row <= target.row && g.origin.column <= target.column)
    : [];
  return before.at(-1) ?? sheet.grids[0];
}

export interface SheetsViewProps {
  sheets: PreviewSheet[];
  /** The cell an issue pointed at, as Excel would select it. */
  selection?: { sheet: string; address: string };
}

/**
 * The preview's stand-in for Excel's grid: every sheet as a plain table, the add-in's own
 * sheets marked, and the cell an issue points at highlighted and focused.
 */
export function SheetsView({ sheets, selection }: SheetsViewProps) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<string>();
  // An issue click shows its sheet; otherwise the user's pick, else the first sheet.
  const [followed, setFollowed] = useState(selection);
  if (selection !== followed) {
    setFollowed(selection);
    if (selection) setChosen(selection.sheet);
  }
  const name = sheets.some((s) => s.name === chosen) ? chosen : sheets[0]?.name;
  const sheet = sheets.find((s) => s.name === name);
  const target = selection && selection.sheet === name ? fromA1(selection.address) : undefined;
  const selectedRef = useRef<HTMLTableCellElement>(null);

  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "center", inline: "center" });
    selectedRef.current?.focus();
  }, [selection, name]);

  const grid = sheet && regionFor(sheet, target);

  const rows = useMemo(() => {
    if (!grid) return [];
    const height = Math.max(grid.values.length, target ? target.row - grid.origin.row + 1 : 0);
    return Array.from({ length: Math.min(height, MAX_ROWS) }, (_, r) => grid.values[r] ?? []);
  }, [grid, target]);

  if (!sheet || !grid) return <Body1>The workbook has no sheets.</Body1>;
  const width = Math.max(
    ...rows.map((r) => r.length),
    target ? target.column - grid.origin.column + 1 : 0,
    1
  );
  const columns = Array.from({ length: width }, (_, c) => grid.origin.column + c);

  return (
    <div className={styles.root}>
      <Field label="Sheet">
        <Dropdown
          value={name}
          selectedOptions={name ? [name] : []}
          onOptionSelect={(_, d) => d.optionValue && setChosen(d.optionValue)}
        >
          {sheets.map((s) => (
            <Option key={s.name} value={s.name} text={s.name}>
              {s.name}
              {s.owned ? " (created by the add-in)" : ""}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div>
        {sheet.owned ? (
          <Badge appearance="tint" color="brand">
            Created by the add-in
          </Badge>
        ) : (
          <Badge appearance="tint" color="informative">
            Your sheet: the add-in never changes it
          </Badge>
        )}
      </div>
      {selection && selection.sheet === name && (
        <MessageBar intent="info">
          <MessageBarBody>
            In Excel the add-in would select {selection.sheet}!{selection.address}; here it is
            highlighted.
          </MessageBarBody>
        </MessageBar>
      )}
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`Sheet ${sheet.name}`}
      >
        <table className={styles.table}>
          <caption className={styles.hidden}>{sheet.name}</caption>
          <thead>
            <tr>
              <td className={styles.head} />
              {columns.map((c) => (
                <th key={c} scope="col" className={styles.head}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const sheetRow = grid.origin.row + r;
              return (
                <tr key={r}>
                  <th scope="row" className={styles.rowHead}>
                    {sheetRow + 1}
                  </th>
                  {columns.map((c, i) => {
                    const v = row[i];
                    const isTarget = target?.row === sheetRow && target.column === c;
                    return (
                      <td
                        key={c}
                        ref={isTarget ? selectedRef : undefined}
                        tabIndex={isTarget ? -1 : undefined}
                        aria-current={isTarget ? "true" : undefined}
                        data-address={isTarget ? selection?.address : undefined}
                        className={`${styles.cell} ${typeof v === "number" ? styles.number : ""} ${isTarget ? styles.selected : ""}`}
                        title={typeof v === "string" && v.length > 30 ? v : undefined}
                      >
                        {show(v)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {grid.values.length > MAX_ROWS && (
        <Caption1>
          Showing the first {MAX_ROWS} of {grid.values.length} rows.
        </Caption1>
      )}
    </div>
  );
}
