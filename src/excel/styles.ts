import type { CellStyle, SpecCell } from "../core/report";

/** How each presentation role looks. One table, so the sheets stay consistent. */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
}

export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 14, color: "#1F3864" },
  subtitle: { italic: true, size: 11, color: "#404040" },
  header: { bold: true, fill: "#D9E1F2", color: "#000000" },
  total: { bold: true, fill: "#F2F2F2" },
  // Excel's own "Bad" and "Input" cell-style colours, which finance staff recognise.
  warning: { color: "#9C0006", fill: "#FFC7CE" },
  note: { italic: true, color: "#595959" },
  input: { color: "#3F3F76", fill: "#FFCC99" },
};

/** A rectangle of cells sharing one style (zero-based, end exclusive). */
export interface StyleBlock {
  style: CellStyle;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Groups styled cells into as few rectangles as possible — runs along a row, merged
 * down while the next row has the same run — so formatting costs a handful of requests
 * rather than one per cell.
 */
export function styleBlocks(cells: readonly (readonly (SpecCell | null)[])[]): StyleBlock[] {
  const done: StyleBlock[] = [];
  let open = new Map<string, StyleBlock>();
  cells.forEach((row, r) => {
    const next = new Map<string, StyleBlock>();
    let c = 0;
    while (c < row.length) {
      const style = row[c]?.style;
      if (style === undefined) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < row.length && row[end]?.style === style) end++;
      const id = `${c}:${end}:${style}`;
      const previous = open.get(id);
      if (previous !== undefined && previous.row + previous.rows === r) {
        previous.rows++;
        next.set(id, previous);
        open.delete(id);
      } else {
        next.set(id, { style, row: r, column: c, rows: 1, columns: end - c });
      }
      c = end;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.column - b.column);
}
