import path from "node:path";
import { PREVIEW_BUILD, ROOT, ensureBuilt, type Built } from "../../support/builds";

export { ROOT };
export const PREVIEW_DIR = path.join(ROOT, "dist-preview");

export type PreviewBuild = Built;

/**
 * Builds the browser preview (production mode, --env preview) into dist-preview/ when it
 * is missing or older than its sources, so the e2e tests always run today's code.
 */
export function ensurePreviewBuild(): PreviewBuild {
  return ensureBuilt(PREVIEW_BUILD);
}
