/** What the CLI tests share: a captured terminal and a stand-in for the core. */
import type { BuildRequest, BuildResult, WorkbookGrids } from "../../src/core/workbook/types";

/** The clock every CLI test reads, so file names and provenance lines are fixed. */
export const NOW = new Date(Date.UTC(2025, 5, 1, 9, 30));

/** The CLI's terminal, recorded: stdout and stderr as text, stderr a TTY or not. */
export function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s), isTTY },
      now: () => NOW,
    },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

/** Stands in for the core's buildWorkbook: gives `result`, and records what it was asked. */
export function recordingBuild(result: BuildResult) {
  const calls: Array<{ workbook: WorkbookGrids; request: BuildRequest }> = [];
  const build = (workbook: WorkbookGrids, request: BuildRequest): BuildResult => {
    calls.push({ workbook, request });
    return result;
  };
  return { build, calls };
}

/**
 * An Assumptions sheet that leaves only the figures a test checks by hand: 2025/26, one
 * year, each post at its own salary, no increments, pension 19%.
 */
export const PLAIN_ASSUMPTIONS: (string | number)[][] = [
  ["Setting", "Value"],
  ["First financial year", "2025/26"],
  ["Number of years", 1],
  ["Costing point", "actual"],
  ["Increment rule", "none"],
  ["Employer pension rate", "19%"],
];
