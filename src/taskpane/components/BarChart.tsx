import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { NumberFormatName } from "../../core/report";
import { formatFigure, formatFigureShort } from "../format";

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  format: NumberFormatName;
}

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "11px" },
  bar: { fill: tokens.colorBrandBackground },
  negative: { fill: tokens.colorPaletteRedBackground3 },
  axis: { stroke: tokens.colorNeutralStroke1 },
});

const ROW = 22;
const LABEL_WIDTH = 84;
const VALUE_WIDTH = 64;
const WIDTH = 300;

/**
 * Horizontal bars: labels stay readable at task-pane width where columns would not. The
 * SVG is one image with a text description of every bar, so a screen reader hears the
 * figures rather than shapes.
 */
export function BarChart({ title, bars, format }: BarChartProps) {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1e-9);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const description = bars.map((b) => `${b.label}: ${formatFigure(b.value, format)}`).join("; ");
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const width = (Math.abs(b.value) / max) * plot;
        return (
          <g key={`${b.label}-${i}`} aria-hidden="true">
            <text className={styles.label} x={LABEL_WIDTH - 6} y={y + ROW / 2 + 4} textAnchor="end">
              {b.label.length > 14 ? `${b.label.slice(0, 13)}…` : b.label}
            </text>
            <rect
              className={b.value < 0 ? styles.negative : styles.bar}
              x={LABEL_WIDTH}
              y={y + 3}
              width={Math.max(width, b.value === 0 ? 0 : 1)}
              height={ROW - 6}
              rx={2}
            />
            <text className={styles.value} x={LABEL_WIDTH + width + 4} y={y + ROW / 2 + 4}>
              {formatFigureShort(b.value, format)}
            </text>
          </g>
        );
      })}
      <line
        className={styles.axis}
        x1={LABEL_WIDTH}
        x2={LABEL_WIDTH}
        y1={0}
        y2={bars.length * ROW + 4}
        aria-hidden="true"
      />
    </svg>
  );
}
