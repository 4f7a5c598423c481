import { once } from "node:events";
import { createWriteStream, existsSync, realpathSync, rmSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { READ_LIMITS, WorkbookRefused, fileTooBig } from "../xlsx/limits";

/** A problem with the command or its files (exit code 2), told in plain words. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * What the machine said no to (a full disk, a folder that cannot be written, a name too
 * long), as a sentence for the user, or undefined when `err` is not such a failure.
 * `file` is the path the failing call was about, when known.
 */
export function environmentMessage(err: unknown, file?: string): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const where = file === undefined ? "" : ` '${file}'`;
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return `The disk is full (writing${where}). Free some space or write somewhere else with -o.`;
    case "EACCES":
    case "EPERM":
      return `You do not have permission to write or read${where}. Choose another place with -o, or ask for access.`;
    case "EROFS":
      return `${where ? `${where.trim()} is` : "The output is"} on a read-only disk. Choose another place with -o.`;
    case "ENAMETOOLONG":
      return `The file name${where} is too long for this disk. Choose a shorter name.`;
    case "EISDIR":
      return `${where ? where.trim() : "The output"} is a folder, not a file. Give a file name ending in .xlsx.`;
    case "ENOTDIR":
      return `Part of the path${where} is a file, not a folder. Check the path.`;
    case "EMFILE":
    case "ENFILE":
      return "Too many files are open on this machine. Close some programs and try again.";
    case "EIO":
      return `The disk could not be read or written${where}. Check the disk and try again.`;
    default:
      return undefined;
  }
}

/** The input's bytes; one over the size limit is refused before it is read into memory. */
export async function readInput(file: string): Promise<Uint8Array> {
  if (!existsSync(file)) throw new UsageError(`Cannot find the workbook '${file}'.`);
  try {
    const { size } = await stat(file);
    if (size > READ_LIMITS.fileBytes) throw fileTooBig(`'${file}'`, size);
    return await readFile(file);
  } catch (err) {
    if (err instanceof WorkbookRefused) throw err;
    throw new UsageError(
      environmentMessage(err, file) ?? `Cannot read '${file}': ${(err as Error).message}`
    );
  }
}

/** The same file, even when reached by another path or a link. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

/** "budget.xlsx" → "budget-costed.xlsx", beside it. */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}-costed.xlsx`);
}

/** What goes in a file: its bytes, or a writer streaming them into the file. */
export type FileContent = Uint8Array | ((out: Writable) => Promise<unknown>);

/**
 * Our temporary files: `.<name>.<pid>.<time>.tmp` beside the target, the name cut so the
 * whole stays well inside a file-name limit. The pattern finds stale ones to sweep.
 */
const TEMP = /^\..*\.(\d+)\.(\d{13})\.tmp$/;
const NAME_BYTES = 160;

function tempName(target: string): string {
  let base = path.basename(target);
  while (Buffer.byteLength(base) > NAME_BYTES) base = base.slice(0, -1);
  return `.${base}.${process.pid}.${Date.now()}.tmp`;
}

/** Temporary files being written now, removed if the process is stopped (Ctrl-C, kill). */
const live = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const file of live) rmSync(file, { force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Stopped as the signal would have stopped it, now that nothing is left behind.
  process.kill(process.pid, signal);
}

function track(file: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(file);
}

function untrack(file: string): void {
  live.delete(file);
  if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, someone else's.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary files of our own pattern in `dir` left by a run that was killed
 * outright (kill -9, a power cut): its process is gone. Best effort: never fails a run.
 */
export async function sweepStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match || Number(match[1]) === process.pid || running(Number(match[1]))) continue;
    await rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** An output file opened before the work: the temporary file exists and is writable. */
export interface OutputFile {
  /** Writes the content into the temporary file and renames it into place. */
  write(content: FileContent): Promise<void>;
  /** Removes the temporary file, leaving the target as it was; nothing once written. */
  discard(): Promise<void>;
}

/**
 * Checks that `target` can be written, before the work that makes its content: not a
 * folder, a name the disk takes, a folder that exists (made if need be) and can be
 * written, by creating the temporary file beside it now. Failures are UsageErrors in
 * plain words. Sweeps stale temporary files of ours from that folder first.
 */
export async function openOutput(target: string): Promise<OutputFile> {
  const refuse = (err: unknown, file = target): never => {
    throw new UsageError(
      environmentMessage(err, file) ?? `Cannot write '${file}': ${(err as Error).message}`
    );
  };
  const found = await stat(target).catch((err: NodeJS.ErrnoException) =>
    err.code === "ENOENT" ? undefined : refuse(err)
  );
  if (found?.isDirectory()) refuse(Object.assign(new Error("folder"), { code: "EISDIR" }));
  const dir = path.dirname(path.resolve(target));
  // The first folder made, if any: removed again when nothing is written.
  const made = await mkdir(dir, { recursive: true }).catch((err) =>
    refuse(err, path.dirname(target))
  );
  await sweepStaleTemps(dir);

  const temp = path.join(dir, tempName(target));
  const out = createWriteStream(temp, { flags: "wx" });
  track(temp);
  // A write error (disk full) ends any wait below, whatever the writer is doing.
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  let settled = false;
  const discard = async () => {
    if (settled) return;
    settled = true;
    out.destroy();
    if (!out.closed) await once(out, "close").catch(() => undefined);
    await rm(temp, { force: true });
    untrack(temp);
    for (let d = dir; made !== undefined && d.startsWith(made); d = path.dirname(d))
      if (
        !(await rmdir(d).then(
          () => true,
          () => false
        ))
      )
        break;
  };
  try {
    await Promise.race([once(out, "open"), failed]);
  } catch (err) {
    await discard();
    refuse(err);
  }
  return {
    discard,
    async write(content) {
      try {
        const written =
          content instanceof Uint8Array
            ? new Promise<void>((resolve) => out.end(content, resolve))
            : content(out);
        await Promise.race([written, failed]);
        if (!out.closed) await Promise.race([once(out, "close"), failed]);
        await rename(temp, target);
        settled = true;
        untrack(temp);
      } catch (err) {
        await discard();
        const message = environmentMessage(err, target);
        throw message === undefined ? err : new UsageError(`${message} Nothing was written.`);
      }
    },
  };
}

/**
 * Writes to a temporary file beside the target, then renames it into place: a crash or a
 * full disk leaves either the old file or the new one, never half a workbook. `content`
 * is the bytes, or a function that streams them into the temporary file (the build's
 * workbook writer) and resolves when it has ended the stream. On any failure, the
 * writer's or the disk's, the temporary file is removed and the target left as it was.
 */
export async function writeAtomically(target: string, content: FileContent): Promise<void> {
  await (await openOutput(target)).write(content);
}
