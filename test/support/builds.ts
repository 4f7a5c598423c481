/**
 * Build outputs some suites test (the add-in bundles, the browser preview, the built estab
 * command). `npm test` on a fresh clone has none of them, so a suite that needs one builds
 * it here when it is missing or older than its sources: the tests always see today's code,
 * and CI, which builds first, pays nothing. A lock keeps two jest workers (or two jest
 * runs) from building into the same folder at once.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export interface BuildOutput {
  /** What it is, for messages: "the add-in build (dist/)". */
  what: string;
  /** The file whose age is the build's age; it is written last by the build. */
  marker: string;
  /** Files and folders the build is made from: a newer one makes it stale. */
  sources: string[];
  /** The command, as node arguments from the project root. */
  command: string[];
}

const WEBPACK = "node_modules/webpack-cli/bin/cli.js";
const WEB_SOURCES = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "package.json",
  "tsconfig.json",
];

/** `npm run build`'s add-in half: the production bundles, functions.json and the manifest. */
export const ADDIN_BUILD: BuildOutput = {
  what: "the add-in build (dist/)",
  marker: "dist/taskpane.html",
  sources: WEB_SOURCES,
  command: [WEBPACK, "--mode", "production"],
};

/** The browser preview, as the e2e tests serve it. */
export const PREVIEW_BUILD: BuildOutput = {
  what: "the browser preview build (dist-preview/)",
  marker: "dist-preview/taskpane.html",
  sources: [...WEB_SOURCES, "examples"],
  command: [WEBPACK, "--mode", "production", "--env", "preview"],
};

/** `npm run build:cli`: the estab command as installed. */
export const CLI_BUILD: BuildOutput = {
  what: "the estab command build (dist/cli/)",
  marker: "dist/cli/cli/main.js",
  sources: [
    "src/cli",
    "src/core",
    "src/xlsx",
    "tsconfig.json",
    "tsconfig.cli.json",
    "package.json",
  ],
  command: ["node_modules/typescript/bin/tsc", "-p", "tsconfig.cli.json"],
};

export interface Built {
  /** Absolute path of the marker file. */
  marker: string;
  /** Whether this call had to build it. */
  built: boolean;
  /** Wall-clock seconds the build took (0 when it was fresh). */
  seconds: number;
}

function newestIn(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestIn(path.join(p, f))), s.mtimeMs);
}

function isFresh(output: BuildOutput): boolean {
  const marker = path.join(ROOT, output.marker);
  return (
    existsSync(marker) &&
    statSync(marker).mtimeMs >= Math.max(...output.sources.map((s) => newestIn(path.join(ROOT, s))))
  );
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` holding the output's lock; a lock left by a process that died is taken over. */
function withLock<T>(output: BuildOutput, work: () => T): T {
  // Under .cache/ (ignored by git): one lock folder per build output.
  const locks = path.join(ROOT, ".cache", "build-locks");
  mkdirSync(locks, { recursive: true });
  const lock = path.join(locks, output.marker.replace(/[/\\]/g, "_"));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const owner = Number(readFileSafe(path.join(lock, "pid")));
      if (owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    writeFileSync(path.join(lock, "pid"), String(process.pid));
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Builds `output` when it is missing or older than its sources; throws with the log if the build fails. */
export function ensureBuilt(output: BuildOutput): Built {
  const marker = path.join(ROOT, output.marker);
  if (isFresh(output)) return { marker, built: false, seconds: 0 };
  return withLock(output, () => {
    // Another worker may have built it while this one waited.
    if (isFresh(output)) return { marker, built: false, seconds: 0 };
    const started = Date.now();
    const result = spawnSync(process.execPath, output.command, {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0 || !existsSync(marker))
      throw new Error(`Building ${output.what} failed:\n${result.stdout}\n${result.stderr}`);
    return { marker, built: true, seconds: (Date.now() - started) / 1000 };
  });
}
