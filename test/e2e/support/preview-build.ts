import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
export const PREVIEW_DIR = path.join(ROOT, "dist-preview");

/** Everything the preview build is made from: a newer file makes the build stale. */
const SOURCES = ["src", "examples", "webpack.config.js", "package.json", "tsconfig.json"];

function newestIn(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestIn(path.join(p, f))), s.mtimeMs);
}

export interface PreviewBuild {
  /** Whether this run had to build it. */
  built: boolean;
  /** Wall-clock seconds the build took (0 when it was fresh). */
  seconds: number;
}

/**
 * Builds the browser preview (production mode, --env preview) into dist-preview/ when it
 * is missing or older than its sources, so the e2e tests always run today's code.
 */
export function ensurePreviewBuild(): PreviewBuild {
  const html = path.join(PREVIEW_DIR, "taskpane.html");
  const fresh =
    existsSync(html) &&
    statSync(html).mtimeMs >= Math.max(...SOURCES.map((s) => newestIn(path.join(ROOT, s))));
  if (fresh) return { built: false, seconds: 0 };
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--env",
      "preview",
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }
  );
  if (result.status !== 0 || !existsSync(html))
    throw new Error(`The preview build failed:\n${result.stdout}\n${result.stderr}`);
  return { built: true, seconds: (Date.now() - started) / 1000 };
}
