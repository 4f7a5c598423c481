import type { BuildRequest, BuildResult, WorkbookGrids } from "../core/workbook/types";
import { buildWorkbook } from "../core/workbook/build";

/** The one call into the core: read, validate, compute, lay out. */
export type BuildWorkbook = (workbook: WorkbookGrids, request: BuildRequest) => BuildResult;

export const defaultBuild: BuildWorkbook = buildWorkbook;
