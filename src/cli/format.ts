import { formatUkDate } from "../core/dates";
import type { Issue } from "../core/grid";
import { formatIssue, quoteSheetName } from "../core/grid";
import type { NumberFormatName } from "../core/report";
import type { SheetSummary } from "../core/workbook/types";
import type { CliIo } from "./io";
import { CLEAR_LINE } from "./progress";

/**
 * How figures read in the terminal: en-GB, the way a finance report prints them.
 * Presentation only; every figure arrives computed.
 */
const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const THOUSANDS = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const TWO_DP = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const WHOLE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat("en-GB", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** "£1,234.56"; a figure already in £k (format "moneyK") as "£1,234.6k". */
export function formatFigure(value: number, format: NumberFormatName): string {
  switch (format) {
    case "money":
      return POUNDS.format(value);
    case "moneyK":
      return `${value < 0 ? "-" : ""}£${THOUSANDS.format(Math.abs(value))}k`;
    case "fte":
      return TWO_DP.format(value);
    case "percent":
      return PERCENT.format(value);
    case "integer":
      return WHOLE.format(value);
    case "date":
      return formatUkDate(value);
    case "general":
      return String(value);
  }
}

/** The per-sheet summary as lines of text, labels lined up. */
export function summaryLines(summaries: SheetSummary[]): string[] {
  const lines: string[] = [];
  for (const s of summaries) {
    lines.push("", `${s.sheetName}: ${s.headline}`);
    const width = Math.max(0, ...s.figures.map((f) => f.label.length));
    for (const f of s.figures)
      lines.push(`  ${f.label.padEnd(width)}  ${formatFigure(f.value, f.format)}`);
    for (const w of s.warnings) lines.push(`  ! ${w}`);
  }
  return lines;
}

/**
 * Issues, errors first, each with its cell: "Establishment!G12: FTE … — enter e.g. 1".
 * Infos (nothing to do) come last and quietly, one line for all of them:
 * "5 notes: blank rows skipped (Establishment rows 8, 18, 24, 32, 38)".
 */
export function issueLines(issues: Issue[]): string[] {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const infos = issues.filter((i) => i.severity === "info");
  const lines: string[] = [];
  if (errors.length > 0) {
    lines.push(`${plural(errors.length, "error")} in the workbook:`);
    for (const i of errors) lines.push(`  error    ${formatIssue(i)}`);
  }
  if (warnings.length > 0) {
    lines.push(`${plural(warnings.length, "warning")}:`);
    for (const i of warnings) lines.push(`  warning  ${formatIssue(i)}`);
  }
  if (infos.length > 0) lines.push(`${plural(infos.length, "note")}: ${noteSummary(infos)}`);
  return lines;
}

/** What a kind of note says, one and many: "blank row(s) skipped". Others use their own message. */
const NOTE_KINDS: Record<string, [one: string, many: string]> = {
  "blank-row": ["blank row skipped", "blank rows skipped"],
  "section-heading": ["row read as a heading", "rows read as headings"],
};

/** Notes grouped by kind, with their rows: "blank rows skipped (Establishment rows 8, 18)". */
function noteSummary(infos: readonly Issue[]): string {
  const byCode = new Map<string, Issue[]>();
  for (const i of infos) byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
  const parts: string[] = [];
  for (const [code, group] of byCode) {
    const kind = NOTE_KINDS[code];
    if (kind === undefined) {
      for (const i of group) parts.push(`${i.message} (${quoteSheetName(i.sheet)}!${i.address})`);
      continue;
    }
    const rowsBySheet = new Map<string, string[]>();
    for (const i of group)
      rowsBySheet.set(i.sheet, [
        ...(rowsBySheet.get(i.sheet) ?? []),
        /\d+$/.exec(i.address)?.[0] ?? i.address,
      ]);
    const where = [...rowsBySheet]
      .map(([sheet, rows]) => `${sheet} ${rows.length === 1 ? "row" : "rows"} ${rows.join(", ")}`)
      .join("; ");
    parts.push(`${kind[group.length === 1 ? 0 : 1]} (${where})`);
  }
  return parts.join("; ");
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Characters that would act on the terminal instead of being shown: C0 controls but tab
 * and newline (ESC starts a sequence that can move the cursor, clear the screen or set
 * the window title; CR rewrites the line), DEL, C1 controls (0x9B is a one-byte ESC [)
 * and the bidirectional overrides that make text read other than it is stored.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may be printed: each unsafe character as `\u001b` and so on. The same
 * escape JSON uses, so --json output stays valid and reads back unchanged.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The terminal with every write escaped: post titles, sheet names and cells quoted in
 * messages are the users' text, and the workbook may have come from anyone. The one
 * sequence the CLI sends on purpose, the progress line's clear, passes.
 */
export function terminalSafe(io: CliIo): CliIo {
  const safe = (s: string) =>
    s.startsWith(CLEAR_LINE)
      ? CLEAR_LINE + escapeControls(s.slice(CLEAR_LINE.length))
      : escapeControls(s);
  return {
    now: () => io.now(),
    stdout: { write: (s: string) => io.stdout.write(safe(s)) },
    stderr: {
      write: (s: string) => io.stderr.write(safe(s)),
      ...(io.stderr.isTTY !== undefined ? { isTTY: io.stderr.isTTY } : {}),
    },
  };
}
