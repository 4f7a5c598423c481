import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChartData } from "../../core/workbook/types";
import { formatFigure, formatFigureShort } from "../format";
import { visuallyHidden } from "../theme";

/**
 * A sheet's chart in the task pane: the same chart the workbook carries (its ChartSpec,
 * read back from the sheet's cells by the core's `chartData`), drawn small in Fluent's
 * colours. Columns, columns with lines (a line may have its own axis on the right), and
 * horizontal bars diverging from zero, so a change per team shows its sign. The SVG is
 * one image whose name says every figure; a visually hidden table holds them too, to
 * read cell by cell.
 */

type Series = ChartData["series"][number];

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  text: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "10px" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: "2 2" },
  column0: { fill: tokens.colorBrandBackground },
  column1: { fill: tokens.colorPaletteTealBorderActive },
  less: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  line0: { stroke: tokens.colorPaletteDarkOrangeBorderActive, strokeWidth: 2, fill: "none" },
  line1: { stroke: tokens.colorPaletteBerryBorderActive, strokeWidth: 2, fill: "none" },
  dot0: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  dot1: { fill: tokens.colorPaletteBerryBorderActive },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "10px", height: "10px", borderRadius: tokens.borderRadiusSmall },
  hidden: visuallyHidden,
});

type Styles = ReturnType<typeof useStyles>;

const WIDTH = 300;

const isLine = (chart: ChartData, s: Series) => chart.type === "line" || s.kind === "line";

/** "Salary £2.4m, Employer NI £306.5k": a series' figures, short. */
function figuresSaid(chart: ChartData, s: Series): string {
  const signed = chart.type === "bar";
  return chart.categories
    .map((c, i) => {
      const v = s.values[i];
      if (v === null) return `${c} none`;
      return `${c} ${signed && v > 0 ? "+" : ""}${formatFigureShort(v, s.format)}`;
    })
    .join(", ");
}

/** The image's name: the title and every figure. */
function chartLabel(chart: ChartData): string {
  const [only] = chart.series;
  const said =
    chart.series.length === 1
      ? figuresSaid(chart, only)
      : chart.series.map((s) => `${s.name}: ${figuresSaid(chart, s)}`).join("; ");
  return `${chart.title}. ${said}`;
}

/** Low and high ends of a value axis, zero always on it. */
function domain(values: Array<number | null>): [number, number] {
  const shown = values.filter((v): v is number => v !== null);
  const low = Math.min(0, ...shown);
  const high = Math.max(0, ...shown);
  return high === low ? [low, low + 1] : [low, high];
}

/** About how wide a character of the 10px labels is. */
const CHAR_WIDTH = 5.2;

/** A label in lines of at most `chars` characters, breaking between words. */
function wrapped(label: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/)) {
    if (line && `${line} ${word}`.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/**
 * The column charts' frame: the plot's edges, the room for the value scales, and the
 * category labels under it, level in up to two lines when every one fits its column's
 * width, else slanted (cut at 16 characters), so no label runs into the next.
 */
function columnFrame(chart: ChartData) {
  const LEFT = 44;
  const RIGHT = chart.series.some((s) => s.secondaryAxis) ? 40 : 6;
  const TOP = 12;
  const PLOT = 120;
  const slot = (WIDTH - LEFT - RIGHT) / chart.categories.length;
  // A level label may run a little into the gaps beside its column.
  const chars = Math.max(Math.floor((slot + 12) / CHAR_WIDTH), 3);
  const level = chart.categories.map((c) => wrapped(c, chars));
  const fits = level.every((l) => l.length <= 2 && l.every((x) => x.length <= chars));
  const slanted = chart.categories.map((c) => (c.length > 16 ? `${c.slice(0, 15)}…` : c));
  const longest = Math.max(...slanted.map((c) => c.length));
  const room = fits ? 30 : Math.ceil(longest * CHAR_WIDTH * 0.7) + 16;
  return {
    LEFT,
    RIGHT,
    TOP,
    PLOT,
    slot,
    level: fits ? level : undefined,
    slanted,
    height: TOP + PLOT + room,
  };
}

/** Horizontal bars from zero: more to the right, less to the left. */
function DivergingBars({ chart, styles }: { chart: ChartData; styles: Styles }) {
  const [s] = chart.series;
  const ROW = 22;
  const LABEL = 92;
  const VALUE = 56;
  const plot = WIDTH - LABEL - VALUE;
  const [low, high] = domain(s.values);
  const x = (v: number) => LABEL + ((v - low) / (high - low)) * plot;
  const height = chart.categories.length * ROW + 4;
  return (
    <>
      <g data-series={s.name}>
        {chart.categories.map((c, i) => {
          const v = s.values[i];
          const y = i * ROW + 2;
          const left = v === null ? x(0) : Math.min(x(0), x(v));
          return (
            <g key={`${c}-${i}`}>
              <text className={styles.label} x={LABEL - 6} y={y + ROW / 2 + 4} textAnchor="end">
                {c.length > 16 ? `${c.slice(0, 15)}…` : c}
              </text>
              {v !== null && (
                <rect
                  className={v < 0 ? styles.less : styles.column0}
                  x={left}
                  y={y + 3}
                  width={Math.abs(x(v) - x(0))}
                  height={ROW - 6}
                  rx={2}
                  data-value={v}
                />
              )}
              <text className={styles.text} x={WIDTH - VALUE + 4} y={y + ROW / 2 + 4}>
                {v === null ? "" : `${v > 0 ? "+" : ""}${formatFigureShort(v, s.format)}`}
              </text>
            </g>
          );
        })}
      </g>
      <line className={styles.axis} x1={x(0)} x2={x(0)} y1={0} y2={height} />
    </>
  );
}

/** Columns and lines over the categories; a series on the secondary axis reads against the right. */
function ColumnsAndLines({ chart, styles }: { chart: ChartData; styles: Styles }) {
  const secondary = chart.series.filter((s) => s.secondaryAxis);
  const primary = chart.series.filter((s) => !s.secondaryAxis);
  const frame = columnFrame(chart);
  const { LEFT, RIGHT, TOP, PLOT, slot } = frame;
  const scale = (series: Series[]) => {
    const [low, high] = domain(series.flatMap((s) => s.values));
    return { low, high, y: (v: number) => TOP + PLOT - ((v - low) / (high - low)) * PLOT };
  };
  const left = scale(primary);
  const right = secondary.length ? scale(secondary) : left;
  const columns = chart.series.filter((s) => !isLine(chart, s));
  const band = (slot * 0.7) / Math.max(columns.length, 1);
  // Figures on the columns only when they are alone: a line would run through them.
  const labelled = columns.length === chart.series.length && columns.length === 1;
  const cx = (i: number) => LEFT + slot * i + slot / 2;
  const ends = (axis: typeof left, s: Series | undefined) =>
    s ? [axis.high, ...(axis.low < 0 ? [axis.low] : [])].map((v) => ({ v, format: s.format })) : [];
  return (
    <>
      {ends(left, primary[0]).map(({ v, format }) => (
        <g key={`l${v}`}>
          <line
            className={styles.grid}
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={left.y(v)}
            y2={left.y(v)}
          />
          <text className={styles.text} x={LEFT - 4} y={left.y(v) + 3} textAnchor="end">
            {formatFigureShort(v, format)}
          </text>
        </g>
      ))}
      {ends(right, secondary[0]).map(({ v, format }) => (
        <text key={`r${v}`} className={styles.text} x={WIDTH - RIGHT + 4} y={right.y(v) + 3}>
          {formatFigureShort(v, format)}
        </text>
      ))}
      {columns.map((s, k) => {
        const axis = s.secondaryAxis ? right : left;
        return (
          <g key={s.name} data-series={s.name} className={k ? styles.column1 : styles.column0}>
            {s.values.map((v, i) => {
              if (v === null) return null;
              const x = cx(i) - (band * columns.length) / 2 + band * k;
              const top = Math.min(axis.y(v), axis.y(0));
              return (
                <g key={i}>
                  <rect
                    x={x}
                    y={top}
                    width={band - 1}
                    height={Math.abs(axis.y(v) - axis.y(0))}
                    data-value={v}
                  />
                  {labelled && (
                    <text
                      className={styles.label}
                      x={x + band / 2}
                      y={v < 0 ? axis.y(v) + 10 : top - 3}
                      textAnchor="middle"
                    >
                      {formatFigureShort(v, s.format)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
      {chart.series
        .filter((s) => isLine(chart, s))
        .map((s, k) => {
          const axis = s.secondaryAxis ? right : left;
          const points = s.values.flatMap((v, i) =>
            v === null ? [] : [{ x: cx(i), y: axis.y(v), v }]
          );
          return (
            <g key={s.name} data-series={s.name}>
              <polyline
                className={k ? styles.line1 : styles.line0}
                points={points.map((p) => `${p.x},${p.y}`).join(" ")}
              />
              {points.map((p, i) => (
                <circle
                  key={i}
                  className={k ? styles.dot1 : styles.dot0}
                  cx={p.x}
                  cy={p.y}
                  r={3}
                  data-value={p.v}
                />
              ))}
            </g>
          );
        })}
      <line className={styles.axis} x1={LEFT} x2={WIDTH - RIGHT} y1={left.y(0)} y2={left.y(0)} />
      {chart.categories.map((c, i) =>
        frame.level ? (
          frame.level[i].map((line, j) => (
            <text
              key={`${i}-${j}`}
              className={styles.label}
              x={cx(i)}
              y={TOP + PLOT + 13 + j * 11}
              textAnchor="middle"
            >
              {line}
            </text>
          ))
        ) : (
          <text
            key={i}
            className={styles.label}
            x={cx(i)}
            y={TOP + PLOT + 12}
            textAnchor="end"
            transform={`rotate(-40 ${cx(i)} ${TOP + PLOT + 12})`}
          >
            {frame.slanted[i]}
          </text>
        )
      )}
    </>
  );
}

/** The colour key of each series, as the SVG draws it. */
function swatchColour(chart: ChartData, s: Series): string {
  const lines = chart.series.filter((x) => isLine(chart, x));
  const columns = chart.series.filter((x) => !isLine(chart, x));
  if (isLine(chart, s))
    return lines.indexOf(s)
      ? tokens.colorPaletteBerryBorderActive
      : tokens.colorPaletteDarkOrangeBorderActive;
  return columns.indexOf(s) ? tokens.colorPaletteTealBorderActive : tokens.colorBrandBackground;
}

export function SheetChart({ chart }: { chart: ChartData }) {
  const styles = useStyles();
  const bars = chart.type === "bar";
  const height = bars ? chart.categories.length * 22 + 4 : columnFrame(chart).height;
  const legend = chart.series.map((s) => ({
    name: `${s.name}${s.secondaryAxis ? " (right-hand scale)" : ""}`,
    colour: swatchColour(chart, s),
  }));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.title} aria-hidden="true">
        {chart.title}
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={chartLabel(chart)}
        data-chart-type={chart.type}
      >
        {bars ? (
          <DivergingBars chart={chart} styles={styles} />
        ) : (
          <ColumnsAndLines chart={chart} styles={styles} />
        )}
      </svg>
      {bars && chart.axisTitles?.values && (
        <Caption1 aria-hidden="true">{chart.axisTitles.values}</Caption1>
      )}
      {chart.series.length > 1 && (
        <ul className={styles.legend} aria-hidden="true">
          {legend.map((l) => (
            <li key={l.name} className={styles.key}>
              <span className={styles.swatch} style={{ backgroundColor: l.colour }} />
              <Caption1>{l.name}</Caption1>
            </li>
          ))}
        </ul>
      )}
      <table className={styles.hidden}>
        <caption>{chart.title}</caption>
        <thead>
          <tr>
            <td />
            {chart.series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.categories.map((c, i) => (
            <tr key={`${c}-${i}`}>
              <th scope="row">{c}</th>
              {chart.series.map((s) => {
                const v = s.values[i];
                return <td key={s.name}>{v === null ? "" : formatFigure(v, s.format)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
