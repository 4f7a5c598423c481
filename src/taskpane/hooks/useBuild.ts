import { useCallback, useRef, useState } from "react";
import type { SheetKey } from "../../core/report";
import type { WriteOutcome } from "../../core/workbook/port";
import type { BuildResult, WorkbookGrids } from "../../core/workbook/types";
import type { PaneEngine, SourceChoice } from "../engine";
import type { PaneServices } from "../services";
import { plainError } from "./useWorkbook";

export type BuildMode = "shareable" | "live";
export type BuildStage = "idle" | "reading" | "calculating" | "writing" | "done" | "failed";

export interface BuildRun {
  /** The sheets asked for; undefined for "Build all". */
  only?: SheetKey[];
  /** The scenario built with; undefined for the base assumptions. */
  scenario?: string;
  /** Built live: the Scenarios sheet's "Scenario in use" cell switches the live sheets. */
  live?: boolean;
  stage: BuildStage;
  result?: BuildResult;
  outcome?: WriteOutcome;
  /** A failure outside the core's issues (reading or writing the workbook). */
  error?: string;
  finishedAt?: Date;
}

/** The Build tab's choices beyond the sheets and the mode. */
export interface BuildOptions {
  /** A scenario column of the Assumptions sheet; undefined for the base (the Value column). */
  scenario?: string;
  /** Locality shares by role as well. */
  roles: boolean;
}

export interface BuildState {
  run: BuildRun;
  running: boolean;
  /** Builds the sheets (`only` these), in the pane's mode unless `as` says which. */
  build: (only?: SheetKey[], as?: BuildMode) => Promise<void>;
}

/**
 * The build also returns the assumptions it used (key "assumptions"), which the CLI puts
 * in its new workbook. In a workbook that already has an assumptions sheet that sheet is
 * the source of truth and is already there, so the copy is not written: writing it would
 * replace the add-in's own assumptions sheet, or sit beside the user's as a second one.
 */
export function sheetsToWrite(result: BuildResult, engine: PaneEngine, workbook: WorkbookGrids) {
  if (engine.inspectAssumptions(workbook).sheet === undefined) return result.sheets;
  return result.sheets.filter((s) => s.key !== "assumptions");
}

/** Only the overrides the user made; none means the reader's own mapping. */
function overrides<F extends string>(mapping: Partial<Record<F, string>>) {
  return Object.keys(mapping).length > 0 ? mapping : undefined;
}

/** Lets the progress bar paint between steps: the calculation itself is synchronous. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useBuild(
  services: PaneServices,
  choice: SourceChoice,
  mode: BuildMode,
  options: BuildOptions,
  reload: () => Promise<WorkbookGrids>
): BuildState {
  const { engine, port, now, version } = services;
  const [run, setRun] = useState<BuildRun>({ stage: "idle" });
  const running = useRef(false);

  const build = useCallback(
    async (only?: SheetKey[], as: BuildMode = mode) => {
      if (running.current) return;
      running.current = true;
      // Live, the scenario is where the Scenarios sheet's "Scenario in use" switch starts.
      const scenario = options.scenario;
      const live = as === "live";
      setRun({ only, scenario, live, stage: "reading" });
      try {
        // Read afresh: the user may have edited the establishment since the pane last looked.
        const workbook = await reload();
        setRun({ only, scenario, live, stage: "calculating" });
        await nextFrame();
        const result = engine.build(workbook, {
          only,
          mode: as,
          establishment: choice.establishment,
          current: choice.current,
          proposed: choice.proposed,
          ...(scenario === undefined ? {} : { scenario }),
          ...(options.roles ? { roles: true } : {}),
          mapping: overrides(choice.mapping),
          localityMapping: overrides(choice.localityMapping),
          generatedAt: now().toISOString(),
          version,
        });
        // Errors: nothing is written, the issues say what to fix.
        if (!result.ok) {
          setRun({ only, scenario, live, stage: "done", result, finishedAt: now() });
          return;
        }
        setRun({ only, scenario, live, stage: "writing", result });
        await nextFrame();
        const outcome = await port.writeSheets(sheetsToWrite(result, engine, workbook), {
          mode: as,
        });
        setRun({ only, scenario, live, stage: "done", result, outcome, finishedAt: now() });
        await reload().catch(() => undefined);
      } catch (e) {
        setRun((r) => ({
          ...r,
          stage: "failed",
          error: plainError(
            e,
            r.stage === "writing"
              ? // The port says whether the workbook is as it was (or what is left).
                "The sheets could not be written"
              : r.stage === "reading"
                ? "The workbook could not be read"
                : "The calculation stopped"
          ),
        }));
      } finally {
        running.current = false;
      }
    },
    [choice, engine, mode, now, options, port, reload, version]
  );

  return {
    run,
    running: run.stage !== "idle" && run.stage !== "done" && run.stage !== "failed",
    build,
  };
}
