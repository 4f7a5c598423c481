import type { BuildRequest, BuildResult, WorkbookGrids } from "../core/workbook/types";

/** The one call into the core: read, validate, compute, lay out. */
export type BuildWorkbook = (workbook: WorkbookGrids, request: BuildRequest) => BuildResult;

/**
 * Until src/core/workbook/build.ts lands, the CLI runs with whatever `build` its caller
 * injects (tests do); run on its own it says the costing is not available yet.
 */
export const defaultBuild: BuildWorkbook = () => {
  throw new Error("the costing engine (src/core/workbook/build.ts) is not available yet");
};
